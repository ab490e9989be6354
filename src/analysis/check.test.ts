import { describe, expect, it } from 'vitest';
import { PILLAR_IDS, type PillarId } from '../core/types.ts';
import { gate, historyBefore, type GatedAssessment } from './check.ts';
import { confirmLevels, type LevelPoint } from './confirm.ts';

const programme = { confirmation: { months: 3, source: 'Section 7.4' } };

/** A current assessment: every pillar at 1 except those given, testing with its criteria. */
function current(levels: Partial<Record<PillarId, number | null>>): GatedAssessment {
  return {
    pillars: PILLAR_IDS.map((id) => ({
      id,
      level: levels[id] === undefined ? 1 : levels[id],
      criteria:
        id === 'testing'
          ? [
              { id: 'testing.has-tests', level: 1, status: 'met', reason: 'tests found' },
              { id: 'testing.static-analysis', level: 2, status: 'met', reason: 'eslint configured' },
              { id: 'testing.ci-gate', level: 3, status: 'unmet', reason: 'no CI job runs the tests' },
              { id: 'testing.integration-tests', level: 3, status: 'met', reason: 'test/integration' },
              { id: 'testing.coverage-gate', level: 3, status: 'unknown', reason: 'coverage threshold not readable' },
              { id: 'testing.contract-tests', level: 4, status: 'unmet', reason: 'none' },
            ]
          : [],
    })),
  };
}

/** Confirmations from a history where each pillar has the given levels at the given days. */
function history(...entries: [string, Partial<Record<PillarId, number | null>>][]): ReturnType<typeof confirmLevels> {
  const points: LevelPoint[] = entries.map(([date, levels]) => ({
    assessedAt: `${date}T10:00:00.000Z`,
    comparable: true,
    assessment: { pillars: PILLAR_IDS.map((id) => ({ id, level: levels[id] === undefined ? 1 : levels[id] })) },
  }));
  return confirmLevels(points, programme);
}

const noFloors = { levels: {}, source: 'no config file' };

describe('gate', () => {
  it('fails a pillar below its confirmed level, naming since when and what is unmet', () => {
    const confirmations = history(['2026-01-15', { testing: 3 }], ['2026-04-15', { testing: 3 }]);
    expect(gate(current({ testing: 2 }), confirmations, noFloors)).toEqual({
      failures: [
        {
          pillar: 'testing',
          kind: 'regression',
          level: 2,
          required: 3,
          detail: 'level 2 is below the confirmed level 3 (confirmed since 2026-04-15); unmet: testing.ci-gate (no CI job runs the tests); unknown: testing.coverage-gate (coverage threshold not readable)',
        },
      ],
      notes: [],
      warnings: [],
    });
  });

  it('only warns when the level drops below one observed but never confirmed (7.4)', () => {
    const confirmations = history(['2026-01-15', { testing: 2 }], ['2026-04-15', { testing: 3 }]);
    expect(gate(current({ testing: 2 }), confirmations, noFloors)).toEqual({
      failures: [],
      notes: [],
      warnings: ['testing: level 2 is below the level 3 observed on 2026-04-15, which was never confirmed; only confirmed levels gate (7.4)'],
    });
  });

  it('fails a pillar below its floor, naming the config file, and checks floors without history', () => {
    const floors = { levels: { security: 2, testing: 2 }, source: 'readiness.config.yaml' };
    expect(gate(current({ security: 1, testing: 2 }), history(), floors).failures).toEqual([
      { pillar: 'security', kind: 'floor', level: 1, required: 2, detail: 'level 1 is below the floor 2 (readiness.config.yaml)' },
    ]);
  });

  it('reports both a regression and a floor for the same pillar', () => {
    const confirmations = history(['2026-01-01', { cicd: 3 }], ['2026-04-01', { cicd: 3 }]);
    const r = gate(current({ cicd: 1 }), confirmations, { levels: { cicd: 2 }, source: 'ci/readiness.yaml' });
    expect(r.failures.map((f) => [f.kind, f.level, f.required])).toEqual([
      ['regression', 1, 3],
      ['floor', 1, 2],
    ]);
  });

  it('does not fail an N/A pillar on a floor or confirmed level, and notes it', () => {
    const confirmations = history(['2026-01-01', { background: 2 }], ['2026-04-01', { background: 2 }]);
    const r = gate(current({ background: null, data: null }), confirmations, { levels: { background: 3, data: 2 }, source: 'readiness.config.yaml' });
    expect(r).toEqual({
      failures: [],
      notes: ['data: N/A now, so the floor 2 does not apply', 'background: N/A now, so the confirmed level 2 and the floor 3 do not apply'],
      warnings: [],
    });
  });

  it('passes pillars at or above their confirmed levels and floors', () => {
    const confirmations = history(['2026-01-01', { testing: 2 }], ['2026-04-01', { testing: 2 }]);
    expect(gate(current({ testing: 3 }), confirmations, { levels: { testing: 2 }, source: 'x' })).toEqual({ failures: [], notes: [], warnings: [] });
  });
});

describe('historyBefore', () => {
  const point = (assessedAt: string, commit: string | null, comparable = true) => ({ assessedAt, commit, comparable });
  const points = [point('2026-01-15T10:00:00.000Z', 'aaa'), point('2026-02-15T10:00:00.000Z', 'bbb', false), point('2026-04-15T10:00:00.000Z', 'ccc'), point('2026-07-15T10:00:00.000Z', 'ddd')];

  it('keeps comparable points assessed before the current one, except a stored copy of its clean commit', () => {
    expect(historyBefore(points, { assessedAt: '2026-07-20T00:00:00.000Z', subject: { commit: 'ddd', dirty: false } }).map((p) => p.commit)).toEqual(['aaa', 'ccc']);
    expect(historyBefore(points, { assessedAt: '2026-07-20T00:00:00.000Z', subject: { commit: 'eee', dirty: false } }).map((p) => p.commit)).toEqual(['aaa', 'ccc', 'ddd']);
    // A dirty work tree is not the stored commit: the stored rating of that commit is history.
    expect(historyBefore(points, { assessedAt: '2026-07-20T00:00:00.000Z', subject: { commit: 'ddd', dirty: true } }).map((p) => p.commit)).toEqual(['aaa', 'ccc', 'ddd']);
    expect(historyBefore(points, { assessedAt: '2026-04-15T10:00:00.000Z', subject: { commit: 'ccc', dirty: false } }).map((p) => p.commit)).toEqual(['aaa']);
  });
});
