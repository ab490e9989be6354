import { describe, expect, it } from 'vitest';
import type { DetectorResult, PillarId } from '../core/types.ts';
import { PILLAR_IDS } from '../core/types.ts';
import { evaluatePillar, type EvaluateInput } from './evaluate.ts';
import type { Criterion, LoadedRubric, Pillar } from './schema.ts';

const yes = (summary = 'yes.', path = 'src/a.ts', line = 3): DetectorResult => ({
  outcome: 'yes',
  summary,
  evidence: [{ path, line, excerpt: 'x' }],
});
const no = (summary = 'no.'): DetectorResult => ({ outcome: 'no', summary, evidence: [] });
const unknownR: DetectorResult = { outcome: 'unknown', summary: 'cannot tell.', evidence: [] };

function crit(id: string, level: number, detector: string, expect: 'yes' | 'no' = 'yes'): Criterion {
  return {
    id: `security.${id}`,
    level,
    statement: `statement ${id}`,
    ...(level === 1 ? { antiPattern: `anti ${id}` } : {}),
    source: 'test',
    ...(level === 2 || level === 5 ? { derivation: 'derived for the test' } : {}),
    evidence: { kind: 'detected', all: [{ detector, expect }] },
    remediation: 'fix it',
  };
}

function pillar(criteria: Criterion[], applicability?: Pillar['applicability']): Pillar {
  return {
    id: 'security',
    name: 'Security',
    definition: 'd',
    whyItMatters: 'w',
    sources: { primary: ['p'], secondary: [] },
    ...(applicability ? { applicability } : {}),
    criteria,
  };
}

const LADDER = [
  crit('l1', 1, 'secrets', 'no'),
  crit('l2', 2, 'd2'),
  crit('l3', 3, 'd3'),
  crit('l4', 4, 'd4'),
  crit('l5', 5, 'd5'),
];

function input(results: Record<string, DetectorResult>): EvaluateInput {
  const targets = Object.fromEntries(PILLAR_IDS.map((p) => [p, 3])) as Record<PillarId, number>;
  return {
    rubric: { typicalLevel: 3 } as LoadedRubric,
    results: new Map(Object.entries(results)),
    targets,
    blobOf: (p) => (p === 'src/a.ts' ? 'b'.repeat(40) : undefined),
  };
}

describe('evaluatePillar: the cumulative rule', () => {
  it('earns the highest level whose criteria and all below are met', () => {
    const r = evaluatePillar(pillar(LADDER), input({ secrets: no(), d2: yes(), d3: yes(), d4: no(), d5: yes() }));
    expect(r.level).toBe(3);
    expect(r.gapToTarget).toBe(0);
    expect(r.gapToTypical).toBe(0);
    expect(r.next).toEqual({ level: 4, unmet: ['security.l4'], unknown: [] });
    expect(r.summary).toBe('level 4 needs: missing statement l4');
  });

  it('does not skip a level: a met level 4 over an unmet level 2 stays at 1', () => {
    const r = evaluatePillar(pillar(LADDER), input({ secrets: no(), d2: no(), d3: yes(), d4: yes(), d5: yes() }));
    expect(r.level).toBe(1);
  });

  it('stays at level 1 while a level-1 anti-pattern is present, and says where', () => {
    const r = evaluatePillar(
      pillar(LADDER),
      input({ secrets: yes('Hard-coded secret found.', 'src/config.js', 12), d2: yes(), d3: yes(), d4: yes(), d5: yes() }),
    );
    expect(r.level).toBe(1);
    expect(r.summary).toBe('level 1 because: anti l1 at src/config.js:12');
    expect(r.criteria[0]!.status).toBe('unmet');
    expect(r.criteria[0]!.evidence[0]).toMatchObject({ path: 'src/config.js', line: 12, detector: 'secrets' });
  });

  it('never counts unknown as met, and reports the ceiling the unknowns allow', () => {
    const r = evaluatePillar(pillar(LADDER), input({ secrets: no(), d2: yes(), d3: unknownR, d4: yes(), d5: no() }));
    expect(r.level).toBe(2);
    expect(r.ceiling).toBe(4);
    expect(r.next).toEqual({ level: 3, unmet: [], unknown: ['security.l3'] });
    expect(r.criteria[2]).toMatchObject({ status: 'unknown', reason: 'cannot tell.' });
  });

  it('treats a detector that did not run or failed as unknown', () => {
    const failed: DetectorResult = { outcome: 'error', summary: 'detector d2 failed: boom', evidence: [] };
    const r = evaluatePillar(pillar(LADDER), input({ secrets: no(), d2: failed }));
    expect(r.level).toBe(1);
    expect(r.criteria[1]!.status).toBe('unknown');
    expect(r.criteria[2]).toMatchObject({ status: 'unknown', reason: 'detector did not run' });
  });

  it('reaches 5 only when every criterion is met', () => {
    const r = evaluatePillar(pillar(LADDER), input({ secrets: no(), d2: yes(), d3: yes(), d4: yes(), d5: yes() }));
    expect(r.level).toBe(5);
    expect(r.next).toBeNull();
    expect(r.gapToTypical).toBe(2);
  });

  it('attaches the blob id of the file the evidence was read from', () => {
    const r = evaluatePillar(pillar(LADDER), input({ secrets: no(), d2: yes() }));
    expect(r.criteria[1]!.evidence[0]).toMatchObject({ path: 'src/a.ts', line: 3, blob: 'b'.repeat(40) });
  });
});

