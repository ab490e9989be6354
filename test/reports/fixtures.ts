// The assessments every report format is tested with: real runs of `assess()` (pinned date, no
// cache) over fixture repositories built here, normalised so golden files are stable. Together
// they cover every outcome a report must show: met, unmet, unknown, attested, waived and
// overridden criteria, level-1 anti-patterns located at file:line, an empty repository, an
// incomplete assessment (a detector that fails), N/A pillars and unicode paths.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Assessment } from '../../src/core/assessment.ts';
import type { AnyDetector } from '../../src/core/detector.ts';
import { DETECTORS } from '../../src/detectors/registry.generated.ts';
import { assess } from '../../src/engine/assess.ts';
import type { EvidenceRecord } from '../../src/engine/judge.ts';
import { commitHistory, runGit, writeFiles, type CommitSpec, type Files } from '../repo-builder.ts';

export const FIXTURE_NAMES = ['rich', 'empty', 'incomplete', 'unicode'] as const;
export type FixtureName = (typeof FIXTURE_NAMES)[number];

/** When every fixture is assessed: commits are dated before it, attestations and waivers around it. */
export const FIXTURE_NOW = new Date('2026-06-15T12:00:00Z');

/** Where fixture repositories appear to live in normalised assessments (the temp folder is replaced). */
export const FIXTURE_HOME = '/home/dev';

/** The tool version in normalised assessments, so goldens do not change with each release. */
export const FIXTURE_TOOL_VERSION = '0.0.0-fixture';

export interface ReportFixture {
  name: FixtureName;
  /** The repository on disk (a temporary folder). */
  root: string;
  /** The assessment as `assess()` gave it, the temp folder and tool version normalised. */
  assessment: Assessment;
  /** The raw evidence it was judged from (what the history store keeps beside it). */
  evidence: EvidenceRecord;
}

export interface ReportFixtures {
  fixtures: Record<FixtureName, ReportFixture>;
  /** The folder holding every fixture repository; remove it with cleanup(). */
  dir: string;
  cleanup(): void;
}

// Secrets are assembled at run time: the test source never holds a credential-shaped literal.
/** A Stripe-style live key, as a developer might have pasted it into source. */
export const FIXTURE_SECRET = ['sk', 'live', '51HxQ2dLkP8vR3mT9wZ0aB7cD'].join('_');

const AUTHORS = [
  { author: 'Ada Lovelace', email: 'ada@example.com' },
  { author: 'Grace Hopper', email: 'grace@example.com' },
];

function commits(list: readonly Files[], firstDay = 1): CommitSpec[] {
  return list.map((files, i) => ({ files, ...AUTHORS[i % AUTHORS.length]!, date: `2026-05-${String(firstDay + i * 3).padStart(2, '0')}T10:00:00Z`, message: `change ${i + 1}` }));
}

/** Commit the work tree's new files on main, authored and dated like the fixture history. */
function commitAll(root: string, message: string, date: string): void {
  runGit(root, ['add', '-A']);
  runGit(root, ['-c', 'user.name=Ada Lovelace', '-c', 'user.email=ada@example.com', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message], {
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  });
}

const SERVER = `import express from 'express';
import { createUser, listUsers } from './users/index.js';

const app = express();
app.use(express.json());
app.get('/users', async (req, res) => res.json(await listUsers()));
app.post('/users', async (req, res) => res.status(201).json(await createUser(req.body)));
app.get('/health', (req, res) => res.json({ ok: true }));
app.listen(3000, () => console.log('listening on 3000'));
`;

const USERS = `import mysql from 'mysql2/promise';

const pool = mysql.createPool({ host: process.env.DB_HOST, user: 'shop', database: 'shop' });

export async function listUsers() {
  const [rows] = await pool.query('SELECT id, name FROM users');
  return rows;
}

export async function createUser(user) {
  console.log('creating user', user.name);
  const [r] = await pool.query('INSERT INTO users (name) VALUES (?)', [user.name]);
  return { id: r.insertId, ...user };
}
`;

