// Attestations and waivers through the real pipeline: files kept with a fixture repository,
// assessed on a pinned date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, runGit } from '../../test/harness.ts';
import type { Assessment, CriterionResult, PillarResult } from '../core/assessment.ts';
import { assess } from '../engine/assess.ts';
import { gitBlobId } from '../util/git-blob.ts';

const NOW = new Date('2026-06-15T12:00:00Z');
const SLO_DOC = '# Error budget policy\n\nCheckout: 99.9% monthly; the budget freezes releases when spent.\n';

async function run(dir: string, now = NOW): Promise<Assessment> {
  return (await assess(dir, { now, workers: 0 })).assessment;
}
const pillar = (a: Assessment, id: string): PillarResult => a.pillars.find((p) => p.id === id)!;
const criterion = (a: Assessment, id: string): CriterionResult => a.pillars.flatMap((p) => p.criteria).find((c) => c.id === id)!;

const attestation = (fields: Record<string, string>): string =>
  Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n') + '\n';

describe('attestations', () => {
  it('refuses files without evidence, with an unknown criterion or malformed, naming file and field', async () => {
    const dir = makeRepo({
      git: true,
      files: {
        'README.md': '# x\n',
        '.readiness/attestations/a-no-evidence.yaml': attestation({ criterion: 'security.quarterly-pentest', claim: 'A pentest was run by Acme Security in May.', by: 'Ada Lovelace', date: '2026-05-20', evidence: '[]' }),
        '.readiness/attestations/b-unknown.yaml': attestation({ criterion: 'security.quarterly-pentest-ish', claim: 'A pentest was run by Acme Security in May.', by: 'Ada', date: '2026-05-20', evidence: '[{ url: "https://acme.example/report" }]' }),
        '.readiness/attestations/c-broken.yaml': 'criterion: [unclosed\n',
        '.readiness/attestations/d-document-without-blob.yaml': attestation({ criterion: 'security.quarterly-pentest', claim: 'A pentest was run by Acme Security in May.', by: 'Ada', date: '2026-05-20', evidence: '[{ document: docs/pentest.md }]' }),
        '.readiness/attestations/e-bad-date.yaml': attestation({ criterion: 'security.quarterly-pentest', claim: 'A pentest was run by Acme Security in May.', by: 'Ada', date: '2026-13-01', evidence: '[{ url: "https://acme.example/report" }]' }),
        '.readiness/attestations/f-extra-key.yaml': attestation({ criterion: 'security.quarterly-pentest', claim: 'A pentest was run by Acme Security in May.', by: 'Ada', date: '2026-05-20', evidence: '[{ url: "https://acme.example/report" }]', signedOffBy: 'Bob' }),
      },
    });
    const a = await run(dir);
    expect(a.human.refused.map((r) => r.message)).toEqual([
      '.readiness/attestations/a-no-evidence.yaml: evidence: an attestation needs evidence: self-assessment without evidence is a hope (7.1)',
      '.readiness/attestations/b-unknown.yaml: criterion: unknown criterion security.quarterly-pentest-ish (`readiness rubric` lists them)',
      '.readiness/attestations/c-broken.yaml:2:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      '.readiness/attestations/d-document-without-blob.yaml: evidence[0].blob: a cited document needs the blob id it was attested against (`readiness attest` records it)',
      '.readiness/attestations/e-bad-date.yaml: date: not a calendar date',
      '.readiness/attestations/f-extra-key.yaml: (file): Unrecognized key: "signedOffBy"',
    ]);
    expect(a.human.attestations).toEqual([]);
    expect(criterion(a, 'security.quarterly-pentest').status).toBe('unknown');
    expect(a.warnings.filter((w) => w.code === 'people-file-uncommitted')).toEqual([]);
  });

  it('warns when an attestation file is not committed as read', async () => {
    const dir = makeRepo({ git: true, files: { 'README.md': '# x\n' } });
    mkdirSync(join(dir, '.readiness/attestations'), { recursive: true });
    writeFileSync(
      join(dir, '.readiness/attestations/pentest.yaml'),
      attestation({ criterion: 'security.quarterly-pentest', claim: 'Acme Security ran a penetration test in May 2026.', by: 'Ada', date: '2026-05-20', evidence: '[{ url: "https://acme.example/r" }]' }),
    );
    const a = await run(dir);
    expect(criterion(a, 'security.quarterly-pentest').status).toBe('met');
    expect(a.warnings.filter((w) => w.code === 'people-file-uncommitted').map((w) => w.path)).toEqual(['.readiness/attestations/pentest.yaml']);
  });

  it('counts an attestation for a criterion the scan cannot see, until it expires, shown as attested', async () => {
    const dir = makeRepo({
      git: true,
      files: {
        'README.md': '# x\n',
        '.readiness/attestations/pentest.yaml': attestation({
          criterion: 'security.quarterly-pentest',
          claim: 'Acme Security ran an external penetration test of the API in May 2026.',
          by: 'Ada Lovelace',
          date: '2026-05-20',
          evidence: '[{ url: "https://acme.example/reports/2026-05" }]',
        }),
      },
    });
    const a = await run(dir);
    const c = criterion(a, 'security.quarterly-pentest');
    // Rubric: an attested criterion lasts a quarter unless it says a year: 2026-05-20 + 3 months.
    expect(c).toMatchObject({ status: 'met', basis: 'attestation', computedStatus: 'unknown' });
    expect(c.attestation).toMatchObject({ state: 'counted', expires: '2026-08-20', by: 'Ada Lovelace', file: '.readiness/attestations/pentest.yaml' });
    expect(c.reason).toBe('Attested by Ada Lovelace on 2026-05-20 (.readiness/attestations/pentest.yaml): Acme Security ran an external penetration test of the API in May 2026.');
    expect(a.human.attestations.map((x) => x.state)).toEqual(['counted']);

    // The day after expiry it stops counting and is listed as expired.
    const later = await run(dir, new Date('2026-08-21T09:00:00Z'));
    expect(criterion(later, 'security.quarterly-pentest')).toMatchObject({ status: 'unknown' });
    expect(later.human.attestations[0]).toMatchObject({ state: 'expired', note: 'expired on 2026-08-20; re-attest with current evidence.' });
    // On the expiry date itself it still counts.
    expect(criterion(await run(dir, new Date('2026-08-20T23:00:00Z')), 'security.quarterly-pentest').status).toBe('met');
  });

  it('re-opens an attestation when the document it cites changes, until someone re-attests', async () => {
    const dir = makeRepo({
      git: true,
      files: {
        'docs/error-budget.md': SLO_DOC,
        '.readiness/attestations/budget.yaml': attestation({
          criterion: 'observability.error-budgets',
          claim: 'The error-budget policy is in force and reviewed monthly by the SRE lead.',
          by: 'Grace Hopper',
          date: '2026-06-01',
          evidence: `[{ document: docs/error-budget.md, blob: ${gitBlobId(SLO_DOC)} }]`,
        }),
      },
    });
    const before = await run(dir);
    expect(criterion(before, 'observability.error-budgets').attestation?.state).toBe('counted');

    writeFileSync(join(dir, 'docs/error-budget.md'), `${SLO_DOC}\nSearch: 99.5%.\n`);
    runGit(dir, ['commit', '-qam', 'docs: search SLO'], { GIT_AUTHOR_NAME: 'x', GIT_AUTHOR_EMAIL: 'x@example.com', GIT_COMMITTER_NAME: 'x', GIT_COMMITTER_EMAIL: 'x@example.com' });
    const after = await run(dir);
    const c = criterion(after, 'observability.error-budgets');
    expect(c.status).toBe('unknown');
    expect(c.attestation?.state).toBe('reopened');
    expect(c.attestation?.note).toMatch(/^docs\/error-budget\.md changed since it was attested \(blob [0-9a-f]{12}, now [0-9a-f]{12}\); needs re-confirmation\.$/);
  });

  it('flags an attestation the scan contradicts, shows both sides and does not count it', async () => {
    const dir = makeRepo({
      git: true,
      files: {
        'package.json': '{"name":"shop","dependencies":{"express":"^4.19.0"}}\n',
        'src/config.js': "export const stripeKey = 'sk_live_51HxQ2dLkP8vR3mT9wZ0aB7cD';\n",
        '.readiness/attestations/secrets.yaml': attestation({
          criterion: 'security.no-hardcoded-secrets',
          claim: 'All secrets are read from the vault; none is in the code.',
          by: 'Ada Lovelace',
          date: '2026-06-01',
          evidence: '[{ url: "https://vault.example/ui/secrets" }]',
        }),
      },
    });
    const a = await run(dir);
    const c = criterion(a, 'security.no-hardcoded-secrets');
    expect(c.status).toBe('unmet');
    expect(c.basis).toBeUndefined();
    expect(c.attestation?.state).toBe('contradicted');
    expect(c.reason).toContain('Contradicted: attested as met by Ada Lovelace on 2026-06-01 (.readiness/attestations/secrets.yaml), but the scan finds it unmet; the attestation does not count.');
    expect(JSON.stringify(a)).not.toContain('sk_live_51HxQ2dLkP8vR3mT9wZ0aB7cD');
  });
});

