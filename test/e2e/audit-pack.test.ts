// The audit pack end to end: a fixture repository with an attestation, a waiver, a review and a
// hardcoded secret is assessed, packed and unpacked with the archive library, and checked as an
// external reviewer would: digests, SHA256SUMS, people files against git, no secret anywhere, the
// same archive twice, and the README's verify step exiting 0 on a fresh clone.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { list, x as extract, type ReadEntry } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAuditPack, repositoryName, configReproduction } from '../../src/cli/audit-pack.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { run } from '../../src/cli/run.ts';
import { AssessmentSchema, type Assessment } from '../../src/core/assessment.ts';
import { assess } from '../../src/engine/assess.ts';
import type { AuditManifest } from '../../src/report/audit-pack.ts';
import { BUILTIN_RUBRIC_DIR } from '../../src/rubric/load.ts';
import { gitBlobId } from '../../src/util/git-blob.ts';
import { runGit } from '../harness.ts';
import { commitHistory } from '../repo-builder.ts';

const NOW = new Date('2026-06-15T12:00:00.123Z');
// Built at run time: the literal is in no file of this repository.
const SECRET = ['sk', 'live', randomBytes(12).toString('hex')].join('_');
const PENTEST = '# Penetration test, May 2026\n\nAcme Security tested the public API; no critical findings.\n';
const SERVER = [
  "import express from 'express';",
  "import pino from 'pino';",
  '',
  'const log = pino();',
  'const app = express();',
  `const stripeKey = '${SECRET}';`,
  "app.get('/health', (req, res) => res.json({ ok: true }));",
  "app.listen(3000, () => log.info('up'));",
  '',
].join('\n');

const FILES = {
  'package.json': `${JSON.stringify({ name: 'shop', dependencies: { express: '^4.19.0', pino: '^9.0.0' }, devDependencies: { vitest: '^1.0.0' }, scripts: { test: 'vitest run' } }, null, 2)}\n`,
  'README.md': '# Shop\n\n## Development\n\nRun `npm ci` then `npm test`. The service listens on port 3000 and reads its settings from the environment.\n',
  'src/server.js': SERVER,
  'test/server.test.js': "import { test, expect } from 'vitest';\ntest('ok', () => expect(1).toBe(1));\n",
  '.github/workflows/ci.yml': 'name: ci\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Test\n        run: |\n          npm ci\n          npm test\n',
  'docs/pentest.md': PENTEST,
  // CRLF line ends: byte for byte means these too.
  '.readiness/attestations/pentest.yaml': `criterion: security.quarterly-pentest\r\nclaim: Acme Security ran an external penetration test of the API in May 2026.\r\nby: Ada Lovelace\r\ndate: 2026-05-20\r\nevidence: [{ document: docs/pentest.md, blob: ${gitBlobId(PENTEST)} }]\r\n`,
  '.readiness/waivers/secret.yaml': 'criterion: security.no-hardcoded-secrets\nscope: repository\njustification: The key is a restricted key being rotated out this quarter.\napprover: Carol CTO\ndate: 2026-06-01\nexpires: 2026-09-30\n',
};
const REVIEW_PATH = '.readiness/reviews/grace.yaml';

function captured(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: { write: (s: string) => out.push(s), isTTY: false }, stderr: { write: (s: string) => err.push(s), isTTY: false }, env: {} };
}

async function saved(dir: string): Promise<Assessment> {
  const { assessment } = await assess(dir, { now: NOW, workers: 0 });
  // As a reviewer gets it: the JSON written by `assess --json`, read back.
  return AssessmentSchema.parse(JSON.parse(JSON.stringify(assessment)));
}

/** Every file under a folder, relative and sorted. */
function walk(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(root, join(dir, e.name)) : [relative(root, join(dir, e.name)).split('\\').join('/')]))
    .sort();
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

