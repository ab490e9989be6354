// The history store: one schema and one query layer (kysely) over SQLite (better-sqlite3, the
// embedded default: a file in the repository's .readiness/ folder or a given path) or PostgreSQL
// (a connection URL). Migrations run on open; every write is one transaction.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Generated, type Migration, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations.ts';

export interface RepositoriesTable {
  id: Generated<number>;
  /** What identifies the repository across clones: its remote, else its folder. */
  key: string;
  created_at: string;
}

export interface AssessmentsTable {
  id: Generated<number>;
  repository_id: number;
  commit: string | null;
  assessed_at: string;
  rubric_id: string;
  rubric_version: string;
  rubric_hash: string;
  tool_version: string;
  result_digest: string;
  /** The whole assessment as JSON. */
  document: string;
}

export interface EvidenceTable {
  assessment_id: number;
  format: number;
  /** gzip of the JSON of the raw evidence (engine/judge.ts EvidenceRecord). */
  data: Buffer;
}

export interface PillarLevelsTable {
  assessment_id: number;
  pillar: string;
  /** Null for N/A. */
  level: number | null;
  level_from_scan: number | null;
  target: number;
}

export interface HistoryDb {
  repositories: RepositoriesTable;
  assessments: AssessmentsTable;
  pillar_levels: PillarLevelsTable;
  evidence: EvidenceTable;
}

export interface Store {
  db: Kysely<HistoryDb>;
  kind: 'sqlite' | 'postgres';
  /** Where it is, for messages (a file path, or the URL without its password). */
  location: string;
  close(): Promise<void>;
}

const provider = (migrations: Record<string, Migration>): MigrationProvider => ({ getMigrations: () => Promise.resolve(migrations) });

/** A store's target for messages: the password of a URL masked. */
export function redactTarget(target: string): string {
  return target.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** Open (creating and migrating when needed) the store at a SQLite path or a PostgreSQL URL. */
export async function openStore(target: string): Promise<Store> {
  let db: Kysely<HistoryDb>;
  let kind: Store['kind'];
  let location: string;
  if (isPostgresUrl(target)) {
    kind = 'postgres';
    location = redactTarget(target);
    db = new Kysely<HistoryDb>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target, max: 4 }) }) });
  } else {
    kind = 'sqlite';
    location = target;
    mkdirSync(dirname(target), { recursive: true });
    const sqlite = new Database(target);
    // Readers never block the writer; a second writer waits instead of failing; a commit survives a crash.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 10000');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    db = new Kysely<HistoryDb>({ dialect: new SqliteDialect({ database: sqlite }) });
  }
  // Two processes opening a new store at once race to create it: the loser waits and tries again,
  // and then finds the schema in place.
  const migrator = new Migrator({ db, provider: provider(migrations(kind)) });
  let outcome = await migrator.migrateToLatest();
  for (let attempt = 1; outcome.error && attempt <= 5; attempt++) {
    await new Promise((r) => setTimeout(r, 100 * attempt));
    outcome = await migrator.migrateToLatest();
  }
  const failed = outcome.results?.find((r) => r.status === 'Error');
  if (outcome.error || failed) {
    await db.destroy();
    const why = (outcome.error as Error | undefined)?.message ?? 'unknown error';
    throw new Error(failed ? `migration ${failed.migrationName} failed: ${why}` : why);
  }
  return { db, kind, location, close: () => db.destroy() };
}
