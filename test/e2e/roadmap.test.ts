// `readiness roadmap` as a user runs it, on a small but realistic service: an Express orders API
// with a BullMQ worker, Postgres, pino, Prometheus metrics and OpenTelemetry, one test and a CI
// workflow, written over nine months by three people, with dated targets and their reasons.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoadmapReport } from '../../src/cli/commands/roadmap.ts';
import type { Assessment } from '../../src/core/assessment.ts';
import { addMonths, nextQuarterStart, quarterOf } from '../../src/util/dates.ts';
import { cli, type CliResult } from '../harness.ts';
import { commitHistory, type CommitSpec } from '../repo-builder.ts';

const PACKAGE = `${JSON.stringify(
  {
    name: 'orders-api',
    version: '1.4.0',
    type: 'module',
    scripts: { test: 'vitest run', start: 'node src/server.js' },
    dependencies: {
      express: '^4.19.2',
      bullmq: '^5.7.0',
      pg: '^8.11.0',
      pino: '^9.0.0',
      'pino-http': '^10.0.0',
      'prom-client': '^15.1.0',
      '@opentelemetry/sdk-node': '^0.52.0',
      '@opentelemetry/auto-instrumentations-node': '^0.47.0',
    },
    devDependencies: { vitest: '^1.6.0' },
  },
  null,
  2,
)}\n`;

const SERVER = `import './telemetry.js';
import { randomUUID } from 'node:crypto';
import express from 'express';
import pinoHttp from 'pino-http';
import client from 'prom-client';
import { log } from './log.js';
import { ordersRouter } from './orders/routes.js';

client.collectDefaultMetrics();
const app = express();
app.use(pinoHttp({ logger: log, genReqId: (req) => req.headers['x-request-id'] ?? randomUUID() }));
app.use(express.json());
app.get('/health', (_req, res) => res.json({ ok: true }));
app.get('/metrics', async (_req, res) => res.type(client.register.contentType).send(await client.register.metrics()));
app.use('/orders', ordersRouter);
app.listen(process.env.PORT ?? 3000, () => log.info('listening'));
`;

const ROUTES = `import { Router } from 'express';
import { db } from '../db.js';
import { emailQueue } from '../jobs/email.js';

export const ordersRouter = Router();

ordersRouter.get('/:id', async (req, res) => {
  const { rows } = await db.query('SELECT * FROM orders WHERE id = $1', [req.params.id]);
  res.json(rows[0] ?? null);
});

ordersRouter.post('/', async (req, res) => {
  const { rows } = await db.query('INSERT INTO orders (customer, total) VALUES ($1, $2) RETURNING id', [req.body.customer, req.body.total]);
  await emailQueue.add('order-confirmation', { orderId: rows[0].id });
  res.status(201).json({ id: rows[0].id });
});
`;

const EMAIL_JOB = `import { Queue, Worker } from 'bullmq';
import { log } from '../log.js';

const connection = { host: process.env.REDIS_HOST ?? 'localhost', port: 6379 };
export const emailQueue = new Queue('email', { connection });

new Worker('email', async (job) => {
  log.info({ orderId: job.data.orderId }, 'sending confirmation');
}, { connection });
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

const CONFIG = `# Targets for the enterprise launch
targets:
  reliability:
    level: 3
    by: 2027-09-30
    why: sell into regulated industries
  security:
    level: 3
    by: 2027-06-30
    why: pass the SOC 2 audit
  observability:
    level: 4
    by: 2027-12-31
    why: offer a 99.9% availability SLA
  testing: 3
  # We run on a managed platform and keep no infrastructure code of our own.
  iac: 1
