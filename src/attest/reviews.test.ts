import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, runGit } from '../../test/harness.ts';
import {
  AgreementSchema,
  HumanRecordSchema,
  PillarResultSchema,
  ReviewRecordSchema,
  type CriterionResult,
  type PillarResult,
} from '../core/assessment.ts';
import type { PillarId } from '../core/types.ts';
import { resultDigest } from './digest.ts';
import { applyReviews, linearWeightedKappa, readReviews, type ReviewInput } from './reviews.ts';

// ---------------------------------------------------------------------------------------------
// Fixtures: pillars as the engine computes them, and the digest a reviewer signs.

function criterion(id: string, level: number, status: CriterionResult['status']): CriterionResult {
  return {
    id,
    level,
    statement: `${id} holds.`,
    kind: 'detected',
    status,
    reason: status === 'met' ? 'found in src/' : 'not found',
    evidence: status === 'met' ? [{ path: 'src/app.ts', line: 12, excerpt: 'app.use(helmet())', detector: 'uses-security-headers', blob: 'a'.repeat(40) }] : [],
    source: '6.2',
    remediation: 'Do it.',
  };
}

/** A pillar at `level` (null: N/A): criteria of levels 1..level met, the next one unmet. */
function pillar(id: PillarId, level: number | null, target = 3): PillarResult {
  const criteria: CriterionResult[] = [];
  for (let l = 1; l <= 5; l++) criteria.push(criterion(`${id}.level-${l}`, l, level !== null && l <= level ? 'met' : 'unmet'));
  return {
    id,
    name: id[0]!.toUpperCase() + id.slice(1),
    applicable: level !== null,
    level,
    target,
    gapToTarget: level === null ? null : target - level,
    gapToTypical: level === null ? null : level - 3,
    summary: level === null ? 'N/A: no background work found. This is flagged as a gap, not a zero.' : `level ${level + 1} needs: ${id}.level-${level + 1}`,
    ceiling: level,
    next: level === null || level === 5 ? null : { level: level + 1, unmet: [`${id}.level-${level + 1}`], unknown: [] },
    criteria,
  };
}

const PILLARS: PillarResult[] = [pillar('security', 3, 4), pillar('data', 2), pillar('testing', 2), pillar('cicd', 4), pillar('background', null)];
const DIGEST = resultDigest({ rubricHash: 'f'.repeat(64), pillars: PILLARS });
/** The digest of an earlier result: security was at 2 then. */
const OLD_DIGEST = resultDigest({ rubricHash: 'f'.repeat(64), pillars: [pillar('security', 2, 4), ...PILLARS.slice(1)] });

const GRACE = `reviewer: Grace Hopper
external: true          # not on the team that owns the platform
auditor: false
date: 2026-11-20
signs: ${DIGEST}
ratings:
  security: 2
  data: 3
overrides:
  - pillar: security
    level: 2
    justification: The secrets manager is configured but two services still read .env in production.
    evidence:
      - url: https://tickets.example.com/SEC-123
      - document: docs/security/exceptions.md
      - measured: { value: 2, unit: services, source: https://grafana.example.com/d/secrets }
`;

/** A review as readReviews returns it, for applyReviews tests. */
function review(file: string, fields: Partial<ReviewInput> = {}): ReviewInput {
  return {
    file: `.readiness/reviews/${file}`,
    fileBlob: '0'.repeat(40),
    reviewer: file.replace(/\.yaml$/, ''),
    external: false,
    auditor: false,
    date: '2026-11-20',
    signs: DIGEST,
    ratings: {},
    overrides: [],
    ...fields,
  };
}

// ---------------------------------------------------------------------------------------------