let work: string;
let repo: string;
let a: Assessment;
let archive: string;
let top: string;
let manifest: AuditManifest;
let result: { file: string; entries: number; bytes: number };

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'readiness-audit-pack-'));
  repo = join(work, 'shop');
  mkdirSync(repo);
  commitHistory(repo, [{ files: FILES, tag: 'v1.0.0', date: '2026-05-01T10:00:00Z' }]);
  runGit(repo, ['remote', 'add', 'origin', 'https://token:x-oauth@example.com/acme/shop.git']);
  // The review signs the result, so it is written once the result is known; it does not change it.
  const first = await saved(repo);
  mkdirSync(join(repo, '.readiness/reviews'));
  const review = `reviewer: Grace Hopper\nexternal: true\nauditor: false\ndate: 2026-06-15\nsigns: ${first.resultDigest}\nratings:\n  security: 1\n`;
  execFileSync('sh', ['-c', `cat > ${REVIEW_PATH}`], { cwd: repo, input: review });
  runGit(repo, ['add', '-A']);
  runGit(repo, ['commit', '-qm', 'review'], { GIT_AUTHOR_DATE: '2026-06-15T09:00:00Z', GIT_COMMITTER_DATE: '2026-06-15T09:00:00Z' });
  a = await saved(repo);
  archive = join(work, 'pack.tar.gz');
  result = await writeAuditPack({ assessment: a, repoPath: repo, output: archive, argv: ['report', '--format', 'audit-pack', '-o', archive] });
  mkdirSync(join(work, 'x'));
  await extract({ file: archive, cwd: join(work, 'x') });
  top = join(work, 'x', `readiness-audit-shop-${a.subject.commit!.slice(0, 8)}`);
  manifest = JSON.parse(readFileSync(join(top, 'MANIFEST.json'), 'utf8')) as AuditManifest;
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the fixture', () => {
  it('has a counted attestation, an applied waiver, a valid review and a masked secret', () => {
    expect(a.subject).toMatchObject({ dirty: false, remote: 'https://example.com/acme/shop.git', branch: 'main' });
    expect(a.human.attestations.map((x) => [x.file, x.state])).toEqual([['.readiness/attestations/pentest.yaml', 'counted']]);
    expect(a.human.waivers.map((x) => [x.file, x.state])).toEqual([['.readiness/waivers/secret.yaml', 'applied']]);
    expect(a.human.reviews.map((x) => [x.file, x.state])).toEqual([[REVIEW_PATH, 'valid']]);
    const cited = a.pillars.flatMap((p) => p.criteria).flatMap((c) => c.evidence).filter((e) => e.path === 'src/server.js').map((e) => e.line);
    expect(cited).toContain(6);
    expect(cited).toContain(7);
    expect(JSON.stringify(a)).not.toContain(SECRET);
  });
});

