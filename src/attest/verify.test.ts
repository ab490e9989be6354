// `verifyAssessment` on fixture repositories: an assessment made by the engine, saved as JSON,
// verifies clean; every kind of tampering (and a dirty work tree) is caught; an honest
// repository that moved on still verifies, because evidence is pinned to the assessed commit.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, runGit, tempDir, type Files } from '../../test/harness.ts';
import { commitHistory } from '../../test/repo-builder.ts';
import { AssessmentSchema, type Assessment, type CriterionResult, type Evidence } from '../core/assessment.ts';
import { assess } from '../engine/assess.ts';
import { UserError } from '../errors/index.ts';
import { gitBlobId } from '../util/git-blob.ts';
import { resultDigest } from './digest.ts';
import { cumulativeLevel } from '../rubric/evaluate.ts';
import { checkLine, verifyAssessment, type VerifyReport } from './verify.ts';

const NOW = new Date('2026-06-15T12:00:00Z');
const PENTEST = '# Penetration test, May 2026\n\nAcme Security tested the public API; no critical findings.\n';
const SERVER = [
  "import express from 'express';",
  "import pino from 'pino';",
  '',
  'const log = pino();',
  'const app = express();',
  "const stripeKey = 'sk_live_51HxQ2dLkP8vR3mT9wZ0aB7cD';",
  "app.get('/health', (req, res) => res.json({ ok: true }));",
  "app.listen(3000, () => log.info('up'));",
  '',
].join('\n');

/** A small service: a masked secret, a health route, a CI step whose command is in a `run: |` block, an attestation citing a document, a waiver. */
const FILES: Files = {
  'package.json': `${JSON.stringify({ name: 'shop', dependencies: { express: '^4.19.0', pino: '^9.0.0' }, devDependencies: { vitest: '^1.0.0' }, scripts: { test: 'vitest run' } }, null, 2)}\n`,
  'README.md': '# Shop\n\n## Development\n\nRun `npm ci` then `npm test`. The service listens on port 3000 and reads its settings from the environment.\n',
  'src/server.js': SERVER,
  'test/server.test.js': "import { test, expect } from 'vitest';\ntest('ok', () => expect(1).toBe(1));\n",
  '.github/workflows/ci.yml': 'name: ci\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Test\n        run: |\n          npm ci\n          npm test\n',
  'docs/pentest.md': PENTEST,
  '.readiness/attestations/pentest.yaml': `criterion: security.quarterly-pentest\nclaim: Acme Security ran an external penetration test of the API in May 2026.\nby: Ada Lovelace\ndate: 2026-05-20\nevidence: [{ document: docs/pentest.md, blob: ${gitBlobId(PENTEST)} }]\n`,
  '.readiness/waivers/secret.yaml': 'criterion: security.no-hardcoded-secrets\nscope: repository\njustification: The key is a restricted key being rotated out this quarter.\napprover: Carol CTO\ndate: 2026-06-01\nexpires: 2026-09-30\n',
};

function fixtureRepo(dir?: string): string {
  const d = dir ?? tempDir();
  commitHistory(d, [{ files: FILES, tag: 'v1.0.0', date: '2026-05-01T10:00:00Z' }]);
  return d;
}

/** Assess as `readiness assess --json` does, and read the saved JSON back as an auditor would. */
async function saved(dir: string, now = NOW): Promise<Assessment> {
  const { assessment } = await assess(dir, { now, workers: 0 });
  return AssessmentSchema.parse(JSON.parse(JSON.stringify(assessment)));
}

function tamper(a: Assessment, edit: (b: Assessment) => void): Assessment {
  const b = structuredClone(a);
  edit(b);
  return b;
}

const redigest = (b: Assessment): void => {
  b.resultDigest = resultDigest({ rubricHash: b.rubric.hash, pillars: b.pillars.map((p) => (p.override ? { ...p, level: p.override.computedLevel } : p)) });
};
const criteria = (a: Assessment): CriterionResult[] => a.pillars.flatMap((p) => p.criteria);
const criterion = (a: Assessment, id: string): CriterionResult => criteria(a).find((c) => c.id === id)!;
const evidenceAt = (a: Assessment, path: string, line: number): Evidence[] =>
  criteria(a).flatMap((c) => c.evidence).filter((e) => e.path === path && e.line === line);
const kinds = (r: VerifyReport): string[] => r.failures.map((f) => f.kind).sort();