describe('readReviews', () => {
  it('reads a sign-off from the assessed repository, recording the file blob id git gives it', () => {
    const repo = makeRepo({ git: true, files: { '.readiness/reviews/grace.yaml': GRACE, 'docs/security/exceptions.md': '# Exceptions\n' } });
    const path = '.readiness/reviews/grace.yaml';
    const text = readFileSync(join(repo, path), 'utf8');
    const { reviews, refused } = readReviews([{ path, text }]);
    expect(refused).toEqual([]);
    expect(reviews).toEqual([
      {
        file: path,
        fileBlob: runGit(repo, ['rev-parse', `HEAD:${path}`]).trim(),
        reviewer: 'Grace Hopper',
        external: true,
        auditor: false,
        date: '2026-11-20',
        signs: DIGEST,
        ratings: { security: 2, data: 3 },
        overrides: [
          {
            pillar: 'security',
            level: 2,
            justification: 'The secrets manager is configured but two services still read .env in production.',
            evidence: [
              { url: 'https://tickets.example.com/SEC-123' },
              { document: 'docs/security/exceptions.md' },
              { measured: { value: 2, unit: 'services', source: 'https://grafana.example.com/d/secrets' } },
            ],
          },
        ],
      },
    ]);
    expect(() => ReviewRecordSchema.parse({ ...reviews[0], state: 'valid' })).not.toThrow();
  });

  it('binds a cited document to its blob id when the repository is given, and refuses one that is not there', () => {
    const repo = makeRepo({ git: true, files: { 'docs/security/exceptions.md': '# Exceptions\n' } });
    // `git ls-tree HEAD -- PATH`: "<mode> blob <id>\t<path>", or nothing when the path is not there.
    const documentBlob = (p: string) => runGit(repo, ['ls-tree', 'HEAD', '--', p]).split(/\s+/)[2] ?? null;
    const ok = readReviews([{ path: '.readiness/reviews/grace.yaml', text: GRACE }], { documentBlob });
    expect(ok.reviews[0]!.overrides[0]!.evidence[1]).toEqual({
      document: 'docs/security/exceptions.md',
      blob: runGit(repo, ['rev-parse', 'HEAD:docs/security/exceptions.md']).trim(),
    });
    const missing = readReviews([{ path: '.readiness/reviews/grace.yaml', text: GRACE.replace('exceptions.md', 'waivers.md') }], { documentBlob });
    expect(missing.reviews).toEqual([]);
    expect(missing.refused).toEqual([
      {
        file: '.readiness/reviews/grace.yaml',
        message: '.readiness/reviews/grace.yaml: overrides[0].evidence[1].document: docs/security/waivers.md is not in the repository',
      },
    ]);
  });

  it('takes auditor as false when absent, and lower-cases the digest', () => {
    const text = `reviewer: Alan Turing\nexternal: false\ndate: 2026-11-21\nsigns: ${DIGEST.toUpperCase()}\n`;
    const { reviews, refused } = readReviews([{ path: 'r/alan.yaml', text }]);
    expect(refused).toEqual([]);
    expect(reviews[0]).toMatchObject({ auditor: false, signs: DIGEST, ratings: {}, overrides: [] });
  });

  it('reads a digest of only decimal digits as written, though YAML would read it as a number', () => {
    const digits = '1234567890'.repeat(6) + '1234';
    const { reviews, refused } = readReviews([{ path: 'r/a.yaml', text: `reviewer: A\nexternal: true\ndate: 2026-11-20\nsigns: ${digits}\n` }]);
    expect(refused).toEqual([]);
    expect(reviews[0]!.signs).toBe(digits);
  });

  const F = '.readiness/reviews/grace.yaml';
  const BASE = `reviewer: Grace Hopper\nexternal: true\nauditor: false\ndate: 2026-11-20\nsigns: ${DIGEST}\n`;
  const OVERRIDE = (body: string) => `${BASE}overrides:\n  - pillar: security\n    level: 2\n${body}`;
  const JUST = '    justification: Two services still read .env in production.\n';
  const cases: [string, string, string[]][] = [
    ['malformed YAML', `${BASE}ratings:\n  security: [2\n`, ['line 8, column 1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]']],
    ['a duplicate key', `${BASE}reviewer: Alan Turing\n`, ['line 6, column 1: not valid YAML: Map keys must be unique']],
    ['an empty file', '', ['(root): a review is a YAML mapping of reviewer, external, auditor, date, signs, ratings, overrides']],
    ['a list, not a mapping', '- reviewer: Grace Hopper\n', ['(root): a review is a YAML mapping of reviewer, external, auditor, date, signs, ratings, overrides']],
    ['no reviewer', BASE.replace('reviewer: Grace Hopper\n', ''), ["reviewer: who signed: the reviewer's name"]],
    ['a blank reviewer', BASE.replace('Grace Hopper', '"  "'), ["reviewer: who signed: the reviewer's name"]],
    ['the reviewer named like the computed rater', BASE.replace('Grace Hopper', 'Readiness'), [`reviewer: "readiness" names the computed rating; give the reviewer's name`]],
    ['no external', BASE.replace('external: true\n', ''), ['external: true or false: is the reviewer external to the team that owns the platform?']],
    ['external not a boolean', BASE.replace('external: true', 'external: maybe'), ['external: true or false: is the reviewer external to the team that owns the platform?']],
    ['an internal auditor', BASE.replace('external: true', 'external: false').replace('auditor: false', 'auditor: true'), ['auditor: an external auditor is external to the team; set external: true']],
    ['a date not YYYY-MM-DD', BASE.replace('2026-11-20', '20/11/2026'), ['date: the date of the sign-off as YYYY-MM-DD']],
    ['a date that does not exist', BASE.replace('2026-11-20', '2026-11-31'), ['date: the date of the sign-off as YYYY-MM-DD']],
    ['a short digest', BASE.replace(DIGEST, '9f2c'), ['signs: the digest of the signed assessment (64 hex characters)']],
    ['no digest', BASE.replace(`signs: ${DIGEST}\n`, ''), ['signs: the digest of the signed assessment (64 hex characters)']],
    ['a level above 5', `${BASE}ratings:\n  security: 6\n`, ['ratings.security: a level from 1 to 5']],
    ['a level of 0', `${BASE}ratings:\n  data: 0\n`, ['ratings.data: a level from 1 to 5']],
    ['a fractional level', `${BASE}ratings:\n  data: 2.5\n`, ['ratings.data: a level from 1 to 5']],
    ['an unknown pillar in ratings', `${BASE}ratings:\n  secrity: 2\n`, ['ratings.secrity: unknown pillar (one of architecture, api, data, background, security, observability, reliability, scalability, testing, cicd, iac, finops, docs, team)']],
    ['ratings not a mapping', `${BASE}ratings: [2, 3]\n`, ["ratings: a mapping of pillar to the reviewer's level (1-5)"]],
    ['an unknown field', `${BASE}reviwer: Grace\n`, ['reviwer: unknown field (expected one of reviewer, external, auditor, date, signs, ratings, overrides)']],
    ['overrides not a list', `${BASE}overrides:\n  security: 2\n`, ['overrides: a list of overrides, each with pillar, level, justification and evidence']],
    ['an override without justification', OVERRIDE('    evidence:\n      - url: https://tickets.example.com/SEC-123\n'), ['overrides[0].justification: an override needs a written justification']],
    ['an override with a blank justification', OVERRIDE('    justification: "   "\n    evidence:\n      - url: https://tickets.example.com/SEC-123\n'), ['overrides[0].justification: an override needs a written justification']],
    ['an override without evidence', OVERRIDE(JUST), ['overrides[0].evidence: an override needs evidence: at least one of url, document, measured']],
    ['an override with an empty evidence list', OVERRIDE(`${JUST}    evidence: []\n`), ['overrides[0].evidence: an override needs evidence: at least one of url, document, measured']],
    ['an evidence item with two kinds', OVERRIDE(`${JUST}    evidence:\n      - url: https://tickets.example.com/SEC-123\n        document: docs/x.md\n`), ['overrides[0].evidence[0]: exactly one of url, document (a repository path) or measured {value, unit, source}']],
    ['an empty evidence item', OVERRIDE(`${JUST}    evidence:\n      - {}\n`), ['overrides[0].evidence[0]: exactly one of url, document (a repository path) or measured {value, unit, source}']],
    ['an evidence item that is a bare string', OVERRIDE(`${JUST}    evidence:\n      - see the ticket\n`), ['overrides[0].evidence[0]: exactly one of url, document (a repository path) or measured {value, unit, source}']],
    ['a URL that is not http(s)', OVERRIDE(`${JUST}    evidence:\n      - url: ftp://files.example.com/report.pdf\n`), ['overrides[0].evidence[0].url: an http(s) URL']],
    ['a document outside the repository', OVERRIDE(`${JUST}    evidence:\n      - document: ../secrets/notes.md\n`), ['overrides[0].evidence[0].document: a path inside the repository (relative, forward slashes, no ..)']],
    ['an absolute document path', OVERRIDE(`${JUST}    evidence:\n      - document: /etc/passwd\n`), ['overrides[0].evidence[0].document: a path inside the repository (relative, forward slashes, no ..)']],
    ['a measured figure without a unit', OVERRIDE(`${JUST}    evidence:\n      - measured: { value: 2, source: grafana }\n`), ['overrides[0].evidence[0].measured.unit: the unit of the figure (e.g. minutes, %)']],
    ['a measured figure that is not a number', OVERRIDE(`${JUST}    evidence:\n      - measured: { value: two, unit: services, source: grafana }\n`), ['overrides[0].evidence[0].measured.value: a number']],
    ['an unknown field in a measured figure', OVERRIDE(`${JUST}    evidence:\n      - measured: { value: 2, unit: services, source: grafana, when: 2026 }\n`), ['overrides[0].evidence[0].measured.when: unknown field (expected one of value, unit, source)']],
    ['an unknown field in an evidence item', OVERRIDE(`${JUST}    evidence:\n      - link: https://tickets.example.com/SEC-123\n`), [
      'overrides[0].evidence[0].link: unknown field (expected one of url, document, measured)',
      'overrides[0].evidence[0]: exactly one of url, document (a repository path) or measured {value, unit, source}',
    ]],
    ['an unknown field in an override', OVERRIDE(`${JUST}    evidence:\n      - url: https://tickets.example.com/SEC-123\n    approved: yes\n`), ['overrides[0].approved: unknown field (expected one of pillar, level, justification, evidence)']],
    ['an override of an unknown pillar', `${BASE}overrides:\n  - pillar: secrity\n    level: 2\n${JUST}    evidence:\n      - url: https://tickets.example.com/SEC-123\n`, ['overrides[0].pillar: unknown pillar "secrity" (one of architecture, api, data, background, security, observability, reliability, scalability, testing, cicd, iac, finops, docs, team)']],
    ['an override without a pillar', `${BASE}overrides:\n  - level: 2\n${JUST}    evidence:\n      - url: https://tickets.example.com/SEC-123\n`, ['overrides[0].pillar: the pillar whose level is set (one of architecture, api, data, background, security, observability, reliability, scalability, testing, cicd, iac, finops, docs, team)']],
    ['an override level outside 1-5', `${BASE}overrides:\n  - pillar: security\n    level: 7\n${JUST}    evidence:\n      - url: https://tickets.example.com/SEC-123\n`, ['overrides[0].level: a level from 1 to 5']],
    ['the same pillar overridden twice', `${BASE}overrides:\n${'  - pillar: security\n    level: 2\n    justification: Two services read .env.\n    evidence:\n      - url: https://tickets.example.com/SEC-123\n'.repeat(2)}`, ['overrides[1].pillar: security is overridden twice in this file']],
    ['an override contradicting the reviewer’s own rating', `${BASE}ratings:\n  security: 3\noverrides:\n  - pillar: security\n    level: 2\n${JUST}    evidence:\n      - url: https://tickets.example.com/SEC-123\n`, ['overrides[0].level: sets security to 2 but ratings.security is 3']],
    ['several problems at once', BASE.replace('2026-11-20', 'yesterday').replace(DIGEST, 'abc'), ['date: the date of the sign-off as YYYY-MM-DD', 'signs: the digest of the signed assessment (64 hex characters)']],
  ];
  it.each(cases)('refuses %s with one line per problem naming the file and field', (_name, text, messages) => {
    const { reviews, refused } = readReviews([{ path: F, text }]);
    expect(reviews).toEqual([]);
    expect(refused).toEqual(messages.map((m) => ({ file: F, message: `${F}: ${m}` })));
    for (const r of refused) expect(r.message).not.toContain('\n');
  });

  it('keeps reading the other files when one is refused', () => {
    const { reviews, refused } = readReviews([
      { path: 'r/bad.yaml', text: `${BASE}ratings:\n  security: 9\n` },
      { path: 'r/good.yaml', text: GRACE },
    ]);
    expect(reviews.map((r) => r.file)).toEqual(['r/good.yaml']);
    expect(refused.map((r) => r.file)).toEqual(['r/bad.yaml']);
  });
});

