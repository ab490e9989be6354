// The HTML report of every fixture assessment: golden files (test/reports/golden/<fixture>.html),
// a self-contained page, every pillar reachable from the contents, every status with its own
// badge, evidence linked to the hosted file at the commit, repository text escaped, and the
// sections that stand in when there is no history or no roadmap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureExtras } from '../../../test/browser/html-fixtures.ts';
import { buildReportFixtures, expectGolden, FIXTURE_NAMES, FIXTURE_SECRET, goldenPath, type FixtureName, type ReportFixtures } from '../../../test/reports/fixtures.ts';
import type { Assessment } from '../../core/assessment.ts';
import { PILLAR_IDS } from '../../core/types.ts';
import { loadRubric } from '../../rubric/load.ts';
import { criterionItem, levelBadge, pillarPoints, renderHtml, statusBadge } from './page.ts';
import { linksOf } from './escape.ts';

let built: ReportFixtures;
const pages = {} as Record<FixtureName, string>;
const rubric = loadRubric();

beforeAll(async () => {
  built = await buildReportFixtures();
  for (const name of FIXTURE_NAMES) {
    // The empty fixture has no history: its report tells how to start one.
    pages[name] = renderHtml(assessment(name), fixtureExtras(assessment(name), { rubric, trend: name !== 'empty' }));
  }
}, 120_000);
afterAll(() => built?.cleanup());

function assessment(name: FixtureName): Assessment {
  return built.fixtures[name].assessment;
}

/** The markup of one pillar's section. */
function section(page: string, id: string): string {
  const start = page.indexOf(`<section class="pillar" id="pillar-${id}"`);
  expect(start, `section of ${id}`).toBeGreaterThan(-1);
  return page.slice(start, page.indexOf('</section>', start));
}

/** The markup of one criterion, without its closing tag. */
function criterion(page: string, id: string): string {
  const at = page.indexOf(`id="criterion-${id}"`);
  expect(at, `criterion ${id}`).toBeGreaterThan(-1);
  return page.slice(page.lastIndexOf('<li class="criterion ', at), page.indexOf('\n</li>', at));
}

describe('goldens', () => {
  it.each(FIXTURE_NAMES)('the %s report matches its golden file (test/reports/golden/<fixture>.html)', (name) => {
    expectGolden(goldenPath(name, 'html'), pages[name]);
  });

  it('renders the same page twice (the charts are deterministic)', () => {
    const a = assessment('rich');
    expect(renderHtml(a, fixtureExtras(a, { rubric }))).toBe(pages.rich);
  });
});

