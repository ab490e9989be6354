import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, runGit, tempDir } from '../../test/harness.ts';
import { commitHistory, type CommitSpec } from '../../test/repo-builder.ts';
import { readHistory } from './history.ts';

const head = (dir: string): string => runGit(dir, ['rev-parse', 'HEAD']).trim();
const read = (dir: string, cacheDir?: string) => readHistory(dir, { head: head(dir), shallow: false, cacheDir });

const BASE: CommitSpec[] = [
  { files: { 'src/a.ts': '1\n' }, date: '2024-01-01T00:00:00Z', author: 'Ada Lovelace', email: 'Ada@Example.com' },
  { files: { 'src/a.ts': '1\n2\n3\n', 'logo.png': Buffer.from([0, 1, 2]) as unknown as string }, date: '2025-06-01T00:00:00Z', author: 'Bob Stone', email: 'bob@example.com' },
  { branch: 'feature', files: { 'src/b.ts': 'b\n' }, date: '2025-06-02T00:00:00Z', message: 'Add b' },
  { merge: 'feature', date: '2025-06-03T00:00:00Z', message: 'Merge pull request #1 from x/feature' },
];

describe('readHistory', () => {
  it('reads commits with parents, subjects, touched files, and line churn for the last year only', async () => {
    const dir = makeRepo({ commits: BASE });
    const h = (await read(dir))!.history;
    expect(h.commits.map((c) => [c.subject, c.parents.length, c.files])).toEqual([
      ['Merge pull request #1 from x/feature', 2, []],
      ['Add b', 1, ['src/b.ts']],
      ['commit 2', 1, ['logo.png', 'src/a.ts']],
      ['commit 1', 0, ['src/a.ts']],
    ]);
    expect(h.head).toBe(head(dir));
    expect(h.commits[0]!.parents[0]).toBe(h.commits[2]!.hash); // first parent: main before the merge
    // Newest 2025-06-03: the 2024 commit is outside the churn window; merges carry none; binary counts 0.
    expect(h.commits.map((c) => c.churn)).toEqual([
      undefined,
      [{ path: 'src/b.ts', added: 1, deleted: 0 }],
      [{ path: 'logo.png', added: 0, deleted: 0 }, { path: 'src/a.ts', added: 2, deleted: 0 }],
      undefined,
    ]);
    expect(h.commits[3]!.author).toBe('Ada Lovelace <ada@example.com>');
  });

  it('reads no churn for lockfiles and minified bundles, and gives a lockfile-only commit none', async () => {
    const dir = makeRepo({
      commits: [
        { files: { 'src/a.ts': '1\n', 'package-lock.json': '{}\n', 'web/app.min.js': 'x' }, date: '2026-01-01T00:00:00Z' },
        { files: { 'package-lock.json': '{"a":1}\n' }, date: '2026-01-02T00:00:00Z' },
      ],
    });
    const r = (await read(dir))!;
    expect(r.history.commits.map((c) => c.churn)).toEqual([[], [{ path: 'src/a.ts', added: 1, deleted: 0 }]]);
    expect(r.history.commits[0]!.files).toEqual(['package-lock.json']);
    expect(r.warnings).toEqual([]);
  });

  it('reads the commits of recent tags on other branches apart, without files', async () => {
    const dir = makeRepo({
      commits: [
        { files: { 'a.txt': '0' }, date: '2025-06-01T00:00:00Z', tag: 'v1.0.0' },
        { branch: 'release-1.0', files: { 'fix.txt': '1' }, date: '2025-07-01T00:00:00Z', message: 'backport', tag: 'v1.0.1' },
        { files: { 'a.txt': '1' }, date: '2025-08-01T00:00:00Z' },
      ],
    });
    const h = (await read(dir))!.history;
    expect(h.commits.map((c) => c.subject)).toEqual(['commit 3', 'commit 1']);
    expect(h.releaseBranches.map((c) => [c.subject, c.files, c.parents.length])).toEqual([['backport', [], 1]]);
  });

  it('keeps git-ignored files out of a crafted history, as git add would', async () => {
    const dir = makeRepo({ commits: [{ files: { '.gitignore': '.env\nbuild/\n', '.env': 'SECRET=1\n', 'build/out.js': 'x', 'src/a.ts': '1\n' } }] });
    expect(runGit(dir, ['ls-files']).trim().split('\n')).toEqual(['.gitignore', 'src/a.ts']);
    expect(readdirSync(dir).sort()).toEqual(['.env', '.git', '.gitignore', 'build', 'src']);
  });

  it('reads only new commits on a re-run, with the same result as a full read', async () => {
    const dir = tempDir();
    const cache = tempDir();
    commitHistory(dir, BASE);
    const first = (await read(dir, cache))!;
    expect(first.cached).toBe(0);
    expect(readdirSync(join(cache, 'history'))).toHaveLength(1);

    // New work, including a branch whose commit is older than commits already cached.
    runGit(dir, ['checkout', '-q', '-b', 'late', `${head(dir)}~1`]);
    writeFileSync(join(dir, 'late.ts'), 'late\n');
    runGit(dir, ['add', '-A']);
    const env = (date: string) => ({ GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: 'Cyd', GIT_AUTHOR_EMAIL: 'cyd@example.com', GIT_COMMITTER_NAME: 'Cyd', GIT_COMMITTER_EMAIL: 'cyd@example.com' });
    runGit(dir, ['commit', '-qm', 'late work'], env('2025-05-01T00:00:00Z'));
    runGit(dir, ['checkout', '-q', 'main']);
    runGit(dir, ['merge', '-q', '--no-ff', '-m', 'Merge late', 'late'], env('2025-07-01T00:00:00Z'));

    const second = (await read(dir, cache))!;
    expect(second.cached).toBe(4);
    const full = (await read(dir))!;
    expect(second.history).toEqual(full.history);
    expect(full.history.commits).toHaveLength(6);

    const third = (await read(dir, cache))!;
    expect(third.cached).toBe(6);
    expect(third.history).toEqual(full.history);
  });

  it('starts over when the cached head is no longer an ancestor (history rewritten)', async () => {
    const dir = tempDir();
    const cache = tempDir();
    commitHistory(dir, BASE);
    await read(dir, cache);
    runGit(dir, ['reset', '-q', '--hard', 'HEAD~1']);
    runGit(dir, ['commit', '-q', '--allow-empty', '-m', 'rewritten'], { GIT_AUTHOR_DATE: '2025-08-01T00:00:00Z', GIT_COMMITTER_DATE: '2025-08-01T00:00:00Z' });
    const again = (await read(dir, cache))!;
    expect(again.cached).toBe(0);
    expect(again.history).toEqual((await read(dir))!.history);
    expect(again.history.commits.map((c) => c.subject)).not.toContain('Add b');
  });

  it('ignores a corrupt cache file and warns when the cache cannot be written', async () => {
    const dir = makeRepo({ commits: BASE });
    const cache = tempDir();
    await read(dir, cache);
    const [file] = readdirSync(join(cache, 'history'));
    writeFileSync(join(cache, 'history', file!), 'not gzip');
    const again = (await read(dir, cache))!;
    expect(again.cached).toBe(0);
    expect(again.history.commits).toHaveLength(4);

    // A file where the cache folder should be: no folder can be made there, even by root.
    const blocker = join(tempDir(), 'not-a-folder');
    writeFileSync(blocker, '');
    const r = (await read(dir, blocker))!;
    expect(r.warnings.map((w) => w.code)).toEqual(['history-cache-unwritable']);
    expect(r.history.commits).toHaveLength(4);
  });
});
