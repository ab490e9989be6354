// The history store against real databases: SQLite always; PostgreSQL at 127.0.0.1:5432 when it
// is there (CI requires it: `.ci/run` waits for it and sets CI).
import { execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, runGit, tempDir } from '../../test/harness.ts';
import type { Assessment } from '../core/assessment.ts';
import { assess } from '../engine/assess.ts';
import { openStore, type Store } from './db.ts';
import { listAssessments, loadAssessment, saveAssessment } from './store.ts';

const PG = 'postgres://postgres@127.0.0.1:5432';
const WRITER = join(import.meta.dirname, '../../test/history/writer.ts');

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
const pgUp = await postgresUp();
if (!pgUp && process.env.CI) throw new Error('PostgreSQL is not reachable at 127.0.0.1:5432, and CI requires the PostgreSQL store tests');

const assessments: Assessment[] = [];
beforeAll(async () => {
  // Three quarterly ratings of one repository: the second adds tests, the third CI.
  const dir = makeRepo({ git: true, files: { 'README.md': '# Shop\n', 'src/app.js': 'export const ok = true;\n' } });
  const commit = (files: Record<string, string>): void => {
    for (const [p, c] of Object.entries(files)) writeFileSync(join(dir, p), c);
    runGit(dir, ['add', '-A']);
    runGit(dir, ['commit', '-qm', 'change'], { GIT_AUTHOR_NAME: 'x', GIT_AUTHOR_EMAIL: 'x@example.com', GIT_COMMITTER_NAME: 'x', GIT_COMMITTER_EMAIL: 'x@example.com' });
  };
  const run = async (date: string) => (await assess(dir, { now: new Date(date), workers: 0 })).assessment;
  assessments.push(await run('2026-01-15T10:00:00Z'));
  commit({ 'src/app.test.js': "import { it } from 'vitest';\nit('works', () => {});\n", 'package.json': '{"name":"shop","devDependencies":{"vitest":"^4.0.0"}}\n' });
  assessments.push(await run('2026-04-15T10:00:00Z'));
  runGit(dir, ['checkout', '-q', '-b', 'x']);
  assessments.push(await run('2026-07-15T10:00:00Z'));
}, 60_000);

function behaviour(name: string, open: () => Promise<Store>): void {
  describe(name, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('stores assessments with their commit, rubric hash, tool version and raw evidence, and lists them oldest first', async () => {
      for (const a of [assessments[1]!, assessments[0]!, assessments[2]!]) await saveAssessment(store, a);
      const list = await listAssessments(store, assessments[0]!.subject.path);
      expect(list.map((x) => x.assessedAt)).toEqual(assessments.map((a) => a.assessedAt));
      expect(list[0]).toMatchObject({ commit: assessments[0]!.subject.commit, rubricHash: assessments[0]!.rubric.hash, toolVersion: assessments[0]!.tool.version, resultDigest: assessments[0]!.resultDigest });
      expect(list[1]!.levels).toEqual(Object.fromEntries(assessments[1]!.pillars.map((p) => [p.id, p.level])));
      expect(await loadAssessment(store, list[2]!.id)).toEqual(assessments[2]);
      expect(await listAssessments(store, 'some/other/repository')).toEqual([]);
    });

    it('opens an existing store without migrating it twice', async () => {
      const again = await open();
      expect((await listAssessments(again)).length).toBeGreaterThanOrEqual(3);
      await again.close();
    });
  });
}

let sqliteTarget: string | undefined;
behaviour('SQLite history store', async () => openStore((sqliteTarget ??= join(tempDir(), '.readiness', 'history.sqlite'))));

describe.skipIf(!pgUp)('PostgreSQL history store', () => {
  const name = `readiness_test_${process.pid}_${Date.now()}`;
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: `${PG}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
  });
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: `${PG}/postgres` });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });
  behaviour('on a fresh database', () => openStore(`${PG}/${name}`));
});

describe('SQLite history store under concurrent writers and a crash', () => {
  const writer = (target: string, n: number, label: string, template: string) =>
    new Promise<string>((resolve, reject) =>
      execFile(process.execPath, ['--import', 'tsx', WRITER, target, String(n), label, template], { encoding: 'utf8' }, (e, out) => (e ? reject(e) : resolve(out))),
    );

  it('loses nothing when two processes write at once', async () => {
    const dir = tempDir();
    const target = join(dir, 'history.sqlite');
    const template = join(dir, 'a.json');
    writeFileSync(template, JSON.stringify(assessments[0]));
    await Promise.all([writer(target, 15, 'a', template), writer(target, 15, 'b', template)]);
    const store = await openStore(target);
    const list = await listAssessments(store);
    expect(list).toHaveLength(30);
    expect(list.every((x) => Object.keys(x.levels).length === 14)).toBe(true);
    await store.close();
  }, 60_000);

  it('keeps every committed assessment whole when the writer is killed mid-run', async () => {
    const dir = tempDir();
    const target = join(dir, 'history.sqlite');
    const template = join(dir, 'a.json');
    writeFileSync(template, JSON.stringify(assessments[0]));
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, target, '100000', 'k', template], { stdio: ['ignore', 'pipe', 'ignore'] });
    let saved = 0;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        saved += d.toString().split('\n').filter((l) => l.startsWith('saved')).length;
        if (saved >= 20 && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.on('exit', r));
    const store = await openStore(target);
    const list = await listAssessments(store);
    // Everything the writer reported saved is there, and nothing is half-written.
    expect(list.length).toBeGreaterThanOrEqual(saved);
    expect(list.every((x) => Object.keys(x.levels).length === 14)).toBe(true);
    for (const x of list.slice(-3)) expect((await loadAssessment(store, x.id))?.pillars).toHaveLength(14);
    await store.close();
  }, 60_000);
});