describe('a self-contained page', () => {
  it.each(FIXTURE_NAMES)('%s: inline style and SVG, no script, nothing to fetch', (name) => {
    const page = pages[name];
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(page).not.toMatch(/<script|<link\b|<img\b|<iframe|@import|url\((?!#)|\bsrc=/i);
    expect(page.match(/<style>/g)).toHaveLength(1);
    expect(page.match(/<svg class="chart chart-(radar|gaps|trend)" role="img" aria-label="/g)).toHaveLength(name === 'empty' ? 2 : 3);
    expect(page.match(/@page/g)?.length).toBeGreaterThan(0);
  });
});

describe('contents and sections', () => {
  it('links to every section in order, and to every pillar section', () => {
    const page = pages.rich;
    const order = ['summary', 'profile', 'gaps', 'trend', 'roadmap', 'pillars', 'reviews', 'about'].map((id) => page.indexOf(`<section class="section" id="${id}"`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const toc = page.slice(page.indexOf('<nav class="toc"'), page.indexOf('</nav>'));
    for (const id of PILLAR_IDS) {
      expect(toc).toContain(`<a href="#pillar-${id}">`);
      expect(page.match(new RegExp(`<section class="pillar" id="pillar-${id}" aria-labelledby="pillar-${id}-title" tabindex="-1">`, 'g'))).toHaveLength(1);
    }
  });

  it('shows each pillar with its level, target, gap and standing; N/A differently from level 1', () => {
    const page = pages.rich;
    expect(section(page, 'cicd')).toContain('<dl class="stats"><div><dt>Level</dt><dd><span class="level level-2 level-lg" title="Level 2">L2</span></dd></div><div><dt>Target</dt><dd><span class="level level-3" title="Level 3">L3</span></dd></div><div><dt>Gap</dt><dd>1 level</dd></div><div><dt>vs typical 3</dt><dd>behind (-1)</dd></div></dl>');
    const background = section(page, 'background');
    expect(background).toContain('<span class="level level-na level-lg" title="Not applicable: the capability is absent, flagged as a gap">N/A</span>');
    expect(background).toContain('<dt>Gap</dt><dd>N/A</dd>');
    expect(background).toContain('is flagged as a gap, not scored as a zero');
    expect(background).not.toContain('class="criterion ');
    expect(levelBadge(1).safeHtml).toBe('<span class="level level-1" title="Level 1">L1</span>');
  });

  it('lists every criterion of an applicable pillar, grouped by level', () => {
    const a = assessment('rich');
    for (const p of a.pillars.filter((x) => x.applicable)) {
      const s = section(pages.rich, p.id);
      expect(s.match(/<li class="criterion /g)).toHaveLength(p.criteria.length);
      for (const c of p.criteria) expect(s).toContain(`id="criterion-${c.id}"`);
    }
    expect(section(pages.rich, 'security')).toContain('<h4>Level 1 · Initial · anti-patterns, each must be absent</h4>');
  });
});

describe('criteria', () => {
  it('gives each status its own badge with an icon and a word', () => {
    const page = pages.rich;
    expect(criterion(page, 'security.no-hardcoded-secrets')).toContain(statusBadge('unmet').safeHtml);
    expect(criterion(page, 'security.cors-restricted')).toContain('<span class="badge badge-waived"><span class="icon" aria-hidden="true">⊘</span>Waived</span>');
    expect(criterion(page, 'security.quarterly-pentest')).toContain('<span class="badge badge-attested"><span class="icon" aria-hidden="true">✎</span>Attested</span>');
    expect(criterion(page, 'architecture.no-giant-files')).toContain('<span class="badge badge-met"><span class="icon" aria-hidden="true">✓</span>Met</span>');
    const unknown = assessment('rich').pillars.flatMap((p) => (p.applicable ? p.criteria : [])).find((c) => c.status === 'unknown')!;
    expect(criterion(page, unknown.id)).toContain('<span class="badge badge-unknown"><span class="icon" aria-hidden="true">?</span>Unknown</span>');
    expect(criterion(page, unknown.id)).toContain('<li class="criterion st-unknown"');
  });

  it('links evidence to the hosted file at the assessed commit, masks secrets, and says what an anti-pattern is', () => {
    const a = assessment('rich');
    const c = criterion(pages.rich, 'security.no-hardcoded-secrets');
    expect(c).toContain(`<a class="loc" href="https://github.com/acme/shop/blob/${a.subject.commit}/src/config.js#L3">src/config.js:3</a>`);
    expect(c).toContain('<span class="criterion-title">Anti-pattern present: Secrets in source</span>');
    expect(c).toContain('<p class="fix"><span class="label">Remediation</span>');
    expect(pages.rich).not.toContain(FIXTURE_SECRET);
    expect(criterion(pages.rich, 'architecture.no-giant-files')).toContain('Anti-pattern absent: Single-file modules over 5k lines');
  });

  it('shows the waiver and the attestation that decided a criterion, with who and until when', () => {
    expect(criterion(pages.rich, 'security.cors-restricted')).toContain(
      '<p class="person waiver"><span class="label">Waived (applied)</span>approved by Carol Shaw (CTO) on 2026-06-01, until 2026-09-30, for paths <code>legacy/**</code>, in <code>.readiness/waivers/legacy-cors.yaml</code>:',
    );
    expect(criterion(pages.rich, 'security.quarterly-pentest')).toContain(
      '<p class="person"><span class="label">Attested (counted)</span>by Ada Lovelace on 2026-05-20, until 2026-08-20, in <code>.readiness/attestations/pentest.yaml</code>: Acme Security ran an external penetration test of the shop API in May 2026. Evidence: <a href="https://acme.example/reports/2026-05">https://acme.example/reports/2026-05</a>.</p>',
    );
  });

  it('escapes repository text: the override justification with a pipe, angle brackets and backticks', () => {
    const docs = section(pages.rich, 'docs');
    expect(docs).toContain('<span class="callout-title">Override.</span> Grace Hopper set the level to 2 against the computed 1, in <code>.readiness/reviews/grace.yaml</code>: Onboarding lives in the wiki | see &lt;Onboarding&gt; and `make setup`, which a scan cannot see.');
    expect(pages.rich).not.toContain('<Onboarding>');
    expect(docs).toContain('<span class="label">Reviewer ratings</span>Ada Lovelace: <span class="level level-2" title="Level 2">L2</span> · Grace Hopper (external): <span class="level level-2" title="Level 2">L2</span> — raters differ by 1 level.');
  });

  it('links unicode paths on GitLab percent-encoded, and uses relative paths when the host is unknown', () => {
    const a = assessment('unicode');
    expect(pages.unicode).toContain(`<a class="loc" href="https://gitlab.com/acme/cafe/-/blob/${a.subject.commit}/src/caf%C3%A9/%C3%BC.ts#L1">src/café/ü.ts:1</a>`);
    const incomplete = assessment('incomplete');
    const withFile = incomplete.pillars.flatMap((p) => p.criteria).flatMap((c) => c.evidence).find((e) => e.blob !== undefined && e.line !== undefined)!;
    expect(pages.incomplete).toContain(`<a class="loc" href="${withFile.path}">${withFile.path}:${withFile.line}</a>`);
    expect(pages.incomplete).not.toContain('git.example.org');
  });

  it('renders a criterion on its own for the dashboard', () => {
    const a = assessment('rich');
    const c = a.pillars.find((p) => p.id === 'security')!.criteria.find((x) => x.id === 'security.no-hardcoded-secrets')!;
    expect(criterionItem(c, linksOf(a)).safeHtml).toBe(`${criterion(pages.rich, c.id)}\n</li>`);
  });
});

describe('summary, charts, trend and roadmap', () => {
  it('opens with key figures on the first page, then the executive summary in groups', () => {
    const page = pages.rich;
    const masthead = page.slice(page.indexOf('<header class="masthead">'), page.indexOf('</header>'));
    expect(masthead).toContain('<ul class="kpis" aria-label="Key figures"><li><span class="kpi-value">0 of 13</span><span class="kpi-label">applicable pillars at their target</span></li><li><span class="kpi-value">13</span><span class="kpi-label">pillars below the typical Level 3</span></li><li><span class="kpi-value">12 of 125</span><span class="kpi-label">criteria met; 31 unknown</span></li>');
    const summary = page.slice(page.indexOf('<section class="section" id="summary"'), page.indexOf('<section class="section" id="profile"'));
    expect(summary).toContain('<p class="lead">0 of 14 pillars are at or above the typical Level 3; 13 are behind; Background Processing is N/A:');
    expect(summary).toContain('<h3>Gaps to target</h3>');
    expect(summary).toContain('<h3>Order of investment</h3>');
    expect(summary).toMatch(/<p class="closing">In all: \d+ pieces of work/);
  });

  it('feeds the charts the levels of the assessment, N/A as null', () => {
    const points = pillarPoints(assessment('empty'));
    expect(points.filter((p) => p.current === null).map((p) => p.id)).toEqual(['api', 'data', 'background']);
    expect(points.every((p) => p.typical === 3 && p.target === 3)).toBe(true);
  });

  it('shows the trend from history, or says there is none and how to start one', () => {
    expect(pages.rich).toContain('<p>2 assessments from 2026-03-15 to 2026-06-15, each judged under the current rubric');
    expect(pages.rich).toMatch(/<li>2026-03-15 → 2026-06-15: <strong>CI\/CD &amp; Deployment<\/strong> <span class="level level-1" title="Level 1">L1<\/span> → <span class="level level-2" title="Level 2">L2<\/span>/);
    expect(pages.empty).toContain('<p class="empty">No history yet: no assessment of this repository is stored, so there is no trend to show. Store each rating with <code>readiness assess --save</code>');
    expect(pages.empty).not.toContain('chart-trend');
  });

  it('lays the roadmap out by quarter with effort, and the projected quarter per pillar', () => {
    const page = pages.rich;
    const roadmap = page.slice(page.indexOf('<section class="section" id="roadmap"'), page.indexOf('<section class="section" id="pillars"'));
    expect(roadmap).toContain('<div class="quarter"><h4>2026-Q3<span class="muted">');
    expect(roadmap).toMatch(/<th scope="row"><a href="#pillar-cicd">CI\/CD &amp; Deployment<\/a><\/th><td><span class="level level-2" title="Level 2">L2<\/span><\/td><td><span class="level level-3" title="Level 3">L3<\/span><\/td><td><span class="steps">L3 20\d\d-Q\d<\/span><\/td>/);
    expect(roadmap).toContain(`Remove: Secrets in source</a><div class="muted">at <a class="loc" href="https://github.com/acme/shop/blob/${assessment('rich').subject.commit}/src/config.js#L3">src/config.js:3</a></div>`);
    expect(roadmap).toMatch(/<td class="effort">M · 2–6 wk<\/td>/);
  });

  it('renders without extras: figures of the assessment, no roadmap, no trend', () => {
    const page = renderHtml(assessment('incomplete'));
    expect(page).toContain('<p class="note"><strong>Incomplete assessment.</strong>');
    expect(page).toContain('No roadmap was planned for this report');
    expect(page).toContain('No history yet');
    expect(page).toMatch(/<p class="lead">\d+ of 1\d applicable pillars are at their target;/);
  });
});
