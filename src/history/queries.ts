// Read queries for the dashboard (`readiness serve`): the portfolio of repositories and one
// repository's assessments, paged. Every query is bounded: lists read columns and pillar levels,
// never assessment documents, and a page reads at most its own rows. Sorting by a computed key
// (last assessed, lowest level) visits each repository once through the (repository_id,
// assessed_at) index; the details are then read for the page's rows only.
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { HistoryDb, Store } from './db.ts';
import type { Assessment } from '../core/assessment.ts';

export const PORTFOLIO_SORTS = ['name', 'assessed', 'lowest'] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

export interface Paging {
  /** 1-based. */
  page: number;
  perPage: number;
}

export interface Page<T> extends Paging {
  items: T[];
  total: number;
  /** Pages in all; 0 when there is nothing. */
  pages: number;
}

/** An assessment as lists show it: its columns and each pillar's level (null for N/A). */
export interface AssessmentSummary {
  id: number;
  assessedAt: string;
  commit: string | null;
  rubricVersion: string;
  rubricHash: string;
  levels: Record<string, number | null>;
}

export interface PortfolioRow {
  repositoryId: number;
  key: string;
  /** Stored assessments of the repository. */
  assessments: number;
  latest: AssessmentSummary;
  /** The lowest applicable level of the latest assessment; null when every pillar is N/A. */
  lowest: number | null;
  /** Applicable pillars of the latest assessment below the typical level. */
  belowTypical: number;
}

export interface PortfolioQuery extends Paging {
  sort: PortfolioSort;
  /** Part of the repository key, any case. */
  search?: string | undefined;
  /** The typical level pillars are counted below. */
  typical: number;
}

export interface RepositoryRow {
  id: number;
  key: string;
  assessments: number;
  firstAssessedAt: string;
  lastAssessedAt: string;
}

type Db = Kysely<HistoryDb>;

/**
 * Run a page's reads in one read-only transaction: they see one state of the store even while
 * `assess --save` writes, and the database refuses any write. JIT compilation is off on
 * PostgreSQL: these queries take milliseconds, and it would spend hundreds compiling them once its
 * cost estimate for a few thousand repositories passes the JIT threshold.
 */
export async function reading<T>(store: Store, read: (snapshot: Store) => Promise<T>): Promise<T> {
  if (store.kind === 'sqlite') {
    // query_only is a flag of the connection: set and cleared inside the transaction, which holds it.
    return store.db.transaction().execute(async (trx) => {
      await sql`pragma query_only = 1`.execute(trx);
      try {
        return await read({ ...store, db: trx });
      } finally {
        await sql`pragma query_only = 0`.execute(trx);
      }
    });
  }
  return store.db
    .transaction()
    .setAccessMode('read only')
    .execute(async (trx) => {
      await sql`set local jit = off`.execute(trx);
      return read({ ...store, db: trx });
    });
}
type RepoScope = ExpressionBuilder<HistoryDb & { r: HistoryDb['repositories'] }, 'r'>;

/** The id of the newest assessment of the repository in scope as `r` (ties: the later stored). */
function latestIdOf(eb: RepoScope) {
  return eb.selectFrom('assessments as x').select('x.id').whereRef('x.repository_id', '=', 'r.id').orderBy('x.assessed_at', 'desc').orderBy('x.id', 'desc').limit(1);
}

/**
 * Names in one order on both databases: case-folded, then byte order (PostgreSQL's default
 * collation would otherwise skip punctuation such as the slashes of a key).
 */
function byName(kind: Store['kind'], column: 'r.key' | 't.key') {
  return kind === 'postgres' ? sql`lower(${sql.ref(column)}) collate "C", ${sql.ref(column)} collate "C"` : sql`lower(${sql.ref(column)}), ${sql.ref(column)}`;
}

