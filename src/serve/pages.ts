// The dashboard's pages as HTML strings, rendered on the server: no client script, charts as
// inline SVG, links and forms that work with a keyboard alone. The look is the HTML report's (its
// stylesheet, badges and charts) widened for lists; every piece of stored text goes through the
// report's `html` template, which escapes whatever it interpolates. Evidence links to the hosted
// repository at the assessed commit; without one, paths are text, since the dashboard serves no file.
import type { Cadence } from '../analysis/cadence.ts';
import type { WorkItem } from '../analysis/roadmap.ts';
import type { TrendRow } from '../analysis/trend.ts';
import type { Assessment, AttestationRef, CriterionResult, Evidence, HumanEvidence, PillarResult, ReviewRecord, WaiverRef } from '../core/assessment.ts';
import type { AssessmentSummary, Page, PortfolioSort } from '../history/queries.ts';
import { peopleSummary } from '../report/explain.ts';
import { gapBars, radarChart, trendChart, type PillarPoint } from '../report/html/charts.ts';
import { commitHref, fileHref, html, humanEvidenceHtml, linksOf, locationText, raw, type Links, type SafeHtml } from '../report/html/escape.ts';
import { levelBadge, statusBadge } from '../report/html/page.ts';
import { REPORT_CSS } from '../report/html/style.ts';
import { hostedRepository, markdownStatus, type MarkdownStatus } from '../report/markdown.ts';
import { daysBetween } from '../util/dates.ts';
import type { AssessmentView, PortfolioEntry, PortfolioView, RepositoryView } from './views.ts';

/** What every page shows around its content. */
export interface Chrome {
  /** Where the store is (a path, or a URL without its password). */
  location: string;
  now: Date;
  /** The current rubric's pillars, in order, and its level names. */
  pillars: readonly { id: string; name: string }[];
  levels: readonly { level: number; name: string }[];
}

/** Column heads of the profile: fourteen columns must fit beside a repository name. */
const SHORT: Record<string, string> = {
  architecture: 'Arch',
  api: 'API',
  data: 'Data',
  background: 'Jobs',
  security: 'Sec',
  observability: 'Obs',
  reliability: 'Rel',
  scalability: 'Scale',
  testing: 'Test',
  cicd: 'CI/CD',
  iac: 'IaC',
  finops: 'FinOps',
  docs: 'Docs',
  team: 'Team',
};

// ---------------------------------------------------------------------------------------------
// Addresses.

const repoHref = (key: string, query: Record<string, string | number | undefined> = {}): string => `/repo/${encodeURIComponent(key)}${queryString(query)}`;
const assessmentHref = (id: number, anchor?: string): string => `/assessment/${id}${anchor ? `#${anchor}` : ''}`;
const pillarAnchor = (id: string): string => `pillar-${id}`;
const criterionAnchor = (id: string): string => `criterion-${id}`;

