// The HTML report in a real browser (playwright-core driving Debian's Chromium), opened from
// file:// as a reader would: the charts are there and labelled, the drill-down shows the right
// levels and evidence links, N/A and unknown look different from level 1, the keyboard reaches
// every pillar, nothing is fetched, print fits A4 and Letter; screenshots are saved under
// test-output/screenshots/. Then `readiness report --format pdf` as a user runs it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PILLAR_IDS } from '../../src/core/types.ts';
import { renderHtml } from '../../src/report/html/page.ts';
import { renderJson } from '../../src/report/json.ts';
import { loadRubric } from '../../src/rubric/load.ts';
import { cli, STACK_FRAME } from '../harness.ts';
import { buildReportFixtures, FIXTURE_NAMES, type FixtureName, type ReportFixtures } from '../reports/fixtures.ts';
import { chromiumPath, launchBrowser, recordRequests, screenshotPath } from './browser.ts';
import { fixtureExtras } from './html-fixtures.ts';

// Code passed to page.evaluate runs in the browser. The project compiles without the DOM library
// (src must not use it), so the few browser globals used here are declared for this file only.
interface BrowserElement {
  id: string;
  tagName: string;
  className: string;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { top: number; right: number; width: number };
  closest(selector: string): BrowserElement | null;
}
declare const document: {
  activeElement: BrowserElement | null;
  documentElement: { clientWidth: number; scrollWidth: number };
  body: { querySelectorAll(selector: string): BrowserElement[] };
};
declare const location: { hash: string };
declare function getComputedStyle(el: unknown): { getPropertyValue(property: string): string; outlineStyle: string; outlineWidth: string; position: string };

let built: ReportFixtures;
let dir: string;
let browser: Browser | undefined;
const files = {} as Record<FixtureName, string>;