describe('applyReviews: sign-offs', () => {
  it('counts a sign-off of this result as valid and one of a different result as superseded', () => {
    const out = applyReviews({
      pillars: PILLARS,
      digest: DIGEST,
      reviews: [review('grace.yaml', { external: true }), review('alan.yaml', { signs: OLD_DIGEST, ratings: { security: 2 } })],
    });
    expect(out.records.map((r) => [r.file, r.state])).toEqual([
      ['.readiness/reviews/alan.yaml', 'superseded'],
      ['.readiness/reviews/grace.yaml', 'valid'],
    ]);
    expect(out.review).toEqual({
      reviewed: false,
      signatures: 1,
      external: 1,
      auditorSigned: { security: false, data: false },
      note: 'Not reviewed: 1 of 2 sign-offs; 1 external; 1 sign-off not counted because it signed a different result (superseded).',
    });
    // The superseded reviewer's ratings are not counted either.
    expect(out.agreement).toBeNull();
    for (const r of out.records) expect(() => ReviewRecordSchema.parse(r)).not.toThrow();
  });

  it('is reviewed with two valid sign-offs, one of them external', () => {
    const out = applyReviews({ pillars: PILLARS, digest: DIGEST, reviews: [review('grace.yaml', { external: true }), review('alan.yaml')] });
    expect(out.review).toMatchObject({ reviewed: true, signatures: 2, external: 1, note: 'Reviewed: 2 sign-offs, 1 external.' });
    expect(() => HumanRecordSchema.shape.review.parse(out.review)).not.toThrow();
  });

  it('is not reviewed with two internal sign-offs', () => {
    const out = applyReviews({ pillars: PILLARS, digest: DIGEST, reviews: [review('grace.yaml'), review('alan.yaml')] });
    expect(out.review).toMatchObject({
      reviewed: false,
      signatures: 2,
      external: 0,
      note: 'Not reviewed: 2 sign-offs, none external (at least one reviewer must be external to the team).',
    });
  });

  it('is not reviewed with one sign-off, nor with none', () => {
    expect(applyReviews({ pillars: PILLARS, digest: DIGEST, reviews: [review('alan.yaml')] }).review.note).toBe(
      'Not reviewed: 1 of 2 sign-offs; no external reviewer.',
    );
    expect(applyReviews({ pillars: PILLARS, digest: DIGEST, reviews: [] }).review).toEqual({
      reviewed: false,
      signatures: 0,
      external: 0,
      auditorSigned: { security: false, data: false },
      note: 'Not reviewed: 0 of 2 sign-offs; no external reviewer.',
    });
  });

  it('is not reviewed when the second sign-off signed a superseded result', () => {
    const out = applyReviews({ pillars: PILLARS, digest: DIGEST, reviews: [review('grace.yaml', { external: true }), review('alan.yaml', { signs: OLD_DIGEST })] });
    expect(out.review.reviewed).toBe(false);
  });

  it('counts one person once, however many files they signed', () => {
    const out = applyReviews({
      pillars: PILLARS,
      digest: DIGEST,
      reviews: [review('grace.yaml', { reviewer: 'Grace Hopper', external: true }), review('grace-again.yaml', { reviewer: 'grace  hopper', external: true, date: '2026-11-22' })],
    });
    expect(out.review).toMatchObject({ reviewed: false, signatures: 1, external: 1 });
    expect(out.conflicts).toEqual([
      'grace  hopper signed this result in 2 files (.readiness/reviews/grace-again.yaml, .readiness/reviews/grace.yaml): counted once, using .readiness/reviews/grace-again.yaml (the latest).',
    ]);
  });

  it('shows that an external auditor signed, for security and data, and that it covers every pillar', () => {
    const out = applyReviews({
      pillars: PILLARS,
      digest: DIGEST,
      reviews: [review('audit.yaml', { reviewer: 'Ada Audit LLP', external: true, auditor: true }), review('alan.yaml')],
    });
    expect(out.review).toEqual({
      reviewed: true,
      signatures: 2,
      external: 1,
      auditorSigned: { security: true, data: true },
      note: 'Reviewed: 2 sign-offs, 1 external; external auditor Ada Audit LLP signed, which covers every pillar including security and data.',
    });
    const stale = applyReviews({ pillars: PILLARS, digest: DIGEST, reviews: [review('audit.yaml', { external: true, auditor: true, signs: OLD_DIGEST })] });
    expect(stale.review.auditorSigned).toEqual({ security: false, data: false });
  });
});

