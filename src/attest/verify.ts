// `readiness verify`: re-checks a saved assessment against the repository, so an outside auditor
// can check a rating without trusting the run that made it. Every evidence item must still exist at
// the recorded commit with the recorded content (blob id, line, excerpt); the levels must follow
// from the criterion statuses; the result digest must be the result's; attestations and waivers
// must have been valid on the assessment date, and valid reviews must sign this result.
// Git is asked twice in all: one `cat-file --batch-check` for every name, one `cat-file --batch`
// for the contents whose lines are checked.
import { stat } from 'node:fs/promises';
import type { Assessment, AttestationRef, CriterionResult, HumanEvidence, PillarResult, WaiverRef } from '../core/assessment.ts';
import { maskSecrets } from '../core/secrets.ts';
import { MESSAGES, UserError } from '../errors/index.ts';
import { git, gitBlobs, gitLines } from '../repo/git.ts';
import { loadRubric } from '../rubric/load.ts';
import type { LoadedRubric } from '../rubric/schema.ts';
import { countLines, excerpt, lineStarts, lineText } from '../util/text.ts';
import { cumulativeLevel } from '../rubric/evaluate.ts';
import { resultDigest } from './digest.ts';

export const VERIFY_KINDS = [
  'commit', // the recorded commit is not in the repository (or none was recorded)
  'path', // an evidence path is not in the repository at the commit
  'blob', // the file's content at the commit (or in git, for a dirty tree) is not the recorded one
  'line', // the recorded line is beyond the end of the file
  'excerpt', // the recorded excerpt is not what the line reads
  'tag', // a release tag does not resolve to a commit
  'level', // a pillar's level does not follow from its criteria
  'digest', // resultDigest is not the digest of the recorded result
  'rubric', // a criterion's id, level or kind differs from the rubric the assessment names
  'attestation',
  'waiver',
  'review',
  'document', // a cited document's content at the commit is not the recorded one
] as const;
export type VerifyKind = (typeof VERIFY_KINDS)[number];

export interface VerifyFailure {
  kind: VerifyKind;
  /** What failed: `path:line`, a pillar id, an attestation file, `resultDigest`. */
  where: string;
  message: string;
}

/** How many checks of each kind were done. */
export interface VerifyChecks {
  /** Evidence items of the assessment's criteria (each verified through the distinct checks below). */
  evidence: number;
  /** Distinct file contents compared with the recorded blob id. */
  files: number;
  /** Distinct (file, line, excerpt) compared with the line as the scanner reads it. */
  excerpts: number;
  /** ... of which the excerpt is part of the line or of the block the line opens (a CI step's command), not the whole line. */
  excerptsWithinLine: number;
  /** Distinct line numbers without an excerpt, checked to be within the file. */
  lines: number;
  folders: number;
  tags: number;
  commits: number;
  /** Evidence of the whole repository ('.') or with a path git cannot hold: nothing to compare. */
  notCheckable: number;
  /** Applicable pillars whose level was recomputed from their criteria. */
  pillars: number;
  attestations: number;
  waivers: number;
  reviews: number;
  /** Cited documents and human-evidence files (attestation, waiver, review files) compared with their recorded blob. */
  documents: number;
}

export interface VerifyReport {
  /** The commit the assessment was made at (null: none recorded). */
  commit: string | null;
  assessedAt: string;
  rubricHash: string;
  /** Whether the commit was found in the repository (file checks are skipped otherwise). */
  commitFound: boolean;
  checks: VerifyChecks;
  failures: VerifyFailure[];
  /** Facts that do not fail verification (a rubric other than the built-in one, files outside the repository). */
  warnings: string[];
}