let repo: string;
let base: Assessment;
const cleanups: string[] = [];

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), 'readiness-verify-'));
  cleanups.push(repo);
  fixtureRepo(repo);
  base = await saved(repo);
});
afterAll(() => {
  for (const d of cleanups) rmSync(d, { recursive: true, force: true });
});

describe('an untampered assessment', () => {
  it('verifies: every evidence item, level, the digest, the attestation, the waiver', async () => {
    // The fixture is what the tests below rely on.
    expect(base.subject.dirty).toBe(false);
    expect(evidenceAt(base, 'src/server.js', 6)[0]?.excerpt).toBe("const stripeKey = 'sk_l********';");
    expect(criterion(base, 'security.quarterly-pentest')).toMatchObject({ status: 'met', basis: 'attestation' });
    expect(criterion(base, 'security.no-hardcoded-secrets')).toMatchObject({ status: 'met', basis: 'waiver' });
    expect(base.human.attestations.map((x) => x.state)).toEqual(['counted']);

    const r = await verifyAssessment(base, repo);
    expect(r.failures).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.commit).toBe(base.subject.commit);
    expect(r.commitFound).toBe(true);
    expect(r.checks).toMatchObject({ attestations: 1, waivers: 1, reviews: 0, tags: 1, pillars: base.pillars.filter((p) => p.applicable).length });
    expect(r.checks.evidence).toBe(criteria(base).reduce((n, c) => n + c.evidence.length, 0));
    expect(r.checks.files).toBeGreaterThanOrEqual(5);
    expect(r.checks.excerpts).toBeGreaterThanOrEqual(4);
    // `npm test` is recorded at the `run: |` line of its step: found in the block, not the line.
    expect(evidenceAt(base, '.github/workflows/ci.yml', 9)[0]?.excerpt).toBe('npm test');
    expect(r.checks.excerptsWithinLine).toBeGreaterThanOrEqual(1);
    // The attestation file, the waiver file and the cited document, each against the commit.
    expect(r.checks.documents).toBe(3);
  });

  it('still verifies after the repository moved on: a new commit changing an evidence file', async () => {
    const dir = fixtureRepo();
    const a = await saved(dir);
    writeFileSync(join(dir, 'src/server.js'), `// rewritten\n${SERVER.replace('sk_live_51HxQ2dLkP8vR3mT9wZ0aB7cD', 'process.env.STRIPE_KEY')}`);
    writeFileSync(join(dir, 'docs/pentest.md'), '# Superseded\n');
    runGit(dir, ['-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-qam', 'move on']);
    expect(runGit(dir, ['rev-parse', 'HEAD']).trim()).not.toBe(a.subject.commit);
    expect((await verifyAssessment(a, dir)).failures).toEqual([]);
  });

  it('verifies against a bare clone (an auditor needs no work tree) and from the assessed sub-folder', async () => {
    const bare = join(tempDir(), 'shop.git');
    runGit(repo, ['clone', '-q', '--bare', repo, bare]);
    expect((await verifyAssessment(base, bare)).failures).toEqual([]);

    const mono = tempDir();
    commitHistory(mono, [{ files: Object.fromEntries(Object.entries(FILES).map(([p, c]) => [`services/shop/${p}`, c])), date: '2026-05-01T10:00:00Z' }]);
    const sub = join(mono, 'services/shop');
    const a = await saved(sub);
    expect(evidenceAt(a, 'src/server.js', 6)).not.toEqual([]);
    expect((await verifyAssessment(a, sub)).failures).toEqual([]);
  });
});

