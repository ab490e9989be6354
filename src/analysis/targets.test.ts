import { describe, expect, it } from 'vitest';
import { buildAssessment } from '../../test/shared/assessment.ts';
import type { Assessment, CriterionStatus } from '../core/assessment.ts';
import { PILLAR_IDS, type PillarId } from '../core/types.ts';
import { targetSpecs, type Config } from '../config/schema.ts';
import { loadRubric } from '../rubric/load.ts';
import { interactions, monthsBetween, plausibility, profile, sequencingBlocks, standing } from './targets.ts';

const rubric = loadRubric();
const programme = rubric.programme;

const build = (levels: Partial<Record<PillarId, number | null>>, status: Record<string, CriterionStatus> = {}, assessedAt?: string): Assessment =>
  buildAssessment({ levels, status, ...(assessedAt ? { assessedAt } : {}) });

const specs = (targets: Config['targets'] = {}) => targetSpecs({ targets }, 3);

describe('standing', () => {
  it('places each pillar ahead of, at or behind the typical level, and N/A pillars apart', () => {
    const s = standing(build({ architecture: 4, api: 3, data: 2, background: null }), 3);
    expect([s.architecture, s.api, s.data, s.background]).toEqual(['ahead', 'normal', 'behind', 'n/a']);
    expect(Object.keys(s)).toEqual([...PILLAR_IDS]);
  });
});

describe('profile', () => {
  it('is even when the applicable levels span less than the uneven spread', () => {
    expect(profile(build({ observability: 4, background: null }), programme)).toEqual({
      spread: 1,
      shape: 'even',
      highest: { level: 4, pillars: ['observability'] },
      lowest: { level: 3, pillars: PILLAR_IDS.filter((p) => p !== 'observability' && p !== 'background') },
    });
  });

  it('is uneven with a Level 4 beside a Level 1; N/A pillars do not count', () => {
    const p = profile(build({ observability: 4, security: 1, reliability: 1, background: null }), programme);
    expect(p).toMatchObject({ spread: 3, shape: 'uneven', highest: { level: 4, pillars: ['observability'] }, lowest: { level: 1, pillars: ['security', 'reliability'] } });
    expect(profile(build({ observability: 3, security: 1 }), programme).shape).toBe('uneven');
    expect(profile(build(Object.fromEntries(PILLAR_IDS.map((id) => [id, null]))), programme)).toEqual({ spread: 0, shape: 'even', highest: null, lowest: null });
  });
});

describe('interactions', () => {
  it('fires when Observability is two levels above Security, not one', () => {
    expect(interactions(build({ observability: 3, security: 1, api: 1 }), programme)).toEqual([
      {
        id: 'sees-breaches-cannot-prevent',
        leading: { pillar: 'observability', level: 3 },
        lagging: { pillar: 'security', level: 1 },
        message: 'The platform can see its own breaches but cannot prevent them',
        source: 'Section 8.2: improving Observability while Security remains at Level 1',
      },
    ]);
    expect(interactions(build({ observability: 2, security: 1, api: 1 }), programme)).toEqual([]);
  });

  it('needs both pillars applicable', () => {
    expect(interactions(build({ observability: 3, security: null, api: 1 }), programme)).toEqual([]);
  });
});