function queryString(query: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The portfolio's address; the defaults (page 1, sort by name, no search) are left out. */
function portfolioHref(v: { sort: PortfolioSort; search: string }, page: number, sort: PortfolioSort = v.sort): string {
  return `/${queryString({ q: v.search, sort: sort === 'name' ? undefined : sort, page: page === 1 ? undefined : page })}`;
}

// ---------------------------------------------------------------------------------------------
// Small pieces.

const day = (iso: string): string => iso.slice(0, 10);
const shortHash = (s: string): string => s.slice(0, 8);
const count = (n: number): string => n.toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;

function ago(iso: string, now: Date): string {
  const d = daysBetween(iso, now.toISOString());
  if (d <= 0) return 'today';
  if (d === 1) return 'yesterday';
  if (d < 60) return `${d} days ago`;
  if (d < 730) return `${Math.round(d / 30.44)} months ago`;
  return `${Math.round(d / 365.25)} years ago`;
}

const badge = (level: number | null | undefined): SafeHtml => levelBadge(level ?? null);

/** Charts kept: a repository page draws three, so the last twenty or so repositories viewed. */
const CHARTS_KEPT = 64;
const charts = new Map<string, string>();

/**
 * A chart, drawn once per input: rendering the SVG (50-150 ms for the trend's fourteen panels) is
 * most of a repository page's time, and the same repository is looked at again and again while
 * its history does not change. Least recently used first out.
 */
function chart<T>(draw: (input: T) => string, kind: string, input: T): string {
  const key = `${kind}\u0000${JSON.stringify(input)}`;
  const kept = charts.get(key);
  if (kept !== undefined) {
    charts.delete(key);
    charts.set(key, kept);
    return kept;
  }
  const svg = draw(input);
  charts.set(key, svg);
  if (charts.size > CHARTS_KEPT) charts.delete(charts.keys().next().value!);
  return svg;
}

function cadencePill(c: Cadence): SafeHtml {
  if (c.stale) return html`<span class="pill stale" title="${c.reason}">Stale · ${plural(c.overdueDays, 'day')} overdue</span>`;
  return html`<span class="pill due" title="${c.reason}">Due ${c.due}</span>`;
}

function pagination(p: Page<unknown>, href: (page: number) => string, what: string, label: string): SafeHtml {
  if (p.total === 0 || p.items.length === 0) return html``;
  const first = (p.page - 1) * p.perPage + 1;
  const last = first + p.items.length - 1;
  const prev = p.page > 1 ? html`<a rel="prev" href="${href(p.page - 1)}">← Previous</a>` : html`<span class="off">← Previous</span>`;
  const next = p.page < p.pages ? html`<a rel="next" href="${href(p.page + 1)}">Next →</a>` : html`<span class="off">Next →</span>`;
  return html`<nav class="pager" aria-label="${label}"><span class="range">${what} ${count(first)}–${count(last)} of ${count(p.total)}</span><span class="pages">${prev}<span class="count">Page ${p.page} of ${p.pages}</span>${next}</span></nav>`;
}

function legend(levels: Chrome['levels']): SafeHtml {
  return html`<ul class="legend-badges" aria-label="Levels">${levels.map((l) => html`<li>${levelBadge(l.level)} <span class="muted">${l.name}</span></li>`)}<li>${levelBadge(null)} <span class="muted">not applicable: absent, a gap</span></li></ul>`;
}

function profileHead(pillars: Chrome['pillars']): SafeHtml {
  return html`${pillars.map((x) => html`<th scope="col" class="p"><abbr title="${x.name}">${SHORT[x.id] ?? x.id}</abbr></th>`)}`;
}

function profileCells(levels: Record<string, number | null>, pillars: Chrome['pillars']): SafeHtml {
  return html`${pillars.map((p) => html`<td class="p">${badge(levels[p.id])}</td>`)}`;
}

// ---------------------------------------------------------------------------------------------
// The frame of every page: the report's stylesheet, widened for a dashboard.

const DASHBOARD_CSS = `
body { background: #fff; }
.wrap { max-width: 1440px; margin: 0 auto; padding: 0 28px; }
.topbar { background: var(--navy); color: #fff; }
.topbar .wrap { display: flex; align-items: center; gap: 22px; min-height: 54px; flex-wrap: wrap; }
.topbar a { color: #fff; }
.brand { font: 700 17px var(--sans); text-decoration: none; letter-spacing: .01em; }
.brand span { font-weight: 400; opacity: .75; }
.crumbs ol { display: flex; gap: 8px; flex-wrap: wrap; margin: 0; padding: 0; list-style: none; font-size: 14px; }
.crumbs li + li::before { content: '›'; margin-right: 8px; opacity: .6; }
.crumbs [aria-current] { opacity: .85; overflow-wrap: anywhere; }
.store { margin-left: auto; font-size: 12px; opacity: .8; max-width: 46ch; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
main.wrap { padding-top: 26px; padding-bottom: 56px; }
main:focus { outline: none; }
h1 { font-size: 30px; }
h2 { font-size: 21px; margin-top: 36px; border-bottom: 1px solid var(--rule); padding-bottom: 8px; }
.lede { margin-bottom: 18px; }
.kpis { grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); }
.kpis li.warn .kpi-value { color: var(--unmet); }
.toolbar { display: flex; flex-wrap: wrap; gap: 12px 28px; align-items: center; margin: 18px 0 10px; }
.toolbar form { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.toolbar label { font-weight: 600; font-size: 14px; }
.toolbar input[type=search] { font: inherit; padding: 6px 10px; border: 1px solid var(--rule-strong); border-radius: 4px; min-width: 280px; }
.toolbar button { font: 600 14px var(--sans); padding: 7px 16px; border: 1px solid var(--navy); background: var(--navy); color: #fff; border-radius: 4px; cursor: pointer; }
.sort { display: flex; gap: 8px; align-items: center; font-size: 14px; }
.sort ul { display: flex; gap: 6px; margin: 0; padding: 0; list-style: none; }
.sort a { display: inline-block; padding: 4px 12px; border-radius: 14px; border: 1px solid var(--rule-strong); text-decoration: none; }
.sort a[aria-current] { background: var(--navy); color: #fff; border-color: var(--navy); }
.scroll { overflow-x: auto; }
table.grid { width: 100%; border-collapse: collapse; font-size: 14px; margin: 4px 0 12px; }
table.grid caption { text-align: left; font-size: 12px; color: var(--muted); padding-bottom: 6px; }
table.grid th, table.grid td { text-align: left; padding: 7px 8px; border-bottom: 1px solid var(--rule); vertical-align: middle; }
table.grid thead th { font-size: 11.5px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); border-bottom: 1.5px solid var(--rule-strong); white-space: nowrap; }
table.grid tbody tr:hover { background: var(--tint); }
table.grid tbody th { font-weight: 600; color: var(--ink); }
table.grid th.name { min-width: 220px; max-width: 360px; overflow-wrap: anywhere; }
table.grid th.name a { text-decoration: none; }
table.grid th.name a:hover { text-decoration: underline; }
table.grid .p { padding: 7px 2px; text-align: center; width: 44px; }
table.grid thead .p abbr { text-decoration: none; }
table.grid .num { text-align: right; }
table.grid .small { display: block; font-size: 12px; font-weight: 400; color: var(--muted); }
.pill { display: inline-block; padding: 1px 9px; border-radius: 11px; font-size: 12.5px; white-space: nowrap; border: 1px solid var(--rule-strong); }
.pill.stale { background: var(--unmet-bg); color: var(--unmet); border-color: #e6b9b0; font-weight: 700; }
.pill.due { color: var(--muted); }
.pill.old { background: var(--unknown-bg); color: var(--unknown); border: 1px dashed #c9a650; }
.below { font-weight: 700; color: var(--unmet); }
.pager { display: flex; justify-content: space-between; align-items: center; flex-wrap: wrap; gap: 8px; margin: 10px 0; font-size: 14px; }
.pager .pages { display: flex; gap: 16px; align-items: center; }
.pager .off { color: var(--rule-strong); }
.pager .count { color: var(--muted); }
.blank { padding: 28px; border: 1px dashed var(--rule-strong); text-align: center; color: var(--muted); background: var(--tint); }
.blank p { margin: 6px 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(560px, 1fr)); gap: 18px; align-items: start; }
.card { border: 1px solid var(--rule); padding: 14px; background: #fff; }
.card h3 { margin: 0 0 6px; font-size: 16px; }
.card svg.chart { display: block; width: 100%; height: auto; }
.changes { margin: 0 0 12px; padding-left: 20px; font-size: 14px; }
.changes li { margin: 4px 0; }
.pillar { border-top-width: 2px; }
.criteria .evidence .loc { font-weight: 600; }
footer.site { border-top: 1px solid var(--rule); color: var(--muted); font-size: 12px; padding: 14px 0 28px; }
@media print { .topbar, .toolbar, .pager, .skip-link { display: none; } }
`;

function layout(chrome: Chrome, title: string, crumbs: readonly { label: string; href?: string }[], body: SafeHtml): string {
  const trail = crumbs.map((c, i) => (c.href && i < crumbs.length - 1 ? html`<li><a href="${c.href}">${c.label}</a></li>` : html`<li aria-current="page">${c.label}</li>`));
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · readiness</title>
<style>${raw(REPORT_CSS)}${raw(DASHBOARD_CSS)}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="topbar"><div class="wrap"><a class="brand" href="/">readiness <span>dashboard</span></a><nav class="crumbs" aria-label="Breadcrumb"><ol>${trail}</ol></nav><span class="store" title="${chrome.location}">${chrome.location}</span></div></header>
<main id="main" tabindex="-1" class="wrap">
${body}
</main>
<footer class="site"><div class="wrap">Read-only view of the history store ${chrome.location}, as of ${chrome.now.toISOString().slice(0, 16).replace('T', ' ')} UTC. Levels 1–5 per the maturity model; N/A pillars are absent capabilities, flagged as gaps and never scored.</div></footer>
</body>
</html>
`.safeHtml;
}

// ---------------------------------------------------------------------------------------------
// The portfolio.

const SORT_LABELS: Record<PortfolioSort, string> = { name: 'Name', assessed: 'Last assessed', lowest: 'Lowest level' };

function portfolioRow(r: PortfolioEntry, chrome: Chrome, typical: number): SafeHtml {
  const rubric = r.currentRubric ? '' : html` <span class="pill old" title="Made under rubric ${r.latest.rubricVersion} (${shortHash(r.latest.rubricHash)})">older rubric</span>`;
  return html`<tr>
<th scope="row" class="name"><a href="${repoHref(r.key)}">${r.key}</a><span class="small">${plural(r.assessments, 'assessment')}</span></th>
<td><span title="${r.latest.assessedAt}">${day(r.latest.assessedAt)}</span><span class="small">${ago(r.latest.assessedAt, chrome.now)}</span></td>
<td class="mono">${r.latest.commit ? shortHash(r.latest.commit) : '–'}</td>
${profileCells(r.latest.levels, chrome.pillars)}
<td class="num" title="${r.belowTypical} applicable pillar(s) below level ${typical}">${r.belowTypical > 0 ? html`<span class="below">${r.belowTypical}</span>` : '0'}</td>
<td>${cadencePill(r.cadence)}${rubric}</td>
</tr>`;
}

export function portfolioPage(v: PortfolioView, chrome: Chrome): string {
  const p = v.page;
  const stale = p.items.filter((r) => r.cadence.stale).length;
  const sorts = (Object.keys(SORT_LABELS) as PortfolioSort[]).map(
    (s) => html`<li><a href="${portfolioHref(v, 1, s)}"${s === v.sort ? html` aria-current="true"` : ''}>${SORT_LABELS[s]}</a></li>`,
  );
  const search = html`<form method="get" action="/" role="search"><label for="q">Search</label><input type="search" id="q" name="q" value="${v.search}" placeholder="part of a repository name">${
    v.sort === 'name' ? '' : html`<input type="hidden" name="sort" value="${v.sort}">`
  }<button type="submit">Search</button>${v.search ? html`<a href="${portfolioHref({ ...v, search: '' }, 1)}">Clear</a>` : ''}</form>`;
  const kpis = html`<ul class="kpis">
<li><span class="kpi-value">${count(v.counts.repositories)}</span><span class="kpi-label">repositories assessed</span></li>
<li><span class="kpi-value">${count(v.counts.assessments)}</span><span class="kpi-label">assessments stored</span></li>
<li><span class="kpi-value">Level ${v.typical}</span><span class="kpi-label">typical level of a healthy platform</span></li>
<li${stale > 0 ? html` class="warn"` : ''}><span class="kpi-value">${stale} of ${p.items.length}</span><span class="kpi-label">on this page overdue for re-rating</span></li>
</ul>`;
  let content: SafeHtml;
  if (v.counts.repositories === 0) {
    content = html`<div class="blank"><p><strong>No assessment is stored yet.</strong></p><p>Store one with <code>readiness assess --save</code> in a repository, into this store (<code>--store</code> or <code>READINESS_STORE</code>).</p></div>`;
  } else if (p.total === 0) {
    content = html`<div class="blank"><p>No repository name contains “${v.search}”.</p><p><a href="/">Show every repository</a></p></div>`;
  } else if (p.items.length === 0) {
    content = html`<div class="blank"><p>There is no page ${p.page}: the list has ${plural(p.pages, 'page')}.</p><p><a href="${portfolioHref(v, p.pages)}">Go to the last page</a></p></div>`;
  } else {
    const caption = `Repositories${v.search ? ` whose name contains “${v.search}”` : ''}, sorted by ${SORT_LABELS[v.sort].toLowerCase()}: each pillar’s level at the latest assessment`;
    content = html`${pagination(p, (n) => portfolioHref(v, n), 'Repositories', 'Pages of repositories (top)')}
<div class="scroll"><table class="grid portfolio"><caption>${caption}</caption><thead><tr><th scope="col">Repository</th><th scope="col">Last assessed</th><th scope="col">Commit</th>${profileHead(chrome.pillars)}<th scope="col" class="num"><abbr title="Applicable pillars below the typical level ${v.typical}">Below ${v.typical}</abbr></th><th scope="col">Next rating</th></tr></thead><tbody>
${p.items.map((r) => portfolioRow(r, chrome, v.typical))}
</tbody></table></div>
${pagination(p, (n) => portfolioHref(v, n), 'Repositories', 'Pages of repositories')}`;
  }
  const body = html`<p class="kicker">Engineering readiness</p>
<h1>Portfolio</h1>
<p class="lede">Every assessed repository with each pillar’s level at its latest assessment, under rubric ${v.rubric.version} (<span class="mono">${shortHash(v.rubric.hash)}</span>). Follow a repository to its trend, roadmap and evidence.</p>
${kpis}
<div class="toolbar">${search}<div class="sort"><span class="muted" id="sort-label">Sort by</span><ul aria-labelledby="sort-label">${sorts}</ul></div></div>
${legend(chrome.levels)}
${content}
<p class="muted" style="font-size:13px">Next rating: quarterly, or annual once more than half the applicable pillars are confirmed at level 3 or more (section 7.3), read from the levels as stored. An assessment made under another rubric than the latest confirms nothing here; the repository’s page re-evaluates it under the current rubric.</p>`;
  return layout(chrome, 'Portfolio', [{ label: 'Portfolio' }], body);
}

// ---------------------------------------------------------------------------------------------
// A repository.

function pillarPoints(a: Assessment, targets: RepositoryView['targets']): PillarPoint[] {
  return a.pillars.map((p) => ({ id: p.id, name: p.name, current: p.applicable ? p.level : null, target: targets[p.id].level, typical: a.typicalLevel }));
}

function confirmationStatus(r: TrendRow): SafeHtml {
  if (r.status === 'confirmed') return html`<span class="badge badge-met">Confirmed</span>`;
  if (r.status === 'N/A') return html`<span class="muted">N/A</span>`;
  if (r.regression) return html`<span class="badge badge-unmet">${r.status}</span>`;
  return html`<span class="badge badge-unknown">${r.status}</span>`;
}

function workRow(i: WorkItem, names: ReadonlyMap<string, string>): SafeHtml {
  const waits = i.blockedBy.map((d) => html`<span class="small">waits for ${names.get(d.pillar) ?? d.pillar} level ${d.level}${d.until ? ` (${d.until})` : ' (never, while the targets stand)'}</span>`);
  const unknown = i.status === 'unknown' ? html`<span class="tag">show or attest</span>` : '';
  return html`<tr><td class="mono">${i.quarter ?? 'blocked'}</td><td>${names.get(i.pillar) ?? i.pillar}</td><td>${i.statement}${unknown}<span class="small">${i.criterion}</span>${waits}</td><td class="num">L${i.unlocks}</td><td class="effort">${i.effort.size} · ${i.effort.weeks[0]}–${i.effort.weeks[1]} wk</td></tr>`;
}

/** Work items listed open; the rest fold behind a count. */
const WORK_OPEN = 12;

function roadmapSection(v: RepositoryView): SafeHtml {
  const r = v.roadmap;
  const names = new Map(v.latest.assessment.pillars.map((p) => [p.id as string, p.name] as const));
  const head = html`<thead><tr><th scope="col">Quarter</th><th scope="col">Pillar</th><th scope="col">Work</th><th scope="col" class="num">Unlocks</th><th scope="col">Effort</th></tr></thead>`;
  const open = r.items.slice(0, WORK_OPEN);
  const rest = r.items.slice(WORK_OPEN);
  const table =
    r.items.length === 0
      ? html`<p>Every applicable pillar is at or above its target: there is no work to plan.</p>`
      : html`<div class="scroll"><table class="grid"><caption>Work in the order it starts</caption>${head}<tbody>${open.map((i) => workRow(i, names))}</tbody></table></div>${
          rest.length > 0 ? html`<details class="more"><summary>${plural(rest.length, 'more piece')} of work</summary><div class="scroll"><table class="grid">${head}<tbody>${rest.map((i) => workRow(i, names))}</tbody></table></div></details>` : ''
        }`;
  const t = r.totals;
  return html`<section id="roadmap" aria-labelledby="roadmap-title"><h2 id="roadmap-title">Roadmap</h2>
<p class="note">The targets are the levels stored with the latest assessment. The dashboard cannot read the repository’s config file, so target dates and the reasons for them are not known here: run <code>readiness roadmap</code> in the repository for the plan against them.</p>
${t.items > 0 ? html`<p><strong>${plural(t.items, 'piece')} of work</strong>, about ${t.weeks[0]}–${t.weeks[1]} engineer-weeks${t.lastQuarter ? `, through ${t.lastQuarter}` : ''}${t.unscheduled > 0 ? `; ${t.unscheduled} blocked by the order of investment` : ''}. ${r.assumptions.join(' ')}</p>` : ''}
<div class="summary">${v.summary.map((s) => html`<p>${s}</p>`)}</div>
${table}
</section>`;
}

function summariesTable(list: readonly AssessmentSummary[], pillars: Chrome['pillars'], caption: string): SafeHtml {
  const rows = list.map(
    (s) =>
      html`<tr><th scope="row" class="name"><a href="${assessmentHref(s.id)}">${day(s.assessedAt)}</a><span class="small">assessment #${s.id}</span></th><td class="mono">${s.commit ? shortHash(s.commit) : '–'}</td><td class="mono">${s.rubricVersion} ${shortHash(s.rubricHash)}</td>${profileCells(s.levels, pillars)}</tr>`,
  );
  return html`<div class="scroll"><table class="grid"><caption>${caption}</caption><thead><tr><th scope="col">Assessed</th><th scope="col">Commit</th><th scope="col">Rubric</th>${profileHead(pillars)}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

function changesList(v: RepositoryView): SafeHtml {
  const t = v.trend;
  const names = new Map(v.latest.assessment.pillars.map((p) => [p.id as string, p.name] as const));
  // The newest changes first: what moved lately is what a team asks about.
  const steps = [...t.changes].reverse().slice(0, 10);
  if (steps.length === 0) return html`<p class="muted">No level changed between comparable assessments in this window.</p>`;
  return html`<ul class="changes">${steps.map(
    (s) =>
      html`<li><strong>${day(s.from.assessedAt)} → ${day(s.to.assessedAt)}</strong>${s.to.id !== null ? html` (<a href="${assessmentHref(s.to.id)}">#${s.to.id}</a>)` : ''}: ${s.pillars.map((x, i) => {
        const flips = x.flips.map((f) => `${f.id} ${f.from} → ${f.to}`).join(', ');
        return html`${i > 0 ? '; ' : ''}${names.get(x.pillar) ?? x.pillar} ${badge(x.from)} → ${badge(x.to)}${(x.to ?? 0) < (x.from ?? 0) ? html` <span class="badge badge-unmet">regression</span>` : ''}${flips ? html` <span class="muted">(${flips})</span>` : ''}`;
      })}</li>`,
  )}</ul>${t.changes.length > steps.length ? html`<p class="muted">${plural(t.changes.length - steps.length, 'earlier change')} in this window not listed.</p>` : ''}`;
}

