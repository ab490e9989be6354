// Confirmed levels, the trend, the CI gate and re-evaluation, as a user meets them: a small
// Node/TS service rated every quarter for a year (section 7.3), stored in SQLite and in
// PostgreSQL when it is there (CI requires it), then `trend`, `check`, `history` and `diff
// --rerate` run against that history. The levels asserted are those the fixture really gives.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Assessment } from '../../src/core/assessment.ts';
import { run } from '../../src/cli/run.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { assess } from '../../src/engine/assess.ts';
import type { EvidenceRecord } from '../../src/engine/judge.ts';
import { openStore } from '../../src/history/db.ts';
import { saveAssessment } from '../../src/history/store.ts';
import { hashRubric, loadRubric } from '../../src/rubric/load.ts';
import type { LoadedRubric } from '../../src/rubric/schema.ts';
import { commitHistory, runGit, writeFiles } from '../repo-builder.ts';
import { freshDatabase, pgUp } from '../shared/postgres.ts';


interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process, at a pinned date when given (the fresh assessment of `check` and the cadence of `trend` read the clock). */
async function cli(argv: string[], now?: string): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { stdout: { write: (s: string) => out.push(s), isTTY: false }, stderr: { write: (s: string) => err.push(s), isTTY: false }, env: {} };
  if (now) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(now));
  }
  try {
    const code = await run(argv, io);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    vi.useRealTimers();
  }
}
afterEach(() => void vi.useRealTimers());

const rubric = loadRubric();

/**
 * Section 8.4's gaming, made concrete: the built-in rubric with the rate-limiting anti-pattern
 * re-categorised from level 1 to level 3, which lifts a service with a security policy but no rate
 * limit from security level 1 to 2 without any change to the service.
 */
function gamedRubric(): LoadedRubric {
  const { hash: _hash, ...rest } = rubric;
  const changed = {
    ...rest,
    pillars: rest.pillars.map((p) => ({
      ...p,
      criteria: p.criteria.map((c) => {
        if (c.id !== 'security.rate-limiting') return c;
        const { antiPattern: _antiPattern, ...criterion } = c;
        return { ...criterion, level: 3 };
      }),
    })),
  };
  return { ...changed, hash: hashRubric(changed) };
}
const gamed = gamedRubric();

const pkg = (devDependencies: Record<string, string>): string =>
  `${JSON.stringify({ name: 'orders-service', version: '1.0.0', type: 'module', scripts: { build: 'tsc', test: 'vitest run', lint: 'eslint .' }, dependencies: { fastify: '^5.0.0' }, devDependencies }, null, 2)}\n`;
const ORDERS = 'export interface Order { id: string; total: number }\nconst orders: Order[] = [];\nexport function listOrders(): Order[] { return orders; }\nexport function addOrder(o: Order): void { orders.push(o); }\n';
const CI_HEAD = 'name: ci\non:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n';
const TEST_JOB = `${CI_HEAD}  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n      - run: npm ci\n      - run: npm run lint\n      - run: npm test\n`;

interface Rated {
  assessment: Assessment;
  evidence: EvidenceRecord;
}