describe('plausibility (7.5 and phasing)', () => {
  // Assessed 2026-11-30.
  it('counts whole calendar months', () => {
    expect(monthsBetween('2026-11-30', '2027-11-30')).toBe(12);
    expect(monthsBetween('2026-11-30', '2027-05-29')).toBe(5);
    expect(monthsBetween('2026-11-30', '2027-02-28')).toBe(3);
    expect(monthsBetween('2026-11-30', '2026-10-01')).toBe(0);
  });

  it('finds two levels in twelve months implausible and proposes one level by the same date', () => {
    const [f] = plausibility(build({ reliability: 1 }), specs({ reliability: { level: 3, by: '2027-11-30' } }), programme);
    expect(f).toEqual({
      pillar: 'reliability',
      level: 1,
      target: 3,
      by: '2027-11-30',
      monthsAvailable: 12,
      monthsNeeded: 9,
      verdict: 'implausible',
      rules: ['at-most-one-level-a-year'],
      message: 'Level 3 by 2027-11-30 is two levels above Level 1 within 12 months; a climb of more than one level in 12 months is rare and usually takes hiring or organisational change, not just engineering',
      plausible: { level: 2, by: '2027-11-30' },
      sources: ['Section 7.5: a 12-month target should be at most one level above current'],
    });
  });

  it('finds one level in six months plausible, and two levels due after a year too', () => {
    const found = plausibility(build({ testing: 1, reliability: 1 }), specs({ testing: { level: 2, by: '2027-05-30' }, reliability: { level: 3, by: '2027-12-31' } }), programme);
    expect(found.map((f) => [f.pillar, f.verdict, f.monthsAvailable, f.monthsNeeded, f.plausible])).toEqual([
      ['reliability', 'plausible', 13, 9, null],
      ['testing', 'plausible', 6, 3, null],
    ]);
  });

  it('finds 3 -> 4 due in six months implausible by phasing, and proposes the date the phasing allows', () => {
    const [f] = plausibility(build({ observability: 3 }), specs({ observability: { level: 4, by: '2027-05-30' } }), programme);
    expect(f).toMatchObject({
      verdict: 'implausible',
      rules: ['phasing'],
      monthsAvailable: 6,
      monthsNeeded: 12,
      message: 'moving from Level 3 to Level 4 typically takes 12 months and only 6 remain before 2027-05-30',
      plausible: { level: 4, by: '2027-11-30' },
      sources: ['Section 2, The realistic phasing: Level 3 to Level 4 is a year or more'],
    });
  });

  it('tells both rules when both are broken, and the proposal waits for the phasing', () => {
    const [f] = plausibility(build({ security: 1 }), specs({ security: { level: 3, by: '2027-01-31' } }), programme);
    expect(f).toMatchObject({ verdict: 'implausible', rules: ['at-most-one-level-a-year', 'phasing'], monthsAvailable: 2, monthsNeeded: 9, plausible: { level: 2, by: '2027-02-28' } });
  });

  it('calls a target at or below the current level met, and judges neither undated targets nor N/A pillars', () => {
    const found = plausibility(build({ docs: 3, background: null, team: 1 }), specs({ docs: { level: 2, by: '2027-01-31' }, background: { level: 3, by: '2027-01-31' }, team: 3 }), programme);
    expect(found).toEqual([expect.objectContaining({ pillar: 'docs', verdict: 'met', rules: [], plausible: null })]);
  });
});

describe('sequencingBlocks (the order of investment)', () => {
  const reason = 'retries, timeouts and recovery of work need jobs that are queued, retried and visible, not fire-and-forget';

  it('holds Reliability below Level 3 while Background Processing is at Level 1', () => {
    expect(sequencingBlocks(build({ reliability: 1, background: 1 }), specs(), programme)).toEqual([
      {
        pillar: 'reliability',
        level: 3,
        requires: { pillar: 'background', level: 2 },
        requiredAt: 1,
        reason,
        source: 'Section 2, The order of investment: you cannot reach Level 3 on Reliability while Background Processing is at Level 1',
        unreachable: false,
        message: `Reliability & Resilience cannot reach Level 3 while Background Processing is at Level 1: ${reason}`,
      },
    ]);
  });

  it("says when the required pillar's own target makes the other target unreachable", () => {
    const [b] = sequencingBlocks(build({ reliability: 2, background: 1 }), specs({ background: 1 }), programme);
    expect(b).toMatchObject({ unreachable: true });
    expect(b!.message).toBe(`Reliability & Resilience cannot reach Level 3 while Background Processing is at Level 1: ${reason}; Background Processing's target of Level 1 keeps it there, so Reliability & Resilience's target of Level 3 cannot be reached`);
  });

  it('imposes nothing when the level is not on the way to the target, is passed, or the required pillar is N/A', () => {
    expect(sequencingBlocks(build({ reliability: 1, background: 1 }), specs({ reliability: 2 }), programme)).toEqual([]);
    expect(sequencingBlocks(build({ reliability: 3, background: 1 }), specs({ reliability: 4 }), programme)).toEqual([]);
    expect(sequencingBlocks(build({ reliability: 1, background: null }), specs(), programme)).toEqual([]);
    expect(sequencingBlocks(build({ reliability: 1, background: 2 }), specs(), programme)).toEqual([]);
  });

  it('lists every rule a pillar meets on the way: Scalability waits for Background Processing and Architecture', () => {
    const blocks = sequencingBlocks(build({ scalability: 1, background: 1, architecture: 1, reliability: 3 }), specs(), programme);
    expect(blocks.map((b) => `${b.pillar} ${b.level} <- ${b.requires.pillar} ${b.requires.level}`)).toEqual(['scalability 3 <- background 2', 'scalability 3 <- architecture 2']);
  });
});
