// History stores for the dashboard's tests and benchmark: a real repository assessed four times
// over half a year (real evidence, a level that moves and gets confirmed), and synthetic fleets of
// repositories made of copies of a real assessment with their own keys, dates, commits and levels,
// written through saveAssessment like any other. No vitest here, so the benchmark can use it.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Assessment, PillarResult } from '../../src/core/assessment.ts';
import { assess } from '../../src/engine/assess.ts';
import type { EvidenceRecord } from '../../src/engine/judge.ts';
import type { Store } from '../../src/history/db.ts';
import { saveAssessment } from '../../src/history/store.ts';
import { commitHistory, runGit, writeFiles, type Files } from '../repo-builder.ts';

export interface Assessed {
  assessment: Assessment;
  evidence: EvidenceRecord;
}

/** When the payments series is assessed: quarterly-ish, so the second level reached is confirmed by the last. */
export const PAYMENTS_DATES = ['2026-01-15T10:00:00.000Z', '2026-03-02T10:00:00.000Z', '2026-04-20T10:00:00.000Z', '2026-07-27T10:00:00.000Z'] as const;
export const PAYMENTS_REMOTE = 'https://github.com/acme/payments.git';
export const PAYMENTS_KEY = 'github.com/acme/payments';

const SERVER = `import express from 'express';

const app = express();
app.use(express.json());
app.get('/payments', (req, res) => res.json([]));
app.post('/payments', (req, res) => res.status(201).json(req.body));
app.listen(3000);
`;

const TEST = `import { describe, expect, it } from 'vitest';

describe('payments', () => {
  it('lists payments', () => {
    expect([]).toEqual([]);
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
      - run: npm ci
      - run: npm test
`;

const README = `# Payments

The payments API takes card and bank payments for the shop and records them in the ledger.

## Install

Run \`npm ci\` with Node 20. The service reads its settings from the environment: \`PORT\` for the port it listens on and \`LEDGER_URL\` for the ledger it records payments in.

## Run

Run \`npm start\` to start the service on port 3000, or \`npm run dev\` to restart it on every change while you work on it.

## Test

Run \`npm test\` for the unit tests and \`npm run lint\` for the linter. Both run on every pull request, and a pull request merges only when both pass.
`;

function commit(root: string, files: Files, date: string, message: string, remove: readonly string[] = [], who = 'Ada Lovelace <ada@example.com>'): void {
  writeFiles(root, files);
  if (remove.length > 0) runGit(root, ['rm', '-q', ...remove]);
  runGit(root, ['add', '-A']);
  const [, name = '', email = ''] = /^(.*) <(.*)>$/.exec(who) ?? [];
  runGit(root, ['-c', `user.name=${name}`, '-c', `user.email=${email}`, '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message], {
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  });
}

/**
 * The payments service under `dir`, assessed at each of PAYMENTS_DATES: a bare Express service;
 * then with tests and a linter (testing reaches level 2); then with CI, docs and CODEOWNERS (CI/CD
 * reaches level 2); then a quarter later, by a second author, without the linter (testing
 * regresses to 1, team reaches 2 with a truck factor of two, CI/CD's level 2 is confirmed).
 */
