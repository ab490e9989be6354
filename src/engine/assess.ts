// One assessment: a deterministic function of (repository at a commit, rubric, config,
// detectors). No global state, so a worker process can run many side by side.
import { createRequire } from 'node:module';
import type { AnyDetector, DetectContext, PatternSpec } from '../core/detector.ts';
import { ASSESSMENT_SCHEMA_VERSION, type Assessment, type DetectorRecord } from '../core/assessment.ts';
import type { DetectorResult, Match } from '../core/types.ts';
import { loadConfig } from '../config/load.ts';
import { targetLevels } from '../config/schema.ts';
import { DETECTORS } from '../detectors/registry.generated.ts';
import type { EventSink } from '../events/index.ts';
import { scanRepository, ScanInputError } from '../repo/index.ts';
import { readPeople } from '../attest/index.ts';
import { evidenceRecord, judge, type EvidenceRecord } from './judge.ts';
import { loadRubric } from '../rubric/load.ts';
import type { LoadedRubric } from '../rubric/schema.ts';
import { MESSAGES, UserError } from '../errors/index.ts';

const pkg = createRequire(import.meta.url)('../../package.json') as { name: string; version: string };
export const TOOL = { name: pkg.name, version: pkg.version } as const;

export interface AssessOptions {
  rubric?: LoadedRubric;
  detectors?: readonly AnyDetector[];
  /** An explicit config file instead of discovery in the repository. */
  configFile?: string;
  workers?: number;
  /** Folder for the history's per-commit cache (results never depend on it); none: no cache. */
  cacheDir?: string | undefined;
  /** The assessment time (tests pin it). */
  now?: Date;
  onEvent?: EventSink;
}

export interface AssessRun {
  assessment: Assessment;
  /** The raw evidence the assessment was judged from: what the history stores for re-evaluation. */
  evidence: EvidenceRecord;
  stats: { files: number; filesRead: number; bytesRead: number; workers: number; commits: number; scanMs: number; totalMs: number; patterns: number };
}

/** Everything that decides a pattern's matches: equal signatures give equal matches. */
function patternSignature(spec: PatternSpec): string {
  return JSON.stringify([spec.regex.source, spec.regex.flags, spec.literals ?? null, spec.roles ?? null, spec.languages ?? null, spec.paths ?? null, spec.code ?? null, spec.maxPerFile ?? null]);
}

function patternKey(detector: string, name: string): string {
  return `${detector}#${name}`;
}

export async function runDetector(
  d: AnyDetector,
  ctx: DetectContext,
): Promise<DetectorResult> {
  try {
    return await d.detect(ctx);
  } catch (e) {
    return { outcome: 'error', summary: `detector ${d.id} failed: ${(e as Error).message}`, evidence: [] };
  }
}

export async function assess(path: string, opts: AssessOptions = {}): Promise<AssessRun> {
  const t0 = performance.now();
  const rubric = opts.rubric ?? loadRubric();
  const detectors = opts.detectors ?? DETECTORS;
  const emit = opts.onEvent ?? (() => undefined);

  const patterns = new Map<string, PatternSpec>();
  const bySignature = new Map<string, string>();
  const aliases = new Map<string, string>();
  const contents: string[] = [];
  let history = false;
  for (const d of detectors) {
    for (const [name, spec] of Object.entries<PatternSpec>(d.patterns ?? {})) {
      // Detectors that share a pattern (the route analysis of three API detectors) get one run of it.
      const signature = patternSignature(spec);
      const first = bySignature.get(signature);
      if (first) aliases.set(patternKey(d.id, name), first);
      else {
        bySignature.set(signature, patternKey(d.id, name));
        patterns.set(patternKey(d.id, name), spec);
      }
    }
    contents.push(...(d.contents ?? []));
    history ||= d.history === true;
  }

  emit({ type: 'scan:start', path });
  let scanned;
  let configFile: string | null;
  let config;
  try {
    const loaded = await loadConfig(path, opts.configFile);
    configFile = loaded.file;
    config = loaded.config;
    scanned = await scanRepository(path, {
      patterns,
      contents,
      history,
      exclude: config.exclude ?? [],
      ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
      cacheDir: opts.cacheDir,
      onProgress: (phase, done, total) => emit({ type: 'scan:progress', phase, done, total }),
    });
  } catch (e) {
    if (e instanceof ScanInputError) {
      throw new UserError(e.code, e.code === 'path-not-found' ? MESSAGES.pathNotFound(path) : MESSAGES.notADirectory(path));
    }
    throw e;
  }
  const scanMs = performance.now() - t0;
  emit({ type: 'scan:done', files: scanned.stats.files, bytes: scanned.stats.bytesRead, ms: scanMs });

  const results = new Map<string, DetectorResult>();
  const records: DetectorRecord[] = [];
  const noMatches: readonly Match[] = [];
  for (const d of detectors) {
    const ctx: DetectContext = {
      repo: scanned.view,
      matches: (name) => {
        const key = patternKey(d.id, name);
        return scanned.matches.get(aliases.get(key) ?? key) ?? noMatches;
      },
    };
    const r = await runDetector(d, ctx);
    if (r.outcome === 'error') emit({ type: 'detector:error', detector: d.id, message: r.summary });
    results.set(d.id, r);
    const rec: DetectorRecord = { id: d.id, outcome: r.outcome, summary: r.summary, evidenceCount: r.evidence.length };
    if (r.measures) rec.measures = r.measures;
    records.push(rec);
  }

  const targets = targetLevels(config, rubric.typicalLevel);
  const assessedAt = (opts.now ?? new Date()).toISOString();
  const blobOf = (p: string): string | undefined => scanned.view.file(p)?.blob;
  const people = await readPeople(scanned.subject.path, config, rubric, blobOf);
  const judged = judge({ rubric, results, targets, assessedAt, blobOf, people });
  const incomplete = records.some((r) => r.outcome === 'error');
  const assessment: Assessment = {
    schemaVersion: ASSESSMENT_SCHEMA_VERSION,
    tool: { ...TOOL },
    rubric: { id: rubric.id, version: rubric.version, hash: rubric.hash },
    subject: { ...scanned.subject },
    assessedAt,
    config: { file: configFile, targets },
    typicalLevel: rubric.typicalLevel,
    incomplete,
    pillars: judged.pillars,
    detectors: records,
    warnings: [
      ...scanned.warnings,
      ...judged.conflicts.map((message) => ({ code: 'review-conflict', message })),
      ...people.uncommitted.map((path) => ({ code: 'people-file-uncommitted', path, message: `${path} is not committed as read: it counts, but \`readiness verify\` cannot find it at the commit; commit it.` })),
    ],
    resultDigest: judged.resultDigest,
    human: judged.human,
  };
  const totalMs = performance.now() - t0;
  emit({ type: 'assess:done', ms: totalMs });
  return { assessment, evidence: evidenceRecord(results, people, blobOf), stats: { ...scanned.stats, scanMs, totalMs, patterns: patterns.size } };
}