describe('evaluatePillar: N/A', () => {
  const applicability = { condition: { detector: 'has-api', expect: 'yes' as const }, absentMeans: 'No API at all.' };

  it('is N/A (null, never 0) when the capability is genuinely absent, flagged as a gap', () => {
    const r = evaluatePillar(pillar(LADDER, applicability), input({ 'has-api': no('No HTTP framework imported.') }));
    expect(r).toMatchObject({ applicable: false, level: null, gapToTarget: null, gapToTypical: null });
    expect(r.summary).toContain('N/A: No API at all. No HTTP framework imported.');
    expect(r.summary).toContain('gap');
  });

  it('rates the pillar when applicability is unknown rather than calling it absent', () => {
    const r = evaluatePillar(pillar(LADDER, applicability), input({ 'has-api': unknownR, secrets: no() }));
    expect(r.applicable).toBe(true);
    expect(r.level).toBe(1);
  });
});

describe('evaluatePillar: measured, any-of and context evidence', () => {
  const measured: Criterion = {
    id: 'security.measured',
    level: 2,
    statement: 'figure high enough',
    source: 'test',
    derivation: 'derived for the test',
    evidence: { kind: 'measured', detector: 'm', measure: 'share', op: '>=', value: 60 },
    remediation: 'raise it',
  };
  const withFigure = (value: number): DetectorResult => ({ ...yes(), measures: { share: { value, unit: '%' } } });

  it.each([
    [59, 'unmet', 1],
    [60, 'met', 2],
  ] as const)('compares %s%% against >= 60', (value, status, level) => {
    const r = evaluatePillar(pillar([crit('l1', 1, 's', 'no'), measured]), input({ s: no(), m: withFigure(value) }));
    expect(r.criteria[1]).toMatchObject({ status, reason: `share = ${value} % (needs >= 60)` });
    expect(r.criteria[1]!.measure).toMatchObject({ value, threshold: 60, op: '>=' });
    expect(r.level).toBe(level);
  });

  it('shows context beside a figure without letting it decide', () => {
    const withContext: Criterion = { ...measured, evidence: { ...measured.evidence, context: ['c'] } as Criterion['evidence'] };
    const r = evaluatePillar(pillar([crit('l1', 1, 's', 'no'), withContext]), input({ s: no(), m: withFigure(59), c: yes('75% line coverage in lcov.info', 'coverage/lcov.info') }));
    expect(r.criteria[1]).toMatchObject({ status: 'unmet', reason: 'share = 59 % (needs >= 60) Context: 75% line coverage in lcov.info' });
    expect(r.criteria[1]!.evidence.map((e) => `${e.detector}:${e.path}`)).toContain('c:coverage/lcov.info');
  });

  it('is unmet when the detector found nothing to measure, unknown when it could not tell', () => {
    const none = evaluatePillar(pillar([crit('l1', 1, 's', 'no'), measured]), input({ s: no(), m: no('No coverage config.') }));
    expect(none.criteria[1]).toMatchObject({ status: 'unmet', reason: 'share not measured: No coverage config.' });
    const cannot = evaluatePillar(pillar([crit('l1', 1, 's', 'no'), measured]), input({ s: no(), m: unknownR }));
    expect(cannot.criteria[1]).toMatchObject({ status: 'unknown', reason: 'share not measured: cannot tell.' });
  });

  it('meets an any-of criterion through one alternative and shows only its evidence', () => {
    const anyOf: Criterion = {
      ...crit('anyof', 2, 'x'),
      evidence: { kind: 'detected', any: [{ detector: 'a', expect: 'yes' }, { detector: 'b', expect: 'no' }], context: ['c'] },
    };
    const r = evaluatePillar(pillar([crit('l1', 1, 's', 'no'), anyOf]), input({ s: no(), a: no(), b: no('no api.'), c: yes('ctx', 'pm2.config.js', 7) }));
    expect(r.criteria[1]!.status).toBe('met');
    expect(r.criteria[1]!.evidence.map((e) => `${e.detector}:${e.path}:${e.line ?? ''}`)).toEqual(['c:pm2.config.js:7']);
    expect(r.criteria[1]!.reason).toBe('no api. Context: ctx');
  });

  it('takes a threshold on a figure as one alternative of an any-of criterion', () => {
    const anyOf: Criterion = {
      ...crit('anyof', 2, 'x'),
      evidence: { kind: 'detected', any: [{ detector: 'm', measure: 'share', op: '>=', value: 90 }, { detector: 'b', expect: 'yes' }] },
    };
    const run = (m: DetectorResult, b: DetectorResult) => evaluatePillar(pillar([crit('l1', 1, 's', 'no'), anyOf]), input({ s: no(), m, b })).criteria[1]!;
    expect(run({ ...withFigure(95), summary: '19 of 20 routes versioned.' }, no())).toMatchObject({
      status: 'met',
      reason: '19 of 20 routes versioned. (share = 95 %, needs >= 90)',
    });
    expect(run(withFigure(80), no()).status).toBe('unmet');
    expect(run(withFigure(80), yes()).status).toBe('met');
    expect(run(no('nothing to measure'), no()).status).toBe('unmet');
    expect(run(unknownR, no()).status).toBe('unknown');
  });

  it('keeps attested criteria unknown until attestations exist', () => {
    const attested: Criterion = { ...crit('att', 2, 'x'), evidence: { kind: 'attested', artefact: 'SOC 2 report' } };
    const r = evaluatePillar(pillar([crit('l1', 1, 's', 'no'), attested]), input({ s: no() }));
    expect(r.criteria[1]).toMatchObject({ status: 'unknown', kind: 'attested', artefact: 'SOC 2 report' });
    expect(r.level).toBe(1);
    expect(r.ceiling).toBe(2);
  });
});
