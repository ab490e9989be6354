import { describe, expect, it } from 'vitest';
import { buildAssessment } from '../../test/shared/assessment.ts';
import { targetSpecs, type Config } from '../config/schema.ts';
import { loadRubric } from '../rubric/load.ts';
import { buildRoadmap } from './roadmap.ts';
import { executiveSummary } from './summary.ts';

const rubric = loadRubric();

const build = buildAssessment;

const specs = (targets: Config['targets'] = {}) => targetSpecs({ targets }, 3);

const BACKGROUND_REASON = 'retries, timeouts and recovery of work need jobs that are queued, retried and visible, not fire-and-forget';

describe('executiveSummary', () => {
  it('tells where we are, each gap biggest first, the order of investment, the shape, fantasies and the total', () => {
    const a = build({ levels: { reliability: 1, background: 1, security: 1, observability: 3, api: 1, data: null, testing: 2 } });
    const r = buildRoadmap(a, rubric, specs({
      reliability: { level: 3, by: '2027-09-30', why: 'sell into regulated industries' },
      security: { level: 3, by: '2027-12-31', why: 'pass the SOC 2 audit' },
      observability: 4,
      docs: { level: 4, by: '2027-05-31' },
    }));
    expect(executiveSummary(r)).toEqual([
      '8 of 14 pillars are at or above the typical Level 3; 5 are behind; Data Architecture is N/A: production code uses no database, so there is no data architecture to rate.',
      // Gaps of two levels in pillar order, then one level; five told, the rest named.
      'We are at Level 1 on API Contract & Versioning and need to be at Level 3: 3 pieces of work, about 4.5-14 engineer-weeks, projected to reach Level 3 in 2027-Q3.',
      'We are at Level 1 on Background Processing and need to be at Level 3: 2 pieces of work, about 2.5-8 engineer-weeks, projected to reach Level 3 in 2027-Q3.',
      'We are at Level 1 on Security & Compliance and need to be at Level 3 by 2027-12-31 to pass the SOC 2 audit: 7 pieces of work, about 12.5-38 engineer-weeks, projected to reach Level 3 in 2027-Q3 — in time for the date.',
      'We are at Level 1 on Reliability & Resilience and need to be at Level 3 by 2027-09-30 to sell into regulated industries: 5 pieces of work, about 7-22 engineer-weeks, projected to reach Level 3 in 2027-Q3 — in time for the date at the typical pace, though the target itself is not plausible.',
      'We are at Level 3 on Observability and need to be at Level 4: 3 pieces of work, about 18-39 engineer-weeks, projected to reach Level 4 in 2027-Q4.',
      'And 2 more pillars are below their targets: Testing & Quality Gates and Documentation & Knowledge Management.',
      'Order of investment: Background Processing and Security & Compliance first.',
      `Reliability & Resilience cannot reach Level 3 while Background Processing is at Level 1: ${BACKGROUND_REASON}.`,
      'API Contract & Versioning cannot reach Level 3 while Security & Compliance is at Level 1: a published, versioned contract has to be authenticated and authorised before others build on it.',
      'The profile is uneven: Level 3 on 8 pillars but Level 1 on 4 pillars, a spread of two levels.',
      'The platform can see its own breaches but cannot prevent them (Observability at Level 3, Security & Compliance at Level 1).',
      'The target for Reliability & Resilience is not plausible: Level 3 by 2027-09-30 is two levels above Level 1 within 12 months; a climb of more than one level in 12 months is rare and usually takes hiring or organisational change, not just engineering. A plausible target is Level 2 by 2027-09-30.',
      'The target for Documentation & Knowledge Management is not plausible: moving from Level 3 to Level 4 typically takes 12 months and only 6 remain before 2027-05-31. A plausible target is Level 4 by 2027-11-30.',
      'In all: 24 pieces of work, about 56.5-152 engineer-weeks, across 4 quarters, ending 2027-Q4; pillars are assumed to progress in parallel.',
    ]);
  });

  it('says how late a projection is, and what a blocked pillar cannot reach', () => {
    const r = buildRoadmap(build({ levels: { testing: 1, finops: 1, iac: 1 } }), rubric, specs({ testing: { level: 3, by: '2027-06-30', why: 'ship weekly' }, iac: 1 }));
    const lines = executiveSummary(r);
    expect(lines.slice(0, 3)).toEqual([
      '11 of 14 pillars are at or above the typical Level 3; 3 are behind.',
      'We are at Level 1 on Testing & Quality Gates and need to be at Level 3 by 2027-06-30 to ship weekly: 4 pieces of work, about 6.5-20 engineer-weeks, projected to reach Level 3 in 2027-Q3 — one quarter after the date.',
      "We are at Level 1 on Cost Visibility & FinOps and need to be at Level 3: 4 pieces of work, about 6.5-20 engineer-weeks, projected to reach Level 2 in 2027-Q1, but Level 3 cannot be reached while the targets stand (Cost Visibility & FinOps cannot reach Level 3 while Infrastructure as Code is below Level 2: cost allocation by tags is enforceable only on infrastructure defined as code; Infrastructure as Code's target is Level 1).",
    ]);
    expect(lines[3]).toMatch(/; Infrastructure as Code's target of Level 1 keeps it there, so Cost Visibility & FinOps's target of Level 3 cannot be reached\.$/);
    expect(lines).toContain('The profile is uneven: Level 3 on 11 pillars but Level 1 on Testing & Quality Gates, Infrastructure as Code and Cost Visibility & FinOps, a spread of two levels.');
    expect(lines).toContain('The platform ships fast what it has not tested: delivery speed multiplies defects (CI/CD & Deployment at Level 3, Testing & Quality Gates at Level 1).');
    expect(lines.at(-1)).toBe('In all: 8 pieces of work (3 of them blocked), about 13-40 engineer-weeks, across 3 quarters, ending 2027-Q3; pillars are assumed to progress in parallel.');
  });

  it('says when a projection misses its date within the same quarter', () => {
    const r = buildRoadmap(build({ levels: { testing: 1 } }), rubric, specs({ testing: { level: 3, by: '2027-09-15' } }));
    expect(executiveSummary(r)[1]).toBe('We are at Level 1 on Testing & Quality Gates and need to be at Level 3 by 2027-09-15: 4 pieces of work, about 6.5-20 engineer-weeks, projected to reach Level 3 in 2027-Q3 — a few weeks after the date, in the same quarter.');
  });

  it('has nothing to plan when every pillar is at its target', () => {
    expect(executiveSummary(buildRoadmap(build({ levels: { docs: 4 } }), rubric, specs()))).toEqual([
      '14 of 14 pillars are at or above the typical Level 3; 0 are behind.',
      'The profile is even: every applicable pillar is at Level 3 or 4.',
      'Every applicable pillar is at or above its target: there is no work to plan.',
    ]);
  });
});
