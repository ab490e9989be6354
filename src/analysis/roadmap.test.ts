import { describe, expect, it } from 'vitest';
import { buildAssessment } from '../../test/shared/assessment.ts';
import type { Evidence } from '../core/assessment.ts';
import { targetSpecs, type Config } from '../config/schema.ts';
import { loadRubric } from '../rubric/load.ts';
import type { LoadedRubric } from '../rubric/schema.ts';
import { buildRoadmap, quartersSpanned, type WorkItem } from './roadmap.ts';

const rubric = loadRubric();

const build = buildAssessment;

const specs = (targets: Config['targets'] = {}) => targetSpecs({ targets }, 3);
const brief = (i: WorkItem): string => `${i.quarter ?? '-'} ${i.criterion} L${i.unlocks} ${i.effort.size}`;
const BACKGROUND_REASON = 'retries, timeouts and recovery of work need jobs that are queued, retried and visible, not fire-and-forget';

describe('buildRoadmap: phasing', () => {
  it('starts the quarter after the assessment; 1->2 takes a quarter and 2->3 two more', () => {
    const r = buildRoadmap(build({ levels: { testing: 1 } }), rubric, specs({ testing: { level: 3, by: '2027-09-30', why: 'ship weekly' } }));
    expect(r.start).toBe('2027-01-01');
    expect(r.items.map(brief)).toEqual([
      '2027-Q1 testing.static-analysis L2 S',
      '2027-Q2 testing.ci-gate L3 M',
      '2027-Q2 testing.coverage-gate L3 M',
      '2027-Q2 testing.integration-tests L3 M',
    ]);
    expect(r.quarters.map((q) => [q.quarter, q.items.length])).toEqual([['2027-Q1', 1], ['2027-Q2', 3]]);
    const testing = r.pillars.find((p) => p.pillar === 'testing')!;
    expect(testing).toMatchObject({
      level: 1,
      target: 3,
      by: '2027-09-30',
      why: 'ship weekly',
      standing: 'behind',
      state: 'planned',
      projected: [
        { level: 2, quarter: '2027-Q1', date: '2027-03-31' },
        { level: 3, quarter: '2027-Q3', date: '2027-09-30' },
      ],
      reachesTargetIn: '2027-Q3',
      lateAgainstDate: false,
      blocked: null,
      items: 4,
      weeks: [6.5, 20],
    });
    expect(testing.plausibility).toMatchObject({ verdict: 'implausible', rules: ['at-most-one-level-a-year'] });
    expect(r.totals).toEqual({ items: 4, unscheduled: 0, weeks: [6.5, 20], quarters: 3, lastQuarter: '2027-Q3' });
    expect(r.assumptions).toEqual(['Pillars are assumed to progress in parallel: there is no capacity model, so work in the same quarter on different pillars needs different people.']);
  });

  it('is late against a date the projection passes', () => {
    const r = buildRoadmap(build({ levels: { testing: 1 } }), rubric, specs({ testing: { level: 3, by: '2027-06-30' } }));
    expect(r.pillars.find((p) => p.pillar === 'testing')).toMatchObject({ reachesTargetIn: '2027-Q3', lateAgainstDate: true });
  });

  it('takes a year from 3 to 4, and puts criteria below a reviewed level into the first transition', () => {
    // A reviewer's override holds Observability at 3 though its level-2 criterion is unmet.
    const r = buildRoadmap(build({ levels: { observability: 3 }, status: { 'observability.structured-logger': 'unmet' } }), rubric, specs({ observability: 4 }));
    expect(r.items.map(brief)).toEqual([
      '2027-Q1 observability.structured-logger L2 S',
      '2027-Q1 observability.alerts-to-runbooks L4 L',
      '2027-Q1 observability.error-budgets L4 L',
      '2027-Q1 observability.slos L4 L',
    ]);
    expect(r.pillars.find((p) => p.pillar === 'observability')!.projected).toEqual([{ level: 4, quarter: '2027-Q4', date: '2027-12-31' }]);
    expect(r.totals).toMatchObject({ weeks: [18.5, 41], quarters: 4, lastQuarter: '2027-Q4' });
  });

  it('has nothing to do when every pillar is at its target, and leaves N/A pillars out with the reason', () => {
    const r = buildRoadmap(build({ levels: { background: null, docs: 4 } }), rubric, specs());
    expect(r.items).toEqual([]);
    expect(r.totals).toEqual({ items: 0, unscheduled: 0, weeks: [0, 0], quarters: 0, lastQuarter: null });
    expect(r.pillars.find((p) => p.pillar === 'background')).toMatchObject({
      state: 'n/a',
      standing: 'n/a',
      level: null,
      notApplicable: 'The platform does no background work (no queues, timers, schedulers or workers).',
      projected: [],
    });
    expect(r.pillars.find((p) => p.pillar === 'docs')).toMatchObject({ state: 'at-target', standing: 'ahead', reachesTargetIn: null });
  });

  it('counts quarters across years', () => {
    expect(quartersSpanned('2027-Q1', '2027-Q1')).toBe(1);
    expect(quartersSpanned('2027-Q3', '2028-Q2')).toBe(4);
  });
});

