// examples/legacy-platform: the "current state" of section 6.3 of the maturity model. One
// Express app in plain JavaScript grown for five years by one person: two route files of 24k and
// 22k lines, 108 PM2 worker processes polling MySQL, secrets in config.js, open CORS, no tests,
// no CI, deploy by ssh + pm2 restart.
import type { FileContent, Person, Tree } from '../git.ts';
import { addDays, at, isWeekend, Random } from '../random.ts';
import { add, play, type PlayResult, type State, type TimelineEvent } from '../timeline.ts';
import {
  BACKUP_SH,
  configJs,
  DB_JS,
  DEPLOY_SH,
  ecosystemJs,
  FAKE_SECRETS,
  FIX_TOTALS_JS,
  GITIGNORE,
  HELPERS_JS,
  MAILER_JS,
  packageJson,
  README_MD,
  S3_JS,
  schemaJs,
  SERVER_JS,
  WORKERS,
  workerJs,
} from './files.ts';
import { buildRouteFiles, lineCount, renderRouteFile } from './routes.ts';

export const LEGACY_PEOPLE = {
  dave: { name: 'Dave Kowalski', email: 'dave@orderdesk.example.com', tz: '+0100' },
  priya: { name: 'Priya Nair', email: 'priya.nair@devcontract.example', tz: '+0530' },
  tom: { name: 'Tom Becker', email: 'tom.becker@orderdesk.example.com', tz: '+0100' },
} satisfies Record<string, Person>;

const routes = buildRouteFiles();
const API_TOTAL = routes.api.handlers.length;
const ADMIN_TOTAL = routes.admin.handlers.length;

const apiCache = new Map<number, string>();
const adminCache = new Map<number, string>();
function cached(cache: Map<number, string>, n: number, make: () => string): string {
  let v = cache.get(n);
  if (v === undefined) {
    v = make();
    cache.set(n, v);
  }
  return v;
}

function serverJs(s: State): string {
  let text = SERVER_JS;
  if (!s.features.has('admin')) text = text.replace("app.use('/admin', require('./routes/admin'));\n", '');
  if (!s.features.has('fileupload')) {
    text = text.replace("var fileUpload = require('express-fileupload');\n", '').replace('app.use(fileUpload());\n', '');
  }
  return text;
}

function deps(s: State): string[] {
  const d = ['body-parser', 'cors', 'express', 'express-session', 'lodash', 'moment', 'mysql', 'async'];
  if (s.features.has('mailer')) d.push('nodemailer');
  if (s.features.has('s3')) d.push('aws-sdk');
  if (s.features.has('admin')) d.push('mysql2', 'multer');
  if (s.features.has('fileupload')) d.push('express-fileupload');
  if ([...s.features].some((f) => f.startsWith('worker:')) || s.features.has('erp')) d.push('axios');
  return d;
}

export function renderLegacy(s: State): Tree {
  const files = new Map<string, FileContent>();
  const put = (path: string, text: string, executable = false): void => {
    files.set(path, executable ? { text, executable } : { text });
  };
  const c = (k: string): number => s.counters.get(k) ?? 0;
  put('.gitignore', GITIGNORE);
  put('README.md', README_MD);
  put('package.json', packageJson(`${c('major') || 1}.${c('minor')}.0`, deps(s)));
  put('server.js', serverJs(s));
  put('config.js', configJs());
  put('db.js', DB_JS);
  put('lib/helpers.js', HELPERS_JS);
  put('lib/schema.js', schemaJs());
  if (s.features.has('mailer')) put('lib/mailer.js', MAILER_JS);
  if (s.features.has('s3')) put('lib/s3.js', S3_JS);
  put('routes/api.js', cached(apiCache, c('api'), () => renderRouteFile(routes.api, c('api'))));
  if (s.features.has('admin')) put('routes/admin.js', cached(adminCache, c('admin'), () => renderRouteFile(routes.admin, c('admin'))));
  const workers = WORKERS.filter((w) => s.features.has(`worker:${w.name}`));
  for (const w of workers) put(`workers/${w.name}.js`, workerJs(w));
  if (workers.length > 0) put('ecosystem.config.js', ecosystemJs(workers));
  if (s.features.has('deploy')) put('deploy.sh', DEPLOY_SH, true);
  if (s.features.has('backup')) put('scripts/backup-db.sh', BACKUP_SH, true);
  if (s.features.has('fix-totals')) put('scripts/fix-order-totals.js', FIX_TOTALS_JS);
  return files;
}