const USERS_TEST = `import { describe, expect, it } from 'vitest';
import { listUsers } from './index.js';

describe('users', () => {
  it('lists users', async () => {
    expect(Array.isArray(await listUsers())).toBe(true);
  });
});
`;

const CI = `name: ci
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with: { node-version: 20 }
      - run: npm ci
      - run: npm test
`;

/** The rich fixture: an Express shop with findings of every kind, evidence from people and a review. */
async function buildRich(root: string): Promise<void> {
  commitHistory(
    root,
    commits([
      {
        'package.json': `${JSON.stringify({ name: 'shop', version: '1.4.0', type: 'module', scripts: { test: 'vitest run' }, dependencies: { express: '^4.19.2', cors: '^2.8.5', mysql2: '^3.9.7', pg: '^8.11.5' }, devDependencies: { vitest: '^1.6.0' } }, null, 2)}\n`,
        'README.md': '# Shop\n\nThe shop API. Run `npm ci` then `npm start`.\n',
        'src/server.js': SERVER,
        'src/users/index.js': USERS,
      },
      {
        'src/users/index.test.js': USERS_TEST,
        '.github/workflows/ci.yml': CI,
        // A level-1 anti-pattern located at file:line: a live key in source (excerpts mask it).
        'src/config.js': `export const config = {\n  port: 3000,\n  stripeKey: '${FIXTURE_SECRET}',\n};\n`,
      },
      {
        // Open CORS in a module being retired: waived below, within its paths and dates.
        'legacy/admin.js': "import cors from 'cors';\nimport express from 'express';\n\nexport const admin = express();\nadmin.use(cors());\n",
        'docs/architecture.md': '# Architecture\n\nOne Express service (`src/server.js`) over MySQL; `legacy/` is being retired.\n',
        '.readiness/waivers/legacy-cors.yaml': [
          'criterion: security.cors-restricted',
          'scope: { paths: ["legacy/**"] }',
          'justification: The legacy admin module is retired in Q3 2026; it only serves the intranet behind the VPN until then.',
          'approver: Carol Shaw (CTO)',
          'date: 2026-06-01',
          'expires: 2026-09-30',
        ].join('\n') + '\n',
        '.readiness/attestations/pentest.yaml': [
          'criterion: security.quarterly-pentest',
          'claim: Acme Security ran an external penetration test of the shop API in May 2026.',
          'by: Ada Lovelace',
          'date: 2026-05-20',
          'evidence:',
          '  - url: https://acme.example/reports/2026-05',
        ].join('\n') + '\n',
      },
    ]),
  );
  runGit(root, ['remote', 'add', 'origin', 'git@github.com:acme/shop.git']);
  // Reviews sign the result digest, which is known only after a first assessment.
  const first = await assess(root, { now: FIXTURE_NOW, workers: 0 });
  const review = (who: string, external: boolean, extra: string): string =>
    `reviewer: ${who}\nexternal: ${external}\nauditor: false\ndate: 2026-06-12\nsigns: "${first.assessment.resultDigest}"\n${extra}`;
  writeFiles(root, {
    '.readiness/reviews/ada.yaml': review('Ada Lovelace', false, 'ratings: { security: 1, docs: 2 }\n'),
    // Text from the repository that reports must escape: a pipe, angle brackets and backticks.
    '.readiness/reviews/grace.yaml': review(
      'Grace Hopper',
      true,
      'ratings: { security: 1, docs: 2 }\noverrides:\n  - pillar: docs\n    level: 2\n    justification: "Onboarding lives in the wiki | see <Onboarding> and `make setup`, which a scan cannot see."\n    evidence:\n      - url: https://wiki.example.com/shop/onboarding\n',
    ),
  });
  commitAll(root, 'reviews', '2026-06-13T09:00:00Z');
}

/** An empty repository: one README and nothing else. */
function buildEmpty(root: string): void {
  commitHistory(root, commits([{ 'README.md': '# Empty\n\nNothing here yet.\n' }]));
}