export function repositoryPage(v: RepositoryView, chrome: Chrome): string {
  const key = v.repository.key;
  const a = v.latest.assessment;
  const links = linksOf(a);
  const hosted = hostedRepository(a.subject.remote);
  const latestId = v.latest.id!;
  const t = v.trend;
  const c = v.current.cadence;
  const newest = v.window.page === 1;
  const applicable = a.pillars.filter((p) => p.applicable && p.level !== null);
  const below = applicable.filter((p) => p.level! < a.typicalLevel).length;
  const href = commitHref(links);
  const commit = a.subject.commit ? (href ? html`<a class="mono" href="${href}">${shortHash(a.subject.commit)}</a>` : html`<span class="mono">${shortHash(a.subject.commit)}</span>`) : html`no commit`;

  const kpis = html`<ul class="kpis">
<li${c.stale ? html` class="warn"` : ''}><span class="kpi-value">${c.stale ? 'Stale' : c.due}</span><span class="kpi-label">${c.stale ? `next rating was due ${c.due}, ${plural(c.overdueDays, 'day')} ago (${c.interval})` : `next rating due (${c.interval})`}</span></li>
<li${below > 0 ? html` class="warn"` : ''}><span class="kpi-value">${below} of ${applicable.length}</span><span class="kpi-label">applicable pillars below the typical level ${a.typicalLevel}</span></li>
<li><span class="kpi-value">${count(v.roadmap.totals.items)}</span><span class="kpi-label">pieces of work to the targets${v.roadmap.totals.lastQuarter ? `, through ${v.roadmap.totals.lastQuarter}` : ''}</span></li>
<li><span class="kpi-value">${count(v.repository.assessments)}</span><span class="kpi-label">assessments, ${day(v.repository.firstAssessedAt)} to ${day(v.repository.lastAssessedAt)}</span></li>
</ul>`;

  const notes = html`${v.latest.rerated ? html`<p class="note">The latest assessment was made under rubric ${v.latest.recorded.rubric.version} (<span class="mono">${shortHash(v.latest.recorded.rubric.hash)}</span>); it is shown re-evaluated under the current rubric ${v.current.rubric.version} from its stored evidence.</p>` : ''}${
    v.latest.comparable ? '' : html`<p class="note">${v.latest.notComparable}: its levels are shown as recorded.</p>`
  }`;

  const points = pillarPoints(a, v.targets);
  const pillarRows = v.current.pillars.map((r) => {
    const name = a.pillars.find((x) => x.id === r.pillar)?.name ?? r.pillar;
    const target = v.targets[r.pillar].level;
    const gap = r.observed === null ? null : target - r.observed;
    return html`<tr><th scope="row" class="name"><a href="${assessmentHref(latestId, pillarAnchor(r.pillar))}">${name}</a></th><td class="p">${badge(r.observed)}</td><td class="p">${badge(r.confirmed)}</td><td>${confirmationStatus(r)}</td><td class="p">${levelBadge(target)}</td><td class="num">${gap === null ? '–' : gap > 0 ? html`<span class="below">${gap}</span>` : gap}</td></tr>`;
  });

  const chartPoints = t.points.map((p, i) => ({ assessedAt: p.assessedAt, levels: Object.fromEntries(t.pillars.map((r) => [r.pillar, r.levels[i] ?? null])) }));
  const confirmed = Object.fromEntries(t.pillars.map((r) => [r.pillar, r.confirmed]));
  const windowNav =
    v.window.pages > 1
      ? html`<nav class="pager" aria-label="Trend windows"><span class="range">${plural(t.points.length, 'assessment')} from ${day(v.window.from)} to ${day(v.window.to)}: window ${v.window.page} of ${v.window.pages}</span><span class="pages">${
          v.window.page < v.window.pages ? html`<a href="${repoHref(key, { trend: v.window.page + 1 })}#trend">← Older assessments</a>` : html`<span class="off">← Older assessments</span>`
        }${v.window.page > 1 ? html`<a href="${repoHref(key, { trend: v.window.page === 2 ? undefined : v.window.page - 1 })}#trend">Newer assessments →</a>` : html`<span class="off">Newer assessments →</span>`}</span></nav>`
      : '';
  const rubricNotes = t.rubricChanges.map(
    (g) =>
      html`<p class="note">${plural(g.points.length, 'assessment')} of this window ${g.points.length === 1 ? 'was' : 'were'} made under rubric ${g.recorded.version} (<span class="mono">${shortHash(g.recorded.hash)}</span>): ${
        g.points.every((x) => x.rerated) ? 're-evaluated from their stored evidence' : g.points.some((x) => x.rerated) ? 'some re-evaluated from stored evidence, the others shown but not compared' : 'shown as recorded, not compared'
      }. A rubric change never counts as progress or regression.</p>`,
  );
  const reading = newest ? '' : html`<p class="note info">An older window: the chart shows the levels as they stood then; the profile, pillars and roadmap above are the newest assessment’s.</p>`;

  const body = html`<p class="kicker">Repository</p>
<h1>${key}</h1>
<p class="lede">Latest assessment <a href="${assessmentHref(latestId)}">#${latestId}</a> of ${day(a.assessedAt)} (${ago(a.assessedAt, chrome.now)}) at commit ${commit}${a.subject.branch ? html` on <span class="mono">${a.subject.branch}</span>` : ''}${
    hosted ? html` · <a href="${hosted.web}">on ${hosted.kind === 'github' ? 'GitHub' : 'GitLab'}</a>` : ''
  }.</p>
${kpis}
${notes}
<p class="muted" style="font-size:13px">${c.reason}. Re-rate at once after a major change: a service extraction, a compliance certification, an incident that exposes a gap (section 7.3).</p>
<section id="profile" aria-labelledby="profile-title"><h2 id="profile-title">Profile</h2>
<div class="cards"><figure class="card">${raw(chart(radarChart, 'radar', { pillars: points, width: 640, height: 500 }))}</figure><figure class="card">${raw(chart(gapBars, 'gaps', { pillars: points, width: 640 }))}</figure></div>
</section>
<section id="pillars" aria-labelledby="pillars-title"><h2 id="pillars-title">Pillars</h2>
<div class="scroll"><table class="grid"><caption>Each pillar at the latest assessment: the level observed, the level confirmed (held a full quarter without regression, section 7.4), the target and the gap. A pillar leads to its criteria and evidence.</caption>
<thead><tr><th scope="col">Pillar</th><th scope="col" class="p">Observed</th><th scope="col" class="p">Confirmed</th><th scope="col">Status</th><th scope="col" class="p">Target</th><th scope="col" class="num">Gap</th></tr></thead>
<tbody>${pillarRows}</tbody></table></div>
</section>
<section id="trend" aria-labelledby="trend-title"><h2 id="trend-title">Trend</h2>
${windowNav}${reading}${rubricNotes}
<figure class="card">${raw(chart(trendChart, 'trend', { points: chartPoints, pillars: a.pillars.map((p) => ({ id: p.id, name: p.name })), confirmed, width: 1360, columns: 7 }))}<figcaption>Level per pillar at each assessment; the dashed teal rule is the confirmed level.</figcaption></figure>
<h3>What moved</h3>
${changesList(v)}
</section>
${roadmapSection(v)}
<section id="assessments" aria-labelledby="assessments-title"><h2 id="assessments-title">Assessments</h2>
${summariesTable(v.assessments.items, chrome.pillars, 'Stored assessments, newest first, each pillar’s level as recorded')}
${pagination(v.assessments, (n) => `${repoHref(key, { page: n === 1 ? undefined : n })}#assessments`, 'Assessments', 'Pages of assessments')}
</section>`;
  return layout(chrome, key, [{ label: 'Portfolio', href: '/' }, { label: key }], body);
}

// ---------------------------------------------------------------------------------------------
// One assessment, whole: every pillar and criterion with its evidence and the people's word.

/** Evidence items listed open per criterion; the rest fold behind a count. */
const EVIDENCE_OPEN = 10;

/** `path:line` linked to the file on the hosted repository at the commit; text when there is none, or no file (no blob). */
function evidenceLocation(e: Evidence, links: Links): SafeHtml {
  const text = locationText(e.path, e.line);
  if (e.blob !== undefined && links.repo && links.commit) return html`<a class="loc" href="${fileHref(links, e.path, e.line)}">${text}</a>`;
  return html`<span class="loc">${text}</span>`;
}

/** Evidence people supplied; a cited document links only to a hosted repository. */
function peopleEvidence(e: HumanEvidence, links: Links): SafeHtml {
  if (e.document && !(links.repo && links.commit)) return html`<code>${e.document}</code>${e.blob ? html` <span class="muted">(blob ${e.blob.slice(0, 12)})</span>` : ''}`;
  return humanEvidenceHtml(e, links);
}

function joined(parts: readonly SafeHtml[], separator: string): SafeHtml {
  return html`${parts.map((p, i) => html`${i > 0 ? separator : ''}${p}`)}`;
}

function evidenceItem(e: Evidence, links: Links): SafeHtml {
  const tags = [e.detector, ...(e.note ? [e.note] : []), ...(e.value !== undefined ? [`value ${e.value}`] : [])];
  return html`<li>${evidenceLocation(e, links)}${e.excerpt ? html` <code>${e.excerpt}</code>` : ''} <span class="ev-tag">${tags.join(' · ')}</span></li>`;
}

function evidenceList(list: readonly Evidence[], links: Links): SafeHtml {
  if (list.length === 0) return html``;
  const open = list.slice(0, EVIDENCE_OPEN).map((e) => evidenceItem(e, links));
  const rest = list.slice(EVIDENCE_OPEN);
  const more = rest.length > 0 ? html`<li><details class="more"><summary>${plural(rest.length, 'more evidence item')}</summary><ul class="evidence">${rest.map((e) => evidenceItem(e, links))}</ul></details></li>` : '';
  return html`<ul class="evidence" aria-label="Evidence">${open}${more}</ul>`;
}

function attestationBox(x: AttestationRef, links: Links): SafeHtml {
  const note = x.state === 'counted' || x.state === 'corroborates' ? '' : html` <em>${x.note}</em>`;
  return html`<p class="person"><span class="label">Attested (${x.state})</span>by ${x.by} on ${x.date}, until ${x.expires}, in <code>${x.file}</code>: ${x.claim}${x.evidence.length > 0 ? html` Evidence: ${joined(x.evidence.map((e) => peopleEvidence(e, links)), '; ')}.` : ''}${note}</p>`;
}

function waiverBox(w: WaiverRef, links: Links): SafeHtml {
  const scope = w.scope === 'repository' ? html`the whole repository` : 'paths' in w.scope ? html`paths ${joined(w.scope.paths.map((p) => html`<code>${p}</code>`), ', ')}` : html`component <code>${w.scope.component}</code>`;
  const compensating = w.compensating.length > 0 ? html` Compensating: ${joined(w.compensating.map((e) => peopleEvidence(e, links)), '; ')}.` : '';
  return html`<p class="person waiver"><span class="label">Waived (${w.state})</span>approved by ${w.approver} on ${w.date}, until ${w.expires}, for ${scope}, in <code>${w.file}</code>: ${w.justification}${compensating}${w.state === 'applied' ? '' : html` <em>${w.note}</em>`}</p>`;
}

function criterionItem(c: CriterionResult, links: Links): SafeHtml {
  const status = markdownStatus(c);
  const title = c.level === 1 && c.antiPattern ? `Anti-pattern: ${c.antiPattern}` : c.statement;
  return html`<li class="criterion st-${status}" id="${criterionAnchor(c.id)}">
<div class="criterion-head">${statusBadge(status)}<span class="criterion-title">${title}</span></div>
<div class="criterion-meta"><code>${c.id}</code> · level ${c.level} · ${c.kind}${c.computedStatus && c.computedStatus !== c.status ? ` · ${c.computedStatus} by the scan alone` : ''}</div>
${c.level === 1 && c.antiPattern ? html`<p><span class="label">Met when</span>${c.statement}</p>` : ''}
${c.reason ? html`<p><span class="label">Reason</span>${c.reason}</p>` : ''}
${c.attestation ? attestationBox(c.attestation, links) : ''}${c.waiver ? waiverBox(c.waiver, links) : ''}
${evidenceList(c.evidence, links)}
${c.status === 'unmet' ? html`<p class="fix"><span class="label">Remediation</span>${c.remediation}</p>` : ''}
</li>`;
}

function statusCounts(p: PillarResult): string {
  const n: Record<MarkdownStatus, number> = { met: 0, attested: 0, waived: 0, unmet: 0, unknown: 0 };
  for (const c of p.criteria) n[markdownStatus(c)]++;
  return (Object.keys(n) as MarkdownStatus[])
    .filter((k) => n[k] > 0)
    .map((k) => `${n[k]} ${k}`)
    .join(', ');
}

function pillarSection(p: PillarResult, a: Assessment, links: Links): SafeHtml {
  const o = p.override;
  const override = o
    ? html`<div class="callout"><p><span class="callout-title">Override.</span> ${o.by} set the level to ${o.level} against the computed ${o.computedLevel ?? 'N/A'}, in <code>${o.file}</code>: ${o.justification}${o.evidence.length > 0 ? html` Evidence: ${joined(o.evidence.map((e) => peopleEvidence(e, links)), '; ')}.` : ''}</p></div>`
    : '';
  const rated = a.human.reviews.filter((r) => r.state === 'valid' && r.ratings[p.id] !== undefined);
  const reviewers = rated.length > 0 ? html`<p><span class="label">Reviewer ratings</span>${joined(rated.map((r) => html`${r.reviewer}: ${levelBadge(r.ratings[p.id]!)}`), ' · ')}</p>` : '';
  const byId = new Map(p.criteria.map((c) => [c.id, c] as const));
  const missing = (p.next ? [...p.next.unmet, ...p.next.unknown] : []).map((id) => {
    const c = byId.get(id);
    const text = c ? (c.level === 1 && c.antiPattern ? `Remove: ${c.antiPattern}` : c.statement) : id;
    return html`<li><a href="#${criterionAnchor(id)}">${text}</a> ${statusBadge(c ? markdownStatus(c) : 'unknown')}</li>`;
  });
  const next = p.next
    ? html`<div class="callout next"><p class="callout-title">To reach level ${p.next.level}${o ? ` from the computed level ${o.computedLevel ?? 'N/A'}` : ''}</p>${missing.length > 0 ? html`<ul class="plain">${missing}</ul>` : html`<p>Nothing is missing.</p>`}</div>`
    : html`<div class="callout next"><p><span class="callout-title">Top level reached.</span> Every criterion of levels 1–5 is met.</p></div>`;
  const head = html`<div class="pillar-head"><div><h3 id="${pillarAnchor(p.id)}-title">${p.name}</h3><div class="pillar-id">${p.id}</div></div>
<dl class="stats"><div><dt>Level</dt><dd>${levelBadge(p.applicable ? p.level : null, { large: true })}</dd></div><div><dt>Target</dt><dd>${levelBadge(p.target)}</dd></div><div><dt>Criteria</dt><dd>${p.applicable ? statusCounts(p) : 'not rated'}</dd></div></dl></div>
<p class="pillar-summary">${p.summary}</p>`;
  if (!p.applicable) {
    return html`<section class="pillar" id="${pillarAnchor(p.id)}" aria-labelledby="${pillarAnchor(p.id)}-title">${head}
<div class="callout na"><p><span class="callout-title">Not applicable.</span> The capability is absent, so the pillar has no level and its criteria are not rated: it is flagged as a gap, not scored as a zero.</p></div>
<p class="back"><a href="#pillars">Back to the pillars</a></p></section>`;
  }
  return html`<section class="pillar" id="${pillarAnchor(p.id)}" aria-labelledby="${pillarAnchor(p.id)}-title">${head}
${override}${peopleSummary(p).map((l) => html`<p>${l}</p>`)}${reviewers}${next}
<ol class="criteria">${p.criteria.map((c) => criterionItem(c, links))}</ol>
<p class="back"><a href="#pillars">Back to the pillars</a></p></section>`;
}

function reviewRow(r: ReviewRecord): SafeHtml {
  const ratings = Object.entries(r.ratings).map(([p, l]) => `${p} ${l}`).join(', ') || '–';
  const overrides = r.overrides.map((o) => `${o.pillar} set to ${o.level}: ${o.justification}`).join('; ') || '–';
  return html`<tr><th scope="row">${r.reviewer}</th><td>${r.auditor ? 'external auditor' : r.external ? 'external' : 'internal'}</td><td>${r.date}</td><td>${r.state}</td><td>${ratings}</td><td>${overrides}</td><td><code>${r.file}</code></td></tr>`;
}

export function assessmentPage(v: AssessmentView, chrome: Chrome): string {
  const a = v.assessment;
  const links = linksOf(a);
  const href = commitHref(links);
  const commit = a.subject.commit ? (href ? html`<a class="mono" href="${href}">${shortHash(a.subject.commit)}</a>` : html`<span class="mono">${shortHash(a.subject.commit)}</span>`) : html`no commit`;
  const index = a.pillars.map(
    (p) =>
      html`<tr><th scope="row" class="name"><a href="#${pillarAnchor(p.id)}">${p.name}</a></th><td class="p">${levelBadge(p.applicable ? p.level : null)}</td><td>${p.override ? html`<span class="badge badge-attested">override</span>` : ''}</td><td class="p">${levelBadge(p.target)}</td><td class="num">${p.gapToTarget === null ? '–' : p.gapToTarget}</td><td>${p.applicable ? statusCounts(p) : 'not rated'}</td></tr>`,
  );
  const h = a.human;
  const reviews = html`<section id="reviews" aria-labelledby="reviews-title"><h2 id="reviews-title">Reviews and overrides</h2><p>${h.review.note}</p>${
    h.reviews.length > 0
      ? html`<div class="scroll"><table class="grid"><thead><tr><th scope="col">Reviewer</th><th scope="col">Role</th><th scope="col">Date</th><th scope="col">State</th><th scope="col">Ratings</th><th scope="col">Overrides</th><th scope="col">File</th></tr></thead><tbody>${h.reviews.map(reviewRow)}</tbody></table></div>`
      : ''
  }</section>`;
  const failed = a.detectors.filter((d) => d.outcome === 'error');
  const notes = html`${a.incomplete ? html`<p class="note"><strong>Incomplete assessment.</strong> ${failed.map((d) => d.summary).join('; ')}. The criteria that depend on ${failed.length === 1 ? 'it' : 'them'} are unknown, not unmet.</p>` : ''}${
    v.currentRubric ? '' : html`<p class="note">Made under rubric ${a.rubric.version} (<span class="mono">${shortHash(a.rubric.hash)}</span>), not the current one: shown as recorded.</p>`
  }${a.subject.dirty ? html`<p class="note">The work tree differed from the commit when it was assessed: links point at the commit, which may not hold what was read.</p>` : ''}${
    a.warnings.length > 0 ? html`<details class="more"><summary>${plural(a.warnings.length, 'warning')}</summary><ul class="plain">${a.warnings.map((w) => html`<li>${w.message}</li>`)}</ul></details>` : ''
  }`;
  const where = links.repo && links.commit ? `link to the files on ${links.repo.kind === 'github' ? 'GitHub' : 'GitLab'} at commit ${shortHash(links.commit)}` : 'are paths in the repository: its remote is not a GitHub or GitLab repository the dashboard can link to';
  const body = html`<p class="kicker">Assessment #${v.id}</p>
<h1>${v.repositoryKey}</h1>
<p class="lede">Assessed ${a.assessedAt.slice(0, 16).replace('T', ' ')} UTC at commit ${commit}${a.subject.branch ? html` on <span class="mono">${a.subject.branch}</span>` : ''}, by ${a.tool.name} ${a.tool.version} with rubric ${a.rubric.id} ${a.rubric.version}. Evidence locations ${where}.</p>
${notes}
<section id="pillars" aria-labelledby="pillars-title"><h2 id="pillars-title">Pillars</h2>
<div class="scroll"><table class="grid"><caption>Each pillar’s level, target, gap and criteria; a pillar leads to its criteria and evidence below.</caption><thead><tr><th scope="col">Pillar</th><th scope="col" class="p">Level</th><th scope="col"></th><th scope="col" class="p">Target</th><th scope="col" class="num">Gap</th><th scope="col">Criteria</th></tr></thead><tbody>${index}</tbody></table></div>
</section>
${reviews}
<section id="detail" aria-labelledby="detail-title"><h2 id="detail-title">Criteria and evidence</h2>
${a.pillars.map((p) => pillarSection(p, a, links))}
</section>`;
  return layout(chrome, `Assessment #${v.id} of ${v.repositoryKey}`, [{ label: 'Portfolio', href: '/' }, { label: v.repositoryKey, href: repoHref(v.repositoryKey) }, { label: `Assessment #${v.id}` }], body);
}

// ---------------------------------------------------------------------------------------------
// Errors.

export function errorPage(chrome: Chrome, status: number, title: string, message: string): string {
  const body = html`<p class="kicker">HTTP ${status}</p><h1>${title}</h1><p>${message}</p><p><a href="/">Back to the portfolio</a></p>`;
  return layout(chrome, title, [{ label: 'Portfolio', href: '/' }, { label: title }], body);
}
