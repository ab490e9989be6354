import { describe, expect, it } from 'vitest';
import { PILLAR_IDS } from '../core/types.ts';
import { confirmLevels, type LevelPoint, type PillarConfirmation } from './confirm.ts';

const programme = { confirmation: { months: 3, source: 'Section 7.4' } };

/** A series where testing has the given levels on the given days; every other pillar is at 1. */
function series(...entries: [string, number | null, boolean?][]): LevelPoint[] {
  return entries.map(([date, level, comparable = true]) => ({
    assessedAt: `${date}T10:00:00.000Z`,
    comparable,
    assessment: { pillars: PILLAR_IDS.map((id) => ({ id, level: id === 'testing' ? level : 1 })) },
  }));
}

const testing = (points: LevelPoint[]): PillarConfirmation => confirmLevels(points, programme).find((c) => c.pillar === 'testing')!;

describe('confirmLevels (7.4: a level counts after a full quarter without regression)', () => {
  it('observes a level at a single assessment and confirms only level 1, confirmable a quarter later', () => {
    expect(testing(series(['2026-01-01', 3]))).toEqual({
      pillar: 'testing',
      observed: 3,
      confirmed: 1,
      confirmedSince: '2026-01-01',
      pending: { level: 3, since: '2026-01-01', confirmableOn: '2026-04-01' },
      regression: null,
      levels: [{ assessedAt: '2026-01-01', level: 3, confirmed: 1 }],
    });
  });

  it('confirms a level held from Jan 1 to Apr 1, and not one day earlier', () => {
    expect(testing(series(['2026-01-01', 3], ['2026-04-01', 3]))).toMatchObject({ observed: 3, confirmed: 3, confirmedSince: '2026-04-01', pending: null, regression: null });
    expect(testing(series(['2026-01-01', 3], ['2026-03-31', 3]))).toMatchObject({ observed: 3, confirmed: 1, pending: { level: 3, since: '2026-01-01', confirmableOn: '2026-04-01' } });
  });

  it('restarts the run after a dip inside the window: the lower level is confirmed, the higher pending again', () => {
    const c = testing(series(['2026-01-01', 3], ['2026-02-01', 3], ['2026-03-01', 2], ['2026-04-01', 3]));
    expect(c).toMatchObject({ observed: 3, confirmed: 2, confirmedSince: '2026-04-01', pending: { level: 3, since: '2026-04-01', confirmableOn: '2026-07-01' }, regression: null });
    expect(c.levels.map((l) => l.confirmed)).toEqual([1, 1, 1, 2]);
    // At the dip itself the regression is flagged at once; level 3 was never confirmed, so none is lost.
    expect(testing(series(['2026-01-01', 3], ['2026-02-01', 3], ['2026-03-01', 2])).regression).toEqual({ from: 3, to: 2, previousAt: '2026-02-01', lostConfirmed: false });
  });

  it('confirms at the first monthly assessment a full quarter after the run began', () => {
    const c = testing(series(['2026-01-10', 1], ['2026-02-10', 2], ['2026-03-10', 2], ['2026-04-10', 2], ['2026-05-10', 2]));
    expect(c).toMatchObject({ observed: 2, confirmed: 2, confirmedSince: '2026-05-10', pending: null });
    expect(c.levels.map((l) => [l.level, l.confirmed])).toEqual([[1, 1], [2, 1], [2, 1], [2, 1], [2, 2]]);
  });

  it('keeps the first day a level counted as confirmed while it holds', () => {
    const c = testing(series(['2026-01-01', 2], ['2026-04-15', 2], ['2026-07-15', 2], ['2026-10-15', 2]));
    expect(c).toMatchObject({ confirmed: 2, confirmedSince: '2026-04-15' });
  });

  it('gives N/A as null and lets a pillar becoming N/A break its runs', () => {
    expect(testing(series(['2026-01-01', 2], ['2026-04-01', null]))).toMatchObject({ observed: null, confirmed: null, confirmedSince: null, pending: null, regression: null });
    expect(testing(series(['2026-01-01', 2], ['2026-02-01', null], ['2026-04-01', 2]))).toMatchObject({ observed: 2, confirmed: 1, confirmedSince: '2026-04-01', pending: { level: 2, since: '2026-04-01' } });
  });

  it('flags a regression below a confirmed level at the first assessment that shows it', () => {
    const c = testing(series(['2026-01-01', 3], ['2026-04-01', 3], ['2026-05-01', 1]));
    expect(c).toMatchObject({ observed: 1, confirmed: 1, pending: null, regression: { from: 3, to: 1, previousAt: '2026-04-01', lostConfirmed: true } });
    // A later assessment at the same lower level is no new regression.
    expect(testing(series(['2026-01-01', 3], ['2026-04-01', 3], ['2026-05-01', 1], ['2026-06-01', 1])).regression).toBeNull();
  });

  it('skips points that cannot be compared: they neither confirm nor break a run', () => {
    const c = testing(series(['2026-01-01', 2], ['2026-02-01', 1, false], ['2026-04-01', 2], ['2026-05-01', 5, false]));
    expect(c).toMatchObject({ observed: 2, confirmed: 2, confirmedSince: '2026-04-01', regression: null });
    expect(c.levels.map((l) => l.assessedAt)).toEqual(['2026-01-01', '2026-04-01']);
    expect(testing(series(['2026-01-01', 4, false]))).toMatchObject({ observed: null, confirmed: null, levels: [] });
  });

  it('adds months by the calendar: Nov 30 + 3 months is Feb 28', () => {
    expect(testing(series(['2025-11-30', 2], ['2026-02-27', 2]))).toMatchObject({ confirmed: 1, pending: { level: 2, confirmableOn: '2026-02-28' } });
    expect(testing(series(['2025-11-30', 2], ['2026-02-28', 2]))).toMatchObject({ confirmed: 2, confirmedSince: '2026-02-28', pending: null });
  });

  it('orders points by date whatever order they come in, and confirms level 1 for every applicable pillar', () => {
    const all = confirmLevels(series(['2026-04-01', 2], ['2026-01-01', 2]), programme);
    expect(all.find((c) => c.pillar === 'testing')).toMatchObject({ confirmed: 2, confirmedSince: '2026-04-01' });
    expect(all.filter((c) => c.pillar !== 'testing').every((c) => c.observed === 1 && c.confirmed === 1 && c.confirmedSince === '2026-01-01')).toBe(true);
    expect(all).toHaveLength(14);
  });
});
