import { defineDetector, unknown, yes } from '../../core/detector.ts';
import { displayName, people, type Person } from '../../ecosystems/authorship.ts';
import { DAY } from '../../core/types.ts';
import { newestCommitAt } from '../../ecosystems/docs.ts';

/** An author who made at least this share of all human commits is a core contributor. */
const CORE_SHARE = 0.05;

export default defineDetector({
  id: 'measures-contributor-activity',
  pillar: 'team',
  question: 'Who contributes, how many people are active, and has anyone central stopped contributing?',
  rationale: 'Contributor activity shows whether knowledge is being renewed: new contributors joining, core contributors still active.',
  history: true,
  measures: {
    'active-authors-90d': { unit: 'people', description: 'People (bots excluded, aliases merged) with a non-merge commit in the 90 days before the newest commit' },
    'active-authors-12m': { unit: 'people', description: 'The same over 365 days' },
    'new-authors-12m': { unit: 'people', description: 'People whose first commit is in those 365 days' },
    'core-authors-inactive': { unit: 'people', description: `People with at least ${CORE_SHARE * 100}% of all human commits and none in the last 365 days` },
    'commits-per-month-12m': { unit: 'commits/month', description: 'Non-merge human commits in the last 365 days / 12, one decimal' },
  },
  detect({ repo }) {
    const h = repo.history();
    if (!h || h.commits.length === 0) return unknown('No git history to measure contributor activity.');
    const who = people(h);
    const newest = newestCommitAt(h);
    const stats = new Map<Person, { first: number; last: number; total: number; year: number; quarter: boolean }>();
    let total = 0;
    let year = 0;
    for (const c of h.commits) {
      const p = who.get(c.author);
      if (!p || c.parents.length > 1) continue;
      const s = stats.get(p) ?? { first: c.at, last: c.at, total: 0, year: 0, quarter: false };
      s.first = Math.min(s.first, c.at);
      s.last = Math.max(s.last, c.at);
      s.total++;
      total++;
      if (c.at >= newest - 365 * DAY) {
        s.year++;
        year++;
      }
      if (c.at >= newest - 90 * DAY) s.quarter = true;
      stats.set(p, s);
    }
    if (total === 0) return unknown('The history has no human commit.');
    const all = [...stats];
    const active12 = all.filter(([, s]) => s.year > 0);
    const active90 = all.filter(([, s]) => s.quarter);
    const fresh = all.filter(([, s]) => s.first >= newest - 365 * DAY);
    const gone = all.filter(([, s]) => s.total >= total * CORE_SHARE && s.last < newest - 365 * DAY).sort((a, b) => b[1].total - a[1].total);
    const perMonth = Math.round((year / 12) * 10) / 10;
    const day = (t: number): string => new Date(t * 1000).toISOString().slice(0, 10);
    const evidence = [
      ...active12
        .sort((a, b) => b[1].year - a[1].year || displayName(a[0]).localeCompare(displayName(b[0])))
        .slice(0, 8)
        .map(([p, s]) => ({ path: '.', note: `${displayName(p)}: ${s.year} commit(s) in the last year`, value: s.year })),
      ...gone.slice(0, 4).map(([p, s]) => ({ path: '.', note: `${displayName(p)}: ${s.total} commit(s) in all, none since ${day(s.last)}`, value: s.total })),
    ];
    return yes(
      `${active90.length} people active in the last 90 days, ${active12.length} in the last year (${fresh.length} new); ${perMonth} commits a month${gone.length > 0 ? `; ${gone.length} core contributor(s) inactive for over a year` : ''}.`,
      evidence,
      {
        'active-authors-90d': { value: active90.length, unit: 'people' },
        'active-authors-12m': { value: active12.length, unit: 'people' },
        'new-authors-12m': { value: fresh.length, unit: 'people' },
        'core-authors-inactive': { value: gone.length, unit: 'people' },
        'commits-per-month-12m': { value: perMonth, unit: 'commits/month' },
      },
    );
  },
});