describe('tampering is caught', () => {
  it('an excerpt edited', async () => {
    const b = tamper(base, (x) => {
      for (const e of evidenceAt(x, 'src/server.js', 7)) e.excerpt = "app.get('/healthz', (req, res) => res.json({ ok: true }));";
    });
    const r = await verifyAssessment(b, repo);
    expect(r.failures).toEqual([
      {
        kind: 'excerpt',
        where: 'src/server.js:7',
        message: `the excerpt was recorded as "app.get('/healthz', (req, res) => res.json({ ok: true }));" but line 7 reads "app.get('/health', (req, res) => res.json({ ok: true }));" (evidence of reliability/reliability.health-endpoint)`,
      },
    ]);
  });

  it('a line number shifted', async () => {
    const b = tamper(base, (x) => {
      for (const e of evidenceAt(x, 'src/server.js', 6)) e.line = 5;
    });
    const r = await verifyAssessment(b, repo);
    expect(kinds(r)).toEqual(['excerpt']);
    expect(r.failures[0]).toMatchObject({ where: 'src/server.js:5', message: expect.stringContaining('line 5 reads "const app = express();"') });
    const beyond = await verifyAssessment(tamper(base, (x) => void (evidenceAt(x, 'src/server.js', 6)[0]!.line = 90)), repo);
    expect(beyond.failures).toEqual([expect.objectContaining({ kind: 'line', where: 'src/server.js:90', message: expect.stringMatching(/^line 90 is beyond the end of the file \(8 lines\)/) })]);
  });

  it('a blob id edited', async () => {
    const fake = 'b'.repeat(40);
    const b = tamper(base, (x) => {
      for (const e of evidenceAt(x, 'src/server.js', 7)) e.blob = fake;
    });
    const r = await verifyAssessment(b, repo);
    expect(r.failures).toEqual([
      { kind: 'blob', where: 'src/server.js', message: expect.stringMatching(/^recorded blob bbbbbbbbbbbb but the file at [0-9a-f]{12} is [0-9a-f]{12} \(evidence of reliability\/reliability\.health-endpoint\)$/) },
    ]);
  });

  it('a level raised: consistency fails, and the digest too unless recomputed', async () => {
    const p = base.pillars.find((x) => x.applicable && x.level !== null && x.level < 5)!;
    const raised = tamper(base, (x) => void (x.pillars.find((y) => y.id === p.id)!.level = p.level! + 1));
    const r = await verifyAssessment(raised, repo);
    expect(kinds(r)).toEqual(['digest', 'level']);
    expect(r.failures.find((f) => f.kind === 'level')).toMatchObject({ where: p.id, message: expect.stringMatching(new RegExp(`^level ${p.level! + 1} is recorded but the criteria give ${p.level}: `)) });
    // A tamperer who recomputes the digest still fails the cumulative rule.
    const r2 = await verifyAssessment(tamper(raised, redigest), repo);
    expect(kinds(r2)).toEqual(['level']);
  });

  it('a criterion status flipped: the digest and the consistency fail', async () => {
    const p = base.pillars.find((x) => x.applicable && (x.level ?? 0) >= 2)!;
    const c = p.criteria.find((x) => x.level <= p.level! && x.status === 'met')!;
    const b = tamper(base, (x) => void (x.pillars.find((y) => y.id === p.id)!.criteria.find((y) => y.id === c.id)!.status = 'unmet'));
    const r = await verifyAssessment(b, repo);
    // The pillar's level, and its level from the scan alone (the criterion was decided by the scan).
    expect(kinds(r)).toEqual(['digest', 'level', 'level']);
    expect(r.failures.filter((f) => f.kind === 'level').map((f) => f.message.replace(/ \d+/g, ' N').split(':')[0])).toEqual([
      'level N is recorded but the criteria give N',
      'the level from the scan alone is recorded as N but the scanned statuses give N',
    ]);
    expect(r.failures.find((f) => f.kind === 'digest')!.message).toMatch(/^recorded [0-9a-f]{12} but the recorded result digests to [0-9a-f]{12}: /);
    expect(r.failures.find((f) => f.kind === 'level')!.message).toContain(`${c.id} is unmet`);
  });

  it('the commit replaced by an unknown one: one commit failure, no file checks', async () => {
    const b = tamper(base, (x) => void (x.subject.commit = '0123456789abcdef0123456789abcdef01234567'));
    const r = await verifyAssessment(b, repo);
    expect(kinds(r)).toEqual(['commit']);
    expect(r.failures.find((f) => f.kind === 'commit')!.message).toMatch(/^the assessed commit 0123456789abcdef0123456789abcdef01234567 is not in the repository at /);
    expect(r.commitFound).toBe(false);
    expect(r.checks.files).toBe(0);
  });

  it('a tag or a commit that the repository does not have', async () => {
    const b = tamper(base, (x) => {
      for (const e of criteria(x).flatMap((c) => c.evidence)) if (e.path === 'tag v1.0.0') e.path = 'tag v9.9.9';
      const head = x.subject.commit!.slice(0, 12);
      criterion(x, 'team.truck-factor').evidence.push({ path: `commit ${head}`, detector: 'merges-through-pull-requests' }, { path: 'commit 0123456789ab', detector: 'merges-through-pull-requests' });
    });
    const r = await verifyAssessment(b, repo);
    expect(r.failures.map((f) => `${f.kind} ${f.where}`).sort()).toEqual(['commit commit 0123456789ab', 'tag tag v9.9.9']);
    expect(r.checks.commits).toBe(2);
  });

  it('a criterion moved to another level, or a rubric other than the built-in one', async () => {
    const moved = tamper(base, (x) => void (criterion(x, 'security.quarterly-pentest').level = 2));
    const r = await verifyAssessment(moved, repo);
    expect(r.failures).toContainEqual({ kind: 'rubric', where: 'security/security.quarterly-pentest', message: expect.stringMatching(/^recorded at level 2 but the rubric puts it at level \d$/) });
    const other = tamper(base, (x) => {
      x.rubric.hash = 'e'.repeat(64);
      redigest(x);
    });
    const r2 = await verifyAssessment(other, repo);
    expect(r2.failures).toEqual([]);
    expect(r2.warnings).toEqual([expect.stringMatching(/^rated under rubric \S+ \S+ \(hash eeeeeeeeeeee\), not the built-in /)]);
  });
});

