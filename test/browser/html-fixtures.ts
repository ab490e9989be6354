// The extras the HTML report of a fixture is rendered with, in the goldens and in the browser:
// the roadmap to the default targets, its executive summary, the rubric's level names, and a
// trend over two dated copies of the fixture (the older one a level lower on one pillar, so the
// trend has something to show).
import type { Assessment } from '../../src/core/assessment.ts';
import { buildRoadmap } from '../../src/analysis/roadmap.ts';
import { seriesFromAssessments } from '../../src/analysis/series.ts';
import { executiveSummary } from '../../src/analysis/summary.ts';
import { buildTrend } from '../../src/analysis/trend.ts';
import { targetSpecs } from '../../src/config/schema.ts';
import type { HtmlExtras } from '../../src/report/html/page.ts';
import { loadRubric } from '../../src/rubric/load.ts';
import type { LoadedRubric } from '../../src/rubric/schema.ts';
import { FIXTURE_NOW } from '../reports/fixtures.ts';

/** When the older copy of a fixture was assessed: a quarter before the fixture. */
export const OLDER_ASSESSED_AT = '2026-03-15T12:00:00.000Z';

/**
 * The fixture a quarter earlier: the first pillar above level 1 (without an override) one level
 * lower, its criteria of that level unmet, as if they had been met since.
 */
export function olderCopy(a: Assessment): { assessment: Assessment; pillar: string | null } {
  const older = structuredClone(a);
  older.assessedAt = OLDER_ASSESSED_AT;
  const p = older.pillars.find((x) => x.applicable && x.level !== null && x.level >= 2 && !x.override);
  if (!p) return { assessment: older, pillar: null };
  const level = p.level!;
  p.level = level - 1;
  p.gapToTarget = p.target - p.level;
  p.gapToTypical = p.level - older.typicalLevel;
  for (const c of p.criteria) if (c.level === level && c.status === 'met') c.status = 'unmet';
  return { assessment: older, pillar: p.id };
}

/** Everything `readiness report --format html` adds to the assessment, for a fixture. */
export function fixtureExtras(a: Assessment, opts: { trend?: boolean; rubric?: LoadedRubric } = {}): HtmlExtras {
  const rubric = opts.rubric ?? loadRubric();
  const roadmap = buildRoadmap(a, rubric, targetSpecs({}, a.typicalLevel));
  const extras: HtmlExtras = { roadmap, summary: executiveSummary(roadmap), levels: rubric.levels };
  if (opts.trend === false) return extras;
  const points = seriesFromAssessments([olderCopy(a).assessment, a], rubric);
  return { ...extras, trend: buildTrend(points, rubric, { repository: a.subject.remote ?? a.subject.path, now: FIXTURE_NOW }) };
}
