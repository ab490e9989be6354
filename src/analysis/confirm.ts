// Confirmed levels (section 7.4): a pillar has transitioned to a level only when that level's
// criteria have held for one full quarter without regression. A level seen once is "observed";
// it becomes "confirmed" once an assessment a quarter later still shows it with none below it in
// between. Regressions count at once: discipline is part of the rating.
import type { PillarResult } from '../core/assessment.ts';
import { PILLAR_IDS, type PillarId } from '../core/types.ts';
import type { Programme } from '../rubric/schema.ts';
import { addMonths } from '../util/dates.ts';

/** What confirmation reads of a series point (a SeriesPoint is one). */
export interface LevelPoint {
  assessedAt: string;
  comparable: boolean;
  assessment: { pillars: readonly Pick<PillarResult, 'id' | 'level'>[] };
}

export interface Pending {
  level: number;
  /** YYYY-MM-DD of the first assessment of the run that holds the level. */
  since: string;
  /** YYYY-MM-DD from which an assessment still showing the level confirms it. */
  confirmableOn: string;
}

export interface Regression {
  from: number;
  to: number;
  /** YYYY-MM-DD of the previous comparable assessment, the one at `from`. */
  previousAt: string;
  /** The level fell below the level confirmed at the previous assessment. */
  lostConfirmed: boolean;
}

export interface LevelAt {
  assessedAt: string;
  level: number | null;
  confirmed: number | null;
}

export interface PillarConfirmation {
  pillar: PillarId;
  /** The level at the latest comparable assessment; null when N/A or when there is none. */
  observed: number | null;
  confirmed: number | null;
  /** YYYY-MM-DD of the first assessment at which the confirmed level counted as confirmed. */
  confirmedSince: string | null;
  /** The observed level when it is above the confirmed one: "observed, not confirmed". */
  pending: Pending | null;
  /** The latest assessment shows a level below the previous comparable one. */
  regression: Regression | null;
  /** Level and confirmed level at every comparable assessment, oldest first. */
  levels: LevelAt[];
}

const day = (iso: string): string => iso.slice(0, 10);

interface Confirmation {
  confirmed: number | null;
  confirmedSince: string | null;
  pending: Pending | null;
}

/** Confirmation at index k of a pillar's comparable levels (dates YYYY-MM-DD, oldest first). */
function confirmAt(dates: readonly string[], levels: readonly (number | null)[], k: number, months: number): Confirmation {
  const level = levels[k] ?? null;
  if (level === null) return { confirmed: null, confirmedSince: null, pending: null };
  /** Index of the first point of the maximal run ending at k whose levels are all at least `min`. */
  const runStart = (min: number): number => {
    let j = k;
    while (j > 0 && (levels[j - 1] ?? 0) >= min) j--;
    return j;
  };
  // Level 1 cannot be lower: it holds from the first point of the applicable run.
  let confirmed = 1;
  let confirmedSince = dates[runStart(1)]!;
  for (let l = 2; l <= level; l++) {
    const start = runStart(l);
    const due = addMonths(dates[start]!, months);
    if (due > dates[k]!) break; // runs nest: a higher level's run is no longer
    confirmed = l;
    confirmedSince = dates.slice(start, k + 1).find((d) => d >= due)!;
  }
  const pending = level > confirmed ? { level, since: dates[runStart(level)]!, confirmableOn: addMonths(dates[runStart(level)]!, months) } : null;
  return { confirmed, confirmedSince, pending };
}

/** Each pillar's observed and confirmed level at the latest of the comparable points. */
export function confirmLevels(points: readonly LevelPoint[], programme: Pick<Programme, 'confirmation'>): PillarConfirmation[] {
  const months = programme.confirmation.months;
  const comparable = points
    .map((p, i) => [p, i] as const)
    .filter(([p]) => p.comparable)
    .sort(([a, i], [b, j]) => a.assessedAt.localeCompare(b.assessedAt) || i - j)
    .map(([p]) => p);
  const dates = comparable.map((p) => day(p.assessedAt));
  return PILLAR_IDS.map((pillar) => {
    const levels = comparable.map((p) => p.assessment.pillars.find((x) => x.id === pillar)?.level ?? null);
    const history = levels.map((level, k) => ({ assessedAt: dates[k]!, level, confirmed: confirmAt(dates, levels, k, months).confirmed }));
    const n = levels.length - 1;
    if (n < 0) return { pillar, observed: null, confirmed: null, confirmedSince: null, pending: null, regression: null, levels: [] };
    const now = confirmAt(dates, levels, n, months);
    const observed = levels[n]!;
    const before = n > 0 ? levels[n - 1]! : null;
    const regression =
      observed !== null && before !== null && observed < before
        ? { from: before, to: observed, previousAt: dates[n - 1]!, lostConfirmed: observed < (history[n - 1]!.confirmed ?? 0) }
        : null;
    return { pillar, observed, ...now, regression, levels: history };
  });
}