describe('human evidence', () => {
  it('an attestation counted past its expiry, or dated after the assessment', async () => {
    const b = tamper(base, (x) => {
      x.human.attestations[0]!.expires = '2026-06-01';
      criterion(x, 'security.quarterly-pentest').attestation!.expires = '2026-06-01';
    });
    const r = await verifyAssessment(b, repo);
    expect(r.failures).toEqual([
      { kind: 'attestation', where: '.readiness/attestations/pentest.yaml (security.quarterly-pentest)', message: 'counted on 2026-06-15, but it expired on 2026-06-01' },
    ]);
    // Editing only one of its two copies is caught too.
    const one = tamper(base, (x) => void (x.human.attestations[0]!.date = '2026-07-01'));
    expect((await verifyAssessment(one, repo)).failures).toEqual([
      { kind: 'attestation', where: '.readiness/attestations/pentest.yaml (security.quarterly-pentest)', message: 'counted on 2026-06-15, but it is dated 2026-07-01, after the assessment' },
    ]);
  });

  it('a waiver applied outside its dates, and a criterion decided by a waiver that does not apply', async () => {
    const b = tamper(base, (x) => {
      x.human.waivers[0]!.expires = '2026-06-10';
      const c = criterion(x, 'security.no-hardcoded-secrets');
      c.waiver!.expires = '2026-06-10';
    });
    expect((await verifyAssessment(b, repo)).failures).toEqual([
      { kind: 'waiver', where: '.readiness/waivers/secret.yaml (security.no-hardcoded-secrets)', message: 'applied on 2026-06-15, but it expired on 2026-06-10' },
    ]);
    const c = tamper(base, (x) => void (criterion(x, 'security.no-hardcoded-secrets').waiver!.state = 'expired'));
    expect((await verifyAssessment(c, repo)).failures).toContainEqual({ kind: 'waiver', where: 'security/security.no-hardcoded-secrets', message: 'decided by a waiver that does not apply (expired)' });
  });

  it('a cited document or an attestation file whose recorded blob is not the one at the commit', async () => {
    const fake = 'c'.repeat(40);
    const b = tamper(base, (x) => {
      for (const ref of [x.human.attestations[0]!, criterion(x, 'security.quarterly-pentest').attestation!]) ref.evidence[0]!.blob = fake;
    });
    const r = await verifyAssessment(b, repo);
    expect(r.failures).toEqual([
      {
        kind: 'document',
        where: '.readiness/attestations/pentest.yaml (security.quarterly-pentest)',
        message: expect.stringMatching(/^attestation cites docs\/pentest\.md: recorded blob cccccccccccc but docs\/pentest\.md at [0-9a-f]{12} is [0-9a-f]{12}$/),
      },
    ]);
    const file = tamper(base, (x) => {
      for (const ref of [x.human.attestations[0]!, criterion(x, 'security.quarterly-pentest').attestation!]) ref.fileBlob = fake;
    });
    expect(kinds(await verifyAssessment(file, repo))).toEqual(['attestation']);
  });

  it('a review signing another digest but marked valid', async () => {
    const dir = fixtureRepo();
    const first = await saved(dir);
    // The review sits in the work tree, untracked: the result, and so its digest, stay the same.
    mkdirSync(join(dir, '.readiness/reviews'));
    writeFileSync(
      join(dir, '.readiness/reviews/grace.yaml'),
      `reviewer: Grace Hopper\nexternal: true\nauditor: false\ndate: 2026-06-16\nsigns: ${first.resultDigest}\nratings:\n  security: 2\noverrides: []\n`,
    );
    const a = await saved(dir);
    expect(a.resultDigest).toBe(first.resultDigest);
    expect(a.human.reviews.map((x) => x.state)).toEqual(['valid']);
    const ok = await verifyAssessment(a, dir);
    expect(ok.failures).toEqual([]);
    expect(ok.checks.reviews).toBe(1);
    expect(ok.warnings).toEqual([expect.stringMatching(/^the review file \.readiness\/reviews\/grace\.yaml is not in the repository at [0-9a-f]{12}: its content was not checked$/)]);

    const b = tamper(a, (x) => void (x.human.reviews[0]!.signs = 'd'.repeat(64)));
    expect((await verifyAssessment(b, dir)).failures).toEqual([
      { kind: 'review', where: '.readiness/reviews/grace.yaml', message: `marked valid but Grace Hopper signed dddddddddddd, not this result (${a.resultDigest.slice(0, 12)})` },
    ]);
  });

  it('a reviewer override: verifies with its computed level; an override no valid review made fails', async () => {
    const dir = fixtureRepo();
    const first = await saved(dir);
    const computed = first.pillars.find((p) => p.id === 'security')!.level!;
    const set = computed === 1 ? 2 : 1;
    mkdirSync(join(dir, '.readiness/reviews'));
    writeFileSync(
      join(dir, '.readiness/reviews/grace.yaml'),
      `reviewer: Grace Hopper\nexternal: true\nauditor: true\ndate: 2026-06-16\nsigns: ${first.resultDigest}\nratings:\n  security: ${set}\noverrides:\n  - pillar: security\n    level: ${set}\n    justification: Two services still read the key from a file baked into the image.\n    evidence:\n      - url: https://tickets.example.com/SEC-123\n`,
    );
    const a = await saved(dir);
    const security = a.pillars.find((p) => p.id === 'security')!;
    expect(security).toMatchObject({ level: set, override: { level: set, computedLevel: computed, by: 'Grace Hopper' } });
    expect((await verifyAssessment(a, dir)).failures).toEqual([]);

    // A level set by hand, dressed as an override that no review made.
    const forged = tamper(a, (x) => {
      const p = x.pillars.find((y) => y.id === 'security')!;
      p.level = p.override!.level = set === 1 ? 3 : set + 1;
    });
    expect((await verifyAssessment(forged, dir)).failures).toEqual([
      { kind: 'review', where: 'security', message: `level ${set === 1 ? 3 : set + 1} set by Grace Hopper (.readiness/reviews/grace.yaml), but no review records that override` },
    ]);
    // The computed level under the override must still follow from the criteria.
    const hidden = tamper(a, (x) => void (x.pillars.find((y) => y.id === 'security')!.override!.computedLevel = computed + 1));
    expect(kinds(await verifyAssessment(hidden, dir))).toEqual(['digest', 'level']);
  });
});