/** The incomplete fixture: a small service assessed with a detector that fails. */
function buildIncomplete(root: string): void {
  commitHistory(
    root,
    commits([
      {
        'package.json': `${JSON.stringify({ name: 'ledger', version: '0.3.0', dependencies: { fastify: '^4.26.2' }, devDependencies: { vitest: '^1.6.0' } }, null, 2)}\n`,
        'README.md': '# Ledger\n',
        'src/app.js': "import Fastify from 'fastify';\nconst app = Fastify();\napp.get('/v1/entries', async () => []);\napp.listen({ port: 3000 });\n",
        'src/app.test.js': "import { it } from 'vitest';\nit('starts', () => {});\n",
      },
    ]),
  );
  runGit(root, ['remote', 'add', 'origin', 'ssh://git@git.example.org/finance/ledger.git']);
}

/** Unicode paths in folders, file names and evidence. */
function buildUnicode(root: string): void {
  commitHistory(
    root,
    commits([
      {
        'package.json': `${JSON.stringify({ name: 'cafe', version: '1.0.0' }, null, 2)}\n`,
        'README.md': '# Café\n\nVoir `docs/日本.md`.\n',
        'docs/日本.md': '# 日本語のドキュメント\n\nアーキテクチャの説明。\n',
        'src/café/ü.ts': `export const token = '${FIXTURE_SECRET}';\n`,
        'src/café/ü.test.ts': "import { it } from 'vitest';\nit('ü', () => {});\n",
      },
    ]),
  );
  runGit(root, ['remote', 'add', 'origin', 'https://gitlab.com/acme/cafe.git']);
}

/** The detector whose failure makes the incomplete fixture incomplete. */
export const FAILING_DETECTOR = 'has-tests';

function failingDetectors(): AnyDetector[] {
  return DETECTORS.map((d) =>
    d.id === FAILING_DETECTOR
      ? {
          ...d,
          detect: () => {
            throw new Error('cannot read vitest.config.ts: unexpected token');
          },
        }
      : d,
  );
}

/** Replace what changes per run (the temp folder, the tool version) so goldens are stable. */
export function normalise(a: Assessment, dir: string): Assessment {
  const text = JSON.stringify(a).split(JSON.stringify(dir).slice(1, -1)).join(FIXTURE_HOME);
  const out = JSON.parse(text) as Assessment;
  out.tool = { ...out.tool, version: FIXTURE_TOOL_VERSION };
  return out;
}

const FOLDERS: Record<FixtureName, string> = { rich: 'shop', empty: 'empty', incomplete: 'ledger', unicode: 'café' };

/** Build one fixture repository under `dir` and assess it. */
export async function buildFixture(name: FixtureName, dir: string): Promise<ReportFixture> {
  const root = join(dir, FOLDERS[name]);
  mkdirSync(root, { recursive: true });
  if (name === 'rich') await buildRich(root);
  else if (name === 'empty') buildEmpty(root);
  else if (name === 'incomplete') buildIncomplete(root);
  else buildUnicode(root);
  const run = await assess(root, { now: FIXTURE_NOW, workers: 0, ...(name === 'incomplete' ? { detectors: failingDetectors() } : {}) });
  return { name, root, assessment: normalise(run.assessment, dir), evidence: run.evidence };
}

/** Build and assess every fixture (a few seconds: call it once per test file, in beforeAll). */
export async function buildReportFixtures(): Promise<ReportFixtures> {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-report-fixtures-'));
  const fixtures = {} as Record<FixtureName, ReportFixture>;
  for (const name of FIXTURE_NAMES) fixtures[name] = await buildFixture(name, dir);
  return { fixtures, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));

/** The golden file of a fixture in a format: test/reports/golden/<fixture>.<ext>. */
export function goldenPath(name: string, ext: string): string {
  return join(GOLDEN_DIR, `${name}.${ext}`);
}

/**
 * Compare a report with its golden file; with UPDATE_GOLDEN=1, write the golden instead. A
 * missing golden fails (so a new fixture or format is never silently accepted).
 */
export function expectGolden(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`golden file ${file} is missing: run the test with UPDATE_GOLDEN=1 to write it, then review it`);
  }
  expect(actual, `${file} differs: if the change is intended, re-run with UPDATE_GOLDEN=1 and review the diff of the golden`).toBe(expected);
}