export async function assessPayments(dir: string): Promise<Assessed[]> {
  const root = join(dir, 'payments');
  mkdirSync(root, { recursive: true });
  commitHistory(root, [
    {
      files: {
        'package.json': `${JSON.stringify({ name: 'payments', version: '1.0.0', type: 'module', scripts: { test: 'vitest run' }, dependencies: { express: '^4.19.2' } }, null, 2)}\n`,
        'README.md': '# Payments\n\nThe payments API. Run `npm ci` then `npm start`.\n',
        'src/server.js': SERVER,
      },
      date: '2025-12-01T09:00:00Z',
    },
  ]);
  runGit(root, ['remote', 'add', 'origin', PAYMENTS_REMOTE]);
  const out: Assessed[] = [];
  const run = async (date: string): Promise<void> => {
    const r = await assess(root, { now: new Date(date), workers: 0 });
    out.push({ assessment: r.assessment, evidence: r.evidence });
  };
  await run(PAYMENTS_DATES[0]);
  const pkg = { name: 'payments', version: '1.1.0', type: 'module', scripts: { test: 'vitest run', lint: 'eslint .' }, dependencies: { express: '^4.19.2' }, devDependencies: { vitest: '^1.6.0', eslint: '^9.0.0' } };
  commit(root, { 'src/server.test.js': TEST, 'package.json': `${JSON.stringify(pkg, null, 2)}\n`, 'eslint.config.js': 'export default [];\n' }, '2026-02-20T09:00:00Z', 'tests', [], 'Grace Hopper <grace@example.com>');
  await run(PAYMENTS_DATES[1]);
  commit(root, { '.github/workflows/ci.yml': CI, 'README.md': README, 'CONTRIBUTING.md': '# Contributing\n\nOpen a pull request against main; CODEOWNERS review it.\n', '.github/CODEOWNERS': '* @acme/payments\n' }, '2026-04-10T09:00:00Z', 'ci and docs');
  await run(PAYMENTS_DATES[2]);
  const unlinted = { ...pkg, version: '1.2.0', scripts: { test: 'vitest run' }, devDependencies: { vitest: '^1.6.0' } };
  commit(root, { 'package.json': `${JSON.stringify(unlinted, null, 2)}\n`, 'docs/runbook.md': '# Runbook\n\nRestart the service with `npm start`; payments in flight are retried by the ledger.\n', 'src/refunds.js': 'export const refunds = [];\nexport function refund(id) {\n  refunds.push(id);\n  return id;\n}\n' }, '2026-07-01T09:00:00Z', 'drop the linter', ['eslint.config.js'], 'Grace Hopper <grace@example.com>');
  await run(PAYMENTS_DATES[3]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Synthetic fleets.

export interface FleetOptions {
  repositories: number;
  perRepository: number;
  /** The first assessment of the first repository; each later one is a quarter later. */
  start: string;
  /** Keep the criteria and detector records in the copies (realistic documents) or drop them (small, quick stores). */
  full?: boolean;
}

/** The key of synthetic repository `r`: github.com/fleet/svc-0042. */
export const fleetKey = (r: number): string => `github.com/fleet/svc-${String(r).padStart(4, '0')}`;

/** Hours after the quarter's date that repository `r` is assessed: spreads "last assessed" over the fleet. */
export const fleetHours = (r: number, repositories: number): number => (r * 37) % repositories;

/**
 * The level of pillar `i` of repository `r` at its assessment `j`: the lowest level of a
 * repository is 1 + r % 4 (pillar 0 never moves), others vary; one pillar in eleven is N/A.
 */
export function fleetLevel(r: number, i: number, j: number): number | null {
  if (i > 0 && (r + i) % 11 === 0) return null;
  return Math.min(5, 1 + (r % 4) + ((i * j) % 2));
}

function addHours(iso: string, months: number, hours: number): string {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() + months);
  return new Date(d.getTime() + hours * 3_600_000).toISOString();
}

/** Assessment `j` of synthetic repository `r`: the template with the fleet's key, date, commit and levels. */
export function fleetAssessment(template: Assessment, r: number, j: number, opts: FleetOptions): Assessment {
  const pillars: PillarResult[] = template.pillars.map((p, i) => {
    const level = fleetLevel(r, i, j);
    return {
      ...p,
      criteria: opts.full ? p.criteria : [],
      applicable: level !== null,
      level,
      gapToTarget: level === null ? null : p.target - level,
      gapToTypical: level === null ? null : level - template.typicalLevel,
    };
  });
  return {
    ...template,
    subject: { ...template.subject, remote: `https://${fleetKey(r)}.git`, path: `/srv/fleet/svc-${r}`, commit: createHash('sha1').update(`fleet ${r} ${j}`).digest('hex') },
    assessedAt: addHours(opts.start, 3 * j, fleetHours(r, opts.repositories)),
    pillars,
    detectors: opts.full ? template.detectors : [],
  };
}

/**
 * Write a fleet into a store through saveAssessment, and return what was saved. SQLite stores are
 * written without waiting for the disk (a seed is thrown away if it fails), which is what makes
 * thousands quick.
 */
export async function seedFleet(store: Store, template: Assessment, opts: FleetOptions, evidence?: EvidenceRecord): Promise<Assessment[]> {
  const saved: Assessment[] = [];
  if (store.kind === 'sqlite') await sql`pragma synchronous = OFF`.execute(store.db);
  for (let r = 0; r < opts.repositories; r++) {
    for (let j = 0; j < opts.perRepository; j++) {
      const a = fleetAssessment(template, r, j, opts);
      await saveAssessment(store, a, evidence);
      saved.push(a);
    }
  }
  if (store.kind === 'sqlite') await sql`pragma synchronous = FULL`.execute(store.db);
  return saved;
}
