// The trend of a repository (sections 1, 7.3, 7.4, 8.1, 8.4): each pillar's level at every stored
// assessment, what is confirmed and what only observed, every level change attributed to the
// criteria that flipped and the evidence behind them, rubric changes kept apart so they never
// pass as progress, and when the next rating is due.
import type { PillarId } from '../core/types.ts';
import type { LoadedRubric } from '../rubric/schema.ts';
import { cadence, EVENT_DRIVEN_NOTE, type Cadence } from './cadence.ts';
import { confirmLevels, type Pending, type Regression } from './confirm.ts';
import { diffAssessments, flipEvidenceLines, type PillarChange, type RubricChange } from './diff.ts';
import type { SeriesPoint } from './series.ts';

export const DEFAULT_TREND_COLUMNS = 8;
/** Evidence items shown per flipped criterion in text; the JSON keeps them all. */
const EVIDENCE_SHOWN = 3;

export interface TrendPoint {
  id: number | null;
  assessedAt: string;
  commit: string | null;
  recordedRubric: { version: string; hash: string };
  rerated: boolean;
  comparable: boolean;
  notComparable: string | null;
}

export interface TrendRow {
  pillar: PillarId;
  /** The level at every point, oldest first (re-evaluated or as recorded, as the point says). */
  levels: (number | null)[];
  observed: number | null;
  confirmed: number | null;
  confirmedSince: string | null;
  pending: Pending | null;
  regression: Regression | null;
  /** confirmed | observed, not confirmed until YYYY-MM-DD | regressed from X | N/A | not compared */
  status: string;
}

/** Level changes between two consecutive comparable points. */
export interface TrendStep {
  from: { id: number | null; assessedAt: string; commit: string | null };
  to: { id: number | null; assessedAt: string; commit: string | null };
  pillars: PillarChange[];
}

/** How the criteria of a rubric some points were recorded under differ from the current ones. */
export interface TrendRubricChange {
  recorded: { version: string; hash: string };
  points: { id: number | null; assessedAt: string; rerated: boolean }[];
  /** Null when no assessment under the current rubric is at hand to compare with. */
  changes: RubricChange[] | null;
}

export interface Trend {
  repository: string;
  rubric: { version: string; hash: string };
  asRecorded: boolean;
  points: TrendPoint[];
  /** Index of the first point with a column of its own; older ones are summarised. */
  firstShown: number;
  pillars: TrendRow[];
  changes: TrendStep[];
  rubricChanges: TrendRubricChange[];
  cadence: Cadence;
}

export interface TrendOptions {
  repository: string;
  /** Points with a column of their own (default 8). */
  limit?: number;
  now: Date | string;
  asRecorded?: boolean;
}

const ref = (p: SeriesPoint): TrendStep['from'] => ({ id: p.id, assessedAt: p.assessedAt, commit: p.commit });

function statusOf(c: ReturnType<typeof confirmLevels>[number]): string {
  if (c.levels.length === 0) return 'not compared';
  if (c.observed === null) return 'N/A';
  if (c.regression) return `regressed from ${c.regression.from}${c.regression.lostConfirmed ? ` (confirmed ${c.levels.at(-2)!.confirmed} lost)` : ''}`;
  if (c.pending) return `observed, not confirmed until ${c.pending.confirmableOn}`;
  return 'confirmed';
}

/** The criteria of each other rubric against the current one, from the points recorded under it. */
function rubricChangesOf(points: readonly SeriesPoint[], current: string): TrendRubricChange[] {
  const reference = points.findLast((p) => p.assessment.rubric.hash === current)?.assessment;
  const groups = new Map<string, SeriesPoint[]>();
  for (const p of points) if (p.recordedRubricHash !== current) groups.set(p.recordedRubricHash, [...(groups.get(p.recordedRubricHash) ?? []), p]);
  return [...groups.values()].map((group) => {
    const first = group[0]!;
    // A re-evaluated point is its own reference: the same evidence under both rubrics.
    const against = first.rerated ? first.assessment : reference;
    return {
      recorded: { version: first.recorded.rubric.version, hash: first.recordedRubricHash },
      points: group.map((p) => ({ id: p.id, assessedAt: p.assessedAt, rerated: p.rerated })),
      changes: against ? diffAssessments(first.recorded, against).rubricChanges : null,
    };
  });
}

export function buildTrend(points: readonly SeriesPoint[], rubric: Pick<LoadedRubric, 'version' | 'hash' | 'programme'>, opts: TrendOptions): Trend {
  const confirmations = confirmLevels(points, rubric.programme);
  const firstShown = Math.max(0, points.length - (opts.limit ?? DEFAULT_TREND_COLUMNS));
  const comparable = points.filter((p) => p.comparable);
  const changes: TrendStep[] = [];
  for (let i = 1; i < comparable.length; i++) {
    const a = comparable[i - 1]!;
    const b = comparable[i]!;
    if (points.indexOf(b) < firstShown) continue;
    const moved = diffAssessments(a.assessment, b.assessment).pillars.filter((p) => p.from !== p.to);
    if (moved.length > 0) changes.push({ from: ref(a), to: ref(b), pillars: moved });
  }
  const last = points.at(-1);
  return {
    repository: opts.repository,
    rubric: { version: rubric.version, hash: rubric.hash },
    asRecorded: opts.asRecorded ?? false,
    points: points.map((p) => ({
      id: p.id,
      assessedAt: p.assessedAt,
      commit: p.commit,
      recordedRubric: { version: p.recorded.rubric.version, hash: p.recordedRubricHash },
      rerated: p.rerated,
      comparable: p.comparable,
      notComparable: p.notComparable,
    })),
    firstShown,
    pillars: confirmations.map((c) => ({
      pillar: c.pillar,
      levels: points.map((p) => p.assessment.pillars.find((x) => x.id === c.pillar)?.level ?? null),
      observed: c.observed,
      confirmed: c.confirmed,
      confirmedSince: c.confirmedSince,
      pending: c.pending,
      regression: c.regression,
      status: statusOf(c),
    })),
    changes,
    rubricChanges: rubricChangesOf(points, rubric.hash),
    cadence: cadence(
      { assessedAt: last?.assessedAt ?? new Date(opts.now).toISOString(), confirmed: Object.fromEntries(confirmations.map((c) => [c.pillar, c.confirmed])) },
      rubric.programme,
      opts.now,
    ),
  };
}

