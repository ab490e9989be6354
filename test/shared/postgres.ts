// PostgreSQL for tests: the server at 127.0.0.1:5432 when it is there. Tests that need it are
// skipped without it, except in CI, which requires them (`.ci/run` starts it and sets CI).
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

export const PG = 'postgres://postgres@127.0.0.1:5432';

async function postgresUp(): Promise<boolean> {
  const client = new pg.Client({ connectionString: `${PG}/postgres`, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const pgUp = await postgresUp();
if (!pgUp && process.env.CI) throw new Error('PostgreSQL is not reachable at 127.0.0.1:5432, and CI requires the PostgreSQL tests');

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${PG}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new empty database for the enclosing describe block, dropped after it: its URL. */
export function freshDatabase(label: string): string {
  const name = `readiness_${label}_${process.pid}_${Date.now()}`;
  beforeAll(() => admin(`CREATE DATABASE ${name}`));
  afterAll(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  return `${PG}/${name}`;
}