describe('a dirty work tree', () => {
  it('fails evidence whose content is not in git, and passes once that content is', async () => {
    const dir = fixtureRepo();
    writeFileSync(join(dir, 'src/server.js'), `// local edit\n${SERVER}`);
    const a = await saved(dir);
    expect(a.subject.dirty).toBe(true);
    const r = await verifyAssessment(a, dir);
    expect(r.failures.length).toBeGreaterThan(0);
    expect(r.failures.every((f) => f.kind === 'blob' && f.where === 'src/server.js')).toBe(true);
    expect(r.failures[0]!.message).toMatch(/^the work tree was dirty when assessed and this content \(blob [0-9a-f]{12}\) is not in git/);
    runGit(dir, ['add', 'src/server.js']);
    const staged = await verifyAssessment(a, dir);
    expect(staged.failures).toEqual([]);
    // The shifted lines are read from the recorded content, not the commit's.
    expect(evidenceAt(a, 'src/server.js', 7)[0]?.excerpt).toBe("const stripeKey = 'sk_l********';");
  });
});

describe('scale', () => {
  it('thousands of evidence items take seconds', async () => {
    const files: Files = { 'README.md': '# many\n' };
    for (let i = 0; i < 1500; i++) files[`src/m${i}.js`] = `// module ${i}\nexport const v${i} = ${i};\n`;
    const dir = makeRepo({ git: true, files });
    const { assessment } = await assess(dir, { now: NOW, workers: 0 });
    const a = tamper(assessment, (x) => {
      const c = criteria(x)[0]!;
      for (let i = 0; i < 1500; i++) {
        const blob = gitBlobId(files[`src/m${i}.js`]!);
        c.evidence.push({ path: `src/m${i}.js`, line: 2, excerpt: `export const v${i} = ${i};`, blob, detector: 'x' }, { path: `src/m${i}.js`, line: 1, excerpt: `// module ${i}`, blob, detector: 'y' });
      }
    });
    const t0 = performance.now();
    const r = await verifyAssessment(a, dir);
    const ms = performance.now() - t0;
    expect(r.failures).toEqual([]);
    expect(r.checks.evidence).toBeGreaterThanOrEqual(3000);
    expect(r.checks.excerpts).toBeGreaterThanOrEqual(3000);
    expect(ms).toBeLessThan(5000);
  }, 60_000);
});