describe('applyReviews: overrides', () => {
  const SEC_OVERRIDE = {
    pillar: 'security' as const,
    level: 2,
    justification: 'The secrets manager is configured but two services still read .env in production.',
    evidence: [{ url: 'https://tickets.example.com/SEC-123' }, { document: 'docs/security/exceptions.md' }],
  };

  it('sets the level, records who decided, the computed level and the evidence, and moves the gaps', () => {
    const input = structuredClone(PILLARS);
    const out = applyReviews({
      pillars: input,
      digest: DIGEST,
      reviews: [review('grace.yaml', { reviewer: 'Grace Hopper', external: true, overrides: [SEC_OVERRIDE] })],
    });
    const sec = out.pillars.find((p) => p.id === 'security')!;
    expect(sec.level).toBe(2);
    expect(sec.gapToTarget).toBe(2); // target 4
    expect(sec.gapToTypical).toBe(-1);
    expect(sec.override).toEqual({
      level: 2,
      computedLevel: 3,
      by: 'Grace Hopper',
      justification: SEC_OVERRIDE.justification,
      evidence: SEC_OVERRIDE.evidence,
      file: '.readiness/reviews/grace.yaml',
    });
    expect(sec.summary).toBe(
      'level 2 set by Grace Hopper (computed 3): The secrets manager is configured but two services still read .env in production. Computed: level 4 needs: security.level-4',
    );
    expect(() => PillarResultSchema.parse(sec)).not.toThrow();
    // Other pillars and the input are untouched; the digest is computed from the input, not the output.
    expect(out.pillars.filter((p) => p.id !== 'security')).toEqual(PILLARS.filter((p) => p.id !== 'security'));
    expect(input).toEqual(PILLARS);
    expect(out.conflicts).toEqual([]);
  });

  it('applies an override that raises a level as well, with the same record', () => {
    const out = applyReviews({
      pillars: PILLARS,
      digest: DIGEST,
      reviews: [review('grace.yaml', { overrides: [{ pillar: 'data', level: 3, justification: 'Restore drills run monthly', evidence: [{ measured: { value: 12, unit: 'drills/year', source: 'ops/restore-log' } }] }] })],
    });
    const data = out.pillars.find((p) => p.id === 'data')!;
    expect(data).toMatchObject({ level: 3, gapToTarget: 0, gapToTypical: 0, override: { level: 3, computedLevel: 2, by: 'grace' } });
    expect(data.summary.startsWith('level 3 set by grace (computed 2): Restore drills run monthly.')).toBe(true);
  });

  it('applies no override when two reviewers set the same pillar to different levels', () => {
    const out = applyReviews({
      pillars: PILLARS,
      digest: DIGEST,
      reviews: [
        review('grace.yaml', { reviewer: 'Grace Hopper', external: true, overrides: [SEC_OVERRIDE] }),
        review('alan.yaml', { reviewer: 'Alan Turing', overrides: [{ ...SEC_OVERRIDE, level: 4, justification: 'A pentest found nothing.' }] }),
      ],
    });
    expect(out.pillars).toEqual(PILLARS);
    expect(out.conflicts).toEqual([
      'security: reviewers set different levels (Alan Turing: 4 in .readiness/reviews/alan.yaml; Grace Hopper: 2 in .readiness/reviews/grace.yaml); no override applied, the computed level 3 stands.',
    ]);
  });

  it('applies an override two reviewers agree on, naming both', () => {
    const out = applyReviews({
      pillars: PILLARS,
      digest: DIGEST,
      reviews: [
        review('grace.yaml', { reviewer: 'Grace Hopper', external: true, overrides: [SEC_OVERRIDE] }),
        review('alan.yaml', { reviewer: 'Alan Turing', overrides: [{ ...SEC_OVERRIDE, evidence: [{ url: 'https://tickets.example.com/SEC-124' }] }] }),
      ],
    });
    const sec = out.pillars.find((p) => p.id === 'security')!;
    expect(sec.override).toMatchObject({ level: 2, by: 'Alan Turing and Grace Hopper', file: '.readiness/reviews/alan.yaml' });
    expect(sec.override!.evidence).toHaveLength(3);
  });

  it('refuses an override on an N/A pillar', () => {
    const out = applyReviews({
      pillars: PILLARS,
      digest: DIGEST,
      reviews: [review('grace.yaml', { overrides: [{ ...SEC_OVERRIDE, pillar: 'background' }] })],
    });
    expect(out.pillars).toEqual(PILLARS);
    expect(out.conflicts).toEqual([
      'background: override refused (grace: 2 in .readiness/reviews/grace.yaml): the pillar is N/A, so no level can be set on it.',
    ]);
  });

  it('does not apply an override equal to the computed level, nor one from a superseded sign-off', () => {
    const out = applyReviews({
      pillars: PILLARS,
      digest: DIGEST,
      reviews: [
        review('grace.yaml', { overrides: [{ ...SEC_OVERRIDE, level: 3 }] }),
        review('alan.yaml', { signs: OLD_DIGEST, overrides: [{ ...SEC_OVERRIDE, pillar: 'cicd' }] }),
      ],
    });
    expect(out.pillars).toEqual(PILLARS);
    expect(out.conflicts).toEqual(['security: override not applied (grace: 3 in .readiness/reviews/grace.yaml): it equals the computed level 3.']);
  });

  it('refuses an override of a pillar the assessment does not have', () => {
    const out = applyReviews({ pillars: PILLARS, digest: DIGEST, reviews: [review('grace.yaml', { overrides: [{ ...SEC_OVERRIDE, pillar: 'finops' }] })] });
    expect(out.conflicts).toEqual(['finops: override refused (grace in .readiness/reviews/grace.yaml): the pillar is not in this assessment.']);
  });
});