const grow =
  (counter: 'api' | 'admin', by: number) =>
  (s: State): void => {
    const max = counter === 'api' ? API_TOTAL : ADMIN_TOTAL;
    s.counters.set(counter, Math.min(max, (s.counters.get(counter) ?? 0) + by));
  };

/** A commit message for handlers n0..n1 of a route file, the way Dave writes them. */
function growthMessage(counter: 'api' | 'admin', n0: number, n1: number, r: Random): string {
  const f = counter === 'api' ? routes.api : routes.admin;
  const paths = f.handlers
    .slice(n0, n1)
    .map((h) => /router\.(?:get|post|put|delete)\('\/([^'/]+)(?:\/[^']*)?'/.exec(h)?.[1])
    .filter((p): p is string => p !== undefined);
  const topic = paths[0] ?? 'misc';
  return r.pick([
    `${topic} endpoints`,
    `${counter === 'admin' ? 'admin: ' : ''}${topic}`,
    `more ${topic} stuff`,
    `${topic} + ${paths[paths.length - 1] ?? 'fixes'}`,
    'wip',
    `fix ${topic}`,
    `${counter} changes for ${topic}`,
    'changes from call with sales',
    'hotfix',
    `${topic} export/print`,
  ]);
}

interface Slot {
  day: string;
  hour: number;
  minute: number;
}

/** Dave's working pattern: evenings, weekends, bursts before releases. */
function daveSlots(r: Random, from: string, to: string, count: number): Slot[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const picked = new Set<string>();
  while (picked.size < count) {
    const d = r.pick(days);
    picked.add(d);
  }
  return [...picked].sort().map((day) => ({
    day,
    hour: isWeekend(day) ? r.int(10, 22) : r.pick([8, 9, 12, 19, 20, 21, 22]),
    minute: r.int(0, 59),
  }));
}

/** Split `total` over `n` commits with uneven, seeded sizes (each at least 1). */
function split(total: number, n: number, r: Random): number[] {
  const w = Array.from({ length: n }, () => 0.3 + r.next() * r.next() * 3);
  const sum = w.reduce((a, b) => a + b, 0);
  const out = w.map((x) => Math.max(1, Math.floor((total - n) * (x / sum)) + 1));
  let diff = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % n) {
    if (diff > 0) {
      out[i]!++;
      diff--;
    } else if (out[i]! > 1) {
      out[i]!--;
      diff++;
    }
  }
  return out;
}