let dir: string;
let work: string;
const rated: Record<'oct' | 'jan' | 'apr' | 'may' | 'jul', Rated> = {} as Record<'oct' | 'jan' | 'apr' | 'may' | 'jul', Rated>;
const files: Record<'apr' | 'jul' | 'julLate', string> = { apr: '', jul: '', julLate: '' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'readiness-programme-'));
  work = mkdtempSync(join(tmpdir(), 'readiness-programme-work-'));
  const rate = async (now: string, r: LoadedRubric = rubric): Promise<Rated> => {
    const x = await assess(dir, { now: new Date(now), cacheDir: undefined, workers: 0, rubric: r });
    return { assessment: x.assessment, evidence: x.evidence };
  };
  const commit = (date: string, message: string, changes: Record<string, string>): void => {
    writeFiles(dir, changes);
    runGit(dir, ['add', '-A']);
    runGit(dir, ['commit', '-qm', message], { GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  };
  // 2025-10: bare code, no tests, no CI.
  commitHistory(dir, [
    {
      date: '2025-10-01T10:00:00Z',
      message: 'orders service',
      files: {
        'README.md': '# Orders service\n\nServes orders over HTTP.\n',
        'package.json': pkg({ typescript: '^5.6.0' }),
        'tsconfig.json': '{"compilerOptions":{"strict":true}}\n',
        '.gitignore': 'node_modules\ndist\n',
        'src/server.ts': "import Fastify from 'fastify';\nimport { listOrders } from './orders.ts';\n\nconst app = Fastify({ logger: true });\napp.get('/orders', async () => listOrders());\nawait app.listen({ port: Number(process.env.PORT ?? 3000) });\n",
        'src/orders.ts': ORDERS,
      },
    },
    { date: '2025-10-08T10:00:00Z', message: 'clear orders', files: { 'src/orders.ts': `${ORDERS}export function clearOrders(): void { orders.length = 0; }\n` } },
  ]);
  rated.oct = await rate('2025-10-15T09:00:00Z');
  // 2026-01: unit and integration tests, a coverage gate, a linter, and CI running lint and tests.
  commit('2026-01-05T10:00:00Z', 'tests, lint and CI', {
    '.github/workflows/ci.yml': TEST_JOB,
    'package.json': pkg({ typescript: '^5.6.0', vitest: '^4.0.0', '@vitest/coverage-v8': '^4.0.0', eslint: '^9.0.0' }),
    'eslint.config.js': "import js from '@eslint/js';\nexport default [js.configs.recommended];\n",
    'vitest.config.ts': "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { coverage: { provider: 'v8', thresholds: { lines: 80 } } } });\n",
    'src/orders.test.ts': "import { expect, it } from 'vitest';\nimport { addOrder, listOrders } from './orders.ts';\nit('lists orders', () => { addOrder({ id: 'a', total: 1 }); expect(listOrders()).toHaveLength(1); });\n",
    'test/integration/orders-api.test.ts': "import { expect, it } from 'vitest';\nit('serves GET /orders', async () => { const res = await fetch('http://localhost:3000/orders'); expect(res.status).toBe(200); });\n",
  });
  rated.jan = await rate('2026-01-15T09:00:00Z');
  // 2026-04: more tests, a lockfile audit in CI, a security policy.
  commit('2026-04-02T10:00:00Z', 'audit and security policy', {
    '.github/workflows/ci.yml': `${TEST_JOB}      - run: npm audit --audit-level=high\n`,
    'src/server.test.ts': "import { expect, it } from 'vitest';\nit('starts', () => { expect(1).toBe(1); });\n",
    'SECURITY.md': '# Security policy\n\nReport vulnerabilities to security@example.com; we answer within two working days.\n',
  });
  rated.apr = await rate('2026-04-15T09:00:00Z');
  // 2026-05: the same commit rated under a re-categorised rubric, with its evidence.
  rated.may = await rate('2026-05-15T09:00:00Z', gamed);
  // 2026-07: the CI test job is removed; lint and audit stay.
  commit('2026-07-03T10:00:00Z', 'ci: lint only', {
    '.github/workflows/ci.yml': `${CI_HEAD}  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm run lint\n      - run: npm audit --audit-level=high\n`,
  });
  rated.jul = await rate('2026-07-15T09:00:00Z');
  files.apr = join(work, 'apr.json');
  files.jul = join(work, 'jul.json');
  files.julLate = join(work, 'jul-late.json');
  writeFileSync(files.apr, JSON.stringify(rated.apr.assessment));
  writeFileSync(files.jul, JSON.stringify(rated.jul.assessment));
  // The July state checked again in November: the history has not been re-rated since July.
  writeFileSync(files.julLate, JSON.stringify({ ...rated.jul.assessment, assessedAt: '2026-11-30T09:00:00.000Z' }));
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const levelOf = (r: Rated, pillar: string): number | null => r.assessment.pillars.find((p) => p.id === pillar)!.level;
const reasonOf = (r: Rated, criterion: string): string => r.assessment.pillars.flatMap((p) => p.criteria).find((c) => c.id === criterion)!.reason;
const row = (text: string, pillar: string): string | undefined => text.split('\n').find((l) => l.startsWith(`${pillar} `));

describe('the fixture', () => {
  it('gives the levels the story relies on', () => {
    const order = ['oct', 'jan', 'apr', 'may', 'jul'] as const;
    expect(order.map((k) => levelOf(rated[k], 'testing'))).toEqual([1, 3, 3, 3, 2]);
    expect(order.map((k) => levelOf(rated[k], 'cicd'))).toEqual([1, 2, 2, 2, 2]);
    // Only the re-categorised rubric moves security: the service still has no rate limit.
    expect(order.map((k) => levelOf(rated[k], 'security'))).toEqual([1, 1, 1, 2, 1]);
    expect(order.map((k) => rated[k].assessment.rubric.hash)).toEqual([rubric.hash, rubric.hash, rubric.hash, gamed.hash, rubric.hash]);
    expect(rated.jul.assessment.pillars.filter((p) => p.level === null).map((p) => p.id)).toEqual(['data', 'background']);
    expect(rated.apr.assessment.subject.commit).toBe(rated.may.assessment.subject.commit);
    expect(rated.jul.assessment.subject.commit).toBe(runGit(dir, ['rev-parse', 'HEAD']).trim());
  });
});

function story(name: string, target: () => string): void {
  describe(name, () => {
    const ids: Record<string, number> = {};
    const save = async (...keys: (keyof typeof rated)[]): Promise<void> => {
      const store = await openStore(target());
      try {
        for (const k of keys) ids[k] = await saveAssessment(store, rated[k].assessment, rated[k].evidence);
      } finally {
        await store.close();
      }
    };

    it('shows a new level as observed, not confirmed, until an assessment a quarter later still shows it', async () => {
      const nothing = await cli(['trend', dir, '--store', target()]);
      expect(nothing).toMatchObject({ code: 0, stderr: '' });
      expect(nothing.stdout).toMatch(/^No stored assessment of \S+ in \S+ \(store one with `readiness assess --save`\)\.\n$/);
      expect(nothing.stdout).toContain(dir);
      await save('oct', 'jan');
      const first = await cli(['trend', dir, '--store', target()], '2026-01-20T00:00:00Z');
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('pillar         2025-10-15  2026-01-15  observed  confirmed  status\n');
      expect(row(first.stdout, 'testing')).toBe('testing                 1           3         3          1  observed, not confirmed until 2026-04-15');
      expect(row(first.stdout, 'cicd')).toBe('cicd                    1           2         2          1  observed, not confirmed until 2026-04-15');
      // The change is attributed to the criteria that flipped and the evidence that appeared.
      expect(first.stdout).toContain(['2025-10-15 -> 2026-01-15', '  testing: 1 -> 3', '    L1 testing.has-tests: unmet -> met'].join('\n'));
      expect(first.stdout).toContain('    L3 testing.ci-gate: unmet -> met\n        + .github/workflows/ci.yml:16\n');
      expect(first.stdout).toContain('    L2 cicd.ci-pipeline: unmet -> met\n        + .github/workflows/ci.yml:7\n');
      expect(first.stdout).toContain('\nLast assessed 2026-01-15; next due 2026-04-15, quarterly: 0 of 12 applicable pillars confirmed at level 3 or more (annual re-rating needs more than half)\n');

      await save('apr');
      const second = await cli(['trend', dir, '--store', target(), '--json'], '2026-04-20T00:00:00Z');
      const trend = JSON.parse(second.stdout) as { pillars: { pillar: string; levels: number[]; confirmed: number; confirmedSince: string; status: string }[]; cadence: { due: string; stale: boolean } };
      expect(trend.pillars.find((p) => p.pillar === 'testing')).toMatchObject({ levels: [1, 3, 3], confirmed: 3, confirmedSince: '2026-04-15', status: 'confirmed' });
      expect(trend.pillars.find((p) => p.pillar === 'cicd')).toMatchObject({ levels: [1, 2, 2], confirmed: 2, confirmedSince: '2026-04-15', status: 'confirmed' });
      expect(trend.cadence).toMatchObject({ due: '2026-07-15', stale: false });
    });

    it('re-evaluates the assessment stored under a re-categorised rubric, flags the regression at once, and says when the history went stale', async () => {
      await save('may', 'jul');
      const t = await cli(['trend', dir, '--store', target()], '2026-11-30T00:00:00Z');
      expect(t.code).toBe(0);
      expect(t.stdout).toContain('pillar         2025-10-15  2026-01-15  2026-04-15  2026-05-15*  2026-07-15  observed  confirmed  status\n');
      expect(row(t.stdout, 'testing')).toBe('testing                 1           3           3            3           2         2          2  regressed from 3 (confirmed 3 lost)');
      // Re-evaluated, the re-categorised rating is security level 1 like the others: no progress.
      expect(row(t.stdout, 'security')).toBe('security                1           1           1            1           1         1          1  confirmed');
      expect(row(t.stdout, 'data')).toBe('data                  N/A         N/A         N/A          N/A         N/A       N/A        N/A  N/A');
      expect(t.stdout).toContain(['2026-05-15 -> 2026-07-15', '  testing: 3 -> 2 (regression)', '    L3 testing.ci-gate: met -> unmet', '        - .github/workflows/ci.yml:16'].join('\n'));
      expect(t.stdout).not.toMatch(/^ {2}security: /m);
      expect(t.stdout).toContain(
        [
          'Rubric changes (kept apart: never counted as progress or regression)',
          `  1 assessment(s) (2026-05-15) recorded under rubric ${gamed.version}/${gamed.hash.slice(0, 8)}, re-evaluated from stored evidence; its criteria against the current rubric:`,
          '    level     security.rate-limiting: moved from level 3 to 1',
        ].join('\n'),
      );
      expect(t.stdout).toContain('\nLast assessed 2026-07-15; next due 2026-10-15, quarterly: 0 of 12 applicable pillars confirmed at level 3 or more (annual re-rating needs more than half); STALE: 46 day(s) past due\n');

      // As recorded, the re-categorised rating shows its level 2, flagged and never compared.
      const recorded = await cli(['trend', dir, '--store', target(), '--as-recorded', '--limit', '3'], '2026-11-30T00:00:00Z');
      expect(recorded.stdout).toContain('pillar         older  2026-04-15  2026-05-15~  2026-07-15  observed  confirmed  status\n');
      expect(row(recorded.stdout, 'security')).toBe('security           1           1            2           1         1          1  confirmed');
      expect(recorded.stdout).toContain(`~ 2026-05-15 (assessment ${ids.may}): recorded under rubric ${gamed.version}/${gamed.hash.slice(0, 8)}; levels as recorded; shown, not compared\n`);
      expect(recorded.stdout).toContain('older: 2 earlier assessment(s) from 2025-10-15 to 2026-01-15, lowest-highest comparable level\n');
      expect(await cli(['trend', dir, '--store', target(), '--limit', '0'])).toEqual({ code: 2, stdout: '', stderr: 'readiness: --limit takes a whole number of 1 or more (columns of assessments), not "0"\n' });
    });

    it('lists every stored assessment in history', async () => {
      const h = await cli(['history', dir, '--store', target()]);
      expect(h.code).toBe(0);
      expect(h.stdout.trim().split('\n').slice(1).map((l) => l.slice(0, 10))).toEqual(['2025-10-15', '2026-01-15', '2026-04-15', '2026-05-15', '2026-07-15', '5 assessme']);
    });

    it('diff --rerate compares two stored assessments under the current rubric; without it the rubric change is listed apart', async () => {
      const plain = await cli(['diff', String(ids.apr), String(ids.may), dir, '--store', target()]);
      expect(plain.code).toBe(0);
      expect(plain.stdout).toContain(`The rubric changed (${rubric.hash.slice(0, 8)} -> ${gamed.hash.slice(0, 8)}): 1 criterion definition(s) differ; their status changes are not counted as progress or regression.\n  level     security.rate-limiting: moved from level 1 to 3\n`);
      // No criterion flip is offered as the reason for the recorded security level: the rubric is.
      expect(plain.stdout).toContain('\nsecurity: 1 -> 2 (from the rubric change, not the platform)\n');
      expect(plain.stdout).not.toContain('security.rate-limiting: unmet -> met');

      const rerated = await cli(['diff', String(ids.apr), String(ids.may), dir, '--store', target(), '--rerate']);
      expect(rerated).toEqual({
        code: 0,
        stdout: `Both assessments re-evaluated under rubric ${rubric.version}/${rubric.hash.slice(0, 8)} from their stored evidence.\nFrom 2026-04-15 (${rated.apr.assessment.subject.commit!.slice(0, 8)}) to 2026-05-15 (${rated.may.assessment.subject.commit!.slice(0, 8)})\nNo pillar level and no criterion changed.\n`,
        stderr: '',
      });
      const json = JSON.parse((await cli(['diff', String(ids.may), String(ids.jul), dir, '--store', target(), '--rerate', '--json'])).stdout) as { sameRubric: boolean; rubricChanges: unknown[]; pillars: { pillar: string; from: number; to: number }[]; reratedUnder: { hash: string } };
      expect(json).toMatchObject({ sameRubric: true, rubricChanges: [], reratedUnder: { hash: rubric.hash } });
      expect(json.pillars.filter((p) => p.from !== p.to).map((p) => [p.pillar, p.from, p.to])).toEqual([['testing', 3, 2]]);

      expect(await cli(['diff', String(ids.apr), files.jul, dir, '--store', target(), '--rerate'])).toEqual({
        code: 2,
        stdout: '',
        stderr: `readiness: --rerate re-evaluates stored assessments from their stored evidence, and a file has none: give stored ids instead of ${files.jul} (\`readiness history --json\` lists them)\n`,
      });
    });

    it('check fails at once on the regression of a confirmed level, one line per failure', async () => {
      const c = await cli(['check', dir, '--store', target(), '--no-cache', '--progress', 'none'], '2026-07-20T08:00:00Z');
      expect(c.code).toBe(1);
      expect(c.stdout).toBe(`testing: level 2 is below the confirmed level 3 (confirmed since 2026-04-15); unmet: testing.ci-gate (${reasonOf(rated.jul, 'testing.ci-gate')})\n`);
      expect(c.stderr).toBe('readiness check: 1 failure (levels confirmed over 4 stored assessments, floors from no config file)\n');

      const json = await cli(['check', dir, '--store', target(), '--assessment', files.jul, '--json']);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toEqual({
        ok: false,
        failures: [{ pillar: 'testing', kind: 'regression', level: 2, required: 3, detail: `level 2 is below the confirmed level 3 (confirmed since 2026-04-15); unmet: testing.ci-gate (${reasonOf(rated.jul, 'testing.ci-gate')})` }],
        notes: [],
        warnings: [],
        history: { compared: 4 },
      });
    });

    it('check fails below a floor of the config, and passes on the state before the regression', async () => {
      const config = join(work, 'floors.yaml');
      writeFileSync(config, 'floors:\n  security: 2\n  cicd: 2\n  data: 2\n');
      const floors = await cli(['check', dir, '--store', target(), '--assessment', files.jul, '-c', config]);
      expect(floors.code).toBe(1);
      expect(floors.stdout).toBe(
        `security: level 1 is below the floor 2 (${config})\ntesting: level 2 is below the confirmed level 3 (confirmed since 2026-04-15); unmet: testing.ci-gate (${reasonOf(rated.jul, 'testing.ci-gate')})\n`,
      );
      expect(floors.stderr).toContain('note: data: N/A now, so the floor 2 does not apply\n');

      const before = await cli(['check', dir, '--store', target(), '--assessment', files.apr]);
      expect(before).toEqual({ code: 0, stdout: '', stderr: 'readiness check: ok (12 pillars at or above their confirmed levels and floors, 2 N/A; 2 stored assessments)\n' });
    });

    it('check warns when the history is stale, and checks only floors without history', async () => {
      const late = await cli(['check', dir, '--store', target(), '--assessment', files.julLate]);
      expect(late.code).toBe(1);
      expect(late.stderr).toContain('warning: the history is stale: the last stored assessment is of 2026-07-15 and the next was due 2026-10-15 (46 day(s) ago, quarterly); store one with `readiness assess --save`\n');

      const empty = join(work, `empty-${name.replace(/\W+/g, '-')}.sqlite`);
      const none = await cli(['check', dir, '--store', empty, '--assessment', files.jul]);
      expect(none).toEqual({
        code: 0,
        stdout: '',
        stderr: `note: no stored assessment of ${rated.jul.assessment.subject.path} before this one in ${empty}: only floors were checked (store ratings with \`readiness assess --save\`)\nreadiness check: ok (12 pillars at or above their confirmed levels and floors, 2 N/A; 0 stored assessments)\n`,
      });
      // Checking creates no store.
      expect(existsSync(empty)).toBe(false);
      expect(await cli(['check', dir, '--store', target(), '--assessment', join(work, 'missing.json')])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^readiness: cannot read assessment .*missing\.json: ENOENT \(give a file written by readiness assess --json\)\n$/) });
    });

    it('shows an assessment stored without evidence under another rubric as recorded, never compared, and diff --rerate refuses it', async () => {
      const store = await openStore(target());
      const bare = await saveAssessment(store, { ...rated.may.assessment, assessedAt: '2026-06-15T09:00:00.000Z' });
      await store.close();
      const t = JSON.parse((await cli(['trend', dir, '--store', target(), '--json'], '2026-07-20T00:00:00Z')).stdout) as {
        points: { id: number; rerated: boolean; comparable: boolean; notComparable: string | null }[];
        pillars: { pillar: string; levels: number[]; status: string }[];
      };
      expect(t.points.map((p) => [p.id, p.rerated, p.comparable])).toEqual([
        [ids.oct, false, true],
        [ids.jan, false, true],
        [ids.apr, false, true],
        [ids.may, true, true],
        [bare, false, false],
        [ids.jul, false, true],
      ]);
      expect(t.points[4]!.notComparable).toBe(`recorded under rubric ${gamed.version}/${gamed.hash.slice(0, 8)}; no stored evidence to re-evaluate`);
      // Its recorded security level 2 is shown, but the drop to 1 after it is no regression.
      expect(t.pillars.find((p) => p.pillar === 'security')).toMatchObject({ levels: [1, 1, 1, 1, 2, 1], status: 'confirmed' });
      expect(t.pillars.find((p) => p.pillar === 'testing')).toMatchObject({ levels: [1, 3, 3, 3, 3, 2], status: 'regressed from 3 (confirmed 3 lost)' });
      expect(await cli(['diff', String(bare), String(ids.jul), dir, '--store', target(), '--rerate'])).toEqual({
        code: 2,
        stdout: '',
        stderr: `readiness: stored assessment ${bare} was rated under rubric ${gamed.version}/${gamed.hash.slice(0, 8)} and has no stored evidence to re-evaluate; compare it without --rerate\n`,
      });
    });
  });
}

let sqlite: string | undefined;
story('SQLite history store', () => (sqlite ??= join(work, 'history.sqlite')));

describe.skipIf(!pgUp)('PostgreSQL history store', () => {
  const url = freshDatabase('programme');
  story('on a fresh database', () => url);
});