describe('applyReviews: inter-rater agreement', () => {
  it('reports ratings per pillar, exact and within-one agreement and the mean weighted kappa', () => {
    // Three raters over four pillars:
    //             security data testing cicd
    //   readiness     3      2     2      4     (computed; before any override)
    //   Grace         2      2     2      4
    //   Alan          3      4     2      5
    //
    // Linear disagreement weight w(a,b) = |a-b| / 4. kappa = 1 - Do/De, Do = mean w over the 4
    // pillars, De = sum over level pairs of p_rater1(a) * p_rater2(b) * w(a,b).
    //
    // readiness-Grace: |diffs| 1,0,0,0 -> Do = 1/16 = 0.0625. Marginals r: {2:.5,3:.25,4:.25},
    //   G: {2:.75,4:.25}. sum p p |a-b| = .5*(.25*2) + .25*(.75*1+.25*1) + .25*(.75*2) = .25+.25+.375
    //   = .875 -> De = .21875; kappa = 1 - .0625/.21875 = 1 - 2/7 = 5/7.
    // readiness-Alan: |diffs| 0,2,0,1 -> Do = 3/16 = .1875. A: {2,3,4,5: .25 each}.
    //   sum = .5*(.25*(0+1+2+3)) + .25*(.25*(1+0+1+2)) + .25*(.25*(2+1+0+1)) = .75+.25+.25 = 1.25
    //   -> De = .3125; kappa = 1 - .1875/.3125 = 1 - .6 = 2/5.
    // Grace-Alan: |diffs| 1,2,0,1 -> Do = 4/16 = .25. sum = .75*(.25*6) + .25*(.25*4) = 1.125+.25
    //   = 1.375 -> De = .34375; kappa = 1 - .25/.34375 = 1 - 8/11 = 3/11.
    // mean kappa = (5/7 + 2/5 + 3/11) / 3 = (275 + 154 + 105) / 385 / 3 = 534/1155 = 178/385.
    // Exact: pairs equal 3 + 2 + 1 = 6 of 12 = 0.5. Within one: 4 + 3 + 3 = 10 of 12.
    const pillars = [pillar('security', 3, 4), pillar('data', 2), pillar('testing', 2), pillar('cicd', 4), pillar('observability', 2), pillar('background', null)];
    const digest = resultDigest({ rubricHash: 'f'.repeat(64), pillars });
    const out = applyReviews({
      pillars,
      digest,
      reviews: [
        review('grace.yaml', { reviewer: 'Grace', external: true, signs: digest, ratings: { security: 2, data: 2, testing: 2, cicd: 4 } }),
        review('alan.yaml', { reviewer: 'Alan', signs: digest, ratings: { security: 3, data: 4, testing: 2, cicd: 5 } }),
        review('old.yaml', { reviewer: 'Old', signs: DIGEST, ratings: { security: 1, data: 1, testing: 1, cicd: 1 } }),
      ],
    });
    const a = out.agreement!;
    expect(() => AgreementSchema.parse(a)).not.toThrow();
    expect(a.raters).toEqual(['readiness', 'Alan', 'Grace']);
    expect(a.pillars).toEqual([
      { pillar: 'security', ratings: { readiness: 3, Alan: 3, Grace: 2 }, agree: false, spread: 1 },
      { pillar: 'data', ratings: { readiness: 2, Alan: 4, Grace: 2 }, agree: false, spread: 2 },
      { pillar: 'testing', ratings: { readiness: 2, Alan: 2, Grace: 2 }, agree: true, spread: 0 },
      { pillar: 'cicd', ratings: { readiness: 4, Alan: 5, Grace: 4 }, agree: false, spread: 1 },
    ]);
    expect(a.exactAgreement).toBe(0.5);
    expect(a.withinOne).toBeCloseTo(10 / 12, 12);
    expect(a.weightedKappa).toBeCloseTo(178 / 385, 12);
  });

  it('compares with the computed level before an override, and takes an override as the reviewer’s rating', () => {
    const out = applyReviews({
      pillars: PILLARS,
      digest: DIGEST,
      reviews: [
        review('grace.yaml', {
          reviewer: 'Grace',
          overrides: [{ pillar: 'security', level: 2, justification: 'Two services read .env.', evidence: [{ url: 'https://tickets.example.com/SEC-123' }] }],
        }),
      ],
    });
    expect(out.pillars.find((p) => p.id === 'security')!.level).toBe(2);
    expect(out.agreement!.pillars).toEqual([{ pillar: 'security', ratings: { readiness: 3, Grace: 2 }, agree: false, spread: 1 }]);
  });

  it('shows a rating of an N/A pillar as a disagreement without counting it in the figures', () => {
    const out = applyReviews({ pillars: PILLARS, digest: DIGEST, reviews: [review('grace.yaml', { ratings: { background: 2, data: 2 } })] });
    expect(out.agreement!.pillars).toEqual([
      { pillar: 'data', ratings: { readiness: 2, grace: 2 }, agree: true, spread: 0 },
      { pillar: 'background', ratings: { readiness: null, grace: 2 }, agree: false, spread: 0 },
    ]);
    expect(out.agreement!.exactAgreement).toBe(1);
    // One pillar compared, both raters at 2: no expected disagreement, so no kappa.
    expect(out.agreement!.weightedKappa).toBeNull();
  });

  it('is null when no valid reviewer gave ratings', () => {
    expect(applyReviews({ pillars: PILLARS, digest: DIGEST, reviews: [review('grace.yaml'), review('alan.yaml', { external: true })] }).agreement).toBeNull();
  });

  it('computes linear weighted kappa as the textbook does', () => {
    // Perfect agreement with variance: 1. Opposite ends on two items: Do = 1, De = .5 -> -1.
    expect(linearWeightedKappa([[1, 1], [3, 3], [5, 5]])).toBe(1);
    expect(linearWeightedKappa([[1, 5], [5, 1]])).toBe(-1);
    expect(linearWeightedKappa([[3, 3], [3, 3]])).toBeNull();
    expect(linearWeightedKappa([])).toBeNull();
  });
});
