// The CLI as users run it: a spawned process over small git repositories built per run.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssessmentSchema, PillarResultSchema } from '../../src/core/assessment.ts';
import { PILLAR_IDS } from '../../src/core/types.ts';
import { loadRubric } from '../../src/rubric/load.ts';
import type { LoadedRubric } from '../../src/rubric/schema.ts';
import { cli, makeRepo, runGit, STACK_FRAME } from '../harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The cells of the table row of a pillar: name, level, target, gap, vs typical. */
function row(stdout: string, name: string): string[] {
  const line = stdout.split('\n').find((l) => l.startsWith(`${name}  `));
  if (!line) throw new Error(`no row for ${name} in:\n${stdout}`);
  return line.trim().split(/ {2,}/);
}

let rubric: LoadedRubric;
let work: string;
let repo: string;
let head: string;

beforeAll(() => {
  rubric = loadRubric();
  work = mkdtempSync(join(tmpdir(), 'readiness-cli-'));
  mkdirSync(join(work, 'repo'));
  repo = makeRepo(
    {
      commits: [
        {
          files: {
            'package.json': JSON.stringify({ name: 'shop', dependencies: { express: '^4.19.0' }, devDependencies: { vitest: '^4.0.0' } }, null, 2),
            'src/app.js': "import express from 'express';\nconst app = express();\napp.get('/v1/health', (req, res) => res.send('ok'));\napp.listen(3000);\n",
            'README.md': '# Shop\n\nA small shop service.\n\n## Running\n\nnpm start\n',
          },
          message: 'feat: first',
        },
        {
          files: {
            'test/app.test.js': "import { it } from 'vitest';\nit('works', () => {});\n",
            '.github/workflows/ci.yml': 'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
          },
          message: 'test: add tests and CI',
        },
      ],
    },
    join(work, 'repo'),
  );
  head = runGit(repo, ['rev-parse', 'HEAD']).trim();
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('readiness assess', () => {
  it('prints one row per pillar and the footer, exit 0', async () => {
    const r = await cli(['assess', repo, '--progress', 'none']);
    expect(r.code).toBe(0);
    for (const p of rubric.pillars) expect(row(r.stdout, p.name)).toHaveLength(5);
    expect(r.stdout).toMatch(/^Pillar +Level +Target +Gap +vs typical/m);
    expect(r.stdout).toContain(`Rubric      ${rubric.id} ${rubric.version} (hash ${rubric.hash.slice(0, 12)})\n`);
    expect(r.stdout).toContain(`Commit      ${head.slice(0, 12)} (main), clean\n`);
    expect(r.stdout).toMatch(/^Criteria {4}\d+ met, \d+ unmet, \d+ unknown$/m);
    expect(r.stdout).toMatch(/^Warnings {4}\d+$/m);
    // Not a terminal: no colour; no stack, no progress.
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stderr).not.toContain('\r');
  });

  it('prints the full assessment as JSON on stdout and progress as ndjson on stderr', async () => {
    const r = await cli(['assess', repo, '--json', '--progress', 'ndjson']);
    expect(r.code).toBe(0);
    const a = AssessmentSchema.parse(JSON.parse(r.stdout));
    expect(r.stdout).toMatch(/^\{\n {2}"schemaVersion": 2,/);
    expect(a.subject).toMatchObject({ isGit: true, commit: head, branch: 'main', dirty: false });
    expect(a.pillars.map((p) => p.id)).toEqual([...PILLAR_IDS]);
    expect(a.rubric).toEqual({ id: rubric.id, version: rubric.version, hash: rubric.hash });
    const events = r.stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { type: string });
    expect(events[0]).toEqual({ type: 'scan:start', path: repo });
    expect(events.map((e) => e.type)).toContain('scan:done');
    expect(events.at(-1)?.type).toBe('assess:done');
    // Everything on stderr is either an event or a warning line.
    for (const l of r.stderr.split('\n').filter(Boolean)) expect(l.startsWith('{') || l.startsWith('warning: ')).toBe(true);
  });

  it('writes the report to --output and nothing to stdout', async () => {
    const file = join(work, 'report.txt');
    const r = await cli(['assess', repo, '--output', file, '--progress', 'none']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`readiness: report written to ${file}\n`);
    expect(readFileSync(file, 'utf8')).toMatch(/^Pillar +Level +Target/m);
    const json = join(work, 'report.json');
    expect((await cli(['assess', repo, '--json', '-o', json])).code).toBe(0);
    expect(AssessmentSchema.safeParse(JSON.parse(readFileSync(json, 'utf8'))).success).toBe(true);
  });

  it('keeps the git history cache where asked, and the cache never changes the result', async () => {
    const cache = join(work, 'cache');
    const strip = (json: string): unknown => {
      const a = JSON.parse(json) as { assessedAt?: string; stats?: unknown };
      delete a.assessedAt;
      delete a.stats;
      return a;
    };
    const cold = await cli(['assess', repo, '--json', '--progress', 'none', '--no-cache'], { READINESS_CACHE_DIR: cache });
    expect(existsSync(cache)).toBe(false);
    const first = await cli(['assess', repo, '--json', '--progress', 'none'], { READINESS_CACHE_DIR: cache });
    expect(readdirSync(join(cache, 'history'))).toHaveLength(1);
    const second = await cli(['assess', repo, '--json', '--progress', 'none', '--cache', cache]);
    expect([cold.code, first.code, second.code]).toEqual([0, 0, 0]);
    expect(strip(first.stdout)).toEqual(strip(cold.stdout));
    expect(strip(second.stdout)).toEqual(strip(cold.stdout));
  });

  it('takes targets from the repository config, shown in the target column', async () => {
    const configured = makeRepo({ 'readiness.config.yaml': 'targets:\n  security: 5\n  team: 1\n', 'README.md': '# x\n' });
    const r = await cli(['assess', configured, '--progress', 'none']);
    expect(r.code).toBe(0);
    const name = (id: string): string => rubric.pillars.find((p) => p.id === id)!.name;
    expect(row(r.stdout, name('security'))[2]).toBe('5');
    expect(row(r.stdout, name('team'))[2]).toBe('1');
    expect(row(r.stdout, name('testing'))[2]).toBe('3');
    const a = AssessmentSchema.parse(JSON.parse((await cli(['assess', configured, '--json'])).stdout));
    expect(a.config.file).toBe(join(configured, 'readiness.config.yaml'));
    expect(a.config.targets).toMatchObject({ security: 5, team: 1, testing: 3 });
    const sec = a.pillars.find((p) => p.id === 'security')!;
    expect(sec.gapToTarget).toBe(5 - sec.level!);
  });

  it.each([
    ['valid-targets.yaml', { security: 5, testing: 4, docs: 2, api: 3 }],
    ['valid-empty.yaml', { security: 3, testing: 3, docs: 3, api: 3 }],
  ])('takes targets from --config fixtures/config/%s', async (file, targets) => {
    const r = await cli(['assess', repo, '--json', '--config', `fixtures/config/${file}`]);
    expect(r.code).toBe(0);
    const a = AssessmentSchema.parse(JSON.parse(r.stdout));
    expect(a.config.file).toBe(`fixtures/config/${file}`);
    expect(a.config.targets).toMatchObject(targets);
  });
});

describe('readiness explain', () => {
  it('shows every criterion of the pillar by level and what is missing for the next level', async () => {
    const r = await cli(['explain', 'security', repo, '--progress', 'none']);
    expect(r.code).toBe(0);
    const security = rubric.pillars.find((p) => p.id === 'security')!;
    expect(r.stdout.split('\n')[0]).toBe(`${security.name} (security)`);
    expect(r.stdout).toContain('Level 1 - Initial (anti-patterns: each must be absent)\n');
    for (const c of security.criteria) expect(r.stdout).toMatch(new RegExp(`^ {2}(met|unmet|unknown|present|absent) +${c.id.replace('.', '\\.')} \\(${c.evidence.kind}\\)$`, 'm'));
    expect(r.stdout).toMatch(/^(To reach level [2-5]|Top level reached)$/m);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('prints the pillar result as JSON', async () => {
    const r = await cli(['explain', 'testing', repo, '--json']);
    expect(r.code).toBe(0);
    const p = PillarResultSchema.parse(JSON.parse(r.stdout));
    expect(p.id).toBe('testing');
    expect(p.criteria.map((c) => c.id)).toEqual(rubric.pillars.find((x) => x.id === 'testing')!.criteria.map((c) => c.id));
  });
});

describe('readiness rubric', () => {
  it('prints the rubric as JSON with its 64-hex content hash', async () => {
    const r = await cli(['rubric', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as LoadedRubric;
    expect(json.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(json.hash).toBe(rubric.hash);
    expect(json.pillars.map((p) => p.id)).toEqual(rubric.pillars.map((p) => p.id));
  });

  it('prints the levels and every criterion with its evidence kind', async () => {
    const r = await cli(['rubric']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`id ${rubric.id}, version ${rubric.version}\nhash ${rubric.hash}\n`);
    for (const l of rubric.levels) expect(r.stdout).toMatch(new RegExp(`^${l.level} +${l.name.replace(/[/]/g, '\\/')} `, 'm'));
    for (const p of rubric.pillars) {
      expect(r.stdout).toContain(`\n${p.name} (${p.id})\n`);
      for (const c of p.criteria) expect(r.stdout).toContain(`    ${c.id} [${c.evidence.kind}]\n`);
    }
  });
});

describe('version and help', () => {
  it('prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await cli(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('prints help with examples', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: readiness');
    expect(r.stdout).toContain('Examples:');
    for (const cmd of ['assess', 'explain', 'rubric']) expect(r.stdout).toContain(`  ${cmd} `);
    const sub = await cli(['explain', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('Usage: readiness explain [options] <pillar> [path]');
  });

  it('prints help on stderr with exit 2 when no command is given', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: readiness');
  });
});
