// The audit pack (section 7.2: ratings reviewed by someone external to the team): the files of the
// archive a reviewer takes away, built from data the CLI gathered from git (src/cli/audit-pack.ts
// reads the repository and writes the .tar.gz). Pure and deterministic: the same assessment and the
// same repository content give the same files byte for byte, so two packs compare by digest.
import { createHash } from 'node:crypto';
import type { Assessment, Evidence } from '../core/assessment.ts';
import { maskSecrets, maskValue } from '../core/secrets.ts';
import { renderJson } from './json.ts';

export const AUDIT_PACK_FORMAT = 'readiness-audit-pack';
export const AUDIT_PACK_VERSION = 1;
/** Lines shown either side of a cited line: enough to judge it, not a copy of the repository. */
export const CONTEXT_RADIUS = 2;
/** A context line is cut here, after masking (a cut never splits a secret out of its mask): minified files have lines of megabytes. */
export const CONTEXT_MAX = 240;

export type PeopleKind = 'attestation' | 'waiver' | 'review';

/** A file of evidence from people that the assessment recorded, with the blob id it was read as. */
export interface PeopleRef {
  kind: PeopleKind;
  /** The path as recorded (relative to the assessed folder, or as configured). */
  path: string;
  blob: string | null;
}

export interface PeopleFile extends PeopleRef {
  /** The bytes from git: the recorded blob, or the file at the assessed commit when no blob was recorded; null when git has neither. */
  content: Buffer | null;
}

/** The rubric this tool carries; its files by path relative to the rubric folder. */
export interface BuiltinRubric {
  id: string;
  version: string;
  hash: string;
  files: ReadonlyMap<string, Buffer>;
}

/** How the reproduction finds the config the assessment used. */
export interface ConfigReproduction {
  /** The `--config` value, or null when discovery in the repository finds it (or there was none). */
  argument: string | null;
  /** Said in the README when the config cannot be had from the repository. */
  note: string | null;
}

export interface AuditPackInput {
  assessment: Assessment;
  /** The archive's top folder, e.g. `readiness-audit-shop-1a2b3c4d`. */
  name: string;
  /** The repository's name: the folder the README clones into. */
  repoName: string;
  /** Path of the assessed folder inside the repository ('' at its top). */
  prefix: string;
  rubric: BuiltinRubric;
  people: readonly PeopleFile[];
  /** Contents of the blobs that evidence cites at a line, by blob id; a blob git does not have is absent. */
  blobs: ReadonlyMap<string, Buffer>;
  config: ConfigReproduction;
  /** The tool writing the pack (the rating may have been made by another version). */
  packedBy: { name: string; version: string };
  /** The readiness arguments that wrote the pack (without node and script), when known. */
  argv?: readonly string[] | undefined;
}

export interface PackFile {
  /** Path inside the top folder, forward slashes. */
  path: string;
  content: Buffer;
}

export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
}

export interface ManifestPerson {
  kind: PeopleKind;
  path: string;
  blob: string | null;
  /** Where it is in the pack; null when missing. */
  file: string | null;
  /** Read by the recorded blob id, or (none recorded) as the file at the assessed commit. */
  source: 'blob' | 'commit';
  status: 'included' | 'missing';
  reason: string | null;
}

export interface AuditManifest {
  format: typeof AUDIT_PACK_FORMAT;
  formatVersion: number;
  /** The tool that made the rating: the version to reproduce it with. */
  tool: { name: string; version: string };
  packedBy: { name: string; version: string };
  /** The assessment's time, not the clock: the same assessment gives the same manifest. */
  created: string;
  repository: { name: string; remote: string | null; commit: string | null; branch: string | null; folder: string; dirty: boolean };
  rubric: { id: string; version: string; hash: string; included: boolean; note: string };
  resultDigest: string;
  levels: Record<string, number | null>;
  people: ManifestPerson[];
  evidence: { items: number; contexts: number; unavailable: number };
  command: string | null;
  /** Every file of the pack but MANIFEST.json and SHA256SUMS (which covers this file too). */
  files: ManifestFile[];
}

