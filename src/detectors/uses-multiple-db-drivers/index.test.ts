import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string>, dev: Record<string, string> = {}): string => JSON.stringify({ name: 'app', dependencies: deps, devDependencies: dev });

describe('uses-multiple-db-drivers', () => {
  it.each([
    [
      'mysql and mysql2',
      { 'package.json': pkg({ mysql: '2', mysql2: '3' }), 'src/legacy.js': "const mysql = require('mysql');\n", 'src/db.ts': "import mysql from 'mysql2/promise';\n" },
      ['src/legacy.js:1', 'src/db.ts:1'],
      2,
    ],
    [
      'psycopg2 and asyncpg',
      { 'requirements.txt': 'psycopg2-binary\nasyncpg\n', 'app/sync.py': 'import psycopg2\n', 'app/aio.py': 'import asyncpg\n' },
      ['app/sync.py:1', 'app/aio.py:1'],
      2,
    ],
    [
      'pg, postgres and pg-promise',
      { 'package.json': pkg({ pg: '8', postgres: '3', 'pg-promise': '11' }), 'src/a.ts': "import { Pool } from 'pg';\nimport sql from 'postgres';\nimport pgp from 'pg-promise';\n" },
      ['src/a.ts:1', 'src/a.ts:2', 'src/a.ts:3'],
      3,
    ],
  ])('answers yes for %s', async (_case, files, where, max) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(where);
    expect(r.measures?.['max-drivers-per-engine']).toEqual({ value: max, unit: 'drivers' });
  });

  it.each([
    ['one driver with an ORM on top', { 'package.json': pkg({ pg: '8', knex: '3' }), 'src/db.ts': "import knex from 'knex';\nimport { types } from 'pg';\n" }, 1],
    ['drivers for different engines', { 'package.json': pkg({ pg: '8', mongodb: '6' }), 'src/a.ts': "import { Pool } from 'pg';\nimport { MongoClient } from 'mongodb';\n" }, 1],
    ['psycopg2 and psycopg2-binary both declared', { 'requirements.txt': 'psycopg2\npsycopg2-binary\n', 'app/db.py': 'import psycopg2\n' }, 1],
    ['a second driver only in tests', { 'package.json': pkg({ mysql2: '3' }, { mysql: '2' }), 'src/db.ts': "import mysql from 'mysql2';\n", 'test/seed.test.ts': "import mysql from 'mysql';\n" }, 1],
    ['a second driver only commented out', { 'package.json': pkg({ mysql2: '3', mysql: '2' }), 'src/db.ts': "import mysql from 'mysql2';\n// const old = require('mysql');\n" }, 1],
    ['the same engine from two languages', { 'package.json': pkg({ pg: '8' }), 'requirements.txt': 'asyncpg\n', 'web/db.ts': "import pg from 'pg';\n", 'jobs/db.py': 'import asyncpg\n' }, 1],
  ])('answers no for %s', async (_case, files, max) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['max-drivers-per-engine']?.value).toBe(max);
  });

  it.each([
    ['no database', { 'package.json': pkg({ express: '4' }), 'src/a.ts': "import express from 'express';\n" }],
    ['only an ORM', { 'package.json': pkg({ '@prisma/client': '5' }), 'src/a.ts': "import { PrismaClient } from '@prisma/client';\n" }],
  ])('is not applicable with %s', async (_case, files) => {
    expect((await detect(detector, files)).outcome).toBe('not-applicable');
  });
});