/** A LIKE pattern matching `text` anywhere, its wildcards taken literally. */
function containing(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function paged<T>(items: T[], total: number, p: Paging): Page<T> {
  return { items, total, page: p.page, perPage: p.perPage, pages: Math.ceil(total / p.perPage) };
}

const offsetOf = (p: Paging): number => (p.page - 1) * p.perPage;

/** Repositories matching the search, in the asked order: only their ids, for one page. */
async function pageOfRepositoryIds(store: Store, q: PortfolioQuery): Promise<number[]> {
  const db = store.db;
  const base = db.selectFrom('repositories as r').$if(q.search !== undefined && q.search !== '', (b) => b.where(sql<boolean>`lower(r.key) like ${containing(q.search ?? '')} escape '\\'`));
  if (q.sort === 'name') {
    const rows = await base.select('r.id').orderBy(byName(store.kind, 'r.key')).limit(q.perPage).offset(offsetOf(q)).execute();
    return rows.map((r) => r.id);
  }
  if (q.sort === 'assessed') {
    const inner = base.select(['r.id', 'r.key']).select((eb) => eb.selectFrom('assessments as x').select((e) => e.fn.max('x.assessed_at').as('m')).whereRef('x.repository_id', '=', 'r.id').as('last'));
    const rows = await db.selectFrom(inner.as('t')).select('t.id').orderBy('t.last', 'desc').orderBy(byName(store.kind, 't.key')).limit(q.perPage).offset(offsetOf(q)).execute();
    return rows.map((r) => r.id);
  }
  // Lowest level first; among equals the most pillars below typical; repositories with every pillar N/A last.
  const inner = base
    .select(['r.id', 'r.key'])
    .select((eb) => eb.selectFrom('pillar_levels as p').select((e) => e.fn.min('p.level').as('m')).where('p.assessment_id', '=', latestIdOf(eb)).as('lowest'))
    .select((eb) =>
      eb
        .selectFrom('pillar_levels as p')
        .select((e) => e.fn.countAll().as('n'))
        .where('p.assessment_id', '=', latestIdOf(eb))
        .where('p.level', '<', q.typical)
        .as('below'),
    );
  const rows = await db
    .selectFrom(inner.as('t'))
    .select('t.id')
    .orderBy(sql`case when t.lowest is null then 1 else 0 end`)
    .orderBy('t.lowest')
    .orderBy('t.below', 'desc')
    .orderBy(byName(store.kind, 't.key'))
    .limit(q.perPage)
    .offset(offsetOf(q))
    .execute();
  return rows.map((r) => r.id);
}

/** Each pillar's level of each assessment, by assessment id. */
async function levelsOf(db: Db, ids: readonly number[]): Promise<Map<number, Record<string, number | null>>> {
  const out = new Map<number, Record<string, number | null>>(ids.map((id) => [id, {}]));
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('pillar_levels').select(['assessment_id', 'pillar', 'level']).where('assessment_id', 'in', [...ids]).execute();
  for (const l of rows) out.get(l.assessment_id)![l.pillar] = l.level;
  return out;
}

/** Summaries of the given assessments with their levels, in the order of `ids`. */
async function summaries(db: Db, ids: readonly number[]): Promise<AssessmentSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('assessments').select(['id', 'assessed_at', 'commit', 'rubric_version', 'rubric_hash']).where('id', 'in', [...ids]).execute();
  const levels = await levelsOf(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ id, assessedAt: r.assessed_at, commit: r.commit, rubricVersion: r.rubric_version, rubricHash: r.rubric_hash, levels: levels.get(id) ?? {} }] : [];
  });
}

const lowestOf = (levels: Record<string, number | null>): number | null => {
  const known = Object.values(levels).filter((l): l is number => l !== null);
  return known.length === 0 ? null : Math.min(...known);
};

/** One page of the portfolio: every repository matching the search, with its latest assessment. */
export async function portfolio(store: Store, q: PortfolioQuery): Promise<Page<PortfolioRow>> {
  const db = store.db;
  let counted = db.selectFrom('repositories as r').select((e) => e.fn.countAll().as('n'));
  if (q.search) counted = counted.where(sql<boolean>`lower(r.key) like ${containing(q.search)} escape '\\'`);
  const total = Number((await counted.executeTakeFirstOrThrow()).n);
  const ids = await pageOfRepositoryIds(store, q);
  if (ids.length === 0) return paged([], total, q);
  const repos = await db.selectFrom('repositories as r').select(['r.id', 'r.key']).select((eb) => latestIdOf(eb).as('latest')).where('r.id', 'in', ids).execute();
  const counts = await db.selectFrom('assessments').select(['repository_id']).select((e) => e.fn.countAll().as('n')).where('repository_id', 'in', ids).groupBy('repository_id').execute();
  const latest = new Map((await summaries(db, repos.flatMap((r) => (r.latest === null ? [] : [r.latest])))).map((s) => [s.id, s]));
  const count = new Map(counts.map((c) => [c.repository_id, Number(c.n)]));
  const byId = new Map(repos.map((r) => [r.id, r]));
  const items = ids.flatMap((id): PortfolioRow[] => {
    const r = byId.get(id);
    const s = r?.latest === null || r?.latest === undefined ? undefined : latest.get(r.latest);
    if (!r || !s) return []; // a repository without an assessment (never written by saveAssessment)
    const levels = Object.values(s.levels);
    return [{ repositoryId: id, key: r.key, assessments: count.get(id) ?? 0, latest: s, lowest: lowestOf(s.levels), belowTypical: levels.filter((l) => l !== null && l < q.typical).length }];
  });
  return paged(items, total, q);
}

export interface StoreCounts {
  repositories: number;
  assessments: number;
}

