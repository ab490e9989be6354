import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string>, dev: Record<string, string> = {}): string =>
  JSON.stringify({ name: 'app', dependencies: deps, devDependencies: dev }, null, 2);

describe('uses-migration-tool', () => {
  it.each([
    [
      'Prisma Migrate',
      {
        'package.json': pkg({ '@prisma/client': '5' }, { prisma: '5' }),
        'prisma/schema.prisma': 'model User { id Int @id }\n',
        'prisma/migrations/20240101000000_init/migration.sql': 'CREATE TABLE "User" (id int);\n',
        'prisma/migrations/20240201000000_email/migration.sql': 'ALTER TABLE "User" ADD email text;\n',
        'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
      },
      ['package.json:4', 'package.json:7', 'prisma/migrations/20240101000000_init/migration.sql'],
      2,
    ],
    [
      'Django migrations',
      { 'requirements.txt': 'Django==5.0\n', 'shop/migrations/__init__.py': '', 'shop/migrations/0001_initial.py': 'from django.db import migrations\n', 'shop/models.py': 'from django.db import models\n' },
      ['requirements.txt:1', 'shop/migrations/0001_initial.py'],
      1,
    ],
    [
      'Alembic with alembic.ini',
      { 'requirements.txt': 'sqlalchemy\nalembic\n', 'alembic.ini': '[alembic]\nscript_location = alembic\n', 'alembic/env.py': 'x = 1\n', 'alembic/versions/1a2b_init.py': 'revision = "1a2b"\n' },
      ['requirements.txt:2', 'alembic/versions/1a2b_init.py', 'alembic.ini:1'],
      1,
    ],
    [
      'knex with a custom migrations directory',
      {
        'package.json': pkg({ knex: '3', pg: '8' }),
        'knexfile.js': "module.exports = {\n  client: 'pg',\n  migrations: { directory: './db/schema_changes' },\n};\n",
        'db/schema_changes/20240101_users.js': 'exports.up = (knex) => knex.schema.createTable("users", () => {});\n',
      },
      ['package.json:4', 'db/schema_changes/20240101_users.js', 'knexfile.js:3'],
      1,
    ],
    [
      'Flyway files run from a container',
      { 'src/main/resources/db/migration/V1__init.sql': 'CREATE TABLE a (id int);\n', 'src/main/resources/db/migration/V2__more.sql': 'ALTER TABLE a ADD b int;\n' },
      ['src/main/resources/db/migration/V1__init.sql'],
      2,
    ],
    [
      'Rails migrations',
      { Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\n", 'db/migrate/20240101120000_create_users.rb': 'class CreateUsers < ActiveRecord::Migration[7.1]\nend\n' },
      ['Gemfile:2', 'db/migrate/20240101120000_create_users.rb'],
      1,
    ],
  ])('answers yes for %s', async (_case, files, where, count) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(where);
    expect(r.measures?.['migration-files']).toEqual({ value: count, unit: 'files' });
  });

  it.each([
    ['a database without any migration tool', { 'package.json': pkg({ pg: '8' }), 'src/db.ts': "import { Pool } from 'pg';\n" }],
    ['a declared tool without migrations', { 'package.json': pkg({ typeorm: '0.3' }), 'src/data-source.ts': "import { DataSource } from 'typeorm';\nexport default new DataSource({ migrations: [] });\n" }],
    ['migrations only in test fixtures', { 'package.json': pkg({ knex: '3' }), 'src/db.ts': "import knex from 'knex';\n", 'test/fixtures/migrations/001.js': 'x' }],
    ['an empty Django migrations package', { 'requirements.txt': 'Django\n', 'shop/migrations/__init__.py': '', 'shop/models.py': 'from django.db import models\n' }],
    ['a README describing migrations', { 'package.json': pkg({ pg: '8' }), 'src/db.ts': "import pg from 'pg';\n", 'docs/migrations/howto.md': 'Run knex migrate:latest\n' }],
  ])('answers no for %s', async (_case, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
  });

  it('is not applicable without a database', async () => {
    const r = await detect(detector, { 'package.json': pkg({ commander: '12' }), 'src/cli.ts': "import { Command } from 'commander';\n" });
    expect(r.outcome).toBe('not-applicable');
  });
});

describe('uses-migration-tool for the JVM, Go and PHP', () => {
  it.each<[string, Files, string[]]>([
    ['Flyway with versioned SQL', { 'pom.xml': `<project><dependencies><dependency><groupId>org.flywaydb</groupId><artifactId>flyway-core</artifactId></dependency></dependencies></project>
`, 'src/main/resources/db/migration/V1__init.sql': `CREATE TABLE a (id BIGINT);
` }, ['pom.xml:1', 'src/main/resources/db/migration/V1__init.sql']],
    ['golang-migrate with up/down files', { 'go.mod': `module github.com/acme/app

go 1.22

require (
	github.com/golang-migrate/migrate/v4 v4.17.1
)
`, 'db/migrations/000001_init.up.sql': `CREATE TABLE a (id BIGINT);
`, 'db/migrations/000001_init.down.sql': `DROP TABLE a;
` }, ['go.mod:6', 'db/migrations/000001_init.down.sql']],
    ['Laravel migrations', { 'composer.json': `{ "require": { "laravel/framework": "*" } }
`, 'database/migrations/2024_05_01_000000_create_orders_table.php': `<?php
return new class extends Migration {};
` }, ['composer.json:1', 'database/migrations/2024_05_01_000000_create_orders_table.php']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });
});
