// What the portfolio must list, computed in JavaScript from the assessments that were saved (in
// the order they were saved): the oracle the dashboard's queries and pages are checked against.
import type { Assessment } from '../../src/core/assessment.ts';
import { repositoryKey } from '../../src/history/store.ts';

export type Sort = 'name' | 'assessed' | 'lowest';

export interface ExpectedRow {
  key: string;
  assessments: number;
  latestAt: string;
  commit: string | null;
  levels: Record<string, number | null>;
  lowest: number | null;
  below: number;
}

const byName = (a: ExpectedRow, b: ExpectedRow): number => {
  const [x, y] = [a.key.toLowerCase(), b.key.toLowerCase()];
  if (x !== y) return x < y ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
};

/** Every repository with its latest assessment (the later saved wins a tie), sorted as the dashboard sorts. */
export function portfolioOracle(saved: readonly Assessment[], sort: Sort, opts: { search?: string; typical?: number } = {}): ExpectedRow[] {
  const typical = opts.typical ?? 3;
  const rows = new Map<string, ExpectedRow>();
  for (const a of saved) {
    const key = repositoryKey(a);
    const before = rows.get(key);
    const known = a.pillars.map((p) => p.level).filter((l): l is number => l !== null);
    const latest: Omit<ExpectedRow, 'key' | 'assessments'> =
      !before || a.assessedAt >= before.latestAt
        ? { latestAt: a.assessedAt, commit: a.subject.commit, levels: Object.fromEntries(a.pillars.map((p) => [p.id, p.level])), lowest: known.length > 0 ? Math.min(...known) : null, below: known.filter((l) => l < typical).length }
        : before;
    rows.set(key, { key, assessments: (before?.assessments ?? 0) + 1, latestAt: latest.latestAt, commit: latest.commit, levels: latest.levels, lowest: latest.lowest, below: latest.below });
  }
  const search = (opts.search ?? '').toLowerCase();
  const list = [...rows.values()].filter((r) => r.key.toLowerCase().includes(search));
  if (sort === 'name') return list.sort(byName);
  if (sort === 'assessed') return list.sort((a, b) => b.latestAt.localeCompare(a.latestAt) || byName(a, b));
  return list.sort((a, b) => (a.lowest === null ? 1 : 0) - (b.lowest === null ? 1 : 0) || (a.lowest ?? 0) - (b.lowest ?? 0) || b.below - a.below || byName(a, b));
}