/** A statement of a YAML step or a multi-line string opens at a line: `- name: x`, `run: |`, `sh '''`. */
const OPENS_BLOCK = /^-(?:\s|$)|(?:^|[\s:])[|>][-+]?\d?[-+]?$|(?:'''|""")$/;
/** Below this length a partial excerpt proves nothing; it must be the whole line. */
const MIN_PARTIAL = 4;
/** Lines of a block searched for an excerpt that is not on the block's first line. */
const MAX_BLOCK_LINES = 400;

interface Cite {
  where: string;
  evidence: { path: string; line?: number | undefined; excerpt?: string | undefined; blob?: string | undefined };
}

class Collector {
  readonly failures: VerifyFailure[] = [];
  readonly warnings: string[] = [];
  readonly checks: VerifyChecks = {
    evidence: 0, files: 0, excerpts: 0, excerptsWithinLine: 0, lines: 0, folders: 0, tags: 0, commits: 0,
    notCheckable: 0, pillars: 0, attestations: 0, waivers: 0, reviews: 0, documents: 0,
  };
  readonly fail = (kind: VerifyKind, where: string, message: string): void => {
    this.failures.push({ kind, where, message });
  };
}

// ---------------------------------------------------------------------------------------------
// git: names resolved in one batch, contents read in one batch

interface ObjectInfo {
  oid: string;
  type: string;
}

/** `git cat-file --batch-check` over names: one answer per name, null when git has no such object. */
async function lookup(cwd: string, names: readonly string[]): Promise<(ObjectInfo | null)[]> {
  const asked = names.filter((n) => !/[\n\r]/.test(n));
  const answers: (ObjectInfo | null)[] = [];
  if (asked.length > 0) {
    const ok = await gitLines(
      cwd,
      ['cat-file', '--batch-check=%(objectname) %(objecttype)'],
      (line) => {
        // "<oid> <type>", or "<name> missing" / "<name> ambiguous" (a name may hold spaces).
        const m = /^([0-9a-f]{40,64}) (blob|tree|commit|tag)$/.exec(line);
        answers.push(m ? { oid: m[1]!, type: m[2]! } : null);
      },
      `${asked.join('\n')}\n`,
    );
    if (!ok || answers.length !== asked.length) throw new Error(`git cat-file --batch-check failed in ${cwd}`);
  }
  let i = 0;
  return names.map((n) => (/[\n\r]/.test(n) ? null : (answers[i++] ?? null)));
}

interface RepoHandle {
  cwd: string;
  /** Path of `cwd` inside the repository, with a trailing slash ('' at the top or in a bare repository). */
  prefix: string;
}

async function openRepo(path: string): Promise<RepoHandle> {
  const st = await stat(path).catch(() => null);
  if (!st) throw new UserError('path-not-found', `repository not found: ${path} (give the folder of the repository the assessment was made of)`);
  if (!st.isDirectory()) throw new UserError('not-a-directory', MESSAGES.notADirectory(path));
  const r = await git(path, ['rev-parse', '--git-dir', '--show-prefix']);
  if (!r.ok) throw new UserError('usage', `not a git repository: ${path} (verify checks evidence against the git history of the assessed repository)`);
  const prefix = r.stdout.split('\n')[1] ?? '';
  return { cwd: path, prefix };
}

// ---------------------------------------------------------------------------------------------
// lines and excerpts, read exactly as the scanner reads them

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false });

function decode(buf: Buffer): string | null {
  if (buf.subarray(0, 8000).includes(0)) return null; // binary: the scanner reads no lines
  try {
    return strictUtf8.decode(buf);
  } catch {
    return lenientUtf8.decode(buf);
  }
}

function normalise(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)![0].length;
}

type LineVerdict = { ok: true; within: boolean } | { ok: false; kind: 'line' | 'excerpt'; message: string };

/**
 * The recorded excerpt is the line as the scanner shows it (trimmed, secrets masked, shortened),
 * or, as some detectors record it, part of that line (`uses: x` of `- uses: x`) or a command of
 * the block the line opens (a CI step's `run: |`). Anything else does not hold.
 */
export function checkLine(text: string, line: number, recorded: string | undefined): LineVerdict {
  const total = countLines(text);
  if (line > Math.max(total, 1)) return { ok: false, kind: 'line', message: `line ${line} is beyond the end of the file (${total} lines)` };
  if (recorded === undefined) return { ok: true, within: false };
  const starts = lineStarts(text);
  const raw = lineText(text, starts, line);
  const actual = excerpt(raw);
  if (actual === recorded) return { ok: true, within: false };
  const wanted = normalise(recorded.replace(/…$/, ''));
  if (wanted.length >= MIN_PARTIAL) {
    if (normalise(maskSecrets(raw.trim())).includes(wanted)) return { ok: true, within: true };
    if (OPENS_BLOCK.test(raw.trim())) {
      const own = indentOf(raw);
      const parts = [maskSecrets(raw.trim())];
      for (let l = line + 1; l <= Math.min(total, line + MAX_BLOCK_LINES); l++) {
        const t = lineText(text, starts, l);
        if (t.trim() !== '' && indentOf(t) <= own) break;
        parts.push(maskSecrets(t.trim()).replace(/\\$/, ''));
      }
      if (normalise(parts.join(' ')).includes(wanted)) return { ok: true, within: true };
    }
  }
  return { ok: false, kind: 'excerpt', message: `the excerpt was recorded as "${recorded}" but line ${line} reads "${actual}"` };
}

// ---------------------------------------------------------------------------------------------
// internal consistency


function blockers(criteria: readonly CriterionResult[], level: number): string {
  const missing = criteria.filter((c) => c.level <= level && c.status !== 'met').map((c) => `${c.id} is ${c.status}`);
  return missing.length > 0 ? `: ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? `, +${missing.length - 3} more` : ''}` : '';
}

function checkLevels(a: Assessment, r: Collector): void {
  for (const p of a.pillars) {
    if (!p.applicable) {
      if (p.level !== null) r.fail('level', p.id, `the pillar is N/A but records level ${p.level}`);
      continue;
    }
    r.checks.pillars++;
    const computed = cumulativeLevel(p.criteria);
    if (p.override) {
      if (p.override.level !== p.level) r.fail('level', p.id, `the override by ${p.override.by} sets level ${p.override.level} but the pillar records ${String(p.level)}`);
      if (p.override.computedLevel !== computed) {
        r.fail('level', p.id, `the override records a computed level of ${String(p.override.computedLevel)} but the criteria give ${computed}${blockers(p.criteria, (p.override.computedLevel ?? 1))}`);
      }
    } else if (p.level !== computed) {
      r.fail('level', p.id, `level ${String(p.level)} is recorded but the criteria give ${computed}${blockers(p.criteria, p.level ?? 1)}`);
    }
    if (p.human) {
      const fromScan = cumulativeLevel(p.criteria.map((c) => ({ level: c.level, status: c.computedStatus ?? c.status })));
      if (p.human.levelFromScan !== fromScan) {
        r.fail('level', p.id, `the level from the scan alone is recorded as ${String(p.human.levelFromScan)} but the scanned statuses give ${fromScan}`);
      }
    }
  }
}

/** Pillars as before any reviewer override: what resultDigest covers. */
function computedPillars(pillars: readonly PillarResult[]): PillarResult[] {
  return pillars.map((p) => (p.override ? { ...p, level: p.override.computedLevel } : p));
}

function checkDigest(a: Assessment, r: Collector): void {
  const digest = resultDigest({ rubricHash: a.rubric.hash, pillars: computedPillars(a.pillars) });
  if (digest !== a.resultDigest) {
    r.fail('digest', 'resultDigest', `recorded ${a.resultDigest.slice(0, 12)} but the recorded result digests to ${digest.slice(0, 12)}: levels or criterion statuses were changed after the run`);
  }
}

function checkRubric(a: Assessment, rubric: LoadedRubric, r: Collector): void {
  if (a.rubric.hash !== rubric.hash) {
    r.warnings.push(`rated under rubric ${a.rubric.id} ${a.rubric.version} (hash ${a.rubric.hash.slice(0, 12)}), not the built-in ${rubric.version} (hash ${rubric.hash.slice(0, 12)}): criteria were not compared with a rubric`);
    return;
  }
  for (const rp of rubric.pillars) {
    const p = a.pillars.find((x) => x.id === rp.id);
    if (!p) {
      r.fail('rubric', rp.id, 'the pillar is missing from the assessment');
      continue;
    }
    const recorded = new Map(p.criteria.map((c) => [c.id, c] as const));
    for (const rc of rp.criteria) {
      const c = recorded.get(rc.id);
      if (!c) r.fail('rubric', `${p.id}/${rc.id}`, 'the criterion of the rubric is missing from the assessment');
      else if (c.level !== rc.level) r.fail('rubric', `${p.id}/${rc.id}`, `recorded at level ${c.level} but the rubric puts it at level ${rc.level}`);
      else if (c.kind !== rc.evidence.kind) r.fail('rubric', `${p.id}/${rc.id}`, `recorded as ${c.kind} but the rubric makes it ${rc.evidence.kind}`);
      recorded.delete(rc.id);
    }
    for (const id of recorded.keys()) r.fail('rubric', `${p.id}/${id}`, 'the criterion is not in the rubric');
  }
}

// ---------------------------------------------------------------------------------------------
// human evidence

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(s: string): boolean {
  return DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
}

/** A document or file whose recorded blob must be the one at the commit. */
interface BoundFile {
  kind: VerifyKind;
  where: string;
  path: string;
  blob: string;
  what: string;
  /** The file must be in the repository (a cited document); else only checked when it is. */
  required: boolean;
}

function checkDates(kind: 'attestation' | 'waiver', ref: AttestationRef | WaiverRef, day: string | null, fail: Collector['fail']): void {
  const where = `${ref.file} (${ref.criterion})`;
  for (const [field, value] of [['date', ref.date], ['expires', ref.expires]] as const) {
    if (!validDay(value)) fail(kind, where, `${field} "${value}" is not a YYYY-MM-DD date`);
  }
  if (!day || !validDay(ref.date) || !validDay(ref.expires)) return;
  const state = ref.state;
  if (ref.date > day) fail(kind, where, `${state} on ${day}, but it is dated ${ref.date}, after the assessment`);
  if (ref.expires < day) fail(kind, where, `${state} on ${day}, but it expired on ${ref.expires}`);
}

function documentsOf(evidence: readonly HumanEvidence[], kind: VerifyKind, where: string, out: BoundFile[]): void {
  for (const e of evidence) {
    if (e.document && e.blob) out.push({ kind: 'document', where, path: e.document, blob: e.blob, what: `${kind} cites ${e.document}`, required: true });
  }
}

function checkHuman(a: Assessment, day: string | null, bound: BoundFile[], r: Collector): void {
  // Each attestation and waiver is recorded in the human record and again on its criterion: every
  // distinct copy is checked, so editing one of them does not slip through.
  const attestations = new Map<string, AttestationRef>();
  const waivers = new Map<string, WaiverRef>();
  const attested = new Set<string>();
  const waived = new Set<string>();
  const keep = <T extends AttestationRef | WaiverRef>(into: Map<string, T>, names: Set<string>, x: T): void => {
    into.set(JSON.stringify(x), x);
    names.add(`${x.file}\0${x.criterion}`);
  };
  for (const x of a.human.attestations) keep(attestations, attested, x);
  for (const x of a.human.waivers) keep(waivers, waived, x);
  for (const p of a.pillars) {
    for (const c of p.criteria) {
      const where = `${p.id}/${c.id}`;
      if (c.attestation) keep(attestations, attested, c.attestation);
      if (c.waiver) keep(waivers, waived, c.waiver);
      if (c.basis === 'attestation' && c.attestation?.state !== 'counted') {
        r.fail('attestation', where, c.attestation ? `decided by an attestation that does not count (${c.attestation.state})` : 'decided by an attestation, but none is recorded');
      }
      if (c.basis === 'waiver' && c.waiver?.state !== 'applied' && c.waiver?.state !== 'partial') {
        r.fail('waiver', where, c.waiver ? `decided by a waiver that does not apply (${c.waiver.state})` : 'decided by a waiver, but none is recorded');
      }
    }
  }
  r.checks.attestations = attested.size;
  r.checks.waivers = waived.size;
  const once = new Set<string>();
  const failOnce = (kind: VerifyKind, where: string, message: string): void => {
    const k = `${kind}\0${where}\0${message}`;
    if (once.has(k)) return;
    once.add(k);
    r.fail(kind, where, message);
  };
  for (const x of attestations.values()) {
    const where = `${x.file} (${x.criterion})`;
    if (x.fileBlob) bound.push({ kind: 'attestation', where, path: x.file, blob: x.fileBlob, what: 'the attestation file', required: false });
    if (x.state !== 'counted') continue;
    checkDates('attestation', x, day, failOnce);
    documentsOf(x.evidence, 'attestation', where, bound);
  }
  for (const x of waivers.values()) {
    const where = `${x.file} (${x.criterion})`;
    if (x.fileBlob) bound.push({ kind: 'waiver', where, path: x.file, blob: x.fileBlob, what: 'the waiver file', required: false });
    if (x.state !== 'applied' && x.state !== 'partial') continue;
    checkDates('waiver', x, day, failOnce);
    documentsOf(x.compensating, 'waiver', where, bound);
  }
  for (const rv of a.human.reviews) {
    r.checks.reviews++;
    const where = rv.file;
    if (rv.fileBlob) bound.push({ kind: 'review', where, path: rv.file, blob: rv.fileBlob, what: 'the review file', required: false });
    if (rv.state !== 'valid') continue;
    if (rv.signs.toLowerCase() !== a.resultDigest.toLowerCase()) {
      r.fail('review', where, `marked valid but ${rv.reviewer} signed ${rv.signs.slice(0, 12)}, not this result (${a.resultDigest.slice(0, 12)})`);
    }
    for (const o of rv.overrides) documentsOf(o.evidence, 'review', `${where} (${o.pillar})`, bound);
  }
  for (const p of a.pillars) {
    if (!p.override) continue;
    const o = p.override;
    documentsOf(o.evidence, 'review', `${o.file} (${p.id})`, bound);
    const from = a.human.reviews.find((rv) => rv.file === o.file && rv.overrides.some((x) => x.pillar === p.id && x.level === o.level));
    if (!from) r.fail('review', p.id, `level ${o.level} set by ${o.by} (${o.file}), but no review records that override`);
    else if (from.state !== 'valid') r.fail('review', p.id, `level ${o.level} set by ${o.by} in a review that signed another result (${from.state})`);
  }
}

// ---------------------------------------------------------------------------------------------
// evidence against the repository

function describeCiters(citers: readonly string[]): string {
  return ` (evidence of ${citers[0]}${citers.length > 1 ? `, +${citers.length - 1} more` : ''})`;
}

async function checkAgainstRepo(a: Assessment, repo: RepoHandle, commit: string, bound: readonly BoundFile[], r: Collector): Promise<void> {
  const dirty = a.subject.dirty;
  const at = (path: string): string => `${commit}:${repo.prefix}${path.replace(/^\.\//, '')}`;

  // Distinct evidence: files by (path, blob), lines by (path, blob, line, excerpt).
  const files = new Map<string, { path: string; blob: string | undefined; citers: string[] }>();
  const lines = new Map<string, { path: string; blob: string | undefined; line: number; excerpt: string | undefined; citers: string[] }>();
  const tags = new Map<string, string[]>();
  const commits = new Map<string, string[]>();
  const cites: Cite[] = [];
  for (const p of a.pillars) for (const c of p.criteria) for (const e of c.evidence) cites.push({ where: `${p.id}/${c.id}`, evidence: e });
  for (const { where, evidence: e } of cites) {
    const tag = /^tag (.+)$/.exec(e.path);
    const hash = /^commit ([0-9a-f]{4,64})$/.exec(e.path);
    if (tag) {
      tags.set(tag[1]!, [...(tags.get(tag[1]!) ?? []), where]);
      continue;
    }
    if (hash) {
      commits.set(hash[1]!, [...(commits.get(hash[1]!) ?? []), where]);
      continue;
    }
    if (e.path === '.' || e.path === '' || /[\n\r]/.test(e.path)) {
      r.checks.notCheckable++;
      continue;
    }
    const fk = `${e.path}\0${e.blob ?? ''}`;
    const f = files.get(fk);
    if (f) f.citers.push(where);
    else files.set(fk, { path: e.path, blob: e.blob, citers: [where] });
    if (e.line !== undefined) {
      const lk = `${fk}\0${e.line}\0${e.excerpt ?? ''}`;
      const l = lines.get(lk);
      if (l) l.citers.push(where);
      else lines.set(lk, { path: e.path, blob: e.blob, line: e.line, excerpt: e.excerpt, citers: [where] });
    }
  }

  // One batch for every name: paths at the commit, recorded blobs, tags, commits, bound files.
  const names: string[] = [];
  const ask = (name: string): number => names.push(name) - 1;
  const fileQ = [...files.values()].map((f) => ({ f, atCommit: ask(at(f.path)), recorded: f.blob ? ask(f.blob) : -1 }));
  const tagQ = [...tags.entries()].map(([name, citers]) => ({ name, citers, ref: ask(`refs/tags/${name}^{commit}`), rev: /^[0-9a-f]{7,64}$/.test(name) ? ask(`${name}^{commit}`) : -1 }));
  const commitQ = [...commits.entries()].map(([h, citers]) => ({ h, citers, q: ask(`${h}^{commit}`) }));
  const distinctBound = [...new Map(bound.map((b) => [JSON.stringify(b), b] as const)).values()];
  const boundQ = distinctBound.map((b) => ({ b, atCommit: ask(at(b.path)), recorded: ask(b.blob) }));
  const found = await lookup(repo.cwd, names);
  const get = (i: number): ObjectInfo | null => (i < 0 ? null : (found[i] ?? null));

  /** The blob whose content is the evidence, per file key; undefined when it cannot be read. */
  const contentOf = new Map<string, string>();
  for (const { f, atCommit, recorded } of fileQ) {
    const here = get(atCommit);
    const key = `${f.path}\0${f.blob ?? ''}`;
    const cited = describeCiters(f.citers);
    if (!f.blob) {
      // A folder (a module, an area of the truck factor) or a file recorded without its blob id.
      if (here?.type === 'tree') r.checks.folders++;
      else if (here?.type === 'blob') {
        r.checks.files++;
        if (!dirty) contentOf.set(key, here.oid);
      } else r.fail('path', f.path, `not in the repository at ${commit.slice(0, 12)}${cited}`);
      continue;
    }
    r.checks.files++;
    if (here?.type === 'blob' && here.oid === f.blob) {
      contentOf.set(key, f.blob);
      continue;
    }
    if (dirty) {
      if (get(recorded)?.type === 'blob') contentOf.set(key, f.blob);
      else r.fail('blob', f.path, `the work tree was dirty when assessed and this content (blob ${f.blob.slice(0, 12)}) is not in git${cited}`);
      continue;
    }
    if (!here) r.fail('path', f.path, `not in the repository at ${commit.slice(0, 12)}${cited}`);
    else if (here.type !== 'blob') r.fail('path', f.path, `is a ${here.type}, not a file, at ${commit.slice(0, 12)}${cited}`);
    else r.fail('blob', f.path, `recorded blob ${f.blob.slice(0, 12)} but the file at ${commit.slice(0, 12)} is ${here.oid.slice(0, 12)}${cited}`);
  }
  for (const t of tagQ) {
    r.checks.tags++;
    if (!get(t.ref) && !get(t.rev)) r.fail('tag', `tag ${t.name}`, `does not resolve to a commit in the repository${describeCiters(t.citers)}`);
  }
  for (const c of commitQ) {
    r.checks.commits++;
    if (!get(c.q)) r.fail('commit', `commit ${c.h}`, `not in the repository${describeCiters(c.citers)}`);
  }
  for (const { b, atCommit, recorded } of boundQ) {
    r.checks.documents++;
    const here = get(atCommit);
    if (here?.type === 'blob' && here.oid === b.blob) continue;
    if (dirty && get(recorded)?.type === 'blob') continue;
    if (!here) {
      if (b.required) r.fail(b.kind, b.where, `${b.what}, which is not in the repository at ${commit.slice(0, 12)}`);
      else r.warnings.push(`${b.what} ${b.path} is not in the repository at ${commit.slice(0, 12)}: its content was not checked`);
      continue;
    }
    r.fail(b.kind, b.where, dirty
      ? `${b.what}: the work tree was dirty when assessed and the recorded content (blob ${b.blob.slice(0, 12)}) is not in git`
      : `${b.what}: recorded blob ${b.blob.slice(0, 12)} but ${b.path} at ${commit.slice(0, 12)} is ${here.oid.slice(0, 12)}`);
  }

  // Lines and excerpts, against the content the evidence was read from.
  const wanted = [...new Set([...lines.values()].map((l) => contentOf.get(`${l.path}\0${l.blob ?? ''}`)).filter((x): x is string => x !== undefined))];
  const contents = await gitBlobs(repo.cwd, wanted);
  const texts = new Map<string, string | null>();
  for (const l of lines.values()) {
    const oid = contentOf.get(`${l.path}\0${l.blob ?? ''}`);
    const buf = oid ? contents.get(oid) : undefined;
    if (!oid || !buf) continue; // its file already failed, or it is a folder
    if (!texts.has(oid)) texts.set(oid, decode(buf));
    const text = texts.get(oid);
    if (text === null || text === undefined) {
      r.checks.notCheckable++;
      continue;
    }
    if (l.excerpt !== undefined) r.checks.excerpts++;
    else r.checks.lines++;
    const v = checkLine(text, l.line, l.excerpt);
    if (v.ok) {
      if (v.within) r.checks.excerptsWithinLine++;
    } else r.fail(v.kind, `${l.path}:${l.line}`, `${v.message}${describeCiters(l.citers)}`);
  }
}

export interface VerifyOptions {
  /** The rubric to compare criteria with (default: the built-in one). */
  rubric?: LoadedRubric;
}

/** Re-check a saved assessment against the repository at `repoPath` (the folder that was assessed). */
export async function verifyAssessment(assessment: Assessment, repoPath: string, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const a = assessment;
  const repo = await openRepo(repoPath);
  const r = new Collector();
  for (const p of a.pillars) for (const c of p.criteria) r.checks.evidence += c.evidence.length;

  checkLevels(a, r);
  checkDigest(a, r);
  checkRubric(a, opts.rubric ?? loadRubric(), r);

  const when = new Date(a.assessedAt);
  const day = Number.isNaN(when.getTime()) ? null : when.toISOString().slice(0, 10);
  if (!day) r.fail('attestation', 'assessedAt', `"${a.assessedAt}" is not a date: attestations and waivers cannot be dated`);
  const bound: BoundFile[] = [];
  checkHuman(a, day, bound, r);

  const commit = a.subject.commit;
  let commitFound = false;
  if (!commit) {
    r.fail('commit', 'subject.commit', 'the assessment records no commit (assessed outside git or before the first commit): its evidence cannot be checked');
  } else {
    const [c] = await lookup(repo.cwd, [`${commit}^{commit}`]);
    commitFound = c !== null && c !== undefined && /^[0-9a-f]{40,64}$/.test(commit) && c.oid === commit;
    if (!commitFound) r.fail('commit', commit.slice(0, 12), `the assessed commit ${commit} is not in the repository at ${repoPath}: evidence cannot be checked`);
    else await checkAgainstRepo(a, repo, commit, bound, r);
  }
  return { commit, assessedAt: a.assessedAt, rubricHash: a.rubric.hash, commitFound, checks: r.checks, failures: r.failures, warnings: r.warnings };
}