const day = (iso: string): string => iso.slice(0, 10);
const levelText = (l: number | null): string => (l === null ? 'N/A' : String(l));

function table(rows: string[][], rightAligned: (col: number) => boolean): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (rightAligned(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd());
}

/** The older points' levels in one cell: "1", "1-3", or "N/A". */
function summarise(levels: readonly (number | null)[]): string {
  const known = levels.filter((l): l is number => l !== null);
  if (levels.length === 0) return '-';
  if (known.length === 0) return 'N/A';
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  return lo === hi ? String(lo) : `${lo}-${hi}`;
}

/** The trend as a terminal table, then the explained changes, rubric changes and the cadence. */
export function renderTrend(t: Trend): string {
  const out: string[] = [];
  const reading = t.asRecorded ? 'levels as recorded (--as-recorded)' : 'levels re-evaluated under it where stored evidence allows';
  out.push(`Trend of ${t.repository}: ${t.points.length} assessment(s); current rubric ${t.rubric.version}/${t.rubric.hash.slice(0, 8)}, ${reading}`, '');
  const shown = t.points.slice(t.firstShown);
  const older = t.points.slice(0, t.firstShown);
  const anyComparable = t.points.some((p) => p.comparable);
  const mark = (p: TrendPoint): string => (p.rerated ? '*' : p.comparable ? '' : '~');
  const head = ['pillar', ...(older.length > 0 ? ['older'] : []), ...shown.map((p) => `${day(p.assessedAt)}${mark(p)}`), 'observed', 'confirmed', 'status'];
  const rows = t.pillars.map((r) => [
    r.pillar,
    ...(older.length > 0 ? [summarise(r.levels.slice(0, t.firstShown).filter((_, i) => older[i]!.comparable))] : []),
    ...r.levels.slice(t.firstShown).map(levelText),
    anyComparable ? levelText(r.observed) : '-',
    anyComparable ? levelText(r.confirmed) : '-',
    r.status,
  ]);
  out.push(...table([head, ...rows], (i) => i > 0 && i < head.length - 1));
  if (older.length > 0) out.push(`older: ${older.length} earlier assessment(s) from ${day(older[0]!.assessedAt)} to ${day(older.at(-1)!.assessedAt)}, lowest-highest comparable level`);
  if (shown.some((p) => p.rerated)) out.push('* re-evaluated under the current rubric from its stored evidence (see Rubric changes)');
  for (const p of shown) if (!p.comparable) out.push(`~ ${day(p.assessedAt)}${p.id === null ? '' : ` (assessment ${p.id})`}: ${p.notComparable}; shown, not compared`);

  out.push('', 'Level changes between comparable assessments');
  if (t.changes.length === 0) out.push('  none');
  for (const step of t.changes) {
    out.push(`${day(step.from.assessedAt)} -> ${day(step.to.assessedAt)}`);
    for (const p of step.pillars) {
      out.push(`  ${p.pillar}: ${levelText(p.from)} -> ${levelText(p.to)}${(p.to ?? 0) < (p.from ?? 0) ? ' (regression)' : ''}`);
      if (p.flips.length === 0) out.push('    no criterion flipped (a reviewer override or the applicability changed)');
      for (const f of p.flips) {
        const basis = f.basis.from === f.basis.to ? '' : ` (by ${f.basis.from} -> by ${f.basis.to})`;
        out.push(`    L${f.level} ${f.id}: ${f.from} -> ${f.to}${basis}`);
        out.push(...flipEvidenceLines(f, EVIDENCE_SHOWN, '        ', false));
      }
    }
  }

  if (t.rubricChanges.length > 0) {
    out.push('', 'Rubric changes (kept apart: never counted as progress or regression)');
    for (const g of t.rubricChanges) {
      const when = g.points.map((p) => day(p.assessedAt)).join(', ');
      const how = g.points.every((p) => p.rerated) ? 're-evaluated from stored evidence' : g.points.some((p) => p.rerated) ? 'some re-evaluated' : 'not re-evaluated';
      out.push(`  ${g.points.length} assessment(s) (${when}) recorded under rubric ${g.recorded.version}/${g.recorded.hash.slice(0, 8)}, ${how}; its criteria against the current rubric:`);
      if (g.changes === null) out.push('    no assessment under the current rubric to compare its criteria with');
      else if (g.changes.length === 0) out.push('    no criterion definition differs (the programme or metadata changed)');
      else for (const r of g.changes) out.push(`    ${r.change.padEnd(9)} ${r.id}: ${r.detail}`);
    }
  }

  const c = t.cadence;
  const last = t.points.at(-1);
  out.push('', `Last assessed ${last ? day(last.assessedAt) : '-'}; next due ${c.due}, ${c.interval}: ${c.reason}${c.stale ? `; STALE: ${c.overdueDays} day(s) past due` : ''}`, EVENT_DRIVEN_NOTE);
  return `${out.join('\n')}\n`;
}
