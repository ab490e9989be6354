// What each dashboard page shows, read from the history store with bounded queries: the
// portfolio (one page of repositories, levels as stored), a repository (its newest assessments as
// a trend under the current rubric, its roadmap, its assessments paged) and one assessment whole.
// Pure reads: nothing here writes to the store.
import { cadence, type Cadence } from '../analysis/cadence.ts';
import { confirmLevels, type LevelPoint } from '../analysis/confirm.ts';
import { buildRoadmap, type Roadmap } from '../analysis/roadmap.ts';
import { seriesFromAssessments, type SeriesInput, type SeriesPoint } from '../analysis/series.ts';
import { executiveSummary } from '../analysis/summary.ts';
import type { TargetSpecs } from '../analysis/targets.ts';
import { buildTrend, type Trend } from '../analysis/trend.ts';
import type { Assessment } from '../core/assessment.ts';
import { PILLAR_IDS, type PillarId } from '../core/types.ts';
import type { Store } from '../history/db.ts';
import {
  assessmentRepository,
  findRepository,
  levelsSince,
  loadAssessments,
  newestIds,
  portfolio,
  repositoryAssessments,
  storeCounts,
  type AssessmentSummary,
  type Page,
  type PortfolioRow,
  type PortfolioSort,
  type RepositoryRow,
  type StoreCounts,
} from '../history/queries.ts';
import { loadEvidence } from '../history/store.ts';
import type { LoadedRubric } from '../rubric/schema.ts';
import { addMonths } from '../util/dates.ts';

/** Repositories per portfolio page. */
export const PORTFOLIO_PAGE_SIZE = 50;
/** Assessments per page of a repository's list. */
export const ASSESSMENTS_PAGE_SIZE = 25;
/** Assessments whose documents a trend window reads (the newest first; older windows page back). */
export const TREND_WINDOW = 40;

export interface ServeContext {
  store: Store;
  rubric: LoadedRubric;
  /** The clock: what "stale" is measured against. */
  now: () => Date;
}

export interface PortfolioEntry extends PortfolioRow {
  /** When the next rating is due, from the levels as stored (see portfolioCadences). */
  cadence: Cadence;
  /** The latest assessment was made under the rubric the dashboard runs with. */
  currentRubric: boolean;
}

export interface PortfolioView {
  page: Page<PortfolioEntry>;
  sort: PortfolioSort;
  search: string;
  counts: StoreCounts;
  typical: number;
  rubric: { version: string; hash: string };
  location: string;
}

const pillarsOf = (levels: Record<string, number | null>): LevelPoint['assessment']['pillars'] =>
  PILLAR_IDS.map((id) => ({ id, level: levels[id] ?? null }));

/**
 * The cadence of each portfolio row from the pillar levels as stored, never from documents: the
 * levels the latest assessment confirms, reading back only as far as confirmation can look (the
 * confirmation period and a month, plus the assessment before). Assessments stored under another
 * rubric than the latest confirm nothing here; the repository page re-evaluates them.
 */
async function portfolioCadences(store: Store, rows: readonly PortfolioRow[], rubric: LoadedRubric, now: Date): Promise<Cadence[]> {
  const programme = rubric.programme;
  const since = (row: PortfolioRow): string => addMonths(row.latest.assessedAt, -(programme.confirmation.months + 1));
  const history = await levelsSince(store, rows.map((row) => ({ repositoryId: row.repositoryId, since: since(row) })));
  return rows.map((row) => {
    const points: LevelPoint[] = (history.get(row.repositoryId) ?? []).map((p) => ({
      assessedAt: p.assessedAt,
      comparable: p.rubricHash === row.latest.rubricHash,
      assessment: { pillars: pillarsOf(p.levels) },
    }));
    const confirmed = Object.fromEntries(confirmLevels(points, programme).map((c) => [c.pillar, c.confirmed]));
    return cadence({ assessedAt: row.latest.assessedAt, confirmed }, programme, now);
  });
}

export async function portfolioView(ctx: ServeContext, q: { page: number; sort: PortfolioSort; search: string }): Promise<PortfolioView> {
  const typical = ctx.rubric.typicalLevel;
  const now = ctx.now();
  const page = await portfolio(ctx.store, { page: q.page, perPage: PORTFOLIO_PAGE_SIZE, sort: q.sort, search: q.search, typical });
  const cadences = await portfolioCadences(ctx.store, page.items, ctx.rubric, now);
  const items: PortfolioEntry[] = page.items.map((row, i) => ({ ...row, cadence: cadences[i]!, currentRubric: row.latest.rubricHash === ctx.rubric.hash }));
  return {
    page: { ...page, items },
    sort: q.sort,
    search: q.search,
    counts: await storeCounts(ctx.store),
    typical,
    rubric: { version: ctx.rubric.version, hash: ctx.rubric.hash },
    location: ctx.store.location,
  };
}

