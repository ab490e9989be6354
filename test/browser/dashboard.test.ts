// The dashboard (`readiness serve`) in a real browser: playwright-core driving Debian's Chromium
// through the portfolio, a repository and an assessment as a platform team would, by mouse and by
// keyboard. The levels, the trend chart and the evidence links are checked where the reader sees
// them; nothing is fetched from anywhere but the dashboard, no script runs, and the stylesheet and
// inline SVG pass the Content-Security-Policy. Screenshots go to test-output/screenshots/.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PILLAR_IDS } from '../../src/core/types.ts';
import { openStore, type Store } from '../../src/history/db.ts';
import { loadRubric } from '../../src/rubric/load.ts';
import { startServer, type RunningServer } from '../../src/serve/server.ts';
import { tempDir } from '../harness.ts';
import { assessDashboardData, DASHBOARD_NOW, IDS, SCRIPT_KEY, seedDashboard, type DashboardData } from '../serve/dashboard-store.ts';
import { chromiumPath, launchBrowser, recordRequests, screenshotPath } from './browser.ts';

// The functions passed to page.evaluate run in the browser; the project's TypeScript has no DOM
// library (src must not use it), so the few browser globals used here are declared for this file.
interface BrowserElement {
  tagName: string;
  id: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
}
declare const document: { activeElement: BrowserElement | null; body: BrowserElement };
declare function getComputedStyle(el: BrowserElement): { outlineStyle: string; outlineWidth: string };

let data: DashboardData;
let store: Store;
let server: RunningServer;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!chromiumPath) return;
  data = await assessDashboardData();
  const file = join(tempDir(), 'history.sqlite');
  const seeding = await openStore(file);
  await seedDashboard(seeding, data);
  await seeding.close();
  store = await openStore(file);
  server = await startServer({ store, rubric: loadRubric(), port: 0, now: () => DASHBOARD_NOW });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await store?.close();
  data?.cleanup();
});

interface Opened {
  page: Page;
  requests: string[];
  /** Console errors (a refused style or image would be one) and dialogs (a script that ran). */
  problems: string[];
}

async function open(path: string, viewport = { width: 1440, height: 900 }): Promise<Opened> {
  const page = await browser!.newPage({ viewport });
  const requests = recordRequests(page);
  const problems: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
  return { page, requests, problems };
}

/** Press Tab until focus comes back to where it started (or `max` times); what each press focused. */
async function tabThrough(page: Page, max = 400): Promise<{ tag: string; href: string | null; text: string; outline: string }[]> {
  const seen: { tag: string; href: string | null; text: string; outline: string }[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      return { tag: el.tagName.toLowerCase(), href: el.getAttribute('href'), text: (el.textContent ?? '').trim(), outline: `${s.outlineStyle} ${s.outlineWidth}` };
    });
    if (f === null) break;
    if (seen.length > 0 && f.href === seen[0]!.href && f.text === seen[0]!.text) break;
    seen.push(f);
  }
  return seen;
}

const onlyDashboard = (requests: readonly string[]): boolean => requests.every((u) => u.startsWith(server.url));

