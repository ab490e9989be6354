// When to re-rate (section 7.3): quarterly during a modernisation programme, annually once most
// pillars are confirmed at level 3 or more, and at once after a major change. Confirmed levels
// decide the interval, not observed ones: a level seen once has not earned a slower feedback loop.
import type { Programme } from '../rubric/schema.ts';
import { addMonths, daysBetween } from '../util/dates.ts';

export interface Cadence {
  interval: 'quarterly' | 'annual';
  months: number;
  /** YYYY-MM-DD the next assessment is due. */
  due: string;
  /** Past due: the history no longer tells where the platform is. */
  stale: boolean;
  /** Days past `due`; 0 when not stale. */
  overdueDays: number;
  /** Why this interval, naming the count: "2 of 13 applicable pillars confirmed at level 3 or more". */
  reason: string;
}

/** Said once wherever the cadence is shown: the calendar is not the only trigger (7.3). */
export const EVENT_DRIVEN_NOTE = 'Re-rate at once after a major change: a service extraction, a compliance certification, an incident that exposes a gap (7.3).';

function shareText(share: number): string {
  return share === 0.5 ? 'half' : `${Math.round(share * 100)}%`;
}

/**
 * The cadence after the latest assessment, from its confirmed levels (null for N/A pillars).
 * `now` is a date or ISO time; only its day counts.
 */
export function cadence(
  latest: { assessedAt: string; confirmed: Readonly<Record<string, number | null>> },
  programme: Pick<Programme, 'cadence'>,
  now: Date | string,
): Cadence {
  const { months, relaxed } = programme.cadence;
  const levels = Object.values(latest.confirmed).filter((l): l is number => l !== null);
  const high = levels.filter((l) => l >= relaxed.minLevel).length;
  const annual = levels.length > 0 && high > relaxed.share * levels.length;
  const interval = annual ? 'annual' : 'quarterly';
  const every = annual ? relaxed.months : months;
  const due = addMonths(latest.assessedAt, every);
  const today = (typeof now === 'string' ? now : now.toISOString()).slice(0, 10);
  const overdueDays = Math.max(0, daysBetween(due, today));
  const counted = `${high} of ${levels.length} applicable pillars confirmed at level ${relaxed.minLevel} or more`;
  const rule = annual ? `more than ${shareText(relaxed.share)}: annual re-rating suffices` : `annual re-rating needs more than ${shareText(relaxed.share)}`;
  return { interval, months: every, due, stale: overdueDays > 0, overdueDays, reason: `${counted} (${rule})` };
}
