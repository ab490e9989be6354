import { symlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, runGit, tempDir } from '../../test/harness.ts';
import type { PatternSpec } from '../core/detector.ts';
import { scanRepository } from './index.ts';

const patterns = new Map<string, PatternSpec>([
  ['t#todo', { regex: /TODO\((\w+)\)/, literals: ['TODO('] }],
  ['t#docs', { regex: /bullmq/, literals: ['bullmq'], roles: ['docs'], code: false }],
]);

async function scan(root: string, workers = 0) {
  return scanRepository(root, { patterns, contents: ['**/*.json'], history: true, workers });
}

describe('scanRepository', () => {
  it('reads the manifests of test projects as development declarations', async () => {
    const root = makeRepo({
      'src/Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="Serilog" Version="4.0.0" /></ItemGroup></Project>\n',
      'tests/Api.Tests/Api.Tests.csproj': '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="xunit" Version="2.9.0" /></ItemGroup></Project>\n',
    });
    const scanned = await scanRepository(root, { patterns: new Map(), contents: [], history: false, workers: 0 });
    expect(scanned.view.dependencies().map((d) => [d.name, d.manifest, d.dev])).toEqual([
      ['Serilog', 'src/Api/Api.csproj', false],
      ['xunit', 'tests/Api.Tests/Api.Tests.csproj', true],
    ]);
  });

  it('lists tracked files only, with roles, line counts and blob ids at the commit', async () => {
    const root = makeRepo({
      git: true,
      files: {
        '.gitignore': 'secret-notes/\n*.log\n',
        'src/app.ts': 'export const a = 1;\n// TODO(ada) later\nconst b = 2; // TODO(bob)\n',
        'src/app.test.ts': 'test("x", () => {}); // TODO(test)\n',
        'vendor/lib.js': 'TODO(vendored)\n',
        'fixtures/repo/x.ts': 'TODO(fixture)\n',
        'docs/guide.md': 'We use bullmq.\n',
        'package.json': '{"name":"x"}\n',
      },
    });
    writeFileSync(join(root, 'debug.log'), 'ignored');
    mkdirSync(join(root, 'secret-notes'));
    writeFileSync(join(root, 'secret-notes/a.ts'), 'TODO(ignored)');
    writeFileSync(join(root, 'untracked.ts'), 'TODO(untracked)');

    const s = await scan(root);
    expect(s.view.files.map((f) => `${f.path}:${f.role}`)).toEqual([
      '.gitignore:other',
      'docs/guide.md:docs',
      'fixtures/repo/x.ts:fixture',
      'package.json:config',
      'src/app.test.ts:test',
      'src/app.ts:source',
      'vendor/lib.js:vendored',
    ]);
    const app = s.view.file('src/app.ts')!;
    expect(app.lines).toBe(3);
    expect(app.blob).toBe(runGit(root, ['rev-parse', 'HEAD:src/app.ts']).trim());
    expect(s.subject).toMatchObject({ isGit: true, dirty: false, branch: 'main' });
    expect(s.subject.commit).toMatch(/^[0-9a-f]{40}$/);
    // Commented TODOs still match because the pattern is about code; roles restrict to source.
    expect(s.matches.get('t#todo')!.map((m) => `${m.path}:${m.line}:${m.groups[0]}`)).toEqual([]);
    expect(s.matches.get('t#docs')!.map((m) => `${m.path}:${m.line}`)).toEqual(['docs/guide.md:1']);
    expect(s.view.text('package.json')).toBe('{"name":"x"}\n');
    expect(s.view.text('src/app.ts')).toBeUndefined();
    expect(s.view.history()!.commits).toHaveLength(1);
  });

  it('matches code patterns outside comments, with lines and excerpts', async () => {
    const root = makeRepo({ 'src/a.ts': 'const x = "TODO(str)";\n// TODO(comment)\n/* TODO(block) */ call(); TODO(code)\n' });
    const s = await scan(root);
    expect(s.matches.get('t#todo')!.map((m) => `${m.line}:${m.groups[0]}:${m.excerpt}`)).toEqual([
      '1:str:const x = "TODO(str)";',
      '3:code:/* TODO(block) */ call(); TODO(code)',
    ]);
  });

  it('gives the same result with worker threads as in-process', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`src/m${i}/f.ts`] = `export const v${i} = ${i};\n// x\nTODO(w${i})\n`;
    const root = makeRepo({ git: true, files });
    const a = await scan(root, 0);
    const b = await scan(root, 2);
    expect(b.stats.workers).toBe(2);
    expect(b.view.files).toEqual(a.view.files);
    expect(b.matches.get('t#todo')).toEqual(a.matches.get('t#todo'));
    expect(a.matches.get('t#todo')).toHaveLength(120);
  });

  it('hashes modified files as read and marks the subject dirty', async () => {
    const root = makeRepo({ git: true, files: { 'src/a.ts': 'a\n' } });
    writeFileSync(join(root, 'src/a.ts'), 'changed\n');
    const s = await scan(root);
    expect(s.subject.dirty).toBe(true);
    expect(s.view.file('src/a.ts')!.blob).toBe(runGit(root, ['hash-object', 'src/a.ts']).trim());
  });

  it('leaves its own committed history store out: not code, and a save does not make the next assessment dirty', async () => {
    const root = makeRepo({ git: true, files: { 'src/a.ts': 'a\n', '.readiness/history.sqlite': Buffer.from('SQLite format 3\0'), '.readiness/attestations/x.yaml': 'criterion: x\n' } });
    writeFileSync(join(root, '.readiness/history.sqlite'), Buffer.from('SQLite format 3\0 with one more assessment'));
    writeFileSync(join(root, '.readiness/history.sqlite-wal'), 'wal');
    const s = await scan(root);
    expect(s.view.files.map((f) => f.path)).toEqual(['.readiness/attestations/x.yaml', 'src/a.ts']);
    expect(s.subject.dirty).toBe(false);
  });

  it('walks a plain folder honouring .gitignore, never following links', async () => {
    const root = makeRepo({ '.gitignore': 'build/\n', 'src/a.ts': 'TODO(walk)\n', 'build/out.js': 'TODO(built)\n', 'node_modules/x/i.js': 'x' });
    symlinkSync(root, join(root, 'src/loop'));
    symlinkSync(join(root, 'b'), join(root, 'a'));
    symlinkSync(join(root, 'a'), join(root, 'b'));
    const s = await scan(root);
    expect(s.subject.isGit).toBe(false);
    expect(s.view.files.map((f) => f.path)).toEqual(['.gitignore', 'src/a.ts']);
    expect(s.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['not-a-git-repository', 'symlinks-skipped']));
  });

  it('reads binary, non-UTF-8 and huge files without failing', async () => {
    const root = makeRepo({
      'img.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      'src/latin1.ts': Buffer.from('const caf\xe9 = 1; // TODO(x)\nTODO(latin)\n', 'latin1'),
      'src/huge.ts': 'x\n'.repeat(5_000_000),
    });
    const s = await scan(root);
    expect(s.view.file('img.png')!.binary).toBe(true);
    expect(s.view.file('src/huge.ts')!.lines).toBe(5_000_000);
    expect(s.matches.get('t#todo')!.map((m) => `${m.path}:${m.line}`)).toEqual(['src/latin1.ts:2']);
    expect(s.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['non-utf8', 'file-too-large']));
  });

  it('survives an empty repository, a submodule and a broken .git', async () => {
    const empty = tempDir();
    runGit(empty, ['init', '-q']);
    const e = await scan(empty);
    expect(e.subject.commit).toBeNull();
    expect(e.warnings.map((w) => w.code)).toContain('no-commits');

    const withSub = makeRepo({ git: true, files: { 'a.ts': 'x' } });
    runGit(withSub, ['update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},vendor-sub`]);
    runGit(withSub, ['commit', '-qm', 'sub'], { GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@a', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@a' });
    expect((await scan(withSub)).warnings.map((w) => w.code)).toContain('submodules-skipped');

    const broken = tempDir();
    mkdirSync(join(broken, '.git'));
    writeFileSync(join(broken, '.git', 'HEAD'), 'garbage');
    writeFileSync(join(broken, 'a.ts'), 'TODO(broken)\n');
    const b = await scan(broken);
    expect(b.view.files.map((f) => f.path)).toEqual(['a.ts']);
    expect(b.subject.isGit).toBe(false);
  });

  it('rejects a missing path and a file with typed errors', async () => {
    await expect(scan('/nonexistent/readiness')).rejects.toMatchObject({ code: 'path-not-found' });
    const root = makeRepo({ 'a.txt': 'x' });
    await expect(scan(join(root, 'a.txt'))).rejects.toMatchObject({ code: 'not-a-directory' });
  });

  it('leaves out configured exclusions', async () => {
    const root = makeRepo({ 'src/a.ts': 'x', 'legacy/b.ts': 'y' });
    const s = await scanRepository(root, { patterns, contents: [], history: false, exclude: ['legacy/**'], workers: 0 });
    expect(s.view.files.map((f) => f.path)).toEqual(['src/a.ts']);
  });
});
