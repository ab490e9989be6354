import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string>, dev: Record<string, string> = {}): string => JSON.stringify({ name: 'app', dependencies: deps, devDependencies: dev });

describe('uses-database', () => {
  it.each([
    ['pg', { 'package.json': pkg({ pg: '8' }), 'src/db.ts': "import { Pool } from 'pg';\n" }, ['src/db.ts:1']],
    ['Prisma', { 'package.json': pkg({ '@prisma/client': '5' }), 'src/db.ts': "import { PrismaClient } from '@prisma/client';\n" }, ['src/db.ts:1']],
    ['SQLAlchemy', { 'requirements.txt': 'SQLAlchemy==2.0\n', 'app/db.py': 'from sqlalchemy import create_engine\n' }, ['app/db.py:1']],
    ['psycopg2-binary', { 'requirements.txt': 'psycopg2-binary\n', 'app/db.py': 'import psycopg2\n' }, ['app/db.py:1']],
  ])('answers yes for %s', async (_case, files, where) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(where);
  });

  it.each([
    ['a CLI without a database', { 'package.json': pkg({ commander: '12' }), 'src/cli.ts': "import { Command } from 'commander';\n" }],
    ['only a Redis cache', { 'package.json': pkg({ ioredis: '5' }), 'src/cache.ts': "import Redis from 'ioredis';\n" }],
    ['only tests use sqlite', { 'package.json': pkg({}, { 'better-sqlite3': '9' }), 'test/db.test.ts': "import Database from 'better-sqlite3';\n" }],
    ['a README shows a driver', { 'package.json': pkg({}), 'README.md': "import { Pool } from 'pg'\n" }],
    ['a commented-out import', { 'package.json': pkg({ pg: '8' }), 'src/db.ts': "// import { Pool } from 'pg';\n" }],
  ])('answers no for %s', async (_case, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
