import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
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

describe('uses-multiple-db-drivers in other ecosystems', () => {
  it.each<[string, Files, string[]]>([
    ['Go with pgx and lib/pq', { 'go.mod': `module github.com/acme/app

go 1.22

require (
	github.com/jackc/pgx/v5 v5.6.0
	github.com/lib/pq v1.10.9
)
`, 'internal/a.go': `package internal

import "github.com/jackc/pgx/v5/pgxpool"

var P *pgxpool.Pool
`, 'internal/b.go': `package internal

import _ "github.com/lib/pq"
` }, ['internal/a.go:3', 'internal/b.go:3']],
    ['.NET with MySqlConnector and MySql.Data', { 'src/Api/Api.csproj': `<Project Sdk="Microsoft.NET.Sdk.Web">
  <ItemGroup>
    <PackageReference Include="MySqlConnector" Version="1.0.0" />
    <PackageReference Include="MySql.Data" Version="1.0.0" />
  </ItemGroup>
</Project>
`, 'src/Api/A.cs': `using MySqlConnector;

class A {}
`, 'src/Api/B.cs': `using MySql.Data.MySqlClient;

class B {}
` }, ['src/Api/A.cs:1', 'src/Api/B.cs:1']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['Go uses pgx and the lib/pq import is commented out', { 'go.mod': `module github.com/acme/app

go 1.22

require (
	github.com/jackc/pgx/v5 v5.6.0
)
`, 'internal/a.go': `package internal

import (
	"github.com/jackc/pgx/v5/pgxpool"
	// _ "github.com/lib/pq"
)

var P *pgxpool.Pool
` }],
    ['Ruby uses only pg under ActiveRecord', { 'Gemfile': `source "https://rubygems.org"
gem "rails"
gem "pg"
`, 'app/db/raw.rb': `class Raw
  def conn = PG.connect(ENV["DATABASE_URL"])
end
`, 'app/models/order.rb': `class Order < ApplicationRecord
end
` }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
