// The stored assessments of one repository as a series to compare over time (sections 7.4, 8.4):
// every point judged under the current rubric when its raw evidence allows, so a level moves
// only because the repository moved, never because the rubric was re-categorised. A point that
// cannot be re-evaluated keeps its recorded levels and is shown, but never compared.
import type { Assessment } from '../core/assessment.ts';
import { rerate, type EvidenceRecord } from '../engine/judge.ts';
import type { Store } from '../history/db.ts';
import { listAssessments, loadAssessment, loadEvidence } from '../history/store.ts';
import type { LoadedRubric } from '../rubric/schema.ts';

export interface SeriesPoint {
  /** The stored id; null for an assessment that is not stored (check's current one). */
  id: number | null;
  assessedAt: string;
  commit: string | null;
  recordedRubricHash: string;
  /** Re-evaluated under the current rubric from its stored evidence. */
  rerated: boolean;
  /** Judged under the current rubric (as recorded or re-evaluated): its levels may be compared. */
  comparable: boolean;
  /** The assessment the series reads: re-evaluated when `rerated`, else as recorded. */
  assessment: Assessment;
  /** The assessment as it was stored (the same object unless re-evaluated). */
  recorded: Assessment;
  /** Why the point is shown but not compared, in one sentence; null when comparable. */
  notComparable: string | null;
}

/** One assessment to place in a series, with its stored id and raw evidence when there are any. */
export interface SeriesInput {
  id?: number | null;
  assessment: Assessment;
  evidence?: EvidenceRecord | undefined;
}

export interface SeriesOptions {
  /** Re-evaluate points recorded under another rubric (default); false shows them as recorded. */
  rerate?: boolean;
}

function pointOf(input: SeriesInput, rubric: LoadedRubric, reevaluate: boolean): SeriesPoint {
  const a = input.assessment;
  const base = { id: input.id ?? null, assessedAt: a.assessedAt, commit: a.subject.commit, recordedRubricHash: a.rubric.hash, recorded: a };
  if (a.rubric.hash === rubric.hash) return { ...base, rerated: false, comparable: true, assessment: a, notComparable: null };
  if (reevaluate && input.evidence) return { ...base, rerated: true, comparable: true, assessment: rerate(a, input.evidence, rubric), notComparable: null };
  const recordedUnder = `recorded under rubric ${a.rubric.version}/${a.rubric.hash.slice(0, 8)}`;
  const why = reevaluate ? `${recordedUnder}; no stored evidence to re-evaluate` : `${recordedUnder}; levels as recorded`;
  return { ...base, rerated: false, comparable: false, assessment: a, notComparable: why };
}

/** Oldest first; a stable sort keeps the store's order for assessments made at the same time. */
function byDate(points: SeriesPoint[]): SeriesPoint[] {
  return points.map((p, i) => [p, i] as const).sort(([a, i], [b, j]) => a.assessedAt.localeCompare(b.assessedAt) || i - j).map(([p]) => p);
}

/** A series from assessments in hand (plain, or with id and evidence), oldest first. */
export function seriesFromAssessments(inputs: readonly (Assessment | SeriesInput)[], rubric: LoadedRubric, opts: SeriesOptions = {}): SeriesPoint[] {
  const reevaluate = opts.rerate ?? true;
  return byDate(inputs.map((x) => pointOf('schemaVersion' in x ? { assessment: x } : x, rubric, reevaluate)));
}

/** The stored series of a repository, oldest first. Evidence is read only for points that need it. */
export async function loadSeries(store: Store, repositoryKey: string, rubric: LoadedRubric, opts: SeriesOptions = {}): Promise<SeriesPoint[]> {
  const reevaluate = opts.rerate ?? true;
  const inputs: SeriesInput[] = [];
  for (const row of await listAssessments(store, repositoryKey)) {
    const assessment = await loadAssessment(store, row.id);
    if (!assessment) continue;
    const evidence = reevaluate && assessment.rubric.hash !== rubric.hash ? await loadEvidence(store, row.id) : undefined;
    inputs.push({ id: row.id, assessment, evidence });
  }
  return seriesFromAssessments(inputs, rubric, opts);
}