`;

const COMMITS: CommitSpec[] = [
  {
    date: '2026-03-02T10:00:00Z',
    author: 'Maya Chen',
    email: 'maya@example.com',
    message: 'Orders API skeleton',
    files: {
      'package.json': PACKAGE,
      'README.md': '# Orders API\n\nTakes and tracks customer orders.\n',
      'src/server.js': SERVER,
      'src/db.js': "import pg from 'pg';\nexport const db = new pg.Pool({ connectionString: process.env.DATABASE_URL });\n",
      'src/log.js': "import pino from 'pino';\nexport const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });\n",
    },
  },
  {
    date: '2026-05-11T10:00:00Z',
    author: 'Jonas Lindqvist',
    email: 'jonas@example.com',
    message: 'Order routes and confirmation e-mails',
    files: { 'src/orders/routes.js': ROUTES, 'src/jobs/email.js': EMAIL_JOB },
  },
  {
    date: '2026-08-03T10:00:00Z',
    author: 'Maya Chen',
    email: 'maya@example.com',
    message: 'Tests in CI',
    files: {
      'test/orders.test.js': "import { describe, expect, it } from 'vitest';\n\ndescribe('orders', () => {\n  it('computes totals', () => {\n    expect(1 + 1).toBe(2);\n  });\n});\n",
      '.github/workflows/ci.yml': CI,
    },
  },
  {
    date: '2026-09-14T10:00:00Z',
    author: 'Amara Okafor',
    email: 'amara@example.com',
    message: 'Traces with OpenTelemetry',
    files: {
      'src/telemetry.js': "import { NodeSDK } from '@opentelemetry/sdk-node';\nimport { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';\n\nnew NodeSDK({ instrumentations: [getNodeAutoInstrumentations()] }).start();\n",
    },
  },
  { date: '2026-11-02T10:00:00Z', author: 'Jonas Lindqvist', email: 'jonas@example.com', message: 'Readiness targets', files: { 'readiness.config.yaml': CONFIG } },
];

/** The assessment is rewritten to this date, so that `--from` gives the same quarters whenever the test runs. */
const FIXED_DATE = '2026-11-30T09:00:00.000Z';
const QUIET = ['--no-cache', '--progress', 'none'];

let work: string;
let repo: string;
let saved: string;
let text: CliResult;
let json: RoadmapReport;
let fixed: CliResult;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'readiness-roadmap-e2e-'));
  repo = join(work, 'orders-api');
  mkdirSync(repo);
  commitHistory(repo, COMMITS);
  const assessed = await cli(['assess', repo, '--json', ...QUIET]);
  expect(assessed.code).toBe(0);
  const assessment = JSON.parse(assessed.stdout) as Assessment;
  saved = join(work, 'assessment.json');
  writeFileSync(saved, JSON.stringify({ ...assessment, assessedAt: FIXED_DATE }));
  const [t, j, f] = await Promise.all([cli(['roadmap', repo, ...QUIET]), cli(['roadmap', repo, '--json', ...QUIET]), cli(['roadmap', repo, '--from', saved])]);
  expect([t.code, j.code, f.code, t.stderr, j.stderr, f.stderr]).toEqual([0, 0, 0, '', '', '']);
  text = t;
  json = JSON.parse(j.stdout) as RoadmapReport;
  fixed = f;
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The lines of a section of the text report, from its heading to the next blank line. */
function section(out: string, heading: string): string[] {
  const lines = out.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The summary's sentences as one text: the report wraps them to its width. */
const summaryText = (out: string): string => section(out, 'Summary').map((l) => l.trim()).join(' ');

describe('readiness roadmap on a fresh assessment', () => {
  it('puts the executive summary first, then the targets, the work by quarter and the projections', () => {
    const lines = text.stdout.split('\n');
    const day = /assessed (\d{4}-\d{2}-\d{2})/.exec(lines[0]!)![1]!;
    const start = nextQuarterStart(day);
    expect(lines[0]).toMatch(new RegExp(`^Roadmap for ${repo} \\(assessed ${day} at [0-9a-f]{12}\\)$`));
    expect(lines[1]).toBe(`Targets from ${join(repo, 'readiness.config.yaml')}.`);
    expect(lines.filter((l) => /^[A-Z0-9]/.test(l)).slice(2)).toEqual([
      'Summary',
      'Targets',
      `Roadmap (starts ${start})`,
      quarterOf(start),
      quarterOf(addMonths(start, 3)),
      'Blocked (cannot start while the targets stand)',
      'Projected',
      expect.stringMatching(/^64 item\(s\), 3 blocked; about 103\.5-315 engineer-weeks; /),
    ]);
    const summary = summaryText(text.stdout);
    expect(summary.startsWith('1 of 14 pillars is at or above the typical Level 3; 13 are behind. We are at Level 1 on Architecture & Modularity and need to be at Level 3: 6 pieces of work, about 9-28 engineer-weeks, projected to reach Level 3 in ')).toBe(true);
    expect(summary).toContain('The platform can see its own breaches but cannot prevent them (Observability at Level 3, Security & Compliance at Level 1).');
    expect(summary).toContain('The profile is uneven: Level 3 on Observability but Level 1 on 12 pillars, a spread of two levels.');
    expect(section(text.stdout, 'Targets').slice(0, 2)).toEqual([
      '  Pillar                                Level  Target  By          Standing  Plausibility',
      '  Architecture & Modularity                 1       3  -           behind    -',
    ]);
    // An item: its size, pillar, criterion and what it unlocks; the gap in one line; the remediation.
    expect(text.stdout).toContain(
      [
        '  [S] Background Processing — background.retries-with-backoff (unlocks Level 2)',
        '      gap: A job queue is used, but no retry-with-backoff option was found on its jobs or queues.',
        '      do: Configure attempts and exponential backoff on queues, and keep the default retries of',
        '      queues that have them switched on.',
      ].join('\n'),
    );
    expect(text.stdout).toContain(`      waits for Testing & Quality Gates Level 2 (${quarterOf(start)})`);
  });

  it('gives the whole structure as JSON, with the quarters the phasing and the order of investment give', () => {
    const start = nextQuarterStart(json.assessedAt.slice(0, 10));
    /** The quarter `n` quarters after the programme starts. */
    const q = (n: number): string => quarterOf(addMonths(start, 3 * n));
    expect(json.start).toBe(start);
    expect(json.targetSource).toEqual({ file: join(repo, 'readiness.config.yaml'), default: false });
    expect(json.totals).toEqual({ items: 64, unscheduled: 3, weeks: [103.5, 315], quarters: 4, lastQuarter: q(3) });
    const byQuarter = (quarter: string | null): string[] => json.items.filter((i) => i.quarter === quarter).map((i) => `${i.criterion} ${i.effort.size}`);
    expect(byQuarter(q(0))).toEqual([
      // The pillars others wait for come first: Architecture, Background Processing, Security, Testing.
      'architecture.architecture-documented S',
      'architecture.module-boundaries M',
      'architecture.static-analysis S',
      'background.idempotency-keys M',
      'background.retries-with-backoff S',
      'security.rate-limiting M',
      'security.vulnerability-policy S',
      'testing.static-analysis S',
      'api.deprecation-policy M',
      'api.spec-exists M',
      'api.validates-requests S',
      'api.version-prefix M',
      'data.migration-tool M',
      'reliability.circuit-breakers M',
      'reliability.graceful-shutdown M',
      'reliability.outbound-timeouts S',
      'scalability.load-tests-exist S',
      'finops.budgets M',
      'finops.most-resources-tagged S',
      'finops.some-cost-tags S',
      'docs.not-tribal M',
      'docs.onboarding S',
      'docs.readme S',
      'team.codeowners S',
      'team.review-standard M',
      'team.truck-factor S',
      // Observability climbs 3 -> 4 from the start; two of its criteria the scan cannot decide.
      'observability.alerts-to-runbooks S',
      'observability.error-budgets S',
      'observability.slos L',
    ]);
    expect(byQuarter(q(1))).toHaveLength(32);
    expect(byQuarter(null)).toEqual(['finops.anomaly-alerts M', 'finops.every-resource-tagged S', 'finops.weekly-review S']);
    expect(json.items.filter((i) => i.pillar === 'cicd').map((i) => [i.criterion, i.quarter, i.blockedBy.map((b) => `${b.pillar} ${b.level} ${b.until}`)])).toEqual([
      ['cicd.automated-deploy', q(1), [`testing 2 ${q(0)}`]],
      ['cicd.automated-rollback', q(1), [`testing 2 ${q(0)}`]],
      ['cicd.containerized', q(1), [`testing 2 ${q(0)}`]],
      ['cicd.daily-deploys', q(1), [`testing 2 ${q(0)}`]],
    ]);
    const plan = (id: string) => json.pillars.find((p) => p.pillar === id)!;
    expect(plan('reliability')).toMatchObject({ level: 1, target: 3, by: '2027-09-30', why: 'sell into regulated industries', state: 'planned', reachesTargetIn: q(2), items: 6, weeks: [9, 28] });
    expect(plan('observability')).toMatchObject({ level: 3, target: 4, standing: 'normal', projected: [{ level: 4, quarter: q(3) }], items: 3, weeks: [7, 17] });
    expect(plan('finops')).toMatchObject({ state: 'blocked', projected: [{ level: 2, quarter: q(0) }], reachesTargetIn: null, blocked: { level: 3 } });
    expect(plan('iac')).toMatchObject({ level: 1, target: 1, state: 'at-target', items: 0 });
    expect(json.interactions.map((i) => i.id)).toEqual(['sees-breaches-cannot-prevent']);
    expect(json.blocks.map((b) => `${b.pillar} ${b.level} <- ${b.requires.pillar} ${b.requires.level}${b.unreachable ? ' (unreachable)' : ''}`)).toEqual([
      'reliability 3 <- background 2',
      'scalability 3 <- background 2',
      'scalability 3 <- architecture 2',
      'api 3 <- security 2',
      'data 3 <- security 2',
      'cicd 3 <- testing 2',
      'finops 3 <- iac 2 (unreachable)',
    ]);
    expect(json.summary[0]).toBe('1 of 14 pillars is at or above the typical Level 3; 13 are behind.');
  });
});

describe('readiness roadmap --from', () => {
  it('plans a saved assessment: the summary a CFO reads, dated against the assessment', () => {
    expect(fixed.stdout.split('\n')[0]).toMatch(new RegExp(`^Roadmap for ${repo} \\(assessed 2026-11-30 at [0-9a-f]{12}\\)$`));
    expect(summaryText(fixed.stdout)).toBe(
      [
        '1 of 14 pillars is at or above the typical Level 3; 13 are behind.',
        'We are at Level 1 on Architecture & Modularity and need to be at Level 3: 6 pieces of work, about 9-28 engineer-weeks, projected to reach Level 3 in 2027-Q3.',
        'We are at Level 1 on API Contract & Versioning and need to be at Level 3: 6 pieces of work, about 10.5-32 engineer-weeks, projected to reach Level 3 in 2027-Q3.',
        'We are at Level 1 on Data Architecture and need to be at Level 3: 2 pieces of work, about 4-12 engineer-weeks, projected to reach Level 3 in 2027-Q3.',
        'We are at Level 1 on Background Processing and need to be at Level 3: 3 pieces of work, about 4.5-14 engineer-weeks, projected to reach Level 3 in 2027-Q3.',
        'We are at Level 1 on Security & Compliance and need to be at Level 3 by 2027-06-30 to pass the SOC 2 audit: 8 pieces of work, about 14.5-44 engineer-weeks, projected to reach Level 3 in 2027-Q3 — one quarter after the date.',
        'And 8 more pillars are below their targets: Reliability & Resilience, Scalability, Testing & Quality Gates, Cost Visibility & FinOps, Documentation & Knowledge Management, Team Practices & Governance, Observability and CI/CD & Deployment.',
        'Order of investment: Background Processing, Architecture & Modularity, Security & Compliance and Testing & Quality Gates first.',
        'Reliability & Resilience cannot reach Level 3 while Background Processing is at Level 1: retries, timeouts and recovery of work need jobs that are queued, retried and visible, not fire-and-forget.',
        'Scalability cannot reach Level 3 while Background Processing is at Level 1: scaling out needs slow work moved off the request path into managed background processing.',
        'Scalability cannot reach Level 3 while Architecture & Modularity is at Level 1: parts of the system can scale independently only when module boundaries exist.',
        'API Contract & Versioning cannot reach Level 3 while Security & Compliance is at Level 1: a published, versioned contract has to be authenticated and authorised before others build on it.',
        'Data Architecture cannot reach Level 3 while Security & Compliance is at Level 1: codified data governance (retention, access, backups) rests on access control and secret handling.',
        'CI/CD & Deployment cannot reach Level 3 while Testing & Quality Gates is at Level 1: automated deployment is only as safe as the automated tests that gate it.',
        "Cost Visibility & FinOps cannot reach Level 3 while Infrastructure as Code is at Level 1: cost allocation by tags is enforceable only on infrastructure defined as code; Infrastructure as Code's target of Level 1 keeps it there, so Cost Visibility & FinOps's target of Level 3 cannot be reached.",
        'The profile is uneven: Level 3 on Observability but Level 1 on 12 pillars, a spread of two levels.',
        'The platform can see its own breaches but cannot prevent them (Observability at Level 3, Security & Compliance at Level 1).',
        'The target for Security & Compliance is not plausible: Level 3 by 2027-06-30 is two levels above Level 1 within 12 months; a climb of more than one level in 12 months is rare and usually takes hiring or organisational change, not just engineering; moving from Level 1 to Level 3 typically takes 9 months and only 7 remain before 2027-06-30. A plausible target is Level 2 by 2027-06-30.',
        'The target for Reliability & Resilience is not plausible: Level 3 by 2027-09-30 is two levels above Level 1 within 12 months; a climb of more than one level in 12 months is rare and usually takes hiring or organisational change, not just engineering. A plausible target is Level 2 by 2027-09-30.',
        'In all: 64 pieces of work (3 of them blocked), about 103.5-315 engineer-weeks, across 4 quarters, ending 2027-Q4; pillars are assumed to progress in parallel.',
      ].join(' '),
    );
  });

  it('judges each dated target, and projects each pillar against its date', () => {
    const targets = section(fixed.stdout, 'Targets');
    expect(targets.filter((l) => /2027-|to /.test(l))).toEqual([
      '  Security & Compliance                     1       3  2027-06-30  behind    implausible: more than one level in 12 months (7.5), faster than the phasing (section 2); plausible: Level 2 by 2027-06-30',
      '      to pass the SOC 2 audit',
      '  Observability                             3       4  2027-12-31  normal    plausible',
      '      to offer a 99.9% availability SLA',
      '  Reliability & Resilience                  1       3  2027-09-30  behind    implausible: more than one level in 12 months (7.5); plausible: Level 2 by 2027-09-30',
      '      to sell into regulated industries',
    ]);
    const projected = section(fixed.stdout, 'Projected');
    expect(projected.filter((l) => /due|blocked|CI\/CD|^  Architecture/.test(l))).toEqual([
      '  Architecture & Modularity: Level 2 in 2027-Q1, Level 3 in 2027-Q3',
      '  Security & Compliance: Level 2 in 2027-Q1, Level 3 in 2027-Q3; late: due 2027-06-30',
      '  Observability: Level 4 in 2027-Q4; on time: due 2027-12-31',
      '  Reliability & Resilience: Level 2 in 2027-Q1, Level 3 in 2027-Q3; on time: due 2027-09-30',
      '  CI/CD & Deployment: Level 3 in 2027-Q3',
      '  Cost Visibility & FinOps: Level 2 in 2027-Q1; Level 3 blocked: Cost Visibility & FinOps cannot',
    ]);
    expect(fixed.stdout.trimEnd().split('\n').at(-1)).toBe('64 item(s), 3 blocked; about 103.5-315 engineer-weeks; 2027-Q1 to 2027-Q4 (4 quarter(s))');
  });

  it('plans a stored assessment by its id', async () => {
    const store = join(work, 'history.sqlite');
    const stored = await cli(['assess', repo, '--save', '--store', store, '--json', ...QUIET]);
    expect(stored.stderr).toMatch(/^readiness: assessment 1 stored in /);
    const [r, missing] = await Promise.all([cli(['roadmap', repo, '--from', '1', '--store', store, '--json']), cli(['roadmap', repo, '--from', '7', '--store', store])]);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as RoadmapReport;
    expect(plan.items.map((i) => i.criterion)).toEqual(json.items.map((i) => i.criterion));
    expect(plan.summary.slice(0, 2)).toEqual(json.summary.slice(0, 2));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^readiness: no stored assessment 7 in .*history\.sqlite \(`readiness history --json` lists the ids\)\n$/);
  }, 60_000);

  it('says when the targets are the default: Level 3 on every pillar', async () => {
    const elsewhere = join(work, 'no-config');
    mkdirSync(elsewhere);
    const [r, t] = await Promise.all([cli(['roadmap', elsewhere, '--from', saved, '--json']), cli(['roadmap', elsewhere, '--from', saved])]);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as RoadmapReport;
    expect(plan.targetSource).toEqual({ file: null, default: true });
    // Observability is at its target (3 items fewer); IaC targets 3 (4 items more), so Cost Visibility is no longer blocked.
    expect(plan.totals).toEqual({ items: 65, unscheduled: 0, weeks: [101.5, 314], quarters: 3, lastQuarter: '2027-Q3' });
    expect(t.stdout.split('\n')[1]).toBe('Targets are the default: every pillar targets the typical Level 3 (no config file found).');
   }, 60_000);

  it('refuses what is not an assessment in one line, and --save with --from', async () => {
    const notOne = join(work, 'config.json');
    writeFileSync(notOne, '{"targets":{}}');
    const [missing, bad, both] = await Promise.all([
      cli(['roadmap', repo, '--from', join(work, 'nope.json')]),
      cli(['roadmap', repo, '--from', notOne]),
      cli(['roadmap', repo, '--from', saved, '--save']),
    ]);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: `readiness: cannot read assessment ${join(work, 'nope.json')}: ENOENT (give a file written by readiness assess --json)\n` });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^readiness: not an assessment: .*config\.json: schemaVersion: .*\n$/);
    expect(both).toEqual({ code: 2, stdout: '', stderr: 'readiness: --save stores a fresh assessment; --from plans from one already made (give one of them)\n' });
   }, 60_000);
});