describe('the archive', () => {
  it('holds everything under one top folder, sorted, owned by 0:0, dated at the assessment', async () => {
    const headers: { path: string; uid: number | undefined; gid: number | undefined; mode: number | undefined; mtime: number | undefined }[] = [];
    await list({ file: archive, onReadEntry: (e: ReadEntry) => void headers.push({ path: e.path, uid: e.uid, gid: e.gid, mode: e.mode, mtime: e.mtime?.getTime() }) });
    const name = `readiness-audit-shop-${a.subject.commit!.slice(0, 8)}`;
    expect(headers.every((h) => h.path === `${name}/` || h.path.startsWith(`${name}/`))).toBe(true);
    expect(headers.map((h) => h.path)).toEqual([...headers.map((h) => h.path)].sort());
    expect(new Set(headers.map((h) => `${h.uid}:${h.gid}:${h.mtime}`))).toEqual(new Set([`0:0:${Date.parse('2026-06-15T12:00:00Z')}`]));
    expect(headers.filter((h) => !h.path.endsWith('/')).map((h) => h.mode)).toEqual(Array(result.entries).fill(0o644));
    expect(walk(top)).toEqual(headers.filter((h) => !h.path.endsWith('/')).map((h) => h.path.slice(name.length + 1)));
    expect(result).toEqual({ file: archive, entries: walk(top).length, bytes: statSync(archive).size });
    // The built-in rubric's 14 pillars, rubric.yaml and programme.yaml.
    expect(walk(top).filter((p) => p.startsWith('rubric/'))).toHaveLength(16);
    expect(readFileSync(join(top, 'rubric/rubric.yaml'))).toEqual(readFileSync(join(BUILTIN_RUBRIC_DIR, 'rubric.yaml')));
    expect(readFileSync(join(top, 'assessment.json'), 'utf8')).toBe(`${JSON.stringify(a, null, 2)}\n`);
  });

  it('every manifest digest and size matches its file, and the manifest lists every other file', () => {
    expect(manifest.files.map((f) => f.path)).toEqual(walk(top).filter((p) => p !== 'MANIFEST.json' && p !== 'SHA256SUMS'));
    for (const f of manifest.files) {
      const content = readFileSync(join(top, f.path));
      expect({ path: f.path, sha256: sha(content), size: content.length }).toEqual(f);
    }
    expect(manifest).toMatchObject({
      created: '2026-06-15T12:00:00.123Z',
      repository: { name: 'shop', remote: 'https://example.com/acme/shop.git', commit: a.subject.commit, branch: 'main', folder: '', dirty: false },
      rubric: { ...a.rubric, included: true },
      resultDigest: a.resultDigest,
      command: `readiness report --format audit-pack -o ${archive}`,
    });
  });

  it('SHA256SUMS holds one line per file but itself, and sha256sum -c accepts it', () => {
    const lines = readFileSync(join(top, 'SHA256SUMS'), 'utf8').trimEnd().split('\n');
    expect(lines).toEqual(walk(top).filter((p) => p !== 'SHA256SUMS').map((p) => `${sha(readFileSync(join(top, p)))}  ${p}`));
    const out = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: top, encoding: 'utf8' });
    expect(out.trimEnd().split('\n')).toEqual(lines.map((l) => `${l.slice(66)}: OK`));
  });

  it('people files are byte for byte what git holds under their recorded blob ids', () => {
    const refs = [
      ...a.human.attestations.map((x) => [x.file, x.fileBlob]),
      ...a.human.waivers.map((x) => [x.file, x.fileBlob]),
      ...a.human.reviews.map((x) => [x.file, x.fileBlob]),
    ] as [string, string][];
    expect(refs.map(([f]) => f)).toEqual(['.readiness/attestations/pentest.yaml', '.readiness/waivers/secret.yaml', REVIEW_PATH]);
    for (const [file, blob] of refs) {
      const fromGit = execFileSync('git', ['cat-file', 'blob', blob], { cwd: repo });
      expect(readFileSync(join(top, 'people', file))).toEqual(fromGit);
    }
    expect(readFileSync(join(top, 'people/.readiness/attestations/pentest.yaml'), 'utf8')).toContain('\r\n');
    expect(manifest.people.map((p) => [p.kind, p.status, p.file])).toEqual([
      ['attestation', 'included', 'people/.readiness/attestations/pentest.yaml'],
      ['waiver', 'included', 'people/.readiness/waivers/secret.yaml'],
      ['review', 'included', `people/${REVIEW_PATH}`],
    ]);
  });

  it('shows the cited lines with their neighbours, and the secret nowhere', () => {
    const { contexts } = JSON.parse(readFileSync(join(top, 'evidence/excerpts.json'), 'utf8')) as { contexts: { path: string; line: number; lines?: { line: number; text: string }[] }[] };
    const health = contexts.find((c) => c.path === 'src/server.js' && c.line === 7)!;
    expect(health.lines).toEqual([
      { line: 5, text: 'const app = express();' },
      { line: 6, text: `const stripeKey = '${SECRET.slice(0, 4)}********';` },
      { line: 7, text: "app.get('/health', (req, res) => res.json({ ok: true }));" },
      // The file's last line: nothing after it.
      { line: 8, text: "app.listen(3000, () => log.info('up'));" },
    ]);
    // Not in any file, nor anywhere in the tar stream (names, headers, padding).
    for (const p of walk(top)) expect(readFileSync(join(top, p), 'utf8')).not.toContain(SECRET);
    const tarBytes = gunzipSync(readFileSync(archive));
    expect(tarBytes.includes(Buffer.from(SECRET))).toBe(false);
    expect(tarBytes.includes(Buffer.from(SECRET.slice(8)))).toBe(false);
    // Nor the remote's credentials.
    expect(tarBytes.includes(Buffer.from('x-oauth'))).toBe(false);
  });

  it('is byte-identical when made again from the same assessment, under any file name', async () => {
    const again = join(work, 'again.tar.gz');
    await writeAuditPack({ assessment: a, repoPath: repo, output: again, argv: ['report', '--format', 'audit-pack', '-o', archive] });
    expect(readFileSync(again).equals(readFileSync(archive))).toBe(true);
    // gzip header: no timestamp, OS "unknown".
    expect([...readFileSync(archive).subarray(4, 10)]).toEqual([0, 0, 0, 0, 2, 255]);
  });

  it('is named readiness-audit-<repo>-<commit8>.tar.gz in the current folder without -o', async () => {
    const here = process.cwd();
    const dir = join(work, 'default');
    mkdirSync(dir);
    process.chdir(dir);
    try {
      const r = await writeAuditPack({ assessment: a, repoPath: repo });
      expect(r.file).toBe(`readiness-audit-shop-${a.subject.commit!.slice(0, 8)}.tar.gz`);
      expect(existsSync(join(dir, r.file))).toBe(true);
    } finally {
      process.chdir(here);
    }
  });

  it('says in one line when the archive cannot be written', async () => {
    await expect(writeAuditPack({ assessment: a, repoPath: repo, output: join(work, 'no/such/dir/p.tar.gz') })).rejects.toThrow(
      `cannot write ${join(work, 'no/such/dir/p.tar.gz')}: ENOENT (choose a writable --output path)`,
    );
  });
});