describe('waivers', () => {
  const secretRepo = (waiver: string) =>
    makeRepo({
      git: true,
      files: {
        'package.json': '{"name":"shop"}\n',
        'README.md': '# Shop\n',
        'legacy/billing/config.js': "export const stripeKey = 'sk_live_51HxQ2dLkP8vR3mT9wZ0aB7cD';\n",
        'src/app.js': 'export const ok = true;\n',
        '.readiness/waivers/legacy-secrets.yaml': waiver,
      },
    });
  const waiver = (scope: string, expires = '2026-09-30'): string =>
    `criterion: security.no-hardcoded-secrets\nscope: ${scope}\njustification: The legacy billing module is being retired in Q3; its key is rotated weekly until then.\napprover: Carol CTO\ndate: 2026-06-01\nexpires: ${expires}\n`;

  it('applies a waiver whose scope covers every finding, and reports the level with and without it', async () => {
    const a = await run(secretRepo(waiver('{ paths: ["legacy/**"] }')));
    const c = criterion(a, 'security.no-hardcoded-secrets');
    expect(c).toMatchObject({ status: 'met', basis: 'waiver', computedStatus: 'unmet' });
    expect(c.waiver).toMatchObject({ state: 'applied', approver: 'Carol CTO', expires: '2026-09-30' });
    const p = pillar(a, 'security');
    expect(p.human?.levelWithoutWaivers).toBe(1);
    expect(p.human?.levelFromScan).toBe(1);
    expect(p.level).toBeGreaterThanOrEqual(1);
    if (p.level! > 1) expect(p.human?.waivedCriteria).toContain('security.no-hardcoded-secrets');
  });

  it('leaves a criterion unmet when findings fall outside the scope, and stops applying after expiry', async () => {
    const narrow = await run(secretRepo(waiver('{ paths: ["legacy/reports/**"] }')));
    expect(criterion(narrow, 'security.no-hardcoded-secrets')).toMatchObject({ status: 'unmet' });
    expect(criterion(narrow, 'security.no-hardcoded-secrets').waiver).toMatchObject({
      state: 'partial',
      note: 'paths legacy/reports/** leaves 1 finding(s) outside, e.g. legacy/billing/config.js:1; the criterion stays unmet.',
    });
    const component = await run(secretRepo(waiver('{ component: billing }')));
    expect(criterion(component, 'security.no-hardcoded-secrets').waiver?.state).toBe('applied');

    const expired = await run(secretRepo(waiver('repository', '2026-06-10')));
    expect(criterion(expired, 'security.no-hardcoded-secrets')).toMatchObject({ status: 'unmet' });
    expect(expired.human.waivers[0]).toMatchObject({ state: 'expired', note: 'expired on 2026-06-10; the criterion counts as assessed again.' });
  });

  it('refuses a waiver without a justification or an expiry', async () => {
    const dir = secretRepo('criterion: security.no-hardcoded-secrets\nscope: repository\njustification: later\napprover: Carol CTO\ndate: 2026-06-01\n');
    const a = await run(dir);
    expect(a.human.refused.map((r) => r.message)).toEqual(['.readiness/waivers/legacy-secrets.yaml: justification: a written justification']);
  });
});