describe('buildRoadmap: the order of investment', () => {
  it('schedules Background Processing 1->2 first and Reliability 2->3 after it', () => {
    const r = buildRoadmap(build({ levels: { reliability: 2, background: 1 } }), rubric, specs());
    expect(r.items.map(brief)).toEqual([
      '2027-Q1 background.retries-with-backoff L2 S',
      // The constraining pillar comes first within a quarter.
      '2027-Q2 background.dead-letter-queue L3 M',
      '2027-Q2 reliability.no-single-db-spof L3 M',
      '2027-Q2 reliability.retry-with-backoff L3 M',
      '2027-Q2 reliability.tested-backups L3 M',
    ]);
    const held = r.items.filter((i) => i.pillar === 'reliability');
    expect(held.map((i) => i.blockedBy)).toEqual(Array(3).fill([{ pillar: 'background', level: 2, reason: BACKGROUND_REASON, until: '2027-Q1' }]));
    expect(r.pillars.find((p) => p.pillar === 'reliability')!.projected).toEqual([{ level: 3, quarter: '2027-Q3', date: '2027-09-30' }]);
    expect(r.pillars.find((p) => p.pillar === 'background')!.projected.map((x) => x.quarter)).toEqual(['2027-Q1', '2027-Q3']);
    expect(r.blocks.map((b) => b.message)).toEqual([`Reliability & Resilience cannot reach Level 3 while Background Processing is at Level 1: ${BACKGROUND_REASON}`]);

    // Without the constraint Reliability starts at once and is done a quarter earlier.
    const free = buildRoadmap(build({ levels: { reliability: 2, background: 2 } }), rubric, specs());
    expect(free.pillars.find((p) => p.pillar === 'reliability')!.projected).toEqual([{ level: 3, quarter: '2027-Q2', date: '2027-06-30' }]);
    expect(free.items.filter((i) => i.pillar === 'reliability').map((i) => [i.quarter, i.blockedBy])).toEqual(Array(3).fill(['2027-Q1', []]));
  });

  it('records no delay where the pillar’s own phasing already waits as long', () => {
    const r = buildRoadmap(build({ levels: { reliability: 1, background: 1 } }), rubric, specs());
    const reliability = r.items.filter((i) => i.pillar === 'reliability');
    expect(reliability.map((i) => `${i.quarter} ${i.unlocks} ${i.blockedBy.length}`)).toEqual(['2027-Q1 2 0', '2027-Q1 2 0', '2027-Q2 3 0', '2027-Q2 3 0', '2027-Q2 3 0']);
    expect(r.pillars.find((p) => p.pillar === 'reliability')!.reachesTargetIn).toBe('2027-Q3');
  });

  it('blocks Reliability when the target of Background Processing is Level 1; the earlier levels are still projected', () => {
    const r = buildRoadmap(build({ levels: { reliability: 1, background: 1 } }), rubric, specs({ background: 1, reliability: { level: 3, by: '2027-12-31' } }));
    const plan = r.pillars.find((p) => p.pillar === 'reliability')!;
    expect(plan).toMatchObject({
      state: 'blocked',
      projected: [{ level: 2, quarter: '2027-Q1', date: '2027-03-31' }],
      reachesTargetIn: null,
      lateAgainstDate: true,
      blocked: { level: 3, reason: `Reliability & Resilience cannot reach Level 3 while Background Processing is below Level 2: ${BACKGROUND_REASON}; Background Processing's target is Level 1` },
    });
    expect(r.unscheduled.map(brief)).toEqual(['- reliability.no-single-db-spof L3 M', '- reliability.retry-with-backoff L3 M', '- reliability.tested-backups L3 M']);
    expect(r.unscheduled[0]!.blockedBy).toEqual([{ pillar: 'background', level: 2, reason: BACKGROUND_REASON, until: null }]);
    // Unscheduled items come last, and count in the totals: two level-2 items (S) and three level-3 ones (M).
    expect(r.items.slice(-3)).toEqual(r.unscheduled);
    expect(r.totals).toEqual({ items: 5, unscheduled: 3, weeks: [7, 22], quarters: 1, lastQuarter: '2027-Q1' });
    expect(r.pillars.find((p) => p.pillar === 'background')!.state).toBe('at-target');
  });

  it('ignores a rule whose required pillar is N/A', () => {
    const r = buildRoadmap(build({ levels: { reliability: 2, background: null } }), rubric, specs());
    expect(r.blocks).toEqual([]);
    expect(r.pillars.find((p) => p.pillar === 'reliability')!.reachesTargetIn).toBe('2027-Q2');
  });
});

