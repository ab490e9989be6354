// The dashboard's read queries against a real SQLite store holding a fleet of repositories, checked
// against an oracle computed in JavaScript from the assessments that were saved.
import { join } from 'node:path';
import { type KyselyPlugin, type RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, tempDir } from '../../test/harness.ts';
import { portfolioOracle, type ExpectedRow } from '../../test/serve/oracle.ts';
import { fleetAssessment, fleetKey, type FleetOptions } from '../../test/serve/seed.ts';
import type { Assessment } from '../core/assessment.ts';
import { assess } from '../engine/assess.ts';
import { openStore, type Store } from './db.ts';
import { findRepository, levelsSince, loadAssessments, newestIds, portfolio, repositoryAssessments, storeCounts, type PortfolioRow, type PortfolioSort } from './queries.ts';
import { repositoryKey, saveAssessment } from './store.ts';

const FLEET: FleetOptions = { repositories: 130, perRepository: 3, start: '2025-06-01T08:00:00.000Z' };
const TYPICAL = 3;

let store: Store;
let template: Assessment;
/** Everything saved, in the order it was saved (the store's ids are 1, 2, ...). */
const saved: Assessment[] = [];

async function save(a: Assessment): Promise<void> {
  await saveAssessment(store, a);
  saved.push(a);
}

beforeAll(async () => {
  const dir = makeRepo({ git: true, files: { 'README.md': '# Fleet service\n', 'src/app.js': 'export const ok = true;\n' } });
  template = (await assess(dir, { now: new Date('2025-06-01T08:00:00Z'), workers: 0 })).assessment;
  store = await openStore(join(tempDir(), 'history.sqlite'));
  for (let r = 0; r < FLEET.repositories; r++) for (let j = 0; j < FLEET.perRepository; j++) await save(fleetAssessment(template, r, j, FLEET));
  // Names that search and sorting must take literally, and in any case.
  const named = (remote: string, at: string): Assessment => ({ ...fleetAssessment(template, 7, 2, FLEET), subject: { ...template.subject, remote, commit: 'f'.repeat(40) }, assessedAt: at });
  await save(named('https://github.com/odd/a_b%c.git', '2026-01-01T00:00:00.000Z'));
  await save(named('https://github.com/odd/axbyc.git', '2026-01-01T00:00:00.000Z'));
  await save(named('https://github.com/Acme/Zeta.git', '2026-01-02T00:00:00.000Z'));
  // Two assessments at the same time: the later stored is the latest.
  await save({ ...named('https://github.com/acme/twins.git', '2026-01-03T00:00:00.000Z'), subject: { ...template.subject, remote: 'https://github.com/acme/twins.git', commit: '1'.repeat(40) } });
  await save({ ...named('https://github.com/acme/twins.git', '2026-01-03T00:00:00.000Z'), subject: { ...template.subject, remote: 'https://github.com/acme/twins.git', commit: '2'.repeat(40) } });
}, 120_000);
afterAll(async () => {
  await store?.close();
});

const shape = (r: PortfolioRow): ExpectedRow => ({ key: r.key, assessments: r.assessments, latestAt: r.latest.assessedAt, commit: r.latest.commit, levels: r.latest.levels, lowest: r.lowest, below: r.belowTypical });

async function allPages(sort: PortfolioSort, search?: string): Promise<PortfolioRow[]> {
  const rows: PortfolioRow[] = [];
  for (let page = 1; ; page++) {
    const p = await portfolio(store, { page, perPage: 50, sort, search, typical: TYPICAL });
    rows.push(...p.items);
    if (page >= p.pages) return rows;
  }
}

