import { describe, expect, it } from 'vitest';
import { cadence, EVENT_DRIVEN_NOTE } from './cadence.ts';

const programme = { cadence: { months: 3, relaxed: { months: 12, minLevel: 3, share: 0.5 }, source: 'Section 7.3' } };

/** Confirmed levels of 14 pillars: the given ones, the rest at `rest` (null: N/A). */
function confirmed(levels: Record<string, number | null>, rest: number | null, count = 14): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (let i = 0; i < count; i++) out[`p${i}`] = rest;
  return { ...out, ...levels };
}

describe('cadence (7.3)', () => {
  it('is quarterly while few pillars are confirmed at level 3, naming the count', () => {
    const c = cadence({ assessedAt: '2026-07-15T10:00:00.000Z', confirmed: confirmed({ p0: 3, p1: 4, p13: null }, 2) }, programme, '2026-09-01');
    expect(c).toEqual({
      interval: 'quarterly',
      months: 3,
      due: '2026-10-15',
      stale: false,
      overdueDays: 0,
      reason: '2 of 13 applicable pillars confirmed at level 3 or more (annual re-rating needs more than half)',
    });
  });

  it('is stale the day after it is due, with the days overdue', () => {
    const latest = { assessedAt: '2026-07-15T10:00:00.000Z', confirmed: confirmed({}, 1) };
    expect(cadence(latest, programme, '2026-10-15')).toMatchObject({ stale: false, overdueDays: 0 });
    expect(cadence(latest, programme, new Date('2026-10-16T08:00:00Z'))).toMatchObject({ stale: true, overdueDays: 1 });
    expect(cadence(latest, programme, '2026-11-30')).toMatchObject({ due: '2026-10-15', stale: true, overdueDays: 46 });
  });

  it('relaxes to annual only when more than half of the applicable pillars are confirmed at level 3 or more', () => {
    // 7 of 14 is half, not more than half.
    const half = confirmed({ p0: 3, p1: 3, p2: 3, p3: 3, p4: 3, p5: 3, p6: 3 }, 2);
    expect(cadence({ assessedAt: '2026-01-31', confirmed: half }, programme, '2026-02-01')).toMatchObject({ interval: 'quarterly', due: '2026-04-30' });
    const most = { ...half, p7: 4 };
    expect(cadence({ assessedAt: '2026-01-31', confirmed: most }, programme, '2026-02-01')).toEqual({
      interval: 'annual',
      months: 12,
      due: '2027-01-31',
      stale: false,
      overdueDays: 0,
      reason: '8 of 14 applicable pillars confirmed at level 3 or more (more than half: annual re-rating suffices)',
    });
    // N/A pillars do not count in the share: 2 of 3 applicable is most.
    expect(cadence({ assessedAt: '2026-01-31', confirmed: confirmed({ p0: 3, p1: 3, p2: 1 }, null) }, programme, '2026-02-01').interval).toBe('annual');
  });

  it('ends a month-end assessment at the month end of the due month', () => {
    expect(cadence({ assessedAt: '2025-11-30T12:00:00Z', confirmed: confirmed({}, 1) }, programme, '2026-03-01')).toMatchObject({ due: '2026-02-28', stale: true, overdueDays: 1 });
  });

  it('says that a major change calls for re-rating at once', () => {
    expect(EVENT_DRIVEN_NOTE).toBe('Re-rate at once after a major change: a service extraction, a compliance certification, an incident that exposes a gap (7.3).');
  });
});
