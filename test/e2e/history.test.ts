// `readiness assess --save` and `readiness history`, as a user runs them.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, makeRepo, runGit, tempDir } from '../harness.ts';

describe('readiness history', () => {
  it('stores each assessment in .readiness/history.sqlite and lists them oldest first', async () => {
    const dir = makeRepo({ git: true, files: { 'README.md': '# Shop\n', 'src/app.js': 'export const ok = true;\n' } });
    expect(await cli(['history', dir])).toMatchObject({ code: 0, stdout: expect.stringContaining('No stored assessment of') });
    const first = await cli(['assess', dir, '--save', '--progress', 'none']);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^readiness: assessment 1 stored in .*\.readiness\/history\.sqlite$/m);
    expect(existsSync(join(dir, '.readiness', 'history.sqlite'))).toBe(true);
    writeFileSync(join(dir, 'src/app.test.js'), "import { it } from 'vitest';\nit('works', () => {});\n");
    runGit(dir, ['add', '-A']);
    runGit(dir, ['commit', '-qm', 'tests'], { GIT_AUTHOR_NAME: 'x', GIT_AUTHOR_EMAIL: 'x@example.com', GIT_COMMITTER_NAME: 'x', GIT_COMMITTER_EMAIL: 'x@example.com' });
    expect((await cli(['assess', dir, '--save', '--progress', 'none'])).code).toBe(0);

    const text = await cli(['history', dir]);
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^assessed +commit +rubric +arch +api +data +bg +sec +obs +rel +scale +testing +cicd +iac +finops +docs +team$/);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^2 assessment\(s\) in .*history\.sqlite$/);
    const json = JSON.parse((await cli(['history', dir, '--json'])).stdout) as { commit: string; levels: Record<string, number | null> }[];
    expect(json.map((x) => x.commit)).toEqual([runGit(dir, ['rev-parse', 'HEAD~1']).trim(), runGit(dir, ['rev-parse', 'HEAD']).trim()]);
    expect(Object.keys(json[0]!.levels)).toHaveLength(14);

    // What changed, and why: the stored ids, or saved JSON files.
    const diff = await cli(['diff', '1', '2', dir]);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('  L1 testing.has-tests: unmet -> met\n      + src/app.test.js');
    expect(await cli(['diff', '1', '9', dir])).toMatchObject({ code: 2, stderr: expect.stringContaining('no stored assessment 9 in') });
    expect(await cli(['diff', 'nope.json', '2', dir])).toMatchObject({ code: 2, stderr: 'readiness: cannot read assessment nope.json: ENOENT (give a file written by readiness assess --json)\n' });
  });

  it('takes a store path, and says in one line when a store cannot be opened', async () => {
    const dir = makeRepo({ git: true, files: { 'README.md': '# x\n' } });
    const store = join(tempDir(), 'ratings.sqlite');
    expect((await cli(['assess', dir, '--save', '--store', store, '--progress', 'none'])).code).toBe(0);
    expect((await cli(['history', dir, '--store', store])).stdout).toContain('1 assessment(s) in');
    const bad = await cli(['history', dir, '--store', 'postgres://nobody@127.0.0.1:1/none']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^readiness: cannot open the history store postgres:\/\/nobody@127\.0\.0\.1:1\/none: /);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