describe("the README's steps", () => {
  it('verify on the extracted assessment.json exits 0 against a fresh clone at the commit', async () => {
    const readme = readFileSync(join(top, 'README.md'), 'utf8');
    expect(readme).toContain('\ngit clone https://example.com/acme/shop.git "$WORK/shop"\n');
    expect(readme).toContain(`\ngit checkout --quiet ${a.subject.commit}\n`);
    expect(readme).toContain('\n#    in a clone of readiness at 0.1.0: npm ci && npm run build && npm link\n');
    expect(readme).toContain(` --as-of ${a.assessedAt}\n`);
    expect(readme).toContain('\nreadiness verify "$PACK/assessment.json" .\n');
    // The README's clone, from the reviewer's own copy (the fixture's remote is not reachable).
    const clone = join(work, 'clone');
    execFileSync('git', ['clone', '-q', repo, clone]);
    execFileSync('git', ['checkout', '--quiet', a.subject.commit!], { cwd: clone });
    const io = captured();
    const code = await run(['verify', join(top, 'assessment.json'), clone], io);
    expect(io.err.join('')).toBe('');
    expect(io.out.join('')).toMatch(new RegExp(`^verified \\d+ evidence items, 1 attestation, 1 waiver, 1 review at ${a.subject.commit!.slice(0, 8)}: all hold\\n$`));
    expect(code).toBe(0);
  });

  it("the README's assess --as-of step on the clone at the commit gives the same result digest", async () => {
    const clone = join(work, 'clone2');
    execFileSync('git', ['clone', '-q', repo, clone]);
    const out = join(work, 'reassessed.json');
    const io = captured();
    // Months after the rating: without --as-of the attestation would be judged on another day.
    expect(await run(['assess', clone, '--json', '-o', out, '--no-cache', '--progress', 'none', '--as-of', a.assessedAt], io)).toBe(0);
    const again = JSON.parse(readFileSync(out, 'utf8')) as Assessment;
    expect(again.assessedAt).toBe(a.assessedAt);
    expect(again.resultDigest).toBe(manifest.resultDigest);
    expect(readFileSync(join(top, 'README.md'), 'utf8')).toContain(`# must print: "resultDigest": "${again.resultDigest}",`);
  });
});

describe('helpers', () => {
  it('names a repository by its remote, else its folder', () => {
    expect(repositoryName('git@github.com:acme/shop.git', '/x/y')).toBe('shop');
    expect(repositoryName('https://example.com/acme/platform/', '/x/y')).toBe('platform');
    expect(repositoryName('/srv/git/ledger/.git', '/x/y')).toBe('ledger');
    expect(repositoryName(null, '/work/repos/billing')).toBe('billing');
  });

  it('passes --config only for a config discovery would not find', () => {
    const base = { ...a, subject: { ...a.subject, path: '/r/shop' } };
    expect(configReproduction({ ...base, config: { ...a.config, file: '/r/shop/.readiness/config.yaml' } })).toEqual({ argument: null, note: null });
    expect(configReproduction({ ...base, config: { ...a.config, file: '.readiness/config.yaml' } })).toEqual({ argument: null, note: null });
    expect(configReproduction({ ...base, config: { ...a.config, file: '/r/shop/conf/targets.yaml' } })).toEqual({ argument: 'conf/targets.yaml', note: null });
    // A discovery location of a sub-folder is not the assessed folder's.
    expect(configReproduction({ ...base, config: { ...a.config, file: '/r/shop/sub/.readiness/config.yaml' } })).toEqual({ argument: 'sub/.readiness/config.yaml', note: null });
    expect(configReproduction({ ...base, config: { ...a.config, file: '/etc/readiness/targets.yaml' } })).toEqual({
      argument: 'targets.yaml',
      note: 'The assessment used the config file /etc/readiness/targets.yaml, which is not where discovery looks in the repository: get a copy of it from the team and pass it with --config, or targets, exclusions and people folders may differ.',
    });
  });
});