export interface RepositoryView {
  repository: RepositoryRow;
  /** The newest assessment as the current rubric reads it (re-evaluated when stored under another). */
  latest: SeriesPoint;
  /** The trend of the newest TREND_WINDOW assessments: the levels confirmed now, and the cadence. */
  current: Trend;
  /** The trend of the window asked for (the same as `current` for the newest). */
  trend: Trend;
  /** Which window of TREND_WINDOW assessments `trend` covers: 1 is the newest. */
  window: { page: number; pages: number; from: string; to: string };
  assessments: Page<AssessmentSummary>;
  roadmap: Roadmap;
  summary: string[];
  /** The targets the roadmap plans to, as stored with the latest assessment. */
  targets: TargetSpecs;
}

/** Targets as the assessment recorded them: levels only (dates and reasons live in the repository's config file). */
function storedTargets(a: Assessment): TargetSpecs {
  const recorded: Partial<Record<PillarId, number>> = a.config.targets;
  const pillarTarget = new Map(a.pillars.map((p) => [p.id, p.target] as const));
  return Object.fromEntries(PILLAR_IDS.map((id) => [id, { level: recorded[id] ?? pillarTarget.get(id) ?? a.typicalLevel }])) as TargetSpecs;
}

/** Series inputs for stored assessments: the documents, and raw evidence where re-evaluation needs it. */
async function seriesInputs(store: Store, ids: readonly number[], rubric: LoadedRubric): Promise<SeriesInput[]> {
  const docs = await loadAssessments(store, ids);
  const inputs: SeriesInput[] = [];
  for (const id of ids) {
    const assessment = docs.get(id);
    if (!assessment) continue;
    const evidence = assessment.rubric.hash === rubric.hash ? undefined : await loadEvidence(store, id);
    inputs.push({ id, assessment, evidence });
  }
  return inputs;
}

/** A page the dashboard cannot show, and why (its 404 says it). */
export interface Missing {
  missing: string;
}

export async function repositoryView(ctx: ServeContext, key: string, q: { page: number; window: number }): Promise<RepositoryView | Missing> {
  const { store, rubric } = ctx;
  const repository = await findRepository(store, key);
  if (!repository) return { missing: `No repository ${JSON.stringify(key)} is in the store.` };
  const windows = Math.ceil(repository.assessments / TREND_WINDOW);
  if (q.window > windows) return { missing: `The trend of ${key} has ${windows} window(s) of ${TREND_WINDOW} assessments, not ${q.window}.` };
  const pages = Math.ceil(repository.assessments / ASSESSMENTS_PAGE_SIZE);
  if (q.page > pages) return { missing: `The assessments of ${key} fill ${pages} page(s), not ${q.page}.` };
  // The newest window always: what is confirmed now and when to re-rate come from it. An older
  // window is read beside it, for its chart.
  const newest = await newestIds(store, repository.id, TREND_WINDOW);
  const windowIds = q.window === 1 ? newest : await newestIds(store, repository.id, TREND_WINDOW, (q.window - 1) * TREND_WINDOW);
  // Oldest first: assessments made at the same time keep the order they were stored in.
  const inputs = await seriesInputs(store, [...new Set([...windowIds, ...newest])].reverse(), rubric);
  const currentPoints = seriesFromAssessments(inputs.filter((i) => newest.includes(i.id!)), rubric);
  const points = q.window === 1 ? currentPoints : seriesFromAssessments(inputs.filter((i) => windowIds.includes(i.id!)), rubric);
  const latest = currentPoints.at(-1);
  if (!latest || points.length === 0) return { missing: `The assessments of ${key} could not be read.` };
  const now = ctx.now();
  const current = buildTrend(currentPoints, rubric, { repository: key, limit: TREND_WINDOW, now });
  const trend = q.window === 1 ? current : buildTrend(points, rubric, { repository: key, limit: TREND_WINDOW, now });
  const targets = storedTargets(latest.assessment);
  const roadmap = buildRoadmap(latest.assessment, rubric, targets);
  return {
    repository,
    latest,
    current,
    trend,
    window: { page: q.window, pages: windows, from: points[0]!.assessedAt, to: points.at(-1)!.assessedAt },
    assessments: await repositoryAssessments(store, repository.id, { page: q.page, perPage: ASSESSMENTS_PAGE_SIZE }),
    roadmap,
    summary: executiveSummary(roadmap),
    targets,
  };
}

export interface AssessmentView {
  id: number;
  repositoryKey: string;
  assessment: Assessment;
  /** Made under the rubric the dashboard runs with (else shown as recorded). */
  currentRubric: boolean;
}

export async function assessmentView(ctx: ServeContext, id: number): Promise<AssessmentView | undefined> {
  const owner = await assessmentRepository(ctx.store, id);
  if (!owner) return undefined;
  const assessment = (await loadAssessments(ctx.store, [id])).get(id);
  if (!assessment) return undefined;
  return { id, repositoryKey: owner.key, assessment, currentRubric: assessment.rubric.hash === ctx.rubric.hash };
}
