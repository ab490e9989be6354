import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

describe('has-raw-ddl-outside-migrations', () => {
  it('answers yes for DDL strings in application code, counting each statement', async () => {
    const r = await detect(detector, {
      'src/db/init.ts': "export async function init(db) {\n  await db.query(`CREATE TABLE IF NOT EXISTS users (id serial)`);\n  await db.query('create unique index users_email on users(email)');\n}\n",
      'app/repo.py': 'def reset(cur):\n    cur.execute("DROP TABLE sessions")\n    cur.execute("ALTER TABLE users ADD COLUMN x int")\n',
      'src/migrations/001_init.ts': "db.query('CREATE TABLE a (id int)');\n",
      'src/db/migrate.ts': "db.query('CREATE TABLE b (id int)');\n",
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['app/repo.py:2', 'app/repo.py:3', 'src/db/init.ts:2', 'src/db/init.ts:3']);
    expect(r.measures?.['ddl-statements']).toEqual({ value: 4, unit: 'statements' });
  });

  it.each([
    ['DDL only in migration folders', { 'db/migrations/001.sql': 'CREATE TABLE a (id int);\n', 'shop/migrations/0001_initial.py': 'SQL = "CREATE TABLE x (id int)"\n', 'db/migrate/20240101_create.rb': 'execute "CREATE TABLE y (id int)"\n' }],
    ['DDL in a schema .sql file', { 'db/schema.sql': 'CREATE TABLE a (id int);\n' }],
    ['DDL in comments', { 'src/db.ts': '// CREATE TABLE users (id int)\n/* ALTER TABLE x */\nexport const q = 1;\n' }],
    ['DDL in tests', { 'test/db.test.ts': "db.query('DROP TABLE users');\n", 'tests/conftest.py': 'cur.execute("CREATE TABLE t (id int)")\n' }],
    ['DDL in docs', { 'README.md': 'Run `CREATE TABLE users`.\n' }],
    ['only queries', { 'src/repo.ts': "db.query('SELECT * FROM users WHERE id = $1', [id]);\nconst createTable = () => 1;\n" }],
  ])('answers no for %s', async (_case, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['ddl-statements']?.value).toBe(0);
  });
});

describe('has-raw-ddl-outside-migrations in Go and PHP', () => {
  it.each<[string, Files, string[]]>([
    ['a Go service creating its table at start', { 'cmd/app/main.go': `package main

const schema = \`CREATE TABLE IF NOT EXISTS audit (id BIGSERIAL PRIMARY KEY)\`
` }, ['cmd/app/main.go:3']],
    ['a Laravel controller running DDL', { 'app/Http/Controllers/R.php': `<?php
class R {
    public function build() { DB::statement('CREATE TABLE report_cache (id BIGINT)'); }
}
` }, ['app/Http/Controllers/R.php:3']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['DDL only in Laravel migrations and a vendored package', { 'database/migrations/2024_01_01_create_orders.php': `<?php
DB::statement('CREATE TABLE orders (id BIGINT)');
`, 'vendor/acme/store/src/Installer.php': `<?php
$pdo->exec('CREATE TABLE sessions (id TEXT)');
` }],
    ['Go DDL only in goose migrations', { 'db/migrations/20240601_init.go': `package migrations

const up = \`CREATE TABLE audit (id BIGSERIAL)\`
`, 'internal/a.go': `package internal

const q = "SELECT id FROM audit"
` }],
    ['a Rails route allows the new, create and index actions', { 'config/routes.rb': `Rails.application.routes.draw do
  resources :family_exports, only: %i[new create index] do
    member { get :download }
  end
end
` }],
    ['a log message talks about creating a table', { 'src/setup.ts': "logger.info('create table rows for the report');\nconst help = 'Drop the table filters to see everything';\n" }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