export interface AuditPack {
  name: string;
  /** Every file, sorted by path (bytes), MANIFEST.json and SHA256SUMS included. */
  files: PackFile[];
  manifest: AuditManifest;
}

export interface EvidenceItem {
  pillar: string;
  criterion: string;
  status: string;
  path: string;
  line: number | null;
  excerpt: string | null;
  blob: string | null;
  detector: string;
  note: string | null;
  value: number | null;
}

export interface EvidenceContext {
  blob: string;
  path: string;
  line: number;
  /** The cited line and up to CONTEXT_RADIUS lines either side, secrets masked; absent when unavailable. */
  lines?: { line: number; text: string }[];
  unavailable?: string;
}

const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** Byte order of the UTF-8 paths: what a tar listing shows, the same on every machine. */
function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function sha256(content: Buffer | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** A repository name fit for a file or folder name. */
export function safeName(repoName: string): string {
  return repoName.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'repository';
}

/** The default file name without `.tar.gz`, and the archive's top folder whatever the file is called. */
export function auditPackName(repoName: string, commit: string | null): string {
  return `readiness-audit-${safeName(repoName)}-${commit ? commit.slice(0, 8) : 'worktree'}`;
}

/** The attestation, waiver and review files of the assessment, once each, in the order recorded. */
export function peopleRefs(a: Assessment): PeopleRef[] {
  const out: PeopleRef[] = [];
  const seen = new Set<string>();
  const add = (kind: PeopleKind, path: string, blob: string | undefined): void => {
    const key = `${kind}\0${path}\0${blob ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind, path, blob: blob ?? null });
  };
  for (const x of a.human.attestations) add('attestation', x.file, x.fileBlob);
  for (const x of a.human.waivers) add('waiver', x.file, x.fileBlob);
  for (const x of a.human.reviews) add('review', x.file, x.fileBlob);
  return out;
}

/** Blob ids that evidence cites at a line: the contents the pack quotes around those lines. */
export function citedBlobs(a: Assessment): string[] {
  const ids = new Set<string>();
  for (const p of a.pillars) for (const c of p.criteria) for (const e of c.evidence) if (e.line !== undefined && e.blob && OID.test(e.blob)) ids.add(e.blob);
  return [...ids].sort();
}

export function evidenceItems(a: Assessment): EvidenceItem[] {
  const item = (pillar: string, criterion: string, status: string, e: Evidence): EvidenceItem => ({
    pillar,
    criterion,
    status,
    path: e.path,
    line: e.line ?? null,
    excerpt: e.excerpt ?? null,
    blob: e.blob ?? null,
    detector: e.detector,
    note: e.note ?? null,
    value: e.value ?? null,
  });
  return a.pillars.flatMap((p) => p.criteria.flatMap((c) => c.evidence.map((e) => item(p.id, c.id, c.status, e))));
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false });

/** Text as the scanner reads it; null for a binary file (a NUL early on), which has no lines. */
function decode(buf: Buffer): string | null {
  if (buf.subarray(0, 8000).includes(0)) return null;
  try {
    return strictUtf8.decode(buf);
  } catch {
    return lenientUtf8.decode(buf);
  }
}

const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;
const PEM_END = /-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;

/** A text's lines as editors number them: a final newline starts no line. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * Lines `from`..`to` (1-based) of a text's lines, each masked. maskSecrets works line by line, so the body
 * of a PEM private key (base64 lines under a BEGIN line) would pass through it: every line inside
 * such a block is masked whole, wherever the block began.
 */
export function maskedLines(lines: readonly string[], from: number, to: number): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let inKey = false;
  for (let i = 0; i < Math.min(lines.length, to); i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    const begins = PEM_BEGIN.test(raw);
    const inside = inKey && !begins;
    if (begins) inKey = !PEM_END.test(raw);
    else if (inKey && PEM_END.test(raw)) inKey = false;
    if (i + 1 < from) continue;
    let shown = inside && !PEM_END.test(raw) && raw.trim() !== '' ? `${/^\s*/.exec(raw)![0]}${maskValue(raw.trim())}` : maskSecrets(raw);
    if (shown.length > CONTEXT_MAX) shown = `${shown.slice(0, CONTEXT_MAX - 1)}…`;
    out.push({ line: i + 1, text: shown });
  }
  return out;
}

/** For each distinct (blob, line) cited: the line and its neighbours, read from the blob, secrets masked. */
export function evidenceContexts(a: Assessment, blobs: ReadonlyMap<string, Buffer>): EvidenceContext[] {
  const wanted = new Map<string, { blob: string; path: string; line: number }>();
  for (const p of a.pillars) {
    for (const c of p.criteria) {
      for (const e of c.evidence) {
        if (e.line === undefined || !e.blob) continue;
        const key = `${e.blob}\0${e.line}`;
        if (!wanted.has(key)) wanted.set(key, { blob: e.blob, path: e.path, line: e.line });
      }
    }
  }
  const texts = new Map<string, string[] | null>();
  const out: EvidenceContext[] = [];
  for (const w of wanted.values()) {
    const buf = blobs.get(w.blob);
    if (!buf) {
      out.push({ ...w, unavailable: `blob ${w.blob} is not in the repository` });
      continue;
    }
    if (!texts.has(w.blob)) {
      const text = decode(buf);
      texts.set(w.blob, text === null ? null : splitLines(text));
    }
    const text = texts.get(w.blob)!;
    if (text === null) {
      out.push({ ...w, unavailable: 'a binary file: it has no lines' });
      continue;
    }
    const lines = maskedLines(text, w.line - CONTEXT_RADIUS, w.line + CONTEXT_RADIUS);
    if (!lines.some((l) => l.line === w.line)) {
      out.push({ ...w, unavailable: `line ${w.line} is beyond the end of the file` });
      continue;
    }
    out.push({ ...w, lines });
  }
  return out.sort((x, y) => byBytes(x.path, y.path) || x.line - y.line || byBytes(x.blob, y.blob));
}

/** Where a people file goes in the pack: its recorded path under people/, never outside the pack. */
function peoplePath(path: string): string {
  const parts = path
    .replace(/\\/g, '/')
    .replace(/^[A-Za-z]:/, '')
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .map((s) => (s === '..' ? '_parent_' : s));
  return `people/${parts.join('/') || 'file'}`;
}

/** `sha256sum -c` lines; a name holding a backslash or a newline is escaped as GNU coreutils does. */
export function sha256sums(files: readonly ManifestFile[]): string {
  return files
    .map((f) => {
      if (!/[\\\n\r]/.test(f.path)) return `${f.sha256}  ${f.path}\n`;
      const escaped = f.path.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
      return `\\${f.sha256}  ${escaped}\n`;
    })
    .join('');
}

/** A word the shell passes as is, or single-quoted. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The rubric part of the manifest and README: included, or plainly not the one this tool carries. */
function rubricNote(a: Assessment, builtin: BuiltinRubric): { included: boolean; note: string } {
  const r = a.rubric;
  if (r.hash === builtin.hash) {
    return { included: true, note: `The YAML files of rubric ${r.id} ${r.version}, whose hash ${r.hash} is the one the assessment records.` };
  }
  return {
    included: false,
    note: `No rubric files: the assessment was rated under rubric ${r.id} ${r.version} with hash ${r.hash}, and the rubric this tool carries (${builtin.id} ${builtin.version}, hash ${builtin.hash}) is not the rubric with that hash. Get it from ${a.tool.name} ${a.tool.version}, which made the assessment.`,
  };
}

function levelText(level: number | null): string {
  return level === null ? 'N/A' : String(level);
}

function levelsTable(a: Assessment): string[] {
  const rows = ['| Pillar | Level | Target | Gap | From the scan alone | Notes |', '|---|---|---|---|---|---|'];
  for (const p of a.pillars) {
    const notes: string[] = [];
    if (!p.applicable) notes.push('not applicable');
    if (p.override) notes.push(`set by ${p.override.by} (${p.override.file}); computed ${levelText(p.override.computedLevel)}`);
    if (p.human?.attestedCriteria.length) notes.push(`attested: ${p.human.attestedCriteria.join(', ')}`);
    if (p.human?.waivedCriteria.length) notes.push(`waived: ${p.human.waivedCriteria.join(', ')}`);
    const gap = p.gapToTarget === null ? '-' : String(p.gapToTarget);
    const scan = p.human ? levelText(p.human.levelFromScan) : levelText(p.level);
    rows.push(`| ${p.name} | ${levelText(p.level)} | ${p.target} | ${gap} | ${scan} | ${notes.join('; ').replace(/\|/g, '\\|')} |`);
  }
  return rows;
}

function peopleTable(people: readonly ManifestPerson[]): string[] {
  if (people.length === 0) return ['No attestation, waiver or review file was recorded.'];
  const rows = ['| Kind | Recorded path | Blob | In this pack |', '|---|---|---|---|'];
  for (const p of people) {
    rows.push(`| ${p.kind} | ${p.path} | ${p.blob ?? '(none recorded)'} | ${p.file ?? `missing: ${p.reason ?? ''}`} |`);
  }
  return rows;
}

export interface ReadmeInput {
  assessment: Assessment;
  name: string;
  repoName: string;
  prefix: string;
  rubric: { included: boolean; note: string };
  people: readonly ManifestPerson[];
  config: ConfigReproduction;
  evidence: { items: number; contexts: number; unavailable: number };
}

/** The commands that check the pack, check the rating against the repository and reproduce it. */
export function reproductionCommands(r: Pick<ReadmeInput, 'assessment' | 'name' | 'repoName' | 'prefix' | 'config'>): string[] {
  const a = r.assessment;
  const repoDir = safeName(r.repoName);
  const lines = [
    '# 0. In the folder holding the archive: unpack it and check that every file is as packed',
    `tar xzf ${shellQuote(`${r.name}.tar.gz`)}   # the archive's default name; its top folder is always ${r.name}`,
    'WORK="$(pwd)"',
    `PACK="$WORK/${r.name}"`,
    `(cd "$PACK" && sha256sum -c SHA256SUMS)   # on macOS: shasum -a 256 -c SHA256SUMS`,
    '',
    `# 1. The repository${a.subject.commit ? ' at the assessed commit' : ''}`,
  ];
  if (a.subject.remote) lines.push(`git clone ${shellQuote(a.subject.remote)} "$WORK/${repoDir}"`);
  else lines.push(`# No remote was recorded: clone your own copy of the repository (it must hold the commit below).`, `git clone /path/to/your/copy/of/${repoDir} "$WORK/${repoDir}"`);
  lines.push(`cd "$WORK/${repoDir}"`);
  if (a.subject.commit) lines.push(`git checkout --quiet ${a.subject.commit}`);
  else lines.push('# No commit was recorded (assessed outside git or before the first commit): `verify` will say so, and evidence cannot be checked against git.');
  if (r.prefix) lines.push(`cd ${shellQuote(r.prefix)}`);
  lines.push(
    '',
    `# 2. ${a.tool.name} ${a.tool.version}, the version that made the assessment, built from its source at that version:`,
    `#    in a clone of ${a.tool.name} at ${a.tool.version}: npm ci && npm run build && npm link`,
    `${a.tool.name} --version   # must print ${a.tool.version}`,
    '',
    '# 3. Check the rating against the repository: evidence at the commit, levels, digest, attestations, waivers, reviews (exit 0: all hold)',
    `${a.tool.name} verify "$PACK/assessment.json" .`,
    '',
    '# 4. Reproduce the rating as of its date (attestations and waivers are judged on it), then compare result digests: they must be equal',
    `${a.tool.name} assess . --json -o "$WORK/reassessed.json" --as-of ${a.assessedAt}${r.config.argument ? ` --config ${shellQuote(r.config.argument)}` : ''}`,
    `grep '"resultDigest"' "$WORK/reassessed.json"   # must print: "resultDigest": "${a.resultDigest}",`,
    `${a.tool.name} diff "$PACK/assessment.json" "$WORK/reassessed.json"   # if not: which criteria flipped, on what evidence`,
  );
  return lines;
}

export function renderAuditReadme(r: ReadmeInput): string {
  const a = r.assessment;
  const s = a.subject;
  const day = a.assessedAt.slice(0, 10);
  const out = [
    `# Audit pack: ${r.repoName} at ${s.commit ? s.commit.slice(0, 8) : 'a work tree without a commit'}`,
    '',
    'This archive lets someone outside the team check a readiness rating (section 7.2 of the maturity',
    'model: ratings are reviewed by at least two senior engineers, one external to the team). It holds',
    'the rating, the rubric it was rated under, the evidence people supplied, the cited lines of code,',
    'and the commands that check the rating against the repository and reproduce it.',
    '',
    '| | |',
    '|---|---|',
    `| Repository | ${s.remote ?? '(no remote recorded)'} |`,
    `| Commit | ${s.commit ?? '(none recorded)'}${s.branch ? ` (branch ${s.branch})` : ''} |`,
    `| Assessed folder | ${r.prefix || '(the top of the repository)'} |`,
    `| Work tree | ${s.dirty ? 'dirty: it differed from the commit when assessed; evidence read from uncommitted changes cannot be checked at the commit' : 'clean'} |`,
    `| Assessed | ${a.assessedAt} by ${a.tool.name} ${a.tool.version} |`,
    `| Rubric | ${a.rubric.id} ${a.rubric.version}, hash ${a.rubric.hash} |`,
    `| Result digest | ${a.resultDigest} |`,
    `| Reviewed (7.2) | ${a.human.review.note} |`,
    '',
    '## Levels',
    '',
    `Levels 1-5 per pillar (N/A: the pillar does not apply); typical level ${a.typicalLevel}. "From the scan alone"`,
    'is the level without attestations, waivers or overrides.',
    '',
    ...levelsTable(a),
    '',
    '## What is in this pack',
    '',
    '| File | What it is |',
    '|---|---|',
    '| assessment.json | The assessment as `readiness assess --json` wrote it: the rating under review. |',
    `| rubric/ | ${r.rubric.note} |`,
    '| people/ | Every attestation, waiver and review file the assessment recorded, byte for byte as git holds it under the recorded blob id, at its recorded path. |',
    `| evidence/excerpts.json | \`items\`: every evidence item of every criterion (${r.evidence.items}), with its path, line, excerpt and blob id. \`contexts\`: each cited line with ${CONTEXT_RADIUS} lines either side, read from its blob, secrets masked (${r.evidence.contexts}, of which ${r.evidence.unavailable} unavailable). |`,
    '| MANIFEST.json | Format, tool, repository, rubric, result digest, the people files, and the sha256 and size of every other file. |',
    '| SHA256SUMS | The sha256 of every file but itself, for `sha256sum -c`. |',
    '| README.md | This file. |',
    '',
    '### Evidence from people',
    '',
    ...peopleTable(r.people),
    '',
    '## Check and reproduce the rating',
    '',
    '```sh',
    ...reproductionCommands(r),
    '```',
    '',
    '`verify` runs no detector: it re-reads every evidence item from git at the commit, and checks that the',
    'levels follow from the criteria, that the result digest is the result\'s, and that attestations, waivers',
    'and reviews held on the assessment date. Reproducing runs every detector again; `--as-of` judges attestations',
    `and waivers on ${day}, as the rating did, so the result digest must be equal.`,
  ];
  if (r.config.note) out.push('', r.config.note);
  return `${out.join('\n')}\n`;
}

function fileEntry(path: string, content: Buffer): ManifestFile {
  return { path, sha256: sha256(content), size: content.length };
}

export function buildAuditPack(input: AuditPackInput): AuditPack {
  const a = input.assessment;
  const files: PackFile[] = [];
  const add = (path: string, content: Buffer | string): void => void files.push({ path, content: typeof content === 'string' ? Buffer.from(content, 'utf8') : content });

  add('assessment.json', renderJson(a));

  const rubric = rubricNote(a, input.rubric);
  if (rubric.included) for (const [path, content] of input.rubric.files) add(`rubric/${path}`, content);

  const taken = new Set<string>();
  const commit = a.subject.commit;
  const people: ManifestPerson[] = input.people.map((p) => {
    const source = p.blob ? 'blob' : 'commit';
    if (!p.content) {
      const reason = p.blob
        ? `blob ${p.blob} is not in the repository`
        : commit
          ? `no blob id was recorded and ${p.path} is not in the repository at ${commit.slice(0, 12)}`
          : 'no blob id and no commit were recorded';
      return { kind: p.kind, path: p.path, blob: p.blob, file: null, source, status: 'missing', reason };
    }
    let file = peoplePath(p.path);
    // The same path under two blobs (or two paths cleaned to one): the later one carries its blob id.
    if (taken.has(file)) file = `${file}.${(p.blob ?? sha256(p.content)).slice(0, 12)}`;
    taken.add(file);
    add(file, p.content);
    return { kind: p.kind, path: p.path, blob: p.blob, file, source, status: 'included', reason: null };
  });

  const items = evidenceItems(a);
  const contexts = evidenceContexts(a, input.blobs);
  const evidence = { items: items.length, contexts: contexts.length, unavailable: contexts.filter((c) => c.unavailable !== undefined).length };
  add('evidence/excerpts.json', renderJson({ items, contexts }));

  add('README.md', renderAuditReadme({ assessment: a, name: input.name, repoName: input.repoName, prefix: input.prefix, rubric, people, config: input.config, evidence }));

  files.sort((x, y) => byBytes(x.path, y.path));
  const manifest: AuditManifest = {
    format: AUDIT_PACK_FORMAT,
    formatVersion: AUDIT_PACK_VERSION,
    tool: { name: a.tool.name, version: a.tool.version },
    packedBy: { ...input.packedBy },
    created: a.assessedAt,
    repository: { name: input.repoName, remote: a.subject.remote, commit, branch: a.subject.branch, folder: input.prefix, dirty: a.subject.dirty },
    rubric: { id: a.rubric.id, version: a.rubric.version, hash: a.rubric.hash, ...rubric },
    resultDigest: a.resultDigest,
    levels: Object.fromEntries(a.pillars.map((p) => [p.id, p.level])),
    people,
    evidence,
    command: input.argv ? ['readiness', ...input.argv].map(shellQuote).join(' ') : null,
    files: files.map((f) => fileEntry(f.path, f.content)),
  };
  const manifestFile = Buffer.from(renderJson(manifest), 'utf8');
  files.push({ path: 'MANIFEST.json', content: manifestFile });
  files.sort((x, y) => byBytes(x.path, y.path));
  files.push({ path: 'SHA256SUMS', content: Buffer.from(sha256sums(files.map((f) => fileEntry(f.path, f.content))), 'utf8') });
  files.sort((x, y) => byBytes(x.path, y.path));
  return { name: input.name, files, manifest };
}