describe('buildRoadmap: work items', () => {
  it('turns an anti-pattern into level-2 work with where it is, and an unknown into showing the evidence', () => {
    const cors = (path: string, line: number): Evidence => ({ path, line, excerpt: "cors({ origin: '*' })", detector: 'cors-allows-any-origin' });
    const r = buildRoadmap(
      build({
        levels: { security: 1 },
        status: { 'security.cors-restricted': 'unmet', 'security.threat-model': 'unknown' },
        evidence: {
          'security.cors-restricted': [cors('src/a.js', 3), { path: 'package.json', line: 4, detector: 'has-http-api' }, cors('src/b.js', 9), cors('src/c.js', 1), cors('src/d.js', 2)],
        },
      }),
      rubric,
      specs(),
    );
    const item = r.items.find((i) => i.criterion === 'security.cors-restricted')!;
    expect(item).toEqual({
      pillar: 'security',
      criterion: 'security.cors-restricted',
      level: 1,
      unlocks: 2,
      statement: 'CORS open to all origins',
      status: 'unmet',
      gap: 'reason of security.cors-restricted',
      evidence: [
        { path: 'src/a.js', line: 3, excerpt: "cors({ origin: '*' })" },
        { path: 'src/b.js', line: 9, excerpt: "cors({ origin: '*' })" },
        { path: 'src/c.js', line: 1, excerpt: "cors({ origin: '*' })" },
      ],
      remediation: rubric.pillars.find((p) => p.id === 'security')!.criteria.find((c) => c.id === 'security.cors-restricted')!.remediation,
      effort: { size: 'M', weeks: [2, 6] },
      quarter: '2027-Q1',
      blockedBy: [],
    });
    expect(r.items.find((i) => i.criterion === 'security.threat-model')).toMatchObject({ status: 'unknown', effort: { size: 'S', weeks: [0.5, 2] }, quarter: '2027-Q2', evidence: [] });
    // 1 anti-pattern (M), the level-2 policy (S), five level-3 criteria (M) and one unknown (S).
    expect(r.items.map((i) => i.effort.size).join('')).toBe('MSMMMMMS');
    expect(r.totals.weeks).toEqual([13, 40]);
  });

  it('uses the effort the rubric gives a criterion over the default for its level', () => {
    const sized: LoadedRubric = {
      ...rubric,
      pillars: rubric.pillars.map((p) => ({ ...p, criteria: p.criteria.map((c) => (c.id === 'testing.static-analysis' ? { ...c, effort: 'L' as const } : c)) })),
    };
    const r = buildRoadmap(build({ levels: { testing: 2 }, status: { 'testing.static-analysis': 'unmet' } }), sized, specs());
    expect(r.items.find((i) => i.criterion === 'testing.static-analysis')!.effort).toEqual({ size: 'L', weeks: [6, 13] });
  });

  it('orders items by quarter, then constraining pillars, level, pillar order and criterion id', () => {
    // Reliability 3->4 needs Architecture at 3: Architecture's level-3 work comes before Testing's level-2 work.
    const r = buildRoadmap(build({ levels: { reliability: 3, architecture: 2, testing: 1 } }), rubric, specs({ reliability: 4 }));
    expect(r.items.map(brief)).toEqual([
      '2027-Q1 architecture.acyclic-modules L3 M',
      '2027-Q1 architecture.explicit-module-apis L3 M',
      '2027-Q1 architecture.lint-enforced-boundaries L3 M',
      '2027-Q1 testing.static-analysis L2 S',
      '2027-Q2 testing.ci-gate L3 M',
      '2027-Q2 testing.coverage-gate L3 M',
      '2027-Q2 testing.integration-tests L3 M',
      '2027-Q3 reliability.chaos-testing L4 L',
      '2027-Q3 reliability.multi-az L4 L',
      '2027-Q3 reliability.rto-rpo L4 L',
    ]);
    expect(r.items.at(-1)!.blockedBy).toEqual([{ pillar: 'architecture', level: 3, reason: 'error budgets per service need services whose boundaries are defined and enforced', until: '2027-Q2' }]);
    // Reliability reaches 4 a year after Architecture reaches 3.
    expect(r.pillars.find((p) => p.pillar === 'reliability')!.projected).toEqual([{ level: 4, quarter: '2028-Q2', date: '2028-06-30' }]);
    expect(r.totals).toMatchObject({ items: 10, quarters: 6, lastQuarter: '2028-Q2' });
  });
});