function plan(): TimelineEvent[] {
  const { dave, priya, tom } = LEGACY_PEOPLE;
  const r = new Random(20210208);
  const ev: TimelineEvent[] = [];
  const commit = (author: Person, wall: string, message: TimelineEvent & { kind: 'commit' } extends { message: infer M } ? M : never, change: (s: State) => void, ref = 'main'): void => {
    ev.push({ kind: 'commit', ref, author, at: wall, message, change });
  };

  const milestones: [string, string, (s: State) => void][] = [
    ['2021-03-02', 'deploy script', add('deploy')],
    ['2021-03-19', 'send mails for new orders', add('mailer')],
    ['2021-04-12', 'order sync worker + pm2 config', add('worker:order-sync')],
    ['2021-05-06', 'uploads to s3', add('s3')],
    ['2021-06-14', 'admin panel (mysql2 because promises)', (s) => { add('admin')(s); s.counters.set('admin', 25); }],
    ['2021-08-23', 'stock levels from wms', add('worker:stock-levels')],
    ['2021-10-05', 'file uploads on orders', add('fileupload')],
    ['2021-11-15', 'shipment tracking worker', add('worker:shipment-tracker')],
    ['2022-01-10', 'nightly backup script', add('backup')],
    ['2022-02-21', 'payment reconcile worker', add('worker:payment-reconcile')],
    ['2022-09-12', 'abandoned carts reminder', add('worker:abandoned-carts')],
    ['2023-01-16', 'scheduled price updates', add('worker:price-updates')],
    ['2023-03-14', 'script to fix order totals (finance)', add('fix-totals')],
    ['2023-06-05', 'report builder worker for admin reports', add('worker:report-builder')],
    ['2023-10-23', 'notification sender (sms + mail)', add('worker:notification-sender')],
    ['2024-04-08', 'search indexer', add('worker:search-indexer')],
    ['2025-03-10', 'cleanup worker, disk was full again', add('worker:cleanup')],
  ];
  // While a contractor's branch is open Dave only touches routes/api.js, so the merges are real
  // merges of diverged histories that touch different files.
  const branchWindows: [string, string][] = [
    ['2022-06-13', '2022-06-27'],
    ['2024-11-04', '2024-11-29'],
  ];
  const inWindow = (d: string): boolean => branchWindows.some(([a, b]) => d >= a && d <= b);
  const events: { day: string; make: () => void }[] = [];
  const on = (day: string, make: () => void): void => {
    events.push({ day, make });
  };

  commit(dave, '2021-02-08T21:14', 'initial commit', (s) => {
    add('server')(s);
    s.counters.set('api', 30);
  });
  for (const [day, message, change] of milestones) {
    const wall = at(day, r.int(19, 22), r.int(0, 59));
    on(wall, () => commit(dave, wall, message, change));
  }

  const PRIYA_ADMIN = 14;
  const TOM_ADMIN = 8;
  const TOM_API = 6;
  const milestoneDays = new Set(milestones.map(([d]) => d));
  const slots = daveSlots(r, '2021-02-09', '2026-05-22', 150).filter((sl) => !milestoneDays.has(sl.day));
  const apiSlots: Slot[] = [];
  const adminSlots: Slot[] = [];
  for (const sl of slots) {
    const adminOpen = sl.day >= '2021-06-15' && !inWindow(sl.day);
    (adminOpen && r.chance(0.5) ? adminSlots : apiSlots).push(sl);
  }
  const apiSizes = split(API_TOTAL - 30 - TOM_API, apiSlots.length, r);
  const adminSizes = split(ADMIN_TOTAL - 25 - PRIYA_ADMIN - TOM_ADMIN, adminSlots.length, r);
  const growthCommit = (counter: 'api' | 'admin', sl: Slot, by: number): void =>
    on(at(sl.day, sl.hour, sl.minute), () => {
      let n0 = 0;
      commit(
        dave,
        at(sl.day, sl.hour, sl.minute),
        (s) => growthMessage(counter, n0, s.counters.get(counter) ?? 0, r),
        (s) => {
          n0 = s.counters.get(counter) ?? 0;
          grow(counter, by)(s);
        },
      );
    });
  apiSlots.forEach((sl, i) => growthCommit('api', sl, apiSizes[i]!));
  adminSlots.forEach((sl, i) => growthCommit('admin', sl, adminSizes[i]!));

  // Priya's contract (summer 2022): invoice mails, on a branch, merged by Dave.
  on('2022-06-13T10:12', () => {
    ev.push({ kind: 'branch', ref: 'priya/invoice-mailer' });
    commit(priya, '2022-06-13T10:12', 'Add invoice mailer worker', add('worker:invoice-mailer'), 'priya/invoice-mailer');
    commit(priya, '2022-06-15T14:40', 'Admin: invoice exports', grow('admin', 8), 'priya/invoice-mailer');
    commit(priya, '2022-06-22T16:30', 'Admin: more invoice screens', grow('admin', PRIYA_ADMIN - 8), 'priya/invoice-mailer');
  });
  on('2022-06-27T23:41', () => ev.push({ kind: 'merge', branch: 'priya/invoice-mailer', author: dave, at: '2022-06-27T23:41', message: "Merge branch 'priya/invoice-mailer'" }));
  // Tom (2024-2025): supplier feeds on a branch, a few fixes on main.
  on('2024-11-04T09:31', () => {
    ev.push({ kind: 'branch', ref: 'supplier-feed' });
    commit(tom, '2024-11-04T09:31', 'supplier feed import worker', add('worker:supplier-feed'), 'supplier-feed');
    commit(tom, '2024-11-12T15:02', 'admin screens for supplier feeds', grow('admin', 5), 'supplier-feed');
    commit(tom, '2024-11-21T11:48', 'supplier feed: handle empty files', grow('admin', TOM_ADMIN - 5), 'supplier-feed');
  });
  on('2024-11-29T23:07', () => ev.push({ kind: 'merge', branch: 'supplier-feed', author: dave, at: '2024-11-29T23:07', message: "Merge branch 'supplier-feed'" }));
  for (const [day, msg, n] of [
    ['2024-12-03', 'fix invoice totals rounding', 2],
    ['2024-12-16', 'mobile: paging for products', 2],
    ['2025-01-09', 'customers search by vat number', TOM_API - 4],
  ] as const) {
    on(at(day, 14, 20), () => commit(tom, at(day, 14, 20), msg, grow('api', n)));
  }

  // Releases: Dave tags when he remembers.
  const tags = ['2021-04-01', '2021-07-02', '2021-10-29', '2022-02-25', '2022-07-01', '2022-11-18', '2023-03-31', '2023-07-14', '2023-12-01', '2024-03-22', '2024-07-05', '2024-12-06', '2025-04-11', '2025-08-29', '2025-12-12', '2026-04-17'];
  tags.forEach((day, i) => {
    const major = i < 7 ? 1 : 2;
    const minor = i < 7 ? i : i - 7;
    on(at(day, 23, 58), () => {
      if (i > 0) {
        commit(dave, at(day, 23, 58), `release ${major}.${minor}.0`, (s) => {
          s.counters.set('major', major);
          s.counters.set('minor', minor);
        });
      }
      ev.push({ kind: 'tag', name: `v${major}.${minor}.0`, tagger: dave, at: at(day, 23, 59), message: `v${major}.${minor}.0` });
    });
  });

  events.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  for (const e of events) e.make();
  return ev;
}

