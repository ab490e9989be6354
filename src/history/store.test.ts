// The history store against real databases: SQLite always; PostgreSQL at 127.0.0.1:5432 when it
// is there (CI requires it: `.ci/run` waits for it and sets CI).
import { execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, runGit, tempDir } from '../../test/harness.ts';
import { freshDatabase, pgUp } from '../../test/shared/postgres.ts';
import type { Assessment } from '../core/assessment.ts';
import { assess } from '../engine/assess.ts';
import { openStore, type Store } from './db.ts';
import { rerate, type EvidenceRecord } from '../engine/judge.ts';
import { loadRubric } from '../rubric/load.ts';
import { keyOf, listAssessments, loadAssessment, loadEvidence, saveAssessment } from './store.ts';


const WRITER = join(import.meta.dirname, '../../test/history/writer.ts');

const assessments: Assessment[] = [];
const evidences: EvidenceRecord[] = [];
beforeAll(async () => {
  // Three quarterly ratings of one repository: the second adds tests, the third CI.
  const dir = makeRepo({ git: true, files: { 'README.md': '# Shop\n', 'src/app.js': 'export const ok = true;\n' } });
  const commit = (files: Record<string, string>): void => {
    for (const [p, c] of Object.entries(files)) writeFileSync(join(dir, p), c);
    runGit(dir, ['add', '-A']);
    runGit(dir, ['commit', '-qm', 'change'], { GIT_AUTHOR_NAME: 'x', GIT_AUTHOR_EMAIL: 'x@example.com', GIT_COMMITTER_NAME: 'x', GIT_COMMITTER_EMAIL: 'x@example.com' });
  };
  const run = async (date: string): Promise<Assessment> => {
    const r = await assess(dir, { now: new Date(date), workers: 0 });
    evidences.push(r.evidence);
    return r.assessment;
  };
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
      for (const i of [1, 0, 2]) await saveAssessment(store, assessments[i]!, evidences[i]);
      const list = await listAssessments(store, assessments[0]!.subject.path);
      expect(list.map((x) => x.assessedAt)).toEqual(assessments.map((a) => a.assessedAt));
      expect(list[0]).toMatchObject({ commit: assessments[0]!.subject.commit, rubricHash: assessments[0]!.rubric.hash, toolVersion: assessments[0]!.tool.version, resultDigest: assessments[0]!.resultDigest });
      expect(list[1]!.levels).toEqual(Object.fromEntries(assessments[1]!.pillars.map((p) => [p.id, p.level])));
      expect(await loadAssessment(store, list[2]!.id)).toEqual(assessments[2]);
      expect(await listAssessments(store, 'some/other/repository')).toEqual([]);
      // The raw evidence comes back whole, and judging it again under the same rubric gives the same result.
      const evidence = await loadEvidence(store, list[1]!.id);
      expect(evidence).toEqual(JSON.parse(JSON.stringify(evidences[1])));
      expect(Object.keys(evidence!.results).length).toBe(assessments[1]!.detectors.length);
      const again = rerate(assessments[1]!, evidence!, loadRubric());
      expect(again.pillars).toEqual(assessments[1]!.pillars);
      expect(again.resultDigest).toBe(assessments[1]!.resultDigest);
    });

    it('stores an assessment without evidence, and says there is none', async () => {
      const id = await saveAssessment(store, assessments[0]!);
      expect(await loadAssessment(store, id)).toEqual(assessments[0]);
      expect(await loadEvidence(store, id)).toBeUndefined();
    });

    it('opens an existing store without migrating it twice', async () => {
      const again = await open();
      expect((await listAssessments(again)).length).toBe(4);
      await again.close();
    });
  });
}

let sqliteTarget: string | undefined;
behaviour('SQLite history store', async () => openStore((sqliteTarget ??= join(tempDir(), '.readiness', 'history.sqlite'))));

describe.skipIf(!pgUp)('PostgreSQL history store', () => {
  const url = freshDatabase('store');
  behaviour('on a fresh database', () => openStore(url));
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

describe('repository keys', () => {
  it('are one key for the SSH and HTTPS clones of a repository, and the folder without a remote', () => {
    const same = ['git@github.com:Outline/outline.git', 'https://github.com/Outline/outline.git', 'https://GitHub.com/Outline/outline/', 'ssh://git@github.com:22/Outline/outline.git'];
    expect(new Set(same.map((r) => keyOf(r, '/x')))).toEqual(new Set(['github.com/Outline/outline']));
    expect(keyOf('https://gitlab.example.com/group/sub/proj.git', '/x')).toBe('gitlab.example.com/group/sub/proj');
    expect(keyOf('/srv/mirrors/outline', '/x')).toBe('/srv/mirrors/outline');
    expect(keyOf(null, '/work/shop')).toBe('/work/shop');
  });
});
