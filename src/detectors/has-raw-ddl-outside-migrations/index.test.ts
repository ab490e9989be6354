import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
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