export interface LegacyFacts {
  apiLines: number;
  adminLines: number;
  workerApps: number;
  workerProcesses: number;
  /** Raw values that must never appear in any output. */
  secrets: string[];
  /** path:line of each hard-coded credential in config.js and the workers (the salt aside). */
  secretLocations: string[];
  corsLocation: string;
  commits: number;
}

function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not found: ${needle}`);
  return text.slice(0, i).split('\n').length;
}

export function buildLegacy(): { result: PlayResult; facts: LegacyFacts } {
  const result = play(renderLegacy, plan());
  const t = (p: string): string => result.tree.get(p)!.text;
  const config = t('config.js');
  const secretLocations = [
    FAKE_SECRETS.dbPassword,
    FAKE_SECRETS.awsAccessKeyId,
    FAKE_SECRETS.awsSecretAccessKey,
    FAKE_SECRETS.sessionSecret,
    FAKE_SECRETS.smtpPassword,
    FAKE_SECRETS.erpPassword,
  ].map((v) => `config.js:${lineOf(config, v)}`);
  secretLocations.push(`workers/invoice-mailer.js:${lineOf(t('workers/invoice-mailer.js'), '://orderdesk:')}`);
  const facts: LegacyFacts = {
    apiLines: lineCount(t('routes/api.js')),
    adminLines: lineCount(t('routes/admin.js')),
    workerApps: WORKERS.length,
    workerProcesses: WORKERS.reduce((n, w) => n + w.instances, 0),
    secrets: Object.values(FAKE_SECRETS),
    secretLocations,
    corsLocation: `server.js:${lineOf(t('server.js'), 'app.use(cors());')}`,
    commits: result.history.commits,
  };
  return { result, facts };
}