beforeAll(async () => {
  built = await buildReportFixtures();
  dir = mkdtempSync(join(tmpdir(), 'readiness-html-'));
  const rubric = loadRubric();
  for (const name of FIXTURE_NAMES) {
    const a = built.fixtures[name].assessment;
    files[name] = join(dir, `${name}.html`);
    writeFileSync(files[name], renderHtml(a, fixtureExtras(a, { rubric, trend: name !== 'empty' })));
  }
  if (chromiumPath) browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  built?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Open a fixture's report from file://, recording every request it makes. */
async function open(name: FixtureName, viewport = { width: 1100, height: 900 }): Promise<{ page: Page; requests: string[] }> {
  const page = await browser!.newPage({ viewport });
  const requests = recordRequests(page);
  await page.goto(pathToFileURL(files[name]).href, { waitUntil: 'load' });
  return { page, requests };
}

const style = (page: Page, selector: string, property: string): Promise<string> =>
  page.locator(selector).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

// Full-page screenshots of a long report take seconds each: the default 30 s is too tight on a busy machine.
describe.skipIf(!chromiumPath)('the HTML report in Chromium', { timeout: 120_000 }, () => {
  it('shows the radar, the gap bars and the trend as labelled images, and fetches nothing but the file', async () => {
    const { page, requests } = await open('rich');
    try {
      for (const [kind, label] of [
        ['radar', 'Maturity profile: current level, target and typical level per pillar.'],
        ['gaps', 'Gap to target per pillar.'],
        ['trend', 'Level of each pillar over time. 2 assessments from 2026-03-15 to 2026-06-15.'],
      ] as const) {
        const svg = page.locator(`svg.chart-${kind}`);
        await expect(svg.count()).resolves.toBe(1);
        await expect(svg.getAttribute('role')).resolves.toBe('img');
        expect(await svg.getAttribute('aria-label')).toContain(label);
        const box = (await svg.boundingBox())!;
        expect(box.width).toBeGreaterThan(500);
        expect(box.height).toBeGreaterThan(300);
      }
      expect(await page.locator('svg.chart-radar').getAttribute('aria-label')).toContain('Background Processing N/A (target 3)');
      // The N/A spoke is labelled N/A, and the legend says what its hollow mark means.
      await expect(page.locator('svg.chart-radar text', { hasText: /^N\/A$/ }).count()).resolves.toBe(1);
      await expect(page.locator('svg.chart-radar text', { hasText: /^N\/A \(not rated\)$/ }).count()).resolves.toBe(1);
      await expect(page.locator('svg.chart-gaps text', { hasText: 'N/A: not applicable, not rated' }).count()).resolves.toBe(1);
      // Hosted evidence links are links, not requests: the page loads the file and nothing else.
      expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:'))).toEqual([]);
      expect(requests.filter((u) => /^https?:/.test(u))).toEqual([]);
      expect(requests).toEqual([pathToFileURL(files.rich).href]);
      await page.screenshot({ path: screenshotPath('report-rich.png'), fullPage: true });
      await page.screenshot({ path: screenshotPath('report-rich-top.png') });
    } finally {
      await page.close();
    }
  });

  it('drills down to a pillar: its level, target and gap, and its evidence at file:line on GitHub at the commit', async () => {
    const { page } = await open('rich');
    const commit = built.fixtures.rich.assessment.subject.commit!;
    try {
      const levels = await page.$$eval('section.pillar', (sections) => sections.map((s) => `${s.id}=${s.querySelector('.stats dd .level')!.textContent}`));
      const expected = built.fixtures.rich.assessment.pillars.map((p) => `pillar-${p.id}=${p.level === null ? 'N/A' : `L${p.level}`}`);
      expect(levels).toEqual(expected);
      expect(levels).toContain('pillar-cicd=L2');
      expect(levels).toContain('pillar-docs=L2');
      expect(levels).toContain('pillar-background=N/A');
      await expect(page.locator('#pillar-security .stats').innerText()).resolves.toMatch(/LEVEL\s+L1\s+TARGET\s+L3\s+GAP\s+2 levels/);

      const secret = page.locator('[id="criterion-security.no-hardcoded-secrets"]');
      await expect(secret.locator('.badge').innerText()).resolves.toMatch(/UNMET/);
      const link = secret.locator('a.loc');
      await expect(link.innerText()).resolves.toBe('src/config.js:3');
      await expect(link.getAttribute('href')).resolves.toBe(`https://github.com/acme/shop/blob/${commit}/src/config.js#L3`);
      const consoleOnly = page.locator('[id="criterion-observability.not-console-only"] a.loc');
      const hrefs = await consoleOnly.evaluateAll((els) => els.map((e) => `${e.textContent} ${(e as unknown as { href: string }).href}`));
      expect(hrefs).toContain(`src/server.js:9 https://github.com/acme/shop/blob/${commit}/src/server.js#L9`);
      // The waiver and the override are shown with the person who decided.
      await expect(page.locator('[id="criterion-security.cors-restricted"] .person').innerText()).resolves.toMatch(/^WAIVED \(APPLIED\)\s*approved by Carol Shaw \(CTO\) on 2026-06-01, until 2026-09-30/);
      await expect(page.locator('#pillar-docs .callout').first().innerText()).resolves.toContain('Override. Grace Hopper set the level to 2 against the computed 1');
    } finally {
      await page.close();
    }
  });

  it('tells N/A from level 1 and unknown from met, in words and in style', async () => {
    const { page } = await open('empty');
    try {
      const na = '#pillar-api .stats .level-lg';
      const one = '#pillar-testing .stats .level-lg';
      await expect(page.locator(na).innerText()).resolves.toBe('N/A');
      await expect(page.locator(one).innerText()).resolves.toBe('L1');
      expect(await style(page, na, 'border-top-style')).toBe('dashed');
      expect(await style(page, one, 'border-top-style')).toBe('solid');
      expect(await style(page, na, 'background-image')).toContain('repeating-linear-gradient');
      expect(await style(page, one, 'background-image')).toBe('none');
      expect(await style(page, na, 'font-style')).toBe('italic');

      const unknown = 'li.criterion.st-unknown .badge';
      const met = 'li.criterion.st-met .badge';
      await expect(page.locator(unknown).first().innerText()).resolves.toMatch(/^\?\s*UNKNOWN$/);
      await expect(page.locator(met).first().innerText()).resolves.toMatch(/^✓\s*MET$/);
      expect(await style(page, unknown, 'border-top-style')).toBe('dashed');
      expect(await style(page, met, 'border-top-style')).toBe('solid');
      expect(await style(page, unknown, 'color')).not.toBe(await style(page, met, 'color'));
      expect(await style(page, 'li.criterion.st-unknown', 'border-left-style')).toBe('dashed');
      await page.screenshot({ path: screenshotPath('report-empty.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('reaches a link to every pillar by Tab from the top; Enter moves focus and the view to the pillar', async () => {
    const { page } = await open('rich');
    try {
      const reached: string[] = [];
      for (let i = 0; i < 40 && reached.filter((h) => h.startsWith('#pillar-')).length < PILLAR_IDS.length; i++) {
        await page.keyboard.press('Tab');
        reached.push(await page.evaluate(() => document.activeElement?.getAttribute('href') ?? `<${document.activeElement?.tagName}>`));
      }
      expect(reached.slice(0, 3)).toEqual(['#summary', `https://github.com/acme/shop/commit/${built.fixtures.rich.assessment.subject.commit}`, '#summary']);
      expect(reached.filter((h) => h.startsWith('#pillar-'))).toEqual(PILLAR_IDS.map((id) => `#pillar-${id}`));
      // The focused link shows it: a 3px ring.
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineWidth)).toBe('3px');

      await page.keyboard.press('Enter');
      await page.waitForFunction(() => location.hash === '#pillar-team');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('pillar-team');
      const top = await page.locator('#pillar-team').evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(50);
      // Tab goes on into the pillar, not back to the top.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('section.pillar')?.id)).toBe('pillar-team');
    } finally {
      await page.close();
    }
  });

  it.each([
    ['A4', 680],
    ['Letter', 702],
  ] as const)('prints without horizontal overflow at the printable width of %s (%i px)', async (paper, width) => {
    // The printable width: the paper less the 15 mm margins of @page, at 96 px per inch.
    const { page } = await open('rich', { width, height: 1100 });
    try {
      await page.emulateMedia({ media: 'print' });
      const overflow = await page.evaluate(() => {
        const limit = document.documentElement.clientWidth + 0.5;
        const wide = [...document.body.querySelectorAll('*')]
          .filter((el) => el.getBoundingClientRect().right > limit && getComputedStyle(el).position !== 'absolute')
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
        return { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, wide: wide.slice(0, 5) };
      });
      expect(overflow.wide).toEqual([]);
      expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
      expect(await page.locator('svg.chart-radar').evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(width);
      if (paper === 'A4') await page.screenshot({ path: screenshotPath('report-rich-print.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('links unicode paths on GitLab, and says there is no history when there is none', async () => {
    const unicode = await open('unicode');
    try {
      const commit = built.fixtures.unicode.assessment.subject.commit!;
      const hrefs = await unicode.page.locator('a.loc', { hasText: 'src/café/ü.ts:1' }).evaluateAll((els) => els.map((e) => (e as unknown as { href: string }).href));
      expect(hrefs.length).toBeGreaterThan(0);
      expect(new Set(hrefs)).toEqual(new Set([`https://gitlab.com/acme/cafe/-/blob/${commit}/src/caf%C3%A9/%C3%BC.ts#L1`]));
    } finally {
      await unicode.page.close();
    }
    const empty = await open('empty');
    try {
      await expect(empty.page.locator('#trend .empty').innerText()).resolves.toMatch(/^No history yet: no assessment of this repository is stored/);
      await expect(empty.page.locator('svg.chart-trend').count()).resolves.toBe(0);
    } finally {
      await empty.page.close();
    }
  });
});

describe('readiness report --format pdf', { timeout: 60_000 }, () => {
  it.skipIf(!chromiumPath)(
    'prints the HTML report to a PDF, on A4 by default and on Letter with --paper Letter',
    async () => {
      const fixture = built.fixtures.rich;
      const json = join(dir, 'rich.json');
      writeFileSync(json, renderJson(fixture.assessment));
      const a4 = join(dir, 'rich-a4.pdf');
      const r = await cli(['report', fixture.root, '--from', json, '--format', 'pdf', '-o', a4]);
      expect(r.stderr).toBe(`readiness: report written to ${a4}\n`);
      expect(r).toMatchObject({ code: 0, stdout: '' });
      const pdf = readFileSync(a4);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const boxes = new Set(pdf.toString('latin1').match(/\/MediaBox \[[^\]]*\]/g));
      expect(boxes).toEqual(new Set(['/MediaBox [0 0 595.91998 842.88]']));

      const letter = join(dir, 'rich-letter.pdf');
      expect((await cli(['report', fixture.root, '--from', json, '--format', 'pdf', '--paper', 'Letter', '-o', letter])).code).toBe(0);
      expect(new Set(readFileSync(letter).toString('latin1').match(/\/MediaBox \[[^\]]*\]/g))).toEqual(new Set(['/MediaBox [0 0 612 792]']));
    },
    120_000,
  );

  it('says in one line how to get a Chromium, and exits 2, when READINESS_CHROMIUM names none', async () => {
    const fixture = built.fixtures.empty;
    const out = join(dir, 'never.pdf');
    const r = await cli(['report', fixture.root, '--format', 'pdf', '-o', out], { READINESS_CHROMIUM: '/nonexistent/chromium' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('readiness: no Chromium to render the PDF (READINESS_CHROMIUM=/nonexistent/chromium does not exist): install one with `apt-get install chromium`, or set READINESS_CHROMIUM to a Chrome/Chromium binary\n');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('needs --output: a PDF is bytes, not text for a terminal', async () => {
    const r = await cli(['report', built.fixtures.empty.root, '--format', 'pdf']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'readiness: --format pdf is binary: give --output FILE\n' });
  });
});