describe('portfolio', () => {
  it('pages 134 repositories 50 at a time, with the total and the page count', async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((page) => portfolio(store, { page, perPage: 50, sort: 'name', typical: TYPICAL })));
    expect(pages.map((p) => [p.items.length, p.total, p.pages])).toEqual([
      [50, 134, 3],
      [50, 134, 3],
      [34, 134, 3],
      [0, 134, 3],
    ]);
    expect(await storeCounts(store)).toEqual({ repositories: 134, assessments: 395 });
  });

  it.each(['name', 'assessed', 'lowest'] as const)('sorts by %s exactly as the oracle does, with the latest assessment of each', async (sort) => {
    expect((await allPages(sort)).map(shape)).toEqual(portfolioOracle(saved, sort));
  });

  it('puts the newest first by last assessed, the most pillars below typical first among equal lowest levels', async () => {
    const assessed = await portfolio(store, { page: 1, perPage: 4, sort: 'assessed', typical: TYPICAL });
    expect(assessed.items.map((r) => [r.key, r.latest.commit])).toEqual([
      ['github.com/acme/twins', '2'.repeat(40)],
      ['github.com/Acme/Zeta', 'f'.repeat(40)],
      ['github.com/odd/a_b%c', 'f'.repeat(40)],
      ['github.com/odd/axbyc', 'f'.repeat(40)],
    ]);
    expect(assessed.items[0]!.assessments).toBe(2);
    const lowest = await portfolio(store, { page: 1, perPage: 3, sort: 'lowest', typical: TYPICAL });
    // Repository 0 has lowest level 1 with every applicable pillar below 3 and a single N/A pillar (pillar 11).
    expect(lowest.items.map((r) => [r.key, r.lowest, r.belowTypical])).toEqual([
      [fleetKey(0), 1, 13],
      [fleetKey(4), 1, 13],
      [fleetKey(8), 1, 13],
    ]);
  });

  it('searches part of a name in any case, taking % and _ literally', async () => {
    expect((await allPages('name', 'SVC-001')).map((r) => r.key)).toEqual(Array.from({ length: 10 }, (_, i) => fleetKey(10 + i)));
    expect((await allPages('name', 'a_b%')).map((r) => r.key)).toEqual(['github.com/odd/a_b%c']);
    expect((await allPages('name', 'acme/')).map((r) => r.key)).toEqual(['github.com/acme/twins', 'github.com/Acme/Zeta']);
    const none = await portfolio(store, { page: 1, perPage: 50, sort: 'name', search: 'no such thing', typical: TYPICAL });
    expect([none.items.length, none.total, none.pages]).toEqual([0, 0, 0]);
    expect((await allPages('lowest', 'svc-01')).map(shape)).toEqual(portfolioOracle(saved, 'lowest', { search: 'svc-01' }));
  });

  it('reads no assessment document and runs the same number of queries whatever the page', async () => {
    // Every query and subquery the page builds, and every statement it runs.
    const seen: string[] = [];
    let executed = 0;
    const recorder: KyselyPlugin = {
      transformQuery: (args) => {
        seen.push(JSON.stringify(args.node satisfies RootOperationNode));
        return args.node;
      },
      transformResult: (args) => {
        executed++;
        return Promise.resolve(args.result);
      },
    };
    const watched: Store = { ...store, db: store.db.withPlugin(recorder) };
    await portfolio(watched, { page: 3, perPage: 50, sort: 'lowest', typical: TYPICAL });
    expect(executed).toBe(6);
    await portfolio(watched, { page: 1, perPage: 50, sort: 'assessed', search: 'svc', typical: TYPICAL });
    await portfolio(watched, { page: 2, perPage: 50, sort: 'name', typical: TYPICAL });
    expect(executed).toBe(18);
    expect(seen.some((q) => q.includes('"document"'))).toBe(false);
    seen.length = 0;
    await loadAssessments(watched, [1, 2]);
    expect(seen.some((q) => q.includes('"document"'))).toBe(true);
  });
});

describe("a repository's assessments", () => {
  it('finds a repository by key with its span, and pages its assessments newest first', async () => {
    const repo = await findRepository(store, fleetKey(5));
    const mine = saved.filter((a) => repositoryKey(a) === fleetKey(5));
    expect(repo).toMatchObject({ key: fleetKey(5), assessments: 3, firstAssessedAt: mine[0]!.assessedAt, lastAssessedAt: mine[2]!.assessedAt });
    const first = await repositoryAssessments(store, repo!.id, { page: 1, perPage: 2 });
    const second = await repositoryAssessments(store, repo!.id, { page: 2, perPage: 2 });
    expect([first.total, first.pages, second.items.length]).toEqual([3, 2, 1]);
    expect([...first.items, ...second.items].map((s) => [s.assessedAt, s.commit])).toEqual([...mine].reverse().map((a) => [a.assessedAt, a.subject.commit]));
    expect(first.items[0]!.levels).toEqual(Object.fromEntries(mine[2]!.pillars.map((p) => [p.id, p.level])));
    expect(await findRepository(store, 'github.com/fleet/none')).toBeUndefined();
    expect(await newestIds(store, repo!.id, 2, 1)).toEqual([first.items[1]!.id, second.items[0]!.id]);
  });

  it('reads the levels since a date, and of the assessment just before it, for many repositories at once', async () => {
    const repo = await findRepository(store, fleetKey(5));
    const mine = saved.filter((a) => repositoryKey(a) === fleetKey(5));
    const other = await findRepository(store, fleetKey(6));
    const theirs = saved.filter((a) => repositoryKey(a) === fleetKey(6));
    const since = await levelsSince(store, [
      { repositoryId: repo!.id, since: mine[2]!.assessedAt.slice(0, 10) },
      { repositoryId: other!.id, since: '2000-01-01' },
      { repositoryId: 999_999, since: '2000-01-01' },
    ]);
    expect(since.get(repo!.id)!.map((p) => p.assessedAt)).toEqual([mine[1]!.assessedAt, mine[2]!.assessedAt]);
    expect(since.get(repo!.id)![1]!.levels).toEqual(Object.fromEntries(mine[2]!.pillars.map((p) => [p.id, p.level])));
    expect(since.get(other!.id)!.map((p) => p.assessedAt)).toEqual(theirs.map((a) => a.assessedAt));
    expect(since.get(999_999)).toEqual([]);
    expect(await levelsSince(store, [])).toEqual(new Map());
  });
});
