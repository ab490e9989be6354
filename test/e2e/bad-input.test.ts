// Bad input ends as one line on stderr and exit code 2; hostile repositories (binary, non-UTF-8,
// huge files, symlink loops, broken or odd git state) are assessed without a crash, with a warning
// where the result is affected. Every input is generated in a temporary folder per test.
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AssessmentSchema, type Assessment } from '../../src/core/assessment.ts';
import { PILLAR_IDS } from '../../src/core/types.ts';
import { renderAssessment } from '../../src/report/index.ts';
import { cli, makeRepo, runGit, tempDir, STACK_FRAME, type CliResult } from '../harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Exit 2, nothing on stdout, exactly one `readiness: ...` line on stderr, no stack trace. */
function expectUserError(r: CliResult, message: RegExp): void {
  expect(r.stderr).toMatch(/^readiness: [^\n]+\n$/);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr + r.stdout).not.toMatch(STACK_FRAME);
  expect(r.stdout).toBe('');
  expect(r.code).toBe(2);
}

describe('user errors: exit 2 and one line', () => {
  it('a path that does not exist', async () => {
    const missing = join(tempDir(), 'nope');
    expectUserError(await cli(['assess', missing]), /^readiness: path not found: .*nope \(give the folder/);
    expectUserError(await cli(['explain', 'security', missing]), /path not found/);
  });

  it('a file instead of a directory', async () => {
    expectUserError(await cli(['assess', 'package.json']), /^readiness: not a directory: package\.json/);
  });

  const INVALID_CONFIGS: Record<string, RegExp> = {
    'invalid-yaml.yaml': /invalid config fixtures\/config\/invalid-yaml\.yaml: /,
    'invalid-unknown-key.yaml': /Unrecognized key: "target"/,
    'invalid-target-out-of-range.yaml': /targets\.security: /,
    'invalid-unknown-pillar.yaml': /targets: Unrecognized key: "secuirty"/,
    'invalid-target-date.yaml': /targets\.testing\.by: /,
    'invalid-exclude-not-a-list.yaml': /exclude: /,
  };

  it('every fixtures/config/invalid-* case has an expectation here', () => {
    const files = readdirSync(join(ROOT, 'fixtures/config')).filter((f) => f.startsWith('invalid-'));
    expect(files.sort()).toEqual(Object.keys(INVALID_CONFIGS).sort());
  });

  it.each(Object.entries(INVALID_CONFIGS))('--config fixtures/config/%s', async (file, message) => {
    const repo = makeRepo({ 'README.md': '# x\n' });
    expectUserError(await cli(['assess', repo, '--config', `fixtures/config/${file}`]), message);
  });

  it('a malformed config discovered in the repository', async () => {
    const badYaml = makeRepo({ 'readiness.config.yaml': 'targets: [security, 4\n' });
    expectUserError(await cli(['assess', badYaml]), /^readiness: invalid config .*readiness\.config\.yaml: /);
    const typo = makeRepo({ '.readiness/config.yaml': 'targets:\n  security: 4\nexlude: []\n' });
    expectUserError(await cli(['assess', typo]), /Unrecognized key: "exlude"/);
    const seven = makeRepo({ 'readiness.config.yml': 'targets:\n  security: 7\n' });
    expectUserError(await cli(['explain', 'security', seven]), /targets\.security/);
  });

  it('a --config file that does not exist', async () => {
    expectUserError(await cli(['assess', '.', '--config', 'no-such-config.yaml']), /^readiness: cannot read config no-such-config\.yaml: ENOENT/);
  });

  it('an unknown pillar, listing the pillar ids', async () => {
    const r = await cli(['explain', 'secrity', '.']);
    expectUserError(r, /^readiness: unknown pillar "secrity" \(one of: /);
    for (const id of PILLAR_IDS) expect(r.stderr).toContain(id);
  });

  it('an unknown option, command or option value, and too many arguments', async () => {
    expectUserError(await cli(['assess', '--bogus']), /^readiness: unknown option '--bogus'/);
    expectUserError(await cli(['asess']), /^readiness: unknown command 'asess'/);
    expectUserError(await cli(['assess', '--progress', 'loud']), /--progress <mode>.*'loud' is invalid/);
    expectUserError(await cli(['assess', 'a', 'b']), /too many arguments/);
    expectUserError(await cli(['explain']), /missing required argument 'pillar'/);
  });

  it('an --output file that cannot be written', async () => {
    const repo = makeRepo({ 'README.md': '# x\n' });
    const out = join(tempDir(), 'missing-dir', 'report.txt');
    expectUserError(await cli(['assess', repo, '--output', out]), /^readiness: cannot write .*report\.txt: ENOENT/);
  });
});

/** Assess as JSON: exit 0, a valid assessment, no stack; and the text report renders too. */
async function assessOk(dir: string): Promise<{ a: Assessment; stderr: string }> {
  // A ceiling keeps git from finding a repository above the temporary folder.
  const r = await cli(['assess', dir, '--json', '--progress', 'none'], { GIT_CEILING_DIRECTORIES: dirname(dir) });
  expect(r.stderr).not.toMatch(STACK_FRAME);
  expect(r.stderr).not.toContain('internal error');
  expect(r.code).toBe(0);
  const a = AssessmentSchema.parse(JSON.parse(r.stdout));
  expect(a.pillars).toHaveLength(PILLAR_IDS.length);
  expect(renderAssessment(a, { color: false, width: 100 })).toContain('Criteria');
  // Every warning of the assessment is also a `warning:` line on stderr.
  for (const w of a.warnings) expect(r.stderr).toContain(`warning: ${w.message}\n`);
  return { a, stderr: r.stderr };
}

function codes(a: Assessment): string[] {
  return a.warnings.map((w) => w.code);
}

describe('hostile repositories: exit 0, no crash, a warning where it matters', () => {
  it('a binary file', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048, 0), Buffer.from('\u0000\u00ff\u00fe')]);
    const dir = makeRepo({ files: { 'assets/logo.png': png, 'src/app.js': "console.log('hi');\n", 'bin/tool': Buffer.alloc(4096, 0) }, git: true });
    const { a } = await assessOk(dir);
    expect(a.subject.isGit).toBe(true);
  });

  it('a file that is not UTF-8 (latin-1 bytes)', async () => {
    const latin1 = Buffer.from('// caf\u00e9 cr\u00e8me br\u00fbl\u00e9e\nconst greeting = "gr\u00fc\u00df dich";\n', 'latin1');
    const dir = makeRepo({ files: { 'src/legacy.js': latin1, 'README.md': '# x\n' }, git: true });
    const { a } = await assessOk(dir);
    expect(codes(a)).toContain('non-utf8');
  });

  it('a 20 MB generated file', async () => {
    const line = "INSERT INTO events (id, payload) VALUES (1, '{\"kind\":\"click\",\"x\":12,\"y\":34}');\n";
    const big = line.repeat(Math.ceil((20 * 1024 * 1024) / line.length));
    const dir = makeRepo({ files: { 'db/seed.sql': big, 'src/app.js': 'export {};\n' }, git: true });
    const { a } = await assessOk(dir);
    expect(codes(a)).toContain('file-too-large');
  });

  it.each([
    ['outside git', false],
    ['in a git repository', true],
  ])('symbolic link loops (a -> b -> a, dir/link -> ..) %s', async (_name, git) => {
    const dir = tempDir();
    mkdirSync(join(dir, 'dir'));
    writeFileSync(join(dir, 'dir', 'file.js'), 'export {};\n');
    symlinkSync('b', join(dir, 'a'));
    symlinkSync('a', join(dir, 'b'));
    symlinkSync('..', join(dir, 'dir', 'link'));
    if (git) makeRepo({ files: { 'README.md': '# x\n' }, git: true }, dir);
    const { a } = await assessOk(dir);
    expect(a.subject.isGit).toBe(git);
    expect(codes(a)).toContain('symlinks-skipped');
  });

  it('a directory that is not a git repository', async () => {
    const dir = makeRepo({ 'src/app.js': 'export {};\n' });
    const { a, stderr } = await assessOk(dir);
    expect(a.subject).toMatchObject({ isGit: false, commit: null });
    expect(codes(a)).toContain('not-a-git-repository');
    expect(stderr).toMatch(/^warning: Not a git work tree/m);
    const text = await cli(['assess', dir, '--progress', 'none'], { GIT_CEILING_DIRECTORIES: dirname(dir) });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Commit      not a git repository, dirty');
    // Warnings come after the report, on stderr only.
    expect(text.stdout).not.toContain('warning:');
  });

  it('an empty git repository (no commits)', async () => {
    const dir = tempDir();
    runGit(dir, ['init', '-q', '-b', 'main']);
    writeFileSync(join(dir, 'app.js'), 'export {};\n');
    const { a } = await assessOk(dir);
    expect(a.subject).toMatchObject({ isGit: true, commit: null });
    expect(codes(a)).toContain('no-commits');
  });

  it('a broken git repository (.git with a garbage HEAD)', async () => {
    const dir = makeRepo({ 'src/app.js': 'export {};\n', '.git/HEAD': 'garbage\n', '.git/config': '[[[ not a config\n' });
    const { a } = await assessOk(dir);
    expect(a.subject.commit).toBeNull();
    expect(a.warnings.length).toBeGreaterThan(0);
  });

  it('a git repository with a submodule entry (gitlink)', async () => {
    const dir = makeRepo({ files: { 'README.md': '# x\n' }, git: true });
    const sha = runGit(dir, ['rev-parse', 'HEAD']).trim();
    runGit(dir, ['update-index', '--add', '--cacheinfo', `160000,${sha},sub`]);
    runGit(dir, ['commit', '-q', '-m', 'add submodule'], { GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@x' });
    const { a } = await assessOk(dir);
    expect(codes(a)).toContain('submodules-skipped');
  });
});
