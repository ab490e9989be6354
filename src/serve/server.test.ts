// The dashboard over HTTP, against real stores: SQLite always, PostgreSQL at 127.0.0.1:5432 when
// it is there (CI requires it). Each store holds real assessments (a series with a level that is
// confirmed and one that regressed; reviews, overrides, attestations and waivers; GitHub, GitLab
// and unhosted remotes; an incomplete assessment), two hostile keys, a repository with more
// assessments than a trend window, and a synthetic fleet.
import { existsSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/harness.ts';
import { FIXTURE_SECRET } from '../../test/reports/fixtures.ts';
import { assessDashboardData, DASHBOARD_NOW, DOTS_KEY, FLEET, IDS, LONG_LIVED_COUNT, LONG_LIVED_KEY, SCRIPT_KEY, seedDashboard, type DashboardData } from '../../test/serve/dashboard-store.ts';
import { portfolioOracle, type Sort } from '../../test/serve/oracle.ts';
import { freshDatabase, pgUp } from '../../test/shared/postgres.ts';
import { fleetHours, fleetKey, fleetLevel, type FleetOptions } from '../../test/serve/seed.ts';
import type { Assessment } from '../core/assessment.ts';
import { PILLAR_IDS } from '../core/types.ts';
import { openStore, type Store } from '../history/db.ts';
import { reading } from '../history/queries.ts';
import { loadRubric } from '../rubric/load.ts';
import { addMonths, daysBetween } from '../util/dates.ts';
import { CONTENT_SECURITY_POLICY, createHandler, startServer, type RunningServer } from './server.ts';

const rubric = loadRubric();
let data: DashboardData;
beforeAll(async () => {
  data = await assessDashboardData();
}, 180_000);
afterAll(() => data?.cleanup());

// ---------------------------------------------------------------------------------------------
// Requests as sent: node:http does not normalise the path, so `..` reaches the server as written.

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(server: RunningServer, path: string, opts: { method?: string; host?: string; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: opts.method ?? 'GET', headers: { host: opts.host ?? `127.0.0.1:${server.port}`, ...(opts.body !== undefined ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const text = (html: string): string => html.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);

/** The repository keys of a portfolio page's rows, in order. */
function rowKeys(html: string): string[] {
  return [...html.matchAll(/<th scope="row" class="name"><a href="\/repo\/[^"]*">([^<]*)<\/a>/g)].map((m) => text(m[1]!));
}

/** Each row's "Next rating" pill: "Due YYYY-MM-DD" or "Stale · N days overdue". */
function rowPills(html: string): string[] {
  return [...html.matchAll(/<span class="pill (?:stale|due)" title="[^"]*">([^<]*)<\/span>/g)].map((m) => text(m[1]!));
}

/** The cells of a repository page's pillar row: observed, confirmed, status. */
function pillarRow(html: string, pillar: string): string[] {
  const row = new RegExp(`<tr><th scope="row" class="name"><a href="/assessment/\\d+#pillar-${pillar}">[^<]*</a></th>(.*?)</tr>`).exec(html);
  if (!row) return [];
  return [...row[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => text(m[1]!.replace(/<[^>]+>/g, '')).trim());
}

// ---------------------------------------------------------------------------------------------
// What the fleet's rows must say.

const latestOfFleet = (r: number, fleet: FleetOptions): string => {
  const d = new Date(fleet.start);
  d.setUTCMonth(d.getUTCMonth() + 3 * (fleet.perRepository - 1));
  return new Date(d.getTime() + fleetHours(r, fleet.repositories) * 3_600_000).toISOString();
};

/**
 * The cadence of a fleet repository: its latest levels are 1 + r % 4 and one more on odd pillars,
 * the one a quarter before only 1 + r % 4; so from r % 4 = 2 every applicable pillar is confirmed
 * at 3 or more (annual re-rating), below it fewer than half are (quarterly).
 */
function fleetPill(r: number, fleet: FleetOptions): string {
  const at = latestOfFleet(r, fleet);
  const annual = r % 4 >= 2 && fleet.perRepository >= 2;
  const due = addMonths(at, annual ? 12 : 3);
  const overdue = daysBetween(due, DASHBOARD_NOW.toISOString());
  return overdue > 0 ? `Stale · ${overdue} ${overdue === 1 ? 'day' : 'days'} overdue` : `Due ${due}`;
}

// ---------------------------------------------------------------------------------------------

interface Opened {
  store: Store;
  /** The file of a SQLite store. */
  file?: string;
}

function behaviour(name: string, open: () => Promise<Opened>, fleet: FleetOptions): void {
  describe(name, () => {
    let store: Store;
    let file: string | undefined;
    let saved: Assessment[];
    let server: RunningServer;
    const repositories = fleet.repositories + 8;
    const pages = Math.ceil(repositories / 50);

    beforeAll(async () => {
      const seeded = await open();
      saved = await seedDashboard(seeded.store, data, fleet);
      // Seeded, closed, and opened again as `readiness serve` opens it.
      await seeded.store.close();
      ({ store, file } = await open());
      server = await startServer({ store, rubric, port: 0, now: () => DASHBOARD_NOW });
    }, 180_000);
    afterAll(async () => {
      await server?.close();
      await store?.close();
    });

    const get = (path: string, opts?: Parameters<typeof send>[2]): Promise<Reply> => send(server, path, opts);

    it('listens on the loopback address, and answers /healthz with ok', async () => {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
      expect(await get('/healthz')).toMatchObject({ status: 200, body: 'ok' });
    });

    it('pages the portfolio 50 repositories at a time, with the total and links to the next and previous pages', async () => {
      const first = await get('/');
      expect(first.status).toBe(200);
      expect(rowKeys(first.body)).toEqual(portfolioOracle(saved, 'name').slice(0, 50).map((r) => r.key));
      expect(first.body).toContain(`Repositories 1–50 of ${repositories}`);
      expect(first.body).toContain(`<span class="count">Page 1 of ${pages}</span>`);
      expect(first.body).toContain('<a rel="next" href="/?page=2">Next →</a>');
      expect(first.body).not.toContain('rel="prev"');
      expect(first.body).toContain(`<span class="kpi-value">${repositories.toLocaleString('en-US')}</span><span class="kpi-label">repositories assessed</span>`);
      expect(first.body).toContain(`<span class="kpi-value">${saved.length.toLocaleString('en-US')}</span><span class="kpi-label">assessments stored</span>`);

      const last = await get(`/?page=${pages}`);
      const rest = repositories - 50 * (pages - 1);
      expect(rowKeys(last.body)).toEqual(portfolioOracle(saved, 'name').slice(50 * (pages - 1)).map((r) => r.key));
      expect(rowKeys(last.body)).toHaveLength(rest);
      expect(last.body).toContain(`Repositories ${50 * (pages - 1) + 1}–${repositories} of ${repositories}`);
      expect(last.body).toContain(`<a rel="prev" href="${pages === 2 ? '/' : `/?page=${pages - 1}`}">← Previous</a>`);
      expect(last.body).not.toContain('rel="next"');

      const beyond = await get(`/?page=${pages + 1}`);
      expect(beyond.status).toBe(404);
      expect(beyond.body).toContain(`There is no page ${pages + 1}: the list has ${pages} pages.`);
      for (const bad of ['/?page=0', '/?page=abc', '/?page=-1', '/?sort=size']) expect((await get(bad)).status).toBe(400);
    });

    it.each(['name', 'assessed', 'lowest'] as const)('sorts by %s: each page lists exactly the oracle’s rows', async (sort: Sort) => {
      const expected = portfolioOracle(saved, sort).map((r) => r.key);
      const listed: string[] = [];
      for (let page = 1; page <= pages; page++) {
        const reply = await get(`/?${sort === 'name' ? '' : `sort=${sort}&`}page=${page}`);
        expect(reply.status).toBe(200);
        listed.push(...rowKeys(reply.body));
        // The sort in force is marked, and the page links keep it.
        expect(reply.body).toContain(`aria-current="true">${{ name: 'Name', assessed: 'Last assessed', lowest: 'Lowest level' }[sort]}</a>`);
        if (page < pages) expect(reply.body).toContain(`<a rel="next" href="/?${sort === 'name' ? '' : `sort=${sort}&amp;`}page=${page + 1}">`);
      }
      expect(listed).toEqual(expected);
    });

    it('starts the newest first and the lowest first, with real figures', async () => {
      const assessed = rowKeys((await get('/?sort=assessed')).body);
      expect(assessed.slice(0, 8)).toEqual([LONG_LIVED_KEY, 'github.com/acme/payments', '/home/dev/empty', 'git.example.org/finance/ledger', 'github.com/acme/shop', 'gitlab.com/acme/cafe', DOTS_KEY, SCRIPT_KEY]);
      const lowest = (await get('/?sort=lowest')).body;
      const rows = portfolioOracle(saved, 'lowest').slice(0, 50);
      expect(rows.slice(0, 20).every((r) => r.lowest === 1)).toBe(true);
      expect(rowKeys(lowest)).toEqual(rows.map((r) => r.key));
      // Fleet repository 0: thirteen applicable pillars, all below 3.
      expect(lowest).toContain(`<td class="num" title="13 applicable pillar(s) below level 3"><span class="below">13</span></td>`);
    });

    it('searches by part of a name', async () => {
      const found = await get('/?q=SVC-001');
      expect(rowKeys(found.body)).toEqual(Array.from({ length: 10 }, (_, i) => fleetKey(10 + i)));
      expect(found.body).toContain('Repositories 1–10 of 10');
      expect(found.body).toContain('value="SVC-001"');
      const none = await get('/?q=nothing-like-this');
      expect(none.status).toBe(200);
      expect(none.body).toContain('No repository name contains “nothing-like-this”.');
    });

    it("shows each row's latest levels, commit and when its next rating is due", async () => {
      const body = (await get('/')).body;
      const oracle = portfolioOracle(saved, 'name').slice(0, 50);
      const pills = rowPills(body);
      expect(pills).toHaveLength(50);
      const real: Record<string, string> = {
        '/home/dev/empty': 'Due 2026-09-15',
        'git.example.org/finance/ledger': 'Due 2026-09-15',
        'github.com/acme/payments': 'Due 2026-10-27',
        'github.com/acme/shop': 'Due 2026-09-15',
        [DOTS_KEY]: 'Stale · 31 days overdue',
        [SCRIPT_KEY]: 'Stale · 31 days overdue',
        // Assessed monthly until 2026-08-10 with levels 4-5: annual, confirmed.
        [LONG_LIVED_KEY]: 'Due 2027-08-10',
      };
      oracle.forEach((row, i) => {
        const r = /svc-(\d+)$/.exec(row.key);
        expect(pills[i], row.key).toBe(r ? fleetPill(Number(r[1]), fleet) : real[row.key]);
      });
      const stale = pills.filter((p) => p.startsWith('Stale')).length;
      expect(body).toContain(`<span class="kpi-value">${stale} of 50</span><span class="kpi-label">on this page overdue for re-rating</span>`);
      // Fleet repository 1 at its latest: level 2 on even pillars, 3 on odd ones, N/A on pillar 10.
      const row = new RegExp(`<a href="/repo/${encodeURIComponent(fleetKey(1))}">.*?</tr>`, 's').exec(body)![0];
      const badges = [...row.matchAll(/<span class="level level-(\d|na)"/g)].map((m) => (m[1] === 'na' ? null : Number(m[1])));
      expect(badges).toEqual(PILLAR_IDS.map((_, i) => fleetLevel(1, i, fleet.perRepository - 1)));
      expect(badges[10]).toBeNull();
    });

    it('shows a repository: levels observed and confirmed, the trend, the roadmap and its assessments', async () => {
      const reply = await get(`/repo/${encodeURIComponent('github.com/acme/payments')}`);
      expect(reply.status).toBe(200);
      const body = reply.body;
      expect(pillarRow(body, 'testing')).toEqual(['L1', 'L1', 'regressed from 2', 'L3', '2']);
      expect(pillarRow(body, 'cicd')).toEqual(['L2', 'L2', 'Confirmed', 'L3', '1']);
      expect(pillarRow(body, 'team')).toEqual(['L2', 'L1', 'observed, not confirmed until 2026-10-27', 'L3', '1']);
      expect(pillarRow(body, 'data')).toEqual(['N/A', 'N/A', 'N/A', 'L3', '–']);
      expect(pillarRow(body, 'security')).toEqual(['L1', 'L1', 'Confirmed', 'L3', '2']);
      // Every pillar leads to the latest assessment's drill-down.
      for (const p of PILLAR_IDS) expect(body).toContain(`<a href="/assessment/${IDS.payments[3]}#pillar-${p}">`);
      // The trend chart states its data: four assessments, each pillar's levels and confirmed level.
      expect(body).toContain('4 assessments from 2026-01-15 to 2026-07-27.');
      expect(body).toContain('Testing &amp; Quality Gates 1, 2, 2, 1, confirmed 1;');
      expect(body).toContain('CI/CD &amp; Deployment 1, 1, 2, 2, confirmed 2;');
      expect(body).toMatch(/<svg class="chart chart-trend" role="img"/);
      expect(body).toMatch(/<svg class="chart chart-radar" role="img"/);
      expect(body).toMatch(/<svg class="chart chart-gaps" role="img"/);
      expect(body).toContain('<span class="kpi-value">2026-10-27</span><span class="kpi-label">next rating due (quarterly)</span>');
      expect(body).toContain('The dashboard cannot read the repository’s config file');
      expect(body).toContain('(testing.static-analysis met → unmet)');
      expect([...body.matchAll(/<th scope="row" class="name"><a href="\/assessment\/(\d+)">/g)].map((m) => Number(m[1]))).toEqual([...IDS.payments].reverse());
      expect(body).toContain('<a href="https://github.com/acme/payments">on GitHub</a>');
      expect((await get(`/repo/${encodeURIComponent('github.com/acme/nothing')}`)).status).toBe(404);
    });

    it('shows the newest 40 assessments of a long history and pages further back; the list pages by 25', async () => {
      const key = encodeURIComponent(LONG_LIVED_KEY);
      const newest = (await get(`/repo/${key}`)).body;
      expect(newest).toContain(`40 assessments from 2023-05-10 to 2026-08-10: window 1 of 2`);
      expect(newest).toContain(`<a href="/repo/${key}?trend=2#trend">← Older assessments</a>`);
      expect(newest).toContain('40 assessments from 2023-05-10 to 2026-08-10.');
      expect(newest).toContain(`Assessments 1–25 of ${LONG_LIVED_COUNT}`);
      const older = (await get(`/repo/${key}?trend=2`)).body;
      expect(older).toContain('5 assessments from 2022-12-10 to 2023-04-10.');
      expect(older).toContain(`<a href="/repo/${key}#trend">Newer assessments →</a>`);
      // What is confirmed now and when to re-rate stay the newest assessments'.
      for (const page of [newest, older]) expect(page).toContain('<span class="kpi-value">2027-08-10</span><span class="kpi-label">next rating due (annual)</span>');
      const list2 = (await get(`/repo/${key}?page=2`)).body;
      expect(list2).toContain(`Assessments 26–45 of ${LONG_LIVED_COUNT}`);
      expect((await get(`/repo/${key}?trend=3`)).status).toBe(404);
      expect((await get(`/repo/${key}?page=3`)).status).toBe(404);
    });

    it('reads at most the documents a page shows', async () => {
      let documents = 0;
      const counter: KyselyPlugin = {
        transformQuery: (args) => args.node,
        transformResult: (args) => {
          for (const row of args.result.rows) if (row && typeof row === 'object' && 'document' in row) documents++;
          return Promise.resolve(args.result);
        },
      };
      const handle = createHandler({ store: { ...store, db: store.db.withPlugin(counter) }, rubric, now: () => DASHBOARD_NOW });
      await handle('GET', '/?sort=lowest&page=2');
      expect(documents).toBe(0);
      await handle('GET', `/repo/${encodeURIComponent(LONG_LIVED_KEY)}`);
      expect(documents).toBe(40);
      documents = 0;
      await handle('GET', `/repo/${encodeURIComponent(LONG_LIVED_KEY)}?trend=2`);
      expect(documents).toBe(45); // the five of the window, and the newest forty: what is confirmed now
      documents = 0;
      await handle('GET', `/assessment/${IDS.rich}`);
      expect(documents).toBe(1);
    });

    it('drills down to every pillar and criterion, with evidence linked to GitHub at the commit, reviews and overrides', async () => {
      const rich = data.fixtures.rich.assessment;
      const reply = await get(`/assessment/${IDS.rich}`);
      expect(reply.status).toBe(200);
      const body = reply.body;
      const commit = rich.subject.commit!;
      expect(body).toContain(`<a class="loc" href="https://github.com/acme/shop/blob/${commit}/src/config.js#L3">src/config.js:3</a>`);
      expect(body).toContain(`<a class="mono" href="https://github.com/acme/shop/commit/${commit}">${commit.slice(0, 8)}</a>`);
      for (const p of PILLAR_IDS) {
        expect(body).toContain(`<section class="pillar" id="pillar-${p}"`);
        expect(body).toContain(`<a href="#pillar-${p}">`);
      }
      for (const c of rich.pillars.flatMap((p) => (p.applicable ? p.criteria : []))) expect(body).toContain(`id="criterion-${c.id}"`);
      for (const s of ['met', 'unmet', 'unknown', 'attested', 'waived']) expect(body).toContain(`<span class="badge badge-${s}">`);
      expect(body).toContain('<span class="callout-title">Override.</span> Grace Hopper set the level to 2 against the computed 1');
      expect(body).toContain('Onboarding lives in the wiki | see &lt;Onboarding&gt; and `make setup`, which a scan cannot see.');
      expect(body).toContain('<a href="https://wiki.example.com/shop/onboarding">https://wiki.example.com/shop/onboarding</a>');
      expect(body).toMatch(/<tr><th scope="row">Grace Hopper<\/th><td>external<\/td><td>2026-06-12<\/td><td>valid<\/td><td>security 1, docs 2<\/td><td>docs set to 2: /);
      expect(body).toMatch(/<tr><th scope="row">Ada Lovelace<\/th><td>internal<\/td>/);
      expect(body).toContain('Waived (applied)</span>approved by Carol Shaw (CTO)');
      expect(body).not.toContain(FIXTURE_SECRET);
    });

    it('links GitLab evidence at the commit, and shows unhosted evidence as paths, never as links', async () => {
      const cafe = data.fixtures.unicode.assessment;
      const gitlab = (await get(`/assessment/${IDS.unicode}`)).body;
      expect(gitlab).toContain(`<a class="loc" href="https://gitlab.com/acme/cafe/-/blob/${cafe.subject.commit}/src/caf%C3%A9/%C3%BC.ts#L1">src/café/ü.ts:1</a>`);
      const ledger = (await get(`/assessment/${IDS.incomplete}`)).body;
      expect(ledger).not.toContain('<a class="loc"');
      expect(ledger).toContain('<span class="loc">src/app.js</span>');
      expect(ledger).toContain('<strong>Incomplete assessment.</strong> detector has-tests failed: cannot read vitest.config.ts: unexpected token. The criteria that depend on it are unknown, not unmet.');
      expect(ledger).toContain('its remote is not a GitHub or GitLab repository the dashboard can link to');
    });

    it('answers 404 for unknown pages and 405 for anything but GET and HEAD, with its headers', async () => {
      for (const path of ['/nope', '/assessment/999999', '/assessment/abc', '/assessment/0', '/repo/', '/favicon.ico', '/%2e%2e/etc/passwd']) {
        const reply = await get(path);
        expect(reply.status, path).toBe(404);
        expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(reply.body).toContain('<h1>Not found</h1>');
      }
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
        const reply = await get('/', method === 'OPTIONS' ? { method } : { method, body: 'x=1' });
        expect(reply.status, method).toBe(405);
        expect(reply.headers.allow).toBe('GET, HEAD');
        expect(reply.headers['access-control-allow-origin']).toBeUndefined();
      }
      const head = await get('/', { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.body).toBe('');
      expect(Number(head.headers['content-length'])).toBeGreaterThan(10_000);
      for (const reply of [await get('/'), await get('/nope'), await get('/', { method: 'POST' })]) {
        expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
        expect(reply.headers['x-content-type-options']).toBe('nosniff');
        expect(reply.headers['x-frame-options']).toBe('DENY');
        expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      }
      expect(CONTENT_SECURITY_POLICY).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    });

    it('escapes a hostile repository key everywhere, and looks keys up as they are', async () => {
      const escaped = '/srv/&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;&amp;&#39;x&#39;';
      const portfolio = (await get('/?sort=assessed')).body;
      expect(portfolio).toContain(`>${escaped}</a>`);
      const repo = await get(`/repo/${encodeURIComponent(SCRIPT_KEY)}`);
      expect(repo.status).toBe(200);
      expect(repo.body).toContain(`<h1>${escaped}</h1>`);
      const assessment = (await get(`/assessment/${IDS.script}`)).body;
      for (const page of [portfolio, repo.body, assessment]) expect(page).not.toMatch(/<script/i);
      const search = (await get(`/?q=${encodeURIComponent('<script>"')}`)).body;
      expect(search).not.toMatch(/<script/i);
      expect(search).toContain('value="&lt;script&gt;&quot;"');
      // Dot segments and encoded slashes are part of a key: nothing is resolved, nothing escapes.
      expect((await get('/repo/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
      expect((await get('/repo/../../etc/passwd')).status).toBe(404);
      expect((await get('/assessment/../healthz')).status).toBe(404);
      const dots = await get(`/repo/${encodeURIComponent(DOTS_KEY)}`);
      expect(dots.status).toBe(200);
      expect(dots.body).toContain('<h1>/srv/../../etc/passwd</h1>');
      // A key's slashes may be sent as they are.
      expect((await get('/repo/github.com/acme/payments')).body).toContain('<h1>github.com/acme/payments</h1>');
      expect((await get('/repo/%E0%A4%A')).status).toBe(400);
      expect((await get('/repo/%00')).status).toBe(404);
    });

    it('refuses requests addressed to another host than the loopback (DNS rebinding)', async () => {
      expect((await get('/', { host: 'attacker.example:80' })).status).toBe(403);
      expect((await get('/healthz', { host: `localhost:${server.port}` })).status).toBe(200);
      expect((await get('/healthz', { host: `[::1]:${server.port}` })).status).toBe(200);
    });

    it('never writes to the store', async () => {
      const counts = async (): Promise<number[]> =>
        Promise.all((['repositories', 'assessments', 'pillar_levels', 'evidence'] as const).map(async (t) => Number((await store.db.selectFrom(t).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)));
      const before = { counts: await counts(), file: file ? statSync(file) : undefined };
      expect(before.counts.slice(0, 2)).toEqual([repositories, saved.length]);
      for (const path of ['/', '/?sort=lowest', `/repo/${encodeURIComponent('github.com/acme/payments')}`, `/repo/${encodeURIComponent(LONG_LIVED_KEY)}?trend=2`, `/assessment/${IDS.rich}`, '/nope']) await get(path);
      for (const method of ['POST', 'PUT', 'DELETE']) await get(`/repo/${encodeURIComponent('github.com/acme/payments')}`, { method, body: '{"level":5}' });
      expect(await counts()).toEqual(before.counts);
      // The transaction every page reads in refuses a write.
      const write = reading(store, (s) => s.db.insertInto('repositories').values({ key: 'x', created_at: '2026-01-01' }).execute());
      await expect(write).rejects.toThrow(store.kind === 'sqlite' ? 'attempt to write a readonly database' : 'cannot execute INSERT in a read-only transaction');
      expect(await counts()).toEqual(before.counts);
      if (file) {
        const after = statSync(file);
        expect([after.mtimeMs, after.size]).toEqual([before.file!.mtimeMs, before.file!.size]);
        // Nothing waits in the write-ahead log either.
        expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);
      }
    });
  });
}

behaviour(
  'the dashboard over a SQLite store',
  (() => {
    let file: string | undefined;
    return async () => {
      file ??= join(tempDir(), 'history.sqlite');
      return { store: await openStore(file), file };
    };
  })(),
  FLEET,
);

describe.skipIf(!pgUp)('PostgreSQL', () => {
  const url = freshDatabase('serve');
  behaviour('the dashboard over a PostgreSQL store', async () => ({ store: await openStore(url) }), { repositories: 60, perRepository: 2, start: '2025-01-01T08:00:00.000Z' });
});