export async function storeCounts(store: Store): Promise<StoreCounts> {
  const r = await store.db.selectFrom('repositories').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const a = await store.db.selectFrom('assessments').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return { repositories: Number(r.n), assessments: Number(a.n) };
}

/** A repository by its key, with how many assessments it has and when the first and last were made. */
export async function findRepository(store: Store, key: string): Promise<RepositoryRow | undefined> {
  const r = await store.db.selectFrom('repositories').select(['id', 'key']).where('key', '=', key).executeTakeFirst();
  if (!r) return undefined;
  const span = await store.db
    .selectFrom('assessments')
    .select((e) => [e.fn.countAll().as('n'), e.fn.min('assessed_at').as('first'), e.fn.max('assessed_at').as('last')])
    .where('repository_id', '=', r.id)
    .executeTakeFirstOrThrow();
  if (Number(span.n) === 0) return undefined;
  return { id: r.id, key: r.key, assessments: Number(span.n), firstAssessedAt: String(span.first), lastAssessedAt: String(span.last) };
}

/** One page of a repository's assessments, newest first, with their levels. */
export async function repositoryAssessments(store: Store, repositoryId: number, p: Paging): Promise<Page<AssessmentSummary>> {
  const total = Number(
    (await store.db.selectFrom('assessments').select((e) => e.fn.countAll().as('n')).where('repository_id', '=', repositoryId).executeTakeFirstOrThrow()).n,
  );
  const ids = await newestIds(store, repositoryId, p.perPage, offsetOf(p));
  return paged(await summaries(store.db, ids), total, p);
}

/** Ids of a repository's assessments, newest first: `limit` of them after skipping `offset`. */
export async function newestIds(store: Store, repositoryId: number, limit: number, offset = 0): Promise<number[]> {
  const rows = await store.db
    .selectFrom('assessments')
    .select('id')
    .where('repository_id', '=', repositoryId)
    .orderBy('assessed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => r.id);
}

/** The stored documents of the given assessments (one query), by id. */
export async function loadAssessments(store: Store, ids: readonly number[]): Promise<Map<number, Assessment>> {
  if (ids.length === 0) return new Map();
  const rows = await store.db.selectFrom('assessments').select(['id', 'document']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, JSON.parse(r.document) as Assessment]));
}

/** Which repository an assessment belongs to; undefined when there is no such assessment. */
export async function assessmentRepository(store: Store, id: number): Promise<{ repositoryId: number; key: string } | undefined> {
  const row = await store.db
    .selectFrom('assessments')
    .innerJoin('repositories', 'repositories.id', 'assessments.repository_id')
    .select(['repositories.id', 'repositories.key'])
    .where('assessments.id', '=', id)
    .executeTakeFirst();
  return row ? { repositoryId: row.id, key: row.key } : undefined;
}

export interface LevelPointRow {
  assessedAt: string;
  rubricHash: string;
  levels: Record<string, number | null>;
}

/** From which date a repository's levels are wanted. */
export interface LevelsBound {
  repositoryId: number;
  /** An ISO date or time. */
  since: string;
}

/**
 * For each repository, the levels of its assessments made on or after its `since`, and of the one
 * just before it, oldest first: enough to tell which levels the latest one confirms when
 * confirmation looks back no further than `since`. Two queries for any number of repositories.
 */
export async function levelsSince(store: Store, bounds: readonly LevelsBound[]): Promise<Map<number, LevelPointRow[]>> {
  const out = new Map<number, LevelPointRow[]>(bounds.map((b) => [b.repositoryId, []]));
  if (bounds.length === 0) return out;
  // Typed values: PostgreSQL cannot infer the types of parameters in a VALUES list.
  const values = sql.join(bounds.map((b) => sql`(cast(${b.repositoryId} as integer), cast(${b.since} as text))`));
  const rows = await sql<{ id: number; repository_id: number; assessed_at: string; rubric_hash: string }>`
    with bounds(rid, since) as (values ${values})
    select a.id, a.repository_id, a.assessed_at, a.rubric_hash
      from bounds b join assessments a on a.repository_id = b.rid and a.assessed_at >= b.since
    union all
    select a.id, a.repository_id, a.assessed_at, a.rubric_hash
      from bounds b join assessments a on a.id = (
        select x.id from assessments x where x.repository_id = b.rid and x.assessed_at < b.since order by x.assessed_at desc, x.id desc limit 1)`.execute(store.db);
  const sorted = [...rows.rows].sort((a, b) => a.assessed_at.localeCompare(b.assessed_at) || a.id - b.id);
  const levels = await levelsOf(store.db, sorted.map((r) => r.id));
  for (const r of sorted) out.get(r.repository_id)?.push({ assessedAt: r.assessed_at, rubricHash: r.rubric_hash, levels: levels.get(r.id) ?? {} });
  return out;
}
