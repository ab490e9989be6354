// npx tsx bench/serve.ts [--repositories 500] [--per 10] [--long 200] [--requests 40] [--store postgres://...]
//
// How fast `readiness serve` answers over a store of hundreds of repositories and thousands of
// assessments. Seeds a store (SQLite under the OS temp folder, reused by later runs with the same
// shape; or an empty PostgreSQL database given with --store) with REPOSITORIES x PER assessments of
// realistic size (copies of a real assessment, ~100 KB of JSON each, with their raw evidence), plus
// one repository with LONG assessments (more than one trend window). Then starts the dashboard in
// this process and times REQUESTS sequential requests of each page over HTTP (after a warm-up),
// and the portfolio under 8 concurrent clients. Prints min, median, p95 and max latency in ms.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../src/history/db.ts';
import { saveAssessment } from '../src/history/store.ts';
import { loadRubric } from '../src/rubric/load.ts';
import { startServer } from '../src/serve/server.ts';
import { assessPayments, fleetAssessment, fleetKey, seedFleet, type FleetOptions } from '../test/serve/seed.ts';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const repositories = Number(option('repositories', '500'));
const per = Number(option('per', '10'));
const long = Number(option('long', '200'));
const requests = Number(option('requests', '40'));
const given = option('store', '');
const LONG_KEY = 'github.com/bench/long-lived';

async function seed(store: Store): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'readiness-bench-serve-repo-'));
  try {
    const t0 = performance.now();
    const series = await assessPayments(work);
    const { assessment, evidence } = series.at(-1)!;
    const fleet: FleetOptions = { repositories, perRepository: per, start: '2024-01-01T08:00:00.000Z', full: true };
    await seedFleet(store, assessment, fleet, evidence);
    for (let j = 0; j < long; j++) {
      const a = fleetAssessment(assessment, 1, j, { ...fleet, start: '2020-01-06T08:00:00.000Z' });
      const at = new Date(Date.parse('2020-01-06T08:00:00Z') + j * 7 * 86_400_000).toISOString();
      await saveAssessment(store, { ...a, subject: { ...a.subject, remote: `https://${LONG_KEY}.git` }, assessedAt: at }, evidence);
    }
    console.log(`seeded ${repositories} x ${per} + ${long} assessments of ~${Math.round(JSON.stringify(assessment).length / 1024)} KB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const target = given || join(tmpdir(), `readiness-bench-serve-v1-${repositories}x${per}+${long}.sqlite`);
const fresh = given ? true : !existsSync(target);
let store = await openStore(target);
if (fresh) {
  const count = Number((await store.db.selectFrom('assessments').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  if (count > 0 && given) {
    console.log(`${store.location} already holds ${count} assessments: using them as they are`);
  } else {
    await seed(store);
    // Reopen as `readiness serve` would: the seed's writes are on disk, the caches cold.
    await store.close();
    store = await openStore(target);
  }
} else {
  console.log(`reusing ${target} (delete it to seed again)`);
}

const server = await startServer({ store, rubric: loadRubric(), port: 0 });
const middle = fleetKey(Math.floor(repositories / 2));
const lastPage = Math.ceil((repositories + 1) / 50);
const pages: [string, string][] = [
  ['portfolio, page 1 by name', '/'],
  [`portfolio, page ${lastPage} by name`, `/?page=${lastPage}`],
  ['portfolio, page 1 by last assessed', '/?sort=assessed'],
  [`portfolio, page ${lastPage} by lowest level`, `/?sort=lowest&page=${lastPage}`],
  ['portfolio, search "svc-01"', '/?q=svc-01'],
  [`repository, ${per} assessments`, `/repo/${encodeURIComponent(middle)}`],
  [`repository, ${long} assessments (newest 40)`, `/repo/${encodeURIComponent(LONG_KEY)}`],
  [`repository, ${long} assessments, oldest window`, `/repo/${encodeURIComponent(LONG_KEY)}?trend=${Math.ceil(long / 40)}`],
  ['assessment drill-down', '/assessment/1'],
];

async function timeOne(path: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t0 = performance.now();
  const res = await fetch(new URL(path, server.url));
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, bytes: body.byteLength, status: res.status };
}

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const fmt = (n: number): string => n.toFixed(1).padStart(7);

console.log(`\n${store.kind} store ${store.location}; ${requests} sequential requests per page after 3 warm-up requests\n`);
console.log(`${'page'.padEnd(46)} ${'min'.padStart(7)} ${'median'.padStart(7)} ${'p95'.padStart(7)} ${'max'.padStart(7)}     KB`);
for (const [label, path] of pages) {
  for (let i = 0; i < 3; i++) await timeOne(path);
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < requests; i++) {
    const r = await timeOne(path);
    if (r.status !== 200) throw new Error(`${path}: HTTP ${r.status}`);
    times.push(r.ms);
    bytes = r.bytes;
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(46)} ${fmt(times[0]!)} ${fmt(quantile(times, 0.5))} ${fmt(quantile(times, 0.95))} ${fmt(times.at(-1)!)} ${String(Math.round(bytes / 1024)).padStart(6)}`);
}

// Eight clients asking for portfolio pages at once: requests are served one after another by one
// process (SQLite reads are synchronous), so latency grows with the queue and throughput is flat.
const clients = 8;
const each = Math.max(5, Math.floor(requests / 2));
const all: number[] = [];
const t0 = performance.now();
await Promise.all(
  Array.from({ length: clients }, async (_, c) => {
    for (let i = 0; i < each; i++) all.push((await timeOne(`/?page=${1 + ((c + i) % lastPage)}`)).ms);
  }),
);
const wall = (performance.now() - t0) / 1000;
all.sort((a, b) => a - b);
console.log(`${`portfolio pages, ${clients} concurrent clients`.padEnd(46)} ${fmt(all[0]!)} ${fmt(quantile(all, 0.5))} ${fmt(quantile(all, 0.95))} ${fmt(all.at(-1)!)}   ${(all.length / wall).toFixed(0)} req/s`);

await server.close();
await store.close();