describe('input', () => {
  it('a path that is not a git repository is a user error', async () => {
    const plain = makeRepo({ 'README.md': '# x\n' });
    await expect(verifyAssessment(base, plain)).rejects.toThrow(UserError);
    await expect(verifyAssessment(base, plain)).rejects.toThrow(/^not a git repository: /);
    await expect(verifyAssessment(base, join(plain, 'nope'))).rejects.toThrow(/^repository not found: /);
  });

  it('an assessment without a commit cannot be verified', async () => {
    const b = tamper(base, (x) => void (x.subject.commit = null));
    const r = await verifyAssessment(b, repo);
    expect(r.failures).toEqual([{ kind: 'commit', where: 'subject.commit', message: expect.stringMatching(/^the assessment records no commit/) }]);
  });
});

describe('checkLine and cumulativeLevel', () => {
  const text = 'jobs:\n  test:\n    steps:\n      - name: Deploy\n        run: |\n          helm upgrade --install web chart \\\n            --atomic\n      - uses: actions/checkout@v4\nconst token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";\n';

  it('accepts the line as the scanner shows it, part of it, or a command of the block the line opens', () => {
    expect(checkLine(text, 8, '- uses: actions/checkout@v4')).toEqual({ ok: true, within: false });
    expect(checkLine(text, 8, 'uses: actions/checkout@v4')).toEqual({ ok: true, within: true });
    expect(checkLine(text, 5, 'helm upgrade --install web chart --atomic')).toEqual({ ok: true, within: true });
    expect(checkLine(text, 4, 'helm upgrade --install web chart --atomic')).toEqual({ ok: true, within: true });
    // Masked exactly as the scanner masks: the raw secret never matches.
    expect(checkLine(text, 9, 'const token = "ghp_********";')).toEqual({ ok: true, within: false });
    expect(checkLine(text, 9, 'const token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";').ok).toBe(false);
  });

  it('refuses another line, a block that does not hold it, a fragment too short to prove anything', () => {
    expect(checkLine(text, 8, 'helm upgrade --install web chart').ok).toBe(false);
    expect(checkLine(text, 3, 'uses: actions/checkout@v5').ok).toBe(false);
    expect(checkLine(text, 7, 'at').ok).toBe(false);
    expect(checkLine(text, 10, undefined)).toMatchObject({ ok: false, kind: 'line', message: 'line 10 is beyond the end of the file (9 lines)' });
    expect(checkLine(text, 9, undefined)).toEqual({ ok: true, within: false });
  });

  it('the cumulative rule: level L needs every criterion of levels 1..L met', () => {
    const c = (level: number, status: 'met' | 'unmet' | 'unknown') => ({ level, status });
    expect(cumulativeLevel([c(1, 'met'), c(2, 'met'), c(3, 'unknown'), c(4, 'met')])).toBe(2);
    expect(cumulativeLevel([c(1, 'unmet'), c(2, 'met')])).toBe(1);
    expect(cumulativeLevel([c(1, 'met'), c(2, 'met'), c(3, 'met'), c(4, 'met'), c(5, 'met')])).toBe(5);
    expect(cumulativeLevel([c(1, 'met'), c(2, 'met'), c(4, 'met')])).toBe(2);
  });
});