describe('reviews', () => {
  it('counts sign-offs of this result, applies an override with its reason, and invalidates sign-offs of another result', async () => {
    const dir = makeRepo({ git: true, files: { 'README.md': '# Shop\n', 'src/app.js': 'export const ok = true;\n' } });
    const first = await run(dir);
    const review = (who: string, external: boolean, signs: string, extra = ''): string =>
      `reviewer: ${who}\nexternal: ${external}\nauditor: false\ndate: 2026-06-10\nsigns: "${signs}"\n${extra}`;
    const reviews = join(dir, '.readiness/reviews');
    mkdirSync(reviews, { recursive: true });
    writeFileSync(join(reviews, 'ada.yaml'), review('Ada Lovelace', false, first.resultDigest, 'ratings: { security: 1, docs: 2 }\n'));
    writeFileSync(
      join(reviews, 'grace.yaml'),
      review(
        'Grace Hopper',
        true,
        first.resultDigest,
        'ratings: { security: 1, docs: 2 }\noverrides:\n  - pillar: docs\n    level: 2\n    justification: Onboarding lives in the company wiki, which a scan of this repository cannot see.\n    evidence:\n      - url: https://wiki.example.com/shop/onboarding\n',
      ),
    );
    const second = await run(dir);
    expect(second.resultDigest).toBe(first.resultDigest);
    expect(second.human.reviews.map((r) => [r.reviewer, r.state])).toEqual([
      ['Ada Lovelace', 'valid'],
      ['Grace Hopper', 'valid'],
    ]);
    expect(second.human.review).toMatchObject({ reviewed: true, signatures: 2, external: 1 });
    const docs = pillar(second, 'docs');
    expect(pillar(first, 'docs').level).toBe(1);
    expect(docs.override).toMatchObject({ level: 2, computedLevel: 1, by: 'Grace Hopper', file: '.readiness/reviews/grace.yaml' });
    expect(docs.level).toBe(2);
    expect(docs.summary.startsWith('level 2 set by Grace Hopper (computed 1): Onboarding lives in the company wiki')).toBe(true);
    expect(second.human.agreement?.raters).toEqual(['readiness', 'Ada Lovelace', 'Grace Hopper']);

    // The result changes (a new finding): the sign-offs were of another result.
    writeFileSync(join(dir, 'src/config.js'), "export const stripeKey = 'sk_live_51HxQ2dLkP8vR3mT9wZ0aB7cD';\n");
    runGit(dir, ['add', '-A']);
    runGit(dir, ['commit', '-qm', 'config'], { GIT_AUTHOR_NAME: 'x', GIT_AUTHOR_EMAIL: 'x@example.com', GIT_COMMITTER_NAME: 'x', GIT_COMMITTER_EMAIL: 'x@example.com' });
    const third = await run(dir);
    expect(third.resultDigest).not.toBe(first.resultDigest);
    expect(third.human.reviews.map((r) => r.state)).toEqual(['superseded', 'superseded']);
    expect(third.human.review.reviewed).toBe(false);
    expect(pillar(third, 'docs').override).toBeUndefined();
  });
});
