// Loads the rubric from its YAML files, validates it and computes its content hash.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { Pillar, Programme, Rubric, RubricMeta, type LoadedRubric, type Programme as ProgrammeData } from './schema.ts';

/** The built-in rubric sits at the package root, two folders above this file in src and dist. */
export const BUILTIN_RUBRIC_DIR = fileURLToPath(new URL('../../rubric/', import.meta.url));

export class RubricError extends Error {
  readonly file: string;
  readonly issues: string[];
  constructor(file: string, issues: string[]) {
    super(`invalid rubric ${file}: ${issues.join('; ')}`);
    this.file = file;
    this.issues = issues;
  }
}

function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

function readYaml(file: string): unknown {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new RubricError(file, [(e as Error).message.split('\n')[0] ?? 'unreadable']);
  }
}

/** Canonical JSON: keys sorted, so the hash does not depend on YAML layout or comments. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashRubric(rubric: Rubric): string {
  return createHash('sha256').update(canonicalJson(rubric)).digest('hex');
}

export function loadRubric(dir: string = BUILTIN_RUBRIC_DIR): LoadedRubric {
  const metaFile = join(dir, 'rubric.yaml');
  const meta = RubricMeta.safeParse(readYaml(metaFile));
  if (!meta.success) throw new RubricError(metaFile, issuesOf(meta.error));
  const pillars = meta.data.pillars.map((id) => {
    const file = join(dir, 'pillars', `${id}.yaml`);
    const p = Pillar.safeParse(readYaml(file));
    if (!p.success) throw new RubricError(file, issuesOf(p.error));
    if (p.data.id !== id) throw new RubricError(file, [`id: expected ${id}, found ${p.data.id}`]);
    return p.data;
  });
  const programmeFile = join(dir, 'programme.yaml');
  const programme = Programme.safeParse(readYaml(programmeFile));
  if (!programme.success) throw new RubricError(programmeFile, issuesOf(programme.error));
  const rubric = Rubric.parse({ ...meta.data, pillars, programme: programme.data });
  const problems = checkRubric(rubric);
  if (problems.length > 0) throw new RubricError(dir, problems);
  return { ...rubric, hash: hashRubric(rubric) };
}

/** Rules the schema cannot express: unique ids, id prefixes, anti-patterns only at level 1. */
export function checkRubric(rubric: Rubric): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const p of rubric.pillars) {
    for (const c of p.criteria) {
      if (seen.has(c.id)) problems.push(`${c.id}: duplicate criterion id`);
      seen.add(c.id);
      if (!c.id.startsWith(`${p.id}.`)) problems.push(`${c.id}: must start with "${p.id}."`);
      if (c.level === 1 && !c.antiPattern) problems.push(`${c.id}: level-1 criteria name their antiPattern`);
      if (c.level !== 1 && c.antiPattern) problems.push(`${c.id}: only level-1 criteria are anti-patterns`);
      if ((c.level === 2 || c.level === 5) && !c.derivation) problems.push(`${c.id}: level ${c.level} criteria record their derivation from 6.1`);
      if (c.evidence.kind === 'detected' && !c.evidence.all && !c.evidence.any) problems.push(`${c.id}: detected evidence needs all or any`);
    }
    for (const level of [2, 3, 4, 5]) {
      if (!p.criteria.some((c) => c.level === level)) problems.push(`${p.id}: no criterion at level ${level}`);
    }
  }
  const pg = rubric.programme;
  pg.phasing.forEach((ph, i) => {
    if (ph.from !== i + 1) problems.push(`programme.phasing.${i}: expected the transition from level ${i + 1}`);
  });
  for (const s of pg.sequencing) {
    if (s.requires.pillar === s.pillar) problems.push(`programme.sequencing: ${s.pillar} cannot require itself`);
  }
  const cycle = sequencingCycle(pg.sequencing);
  if (cycle) problems.push(`programme.sequencing: a cycle, ${cycle.join(' needs ')}`);
  for (const x of pg.interactions) {
    if (x.leading === x.lagging) problems.push(`programme.interactions.${x.id}: leading and lagging are the same pillar`);
  }
  for (const [name, size] of Object.entries(pg.effort.sizes)) {
    if (size.weeks[0] > size.weeks[1]) problems.push(`programme.effort.sizes.${name}: weeks must be [low, high]`);
  }
  return problems;
}

/**
 * A chain of rules that comes back to where it started: reaching `level` on `pillar` needs the
 * required pillar at its level, which needs what its own rules at or below that level require,
 * and so on. Coming back to the start pillar at the start level or above is a deadlock.
 */
export function sequencingCycle(rules: ProgrammeData['sequencing']): string[] | undefined {
  const step = (pillar: string, level: number): ProgrammeData['sequencing'] => rules.filter((r) => r.pillar === pillar && r.level <= level);
  for (const start of rules) {
    const walk = (r: ProgrammeData['sequencing'][number], path: string[]): string[] | undefined => {
      const next = `${r.requires.pillar} ${r.requires.level}`;
      if (r.requires.pillar === start.pillar && r.requires.level >= start.level) return [...path, next];
      if (path.includes(next)) return undefined; // a loop that does not pass the start: found from its own start
      for (const n of step(r.requires.pillar, r.requires.level)) {
        const found = walk(n, [...path, next]);
        if (found) return found;
      }
      return undefined;
    };
    const found = walk(start, [`${start.pillar} ${start.level}`]);
    if (found) return found;
  }
  return undefined;
}

/** Every detector id the rubric refers to. */
export function referencedDetectors(rubric: Rubric): Set<string> {
  const ids = new Set<string>();
  for (const p of rubric.pillars) {
    if (p.applicability) ids.add(p.applicability.condition.detector);
    for (const c of p.criteria) {
      const e = c.evidence;
      if (e.kind === 'measured') ids.add(e.detector);
      if (e.kind === 'detected') for (const cond of [...(e.all ?? []), ...(e.any ?? [])]) ids.add(cond.detector);
      for (const d of e.context ?? []) ids.add(d);
    }
  }
  return ids;
}