describe.skipIf(!chromiumPath)('the dashboard in Chromium', () => {
  it('lists the portfolio, and the keyboard reaches the skip link, the search, the sorts and every repository', async () => {
    const { page, requests, problems } = await open('/');
    try {
      expect(await page.title()).toBe('Portfolio · readiness');
      const rows = page.locator('table.portfolio tbody tr');
      expect(await rows.count()).toBe(50);
      await expect.poll(() => page.locator('.pager .range').first().textContent()).toBe('Repositories 1–50 of 308');
      const rowLinks = await page.locator('table.portfolio tbody th a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(rowLinks).toHaveLength(50);
      await page.screenshot({ path: screenshotPath('dashboard-portfolio.png'), fullPage: true });

      const focused = await tabThrough(page);
      expect(focused[0]).toMatchObject({ tag: 'a', href: '#main', text: 'Skip to content' });
      expect(focused.some((f) => f.tag === 'input')).toBe(true);
      expect(focused.filter((f) => f.href?.startsWith('/repo/')).map((f) => f.href)).toEqual(rowLinks);
      // Focus is always visible.
      expect(focused.every((f) => f.outline.startsWith('solid'))).toBe(true);
      expect(focused.findLastIndex((f) => f.text === 'Next →')).toBeGreaterThan(focused.findIndex((f) => f.href === rowLinks.at(-1)));

      // The skip link moves focus past the header.
      await page.goto(new URL('/', server.url).href);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      expect(onlyDashboard(requests)).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('follows a repository: its levels, confirmed levels and trend chart, with every pillar reachable by keyboard', async () => {
    const { page, requests, problems } = await open('/?sort=assessed');
    try {
      await page.getByRole('link', { name: 'github.com/acme/payments', exact: true }).click();
      await page.waitForURL(/\/repo\/github\.com%2Facme%2Fpayments$/);
      expect(await page.locator('h1').textContent()).toBe('github.com/acme/payments');
      const trend = page.locator('svg.chart-trend');
      await expect.poll(() => trend.isVisible()).toBe(true);
      expect(await trend.getAttribute('aria-label')).toContain('Testing & Quality Gates 1, 2, 2, 1, confirmed 1; CI/CD & Deployment 1, 1, 2, 2, confirmed 2;');
      const box = await trend.boundingBox();
      expect(box!.width).toBeGreaterThan(1000);
      for (const kind of ['radar', 'gaps']) expect(await page.locator(`svg.chart-${kind}`).isVisible()).toBe(true);
      const cells = async (pillar: string): Promise<string[]> =>
        page.locator(`#pillars tbody tr:has(a[href$="#pillar-${pillar}"]) td`).evaluateAll((tds) => tds.map((td) => (td.textContent ?? '').trim()));
      expect(await cells('testing')).toEqual(['L1', 'L1', 'regressed from 2', 'L3', '2']);
      expect(await cells('cicd')).toEqual(['L2', 'L2', 'Confirmed', 'L3', '1']);
      expect(await cells('team')).toEqual(['L2', 'L1', 'observed, not confirmed until 2026-10-27', 'L3', '1']);
      expect(await cells('data')).toEqual(['N/A', 'N/A', 'N/A', 'L3', '–']);
      await page.screenshot({ path: screenshotPath('dashboard-repository.png'), fullPage: true });
      await page.locator('#trend').scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('dashboard-repository-trend.png') });

      const focused = await tabThrough(page);
      const pillarLinks = focused.filter((f) => f.href?.startsWith(`/assessment/${IDS.payments[3]}#pillar-`)).map((f) => f.href!.split('#pillar-')[1]);
      expect(pillarLinks).toEqual([...PILLAR_IDS]);
      expect(onlyDashboard(requests)).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('follows a pillar to the drill-down: its criteria, and evidence linked to GitHub at the assessed commit', async () => {
    const { page, requests, problems } = await open(`/repo/${encodeURIComponent('github.com/acme/payments')}`);
    try {
      await page.locator('#pillars').getByRole('link', { name: 'Testing & Quality Gates' }).click();
      await page.waitForURL(new RegExp(`/assessment/${IDS.payments[3]}#pillar-testing$`));
      const section = page.locator('#pillar-testing');
      await expect.poll(() => section.isVisible()).toBe(true);
      expect(await section.locator('.stats .level-lg').textContent()).toBe('L1');
      // The regression's cause: static analysis is unmet.
      expect(await section.locator('#criterion-testing\\.static-analysis .badge').textContent()).toBe('✕Unmet');
      const commit = data.payments[3]!.assessment.subject.commit!;
      const links = await page.locator('a.loc').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), (a.textContent ?? '').trim()]));
      expect(links.length).toBeGreaterThan(5);
      for (const [href, text] of links) {
        const [path, line] = text!.split(':');
        expect(href).toBe(`https://github.com/acme/payments/blob/${commit}/${path!.split('/').map(encodeURIComponent).join('/')}${line ? `#L${line}` : ''}`);
      }
      expect(links.map(([, t]) => t)).toContain('src/server.test.js');
      await page.screenshot({ path: screenshotPath('dashboard-assessment-pillar.png') });

      await page.goto(new URL(`/assessment/${IDS.payments[3]}`, server.url).href);
      const focused = await tabThrough(page);
      expect(focused.filter((f) => f.href?.startsWith('#pillar-')).map((f) => f.href!.slice('#pillar-'.length))).toEqual([...PILLAR_IDS]);
      await page.screenshot({ path: screenshotPath('dashboard-assessment.png') });
      expect(onlyDashboard(requests)).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows reviews, overrides, attested and waived criteria as people stated them', async () => {
    const { page, problems } = await open(`/assessment/${IDS.rich}#pillar-docs`);
    try {
      const docs = page.locator('#pillar-docs');
      expect(await docs.locator('.callout').first().textContent()).toContain('Override. Grace Hopper set the level to 2 against the computed 1');
      expect(await docs.locator('.callout').first().textContent()).toContain('see <Onboarding> and `make setup`');
      expect(await page.locator('#reviews tbody tr').count()).toBe(2);
      expect(await page.locator('.badge-attested').count()).toBeGreaterThan(0);
      expect(await page.locator('.badge-waived').count()).toBeGreaterThan(0);
      await docs.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath('dashboard-assessment-override.png') });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows a hostile key as text, and runs no script', async () => {
    const { page, problems } = await open(`/repo/${encodeURIComponent(SCRIPT_KEY)}`);
    try {
      expect(await page.locator('h1').textContent()).toBe(SCRIPT_KEY);
      expect(await page.locator('script').count()).toBe(0);
      const notFound = await page.goto(new URL('/repo/nothing%2Fhere', server.url).href);
      expect(notFound!.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('Not found');
      await page.screenshot({ path: screenshotPath('dashboard-not-found.png') });
      expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
