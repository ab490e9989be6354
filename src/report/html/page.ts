
// The HTML report: one self-contained page (inline CSS and SVG, no script, nothing fetched at view
// time) that a board reads from the top and an engineer audits from the bottom. In order: what
// was assessed, the executive summary, the profile against target and typical, the gap, the
// trend, the roadmap by quarter, then every pillar with every criterion, its evidence as
// file:line links, the people's word (attestations, waivers, overrides, reviews), and how to
// read it all. The pieces (badges, a pillar's section, a criterion) are exported for the dashboard.
import type { Roadmap, WorkItem } from '../../analysis/roadmap.ts';
import type { Trend } from '../../analysis/trend.ts';
import type { Assessment, AttestationRef, CriterionResult, Evidence, PillarResult, WaiverRef } from '../../core/assessment.ts';
import { peopleSummary } from '../explain.ts';
import { markdownStatus, type MarkdownStatus } from '../markdown.ts';
import { countCriteria, short, vsTypicalText } from '../terminal.ts';
import { gapBars, profileTable, radarChart, trendChart, trendTable, type PillarPoint, type TrendPointInput } from './charts.ts';
import { commitHref, fileLink, html, humanEvidenceHtml, linksOf, locationText, raw, repositoryName, type Links, type SafeHtml } from './escape.ts';
import { plural } from '../../util/text.ts';
import { REPORT_CSS } from './style.ts';

/** A level of the scale as the rubric names it (section 3). */
export interface LevelName {
  level: number;
  name: string;
  reading: string;
}

export interface HtmlExtras {
  roadmap?: Roadmap;
  trend?: Trend;
  /** The executive summary (executiveSummary of the roadmap); without it, figures of the assessment. */
  summary?: string[];
  /** The level names of the rubric, for the scale beside the profile and the level headings. */
  levels?: readonly LevelName[];
}

/** Evidence items listed open per criterion; the rest fold behind a count. */
const EVIDENCE_OPEN = 10;

const STATUS_TEXT: Record<MarkdownStatus, { label: string; icon: string }> = {
  met: { label: 'Met', icon: '\u2713' },
  unmet: { label: 'Unmet', icon: '\u2715' },
  unknown: { label: 'Unknown', icon: '?' },
  attested: { label: 'Attested', icon: '\u270E' },
  waived: { label: 'Waived', icon: '\u2298' },
};

/** What each status means, told once in the legend. */
const STATUS_MEANING: Record<MarkdownStatus, string> = {
  met: 'the scan found the evidence',
  unmet: 'the scan found it missing (or an anti-pattern present)',
  unknown: 'neither shown nor refuted: evidence to show or attest',
  attested: 'met on a person’s signed word, not by the scan',
  waived: 'unmet, accepted by an approver until a date',
};

const figure = (n: number): string => String(Math.round(n * 10) / 10);
const weeksText = (w: readonly [number, number]): string => `${figure(w[0])}\u2013${figure(w[1])}`;
/** A headline figure: whole weeks, where a tenth would be false precision. */
const roundWeeks = (w: readonly [number, number]): string => `${Math.round(w[0])}\u2013${Math.round(w[1])}`;

// ---------------------------------------------------------------------------------------------
// Pieces the dashboard reuses.

/** The profile charts' input from an assessment. */
export function pillarPoints(a: Pick<Assessment, 'pillars' | 'typicalLevel'>): PillarPoint[] {
  return a.pillars.map((p) => ({ id: p.id, name: p.name, current: p.applicable ? p.level : null, target: p.target, typical: a.typicalLevel }));
}

/** A level as a badge: "L3" on a shade of the scale; N/A hatched, dashed and in words. */
export function levelBadge(level: number | null, opts: { large?: boolean } = {}): SafeHtml {
  const size = opts.large ? ' level-lg' : '';
  if (level === null) return html`<span class="level level-na${size}" title="Not applicable: the capability is absent, flagged as a gap">N/A</span>`;
  return html`<span class="level level-${level}${size}" title="Level ${level}">L${level}</span>`;
}

/** A criterion's status as a badge with its own icon and word. */
export function statusBadge(status: MarkdownStatus): SafeHtml {
  const s = STATUS_TEXT[status];
  return html`<span class="badge badge-${status}"><span class="icon" aria-hidden="true">${s.icon}</span>${s.label}</span>`;
}

export function criterionAnchor(id: string): string {
  return `criterion-${id}`;
}

export function pillarAnchor(id: string): string {
  return `pillar-${id}`;
}

function evidenceItem(e: Evidence, links: Links): SafeHtml {
  // Evidence without a blob is not a file of the repository (a folder, a commit): plain text.
  const where = e.blob === undefined ? html`<span class="loc">${locationText(e.path, e.line)}</span>` : fileLink(links, e.path, e.line);
  const tags = [e.detector, ...(e.note ? [e.note] : []), ...(e.value !== undefined ? [`value ${e.value}`] : [])];
  return html`<li>${where}${e.excerpt ? html` <code>${e.excerpt}</code>` : ''} <span class="ev-tag">${tags.join(' · ')}</span></li>`;
}

function evidenceList(list: readonly Evidence[], links: Links): SafeHtml {
  if (list.length === 0) return html``;
  const open = list.slice(0, EVIDENCE_OPEN).map((e) => evidenceItem(e, links));
  const rest = list.slice(EVIDENCE_OPEN);
  const more = rest.length > 0 ? html`<li><details class="more"><summary>${plural(rest.length, 'more evidence item')}</summary><ul class="evidence">${rest.map((e) => evidenceItem(e, links))}</ul></details></li>` : '';
  return html`<p class="label-line"><span class="label">Evidence</span></p><ul class="evidence">${open}${more}</ul>`;
}

function attestationBox(x: AttestationRef, links: Links): SafeHtml {
  const evidence = x.evidence.map((e) => humanEvidenceHtml(e, links));
  // The note explains a state that does not count; for one that counts it adds nothing.
  const note = x.state === 'counted' || x.state === 'corroborates' ? '' : html` <em>${x.note}</em>`;
  return html`<p class="person"><span class="label">Attested (${x.state})</span>by ${x.by} on ${x.date}, until ${x.expires}, in <code>${x.file}</code>: ${x.claim}${evidence.length > 0 ? html` Evidence: ${joinHtml(evidence, '; ')}.` : ''}${note}</p>`;
}

function waiverScope(w: WaiverRef): SafeHtml {
  if (w.scope === 'repository') return html`the whole repository`;
  return 'paths' in w.scope ? html`paths ${joinHtml(w.scope.paths.map((p) => html`<code>${p}</code>`), ', ')}` : html`component <code>${w.scope.component}</code>`;
}

function waiverBox(w: WaiverRef, links: Links): SafeHtml {
  const compensating = w.compensating.length > 0 ? html` Compensating: ${joinHtml(w.compensating.map((e) => humanEvidenceHtml(e, links)), '; ')}.` : '';
  const note = w.state === 'applied' ? '' : html` <em>${w.note}</em>`;
  return html`<p class="person waiver"><span class="label">Waived (${w.state})</span>approved by ${w.approver} on ${w.date}, until ${w.expires}, for ${waiverScope(w)}, in <code>${w.file}</code>: ${w.justification}${compensating}${note}</p>`;
}

function joinHtml(parts: readonly SafeHtml[], separator: string): SafeHtml {
  return raw(parts.map((p) => p.safeHtml).join(html`${separator}`.safeHtml));
}

function measureText(c: CriterionResult): string | null {
  const m = c.measure;
  // Measured criteria usually give the figure in their reason already.
  if (!m || c.reason.includes(m.name)) return null;
  const unit = m.unit ? ` ${m.unit}` : '';
  return `${m.name} = ${m.value === null ? 'not measured' : `${m.value}${unit}`}, needs ${m.op} ${m.threshold}${unit} (${m.detector})`;
}

/** One criterion: status badge, what it asks, why it has its status, the evidence, the fix. */
export function criterionItem(c: CriterionResult, links: Links): SafeHtml {
  const status = markdownStatus(c);
  const antiPattern = c.level === 1 && c.antiPattern;
  // A met anti-pattern is an absent one: the title says which, so "Met" never reads as "found".
  const title = antiPattern ? `Anti-pattern ${c.status === 'met' ? 'absent' : c.status === 'unmet' ? 'present' : 'unknown'}: ${c.antiPattern}` : c.statement;
  const measure = measureText(c);
  const decide = c.status === 'unknown' && c.artefact && !c.reason.includes(c.artefact) ? html`<p class="fix"><span class="label">To decide</span>attest ${c.artefact}</p>` : '';
  return html`<li class="criterion st-${status}" id="${criterionAnchor(c.id)}">
<div class="criterion-head">${statusBadge(status)}<span class="criterion-title">${title}</span></div>
<div class="criterion-meta"><code>${c.id}</code> · ${c.kind}${c.computedStatus && c.computedStatus !== c.status ? ` · ${c.computedStatus} by the scan alone` : ''}</div>
${antiPattern ? html`<p><span class="label">Met when</span>${c.statement}</p>` : ''}
${c.reason ? html`<p><span class="label">Reason</span>${c.reason}</p>` : ''}
${measure ? html`<p><span class="label">Measure</span>${measure}</p>` : ''}
${c.attestation ? attestationBox(c.attestation, links) : ''}
${c.waiver ? waiverBox(c.waiver, links) : ''}
${evidenceList(c.evidence, links)}
${c.status === 'unmet' ? html`<p class="fix"><span class="label">Remediation</span>${c.remediation}</p>` : decide}
</li>`;
}

function gapText(p: PillarResult): string {
  if (p.gapToTarget === null) return 'N/A';
  if (p.gapToTarget > 0) return plural(p.gapToTarget, 'level');
  return p.gapToTarget === 0 ? 'none' : `${-p.gapToTarget} above`;
}

function levelHeading(level: number, levels: readonly LevelName[] | undefined): string {
  const name = levels?.find((l) => l.level === level)?.name;
  return `Level ${level}${name ? ` \u00B7 ${name}` : ''}${level === 1 ? ' \u00B7 anti-patterns, each must be absent' : ''}`;
}

function reviewLine(p: PillarResult, a: Assessment): SafeHtml {
  const rated = a.human.reviews.filter((r) => r.state === 'valid' && r.ratings[p.id] !== undefined);
  if (rated.length === 0) return html``;
  const who = rated.map((r) => html`${r.reviewer}${r.auditor ? ' (auditor)' : r.external ? ' (external)' : ''}: ${levelBadge(r.ratings[p.id]!)}`);
  const agreement = a.human.agreement?.pillars.find((x) => x.pillar === p.id);
  const verdict = agreement ? (agreement.agree ? 'every rater agrees' : `raters differ by ${plural(agreement.spread, 'level')}`) : '';
  return html`<p class="reviews-line"><span class="label">Reviewer ratings</span>${joinHtml(who, ' \u00B7 ')}${verdict ? html` \u2014 ${verdict}.` : ''}</p>`;
}

function overrideBox(p: PillarResult, links: Links): SafeHtml {
  const o = p.override;
  if (!o) return html``;
  const evidence = o.evidence.map((e) => humanEvidenceHtml(e, links));
  return html`<div class="callout"><p><span class="callout-title">Override.</span> ${o.by} set the level to ${o.level} against the computed ${o.computedLevel ?? 'N/A'}, in <code>${o.file}</code>: ${o.justification}${evidence.length > 0 ? html` Evidence: ${joinHtml(evidence, '; ')}.` : ''}</p></div>`;
}

function projectionLine(p: PillarResult, roadmap: Roadmap | undefined): SafeHtml {
  const plan = roadmap?.pillars.find((x) => x.pillar === p.id);
  if (!plan || plan.state === 'n/a') return html``;
  if (plan.state === 'at-target') return html`<p><span class="label">Roadmap</span>At or above its target: no work planned.</p>`;
  const steps = plan.projected.map((x) => `Level ${x.level} in ${x.quarter}`).join(', ');
  const blocked = plan.blocked ? ` Level ${plan.blocked.level} is blocked: ${plan.blocked.reason}.` : '';
  const by = plan.by ? (plan.lateAgainstDate ? ` Later than the date set (${plan.by}).` : ` In time for ${plan.by}.`) : '';
  return html`<p><span class="label">Roadmap</span>${steps ? `Projected: ${steps}.` : 'No level can be projected.'}${blocked}${by} ${plural(plan.items, 'piece')} of work, about ${weeksText(plan.weeks)} engineer-weeks (<a href="#roadmap">roadmap</a>).</p>`;
}

function nextLine(p: PillarResult): SafeHtml {
  if (!p.next) return html`<div class="callout next"><p><span class="callout-title">Top level reached.</span> Every criterion of levels 1\u20135 is met.</p></div>`;
  const byId = new Map(p.criteria.map((c) => [c.id, c]));
  const missing = [...p.next.unmet, ...p.next.unknown].map((id) => {
    const c = byId.get(id);
    const text = c ? (c.level === 1 && c.antiPattern ? `remove: ${c.antiPattern}` : c.statement) : id;
    return html`<li><a href="#${criterionAnchor(id)}">${text}</a> ${statusBadge(c ? markdownStatus(c) : 'unknown')}</li>`;
  });
  const from = p.override ? ` from the computed level ${p.override.computedLevel ?? 'N/A'}` : '';
  return html`<div class="callout next"><p class="callout-title">To reach level ${p.next.level}${from}</p>${missing.length > 0 ? html`<ul class="plain">${missing}</ul>` : html`<p>Nothing is missing.</p>`}</div>`;
}

export interface PillarSectionContext {
  assessment: Assessment;
  links: Links;
  roadmap?: Roadmap | undefined;
  levels?: readonly LevelName[] | undefined;
}

/** A pillar's drill-down: heading and figures, summary, the people's word, then every criterion by level. */
export function pillarSection(p: PillarResult, ctx: PillarSectionContext): SafeHtml {
  const { assessment: a, links } = ctx;
  const head = html`<div class="pillar-intro"><div class="pillar-head">
<div><h3 id="${pillarAnchor(p.id)}-title">${p.name}</h3><div class="pillar-id">${p.id}</div></div>
<dl class="stats"><div><dt>Level</dt><dd>${levelBadge(p.level, { large: true })}</dd></div><div><dt>Target</dt><dd>${levelBadge(p.target)}</dd></div><div><dt>Gap</dt><dd>${gapText(p)}</dd></div><div><dt>vs typical ${a.typicalLevel}</dt><dd>${p.applicable ? vsTypicalText(p) : 'N/A'}</dd></div></dl>
</div>
<p class="pillar-summary">${p.summary}</p></div>`;
  if (!p.applicable) {
    // Statuses of a capability that is absent are not a rating: listing them as unmet would mislead.
    return html`<section class="pillar" id="${pillarAnchor(p.id)}" aria-labelledby="${pillarAnchor(p.id)}-title" tabindex="-1">${head}
<div class="callout na"><p><span class="callout-title">Not applicable.</span> The capability is absent, so the pillar has no level and its ${plural(p.criteria.length, 'criterion', 'criteria')} are not rated: it is flagged as a gap, not scored as a zero. Add the capability, then re-assess.</p></div>
${reviewLine(p, a)}
<p class="back"><a href="#contents">Back to contents</a></p></section>`;
  }
  const people = peopleSummary(p).map((line) => html`<p>${line}</p>`);
  const levels = [...new Set(p.criteria.map((c) => c.level))].sort((x, y) => x - y);
  const groups = levels.map(
    (l) => html`<h4>${levelHeading(l, ctx.levels)}</h4><ol class="criteria">${p.criteria.filter((c) => c.level === l).map((c) => criterionItem(c, links))}</ol>`,
  );
  return html`<section class="pillar" id="${pillarAnchor(p.id)}" aria-labelledby="${pillarAnchor(p.id)}-title" tabindex="-1">${head}
${overrideBox(p, links)}${people}${reviewLine(p, a)}${projectionLine(p, ctx.roadmap)}
${nextLine(p)}
${groups}
<p class="back"><a href="#contents">Back to contents</a></p></section>`;
}

// ---------------------------------------------------------------------------------------------
// The sections of the report.

function masthead(a: Assessment, links: Links, extras: HtmlExtras): SafeHtml {
  const s = a.subject;
  const href = commitHref(links);
  let commit: SafeHtml;
  if (!s.isGit) commit = html`not a git repository`;
  else if (s.commit === null) commit = html`no commits yet`;
  else commit = href ? html`<a href="${href}" class="mono">${short(s.commit)}</a>` : html`<span class="mono">${short(s.commit)}</span>`;
  const targets = a.config.file ? `from ${a.config.file}` : `the typical level ${a.typicalLevel} (no config file)`;
  const facts: [string, SafeHtml][] = [
    ['Commit', html`${commit}${s.branch ? html` on <span class="mono">${s.branch}</span>` : ''}${s.dirty ? ' (work tree differed)' : ''}`],
    ['Assessed', html`${a.assessedAt.slice(0, 10)}`],
    ['Rubric', html`${a.rubric.id} ${a.rubric.version} <span class="mono muted">${short(a.rubric.hash)}</span>`],
    ['Tool', html`${a.tool.name} ${a.tool.version}`],
    ['Targets', html`${targets}`],
    ['Review', html`${a.human.review.note}`],
  ];
  return html`<header class="masthead">
<p class="kicker">Engineering readiness assessment</p>
<h1>${repositoryName(a)}</h1>
<p class="lede">The maturity of the platform’s engineering on ${a.pillars.length} pillars, each rated on levels 1\u20135 against observable evidence in the repository, with a target per pillar and the typical level ${a.typicalLevel} for comparison.</p>
<dl class="facts">${facts.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>
${keyFigures(a, extras)}
</header>`;
}

interface Section {
  id: string;
  title: string;
}

function contents(a: Assessment, sections: readonly Section[]): SafeHtml {
  const pillars = a.pillars.map((p) => html`<li><a href="#${pillarAnchor(p.id)}"><span>${p.name}</span>${levelBadge(p.level)}</a></li>`);
  const items = sections.map((s) =>
    s.id === 'pillars' ? html`<li><a href="#pillars">${s.title}</a><ol class="toc-pillars">${pillars}</ol></li>` : html`<li><a href="#${s.id}">${s.title}</a></li>`,
  );
  return html`<nav class="toc" id="contents" aria-labelledby="contents-title"><h2 id="contents-title">Contents</h2><ol>${items}</ol></nav>`;
}

/** Sentences of the assessment alone, when no executive summary was given. */
function overviewSentences(a: Assessment): string[] {
  const applicable = a.pillars.filter((p) => p.applicable);
  const atTarget = applicable.filter((p) => p.gapToTarget !== null && p.gapToTarget <= 0).length;
  const behind = applicable.filter((p) => p.gapToTypical !== null && p.gapToTypical < 0).length;
  const na = a.pillars.filter((p) => !p.applicable).map((p) => p.name);
  const out = [`${atTarget} of ${applicable.length} applicable pillars are at their target; ${behind} ${behind === 1 ? 'is' : 'are'} below the typical Level ${a.typicalLevel}.`];
  if (na.length > 0) out.push(`N/A (absent, flagged as ${na.length === 1 ? 'a gap' : 'gaps'}): ${na.join(', ')}.`);
  return out;
}

/** The executive summary's groups, as executiveSummary builds them from a roadmap (src/analysis/summary.ts). */
interface SummaryGroups {
  lead: string;
  gaps: string[];
  order: string[];
  shape: string[];
  targets: string[];
  closing: string;
}

/**
 * Split the summary into its groups by what the roadmap says each holds (sequencing blocks,
 * interactions, implausible targets), counted from the end; null when the counts do not add up
 * (a summary from elsewhere), and the sentences are then shown as they come.
 */
function summaryGroups(sentences: readonly string[], roadmap: Roadmap | undefined): SummaryGroups | null {
  if (!roadmap || sentences.length < 2) return null;
  const targets = roadmap.pillars.filter((p) => p.plausibility?.verdict === 'implausible').length;
  const shape = roadmap.profile.highest && roadmap.profile.lowest ? 1 + roadmap.interactions.length : 0;
  const order = roadmap.blocks.length === 0 ? 0 : roadmap.blocks.length + (roadmap.blocks.some((b) => !b.unreachable) ? 1 : 0);
  const gaps = sentences.length - 2 - targets - shape - order;
  if (gaps < 0) return null;
  let i = 1;
  const take = (n: number): string[] => sentences.slice(i, (i += n));
  return { lead: sentences[0]!, gaps: take(gaps), order: take(order), shape: take(shape), targets: take(targets), closing: sentences.at(-1)! };
}

function summaryBody(sentences: readonly string[], roadmap: Roadmap | undefined): SafeHtml {
  const g = summaryGroups(sentences, roadmap);
  if (!g) return html`${sentences.map((s, i) => html`<p${i === 0 ? html` class="lead"` : ''}>${s}</p>`)}`;
  const group = (title: string, list: readonly string[]): SafeHtml => (list.length === 0 ? html`` : html`<h3>${title}</h3><ul>${list.map((s) => html`<li>${s}</li>`)}</ul>`);
  return html`<p class="lead">${g.lead}</p>${group('Gaps to target', g.gaps)}${group('Order of investment', g.order)}${group('Shape of the profile', g.shape)}${group('Targets to reconsider', g.targets)}<p class="closing">${g.closing}</p>`;
}

/** The figures a reader takes away from the first page, and what qualifies them (an incomplete run, a dirty tree). */
function keyFigures(a: Assessment, extras: HtmlExtras): SafeHtml {
  const applicable = a.pillars.filter((p) => p.applicable);
  const atTarget = applicable.filter((p) => p.gapToTarget !== null && p.gapToTarget <= 0).length;
  const behind = applicable.filter((p) => p.gapToTypical !== null && p.gapToTypical < 0).length;
  const n = countCriteria(a.pillars);
  const total = n.met + n.unmet + n.unknown;
  const na = a.pillars.length - applicable.length;
  const kpis: [string, string][] = [
    [`${atTarget} of ${applicable.length}`, 'applicable pillars at their target'],
    [String(behind), `pillars below the typical Level ${a.typicalLevel}`],
    [`${n.met} of ${total}`, `criteria met; ${n.unknown} unknown`],
    extras.roadmap && extras.roadmap.totals.items > 0
      ? [roundWeeks(extras.roadmap.totals.weeks), `engineer-weeks to the targets (${plural(extras.roadmap.totals.items, 'piece')} of work)`]
      : [String(na), na === 1 ? 'pillar N/A (absent, a gap)' : 'pillars N/A (absent, gaps)'],
  ];
  const failed = a.detectors.filter((d) => d.outcome === 'error');
  const incomplete = a.incomplete
    ? html`<p class="note"><strong>Incomplete assessment.</strong> ${failed.map((d) => d.summary).join('; ')}. The criteria that depend on ${failed.length === 1 ? 'it' : 'them'} are unknown, not unmet.</p>`
    : '';
  const dirty = a.subject.dirty ? html`<p class="note">The work tree differed from commit ${short(a.subject.commit ?? '')} when it was assessed: links point at the commit, which may not hold what was read.</p>` : '';
  return html`<ul class="kpis" aria-label="Key figures">${kpis.map(([v, l]) => html`<li><span class="kpi-value">${v}</span><span class="kpi-label">${l}</span></li>`)}</ul>${incomplete}${dirty}`;
}

function summarySection(a: Assessment, extras: HtmlExtras): SafeHtml {
  const sentences = extras.summary ?? overviewSentences(a);
  const body = summaryBody(sentences, extras.summary ? extras.roadmap : undefined);
  return html`<section class="section" id="summary" aria-labelledby="summary-title"><h2 id="summary-title">Executive summary</h2>
<div class="summary">${body}</div>
</section>`;
}

function profileSection(a: Assessment, extras: HtmlExtras): SafeHtml {
  const points = pillarPoints(a);
  const scale = extras.levels
    ? html`<ol class="scale" aria-label="The level scale">${extras.levels.map((l) => html`<li>${levelBadge(l.level)}<span><b>${l.name}</b>${l.reading}</span></li>`)}<li>${levelBadge(null)}<span><b>Not applicable</b>The capability is absent: flagged as a gap, never scored as 0 or 1.</span></li></ol>`
    : '';
  return html`<section class="section" id="profile" aria-labelledby="profile-title"><h2 id="profile-title">Maturity profile</h2>
<p>Each spoke is a pillar, from Level 1 at the centre to Level 5 at the rim. The solid shape is where the platform is; the dashed line the target; the grey band the typical Level ${a.typicalLevel} of a healthy enterprise platform. The shape of the gap matters as much as its size.</p>
<figure class="native">${raw(radarChart({ pillars: points }))}</figure>${scale}
</section>`;
}

function gapsSection(a: Assessment): SafeHtml {
  const points = pillarPoints(a);
  return html`<section class="section" id="gaps" aria-labelledby="gaps-title"><h2 id="gaps-title">Gap to target</h2>
<figure class="native">${raw(gapBars({ pillars: points }))}<figcaption>The dark bar is the current level; the outlined bar the levels still to climb to the target (the teal mark); the dotted line the typical Level ${a.typicalLevel}.</figcaption></figure>
${profileTable(points)}
</section>`;
}

function trendPoints(t: Trend): TrendPointInput[] {
  return t.points.map((p, i) => ({ assessedAt: p.assessedAt, levels: Object.fromEntries(t.pillars.map((r) => [r.pillar, r.levels[i] ?? null])) }));
}

function trendSection(a: Assessment, trend: Trend | undefined): SafeHtml {
  const title = html`<h2 id="trend-title">Trend</h2>`;
  if (!trend || trend.points.length === 0) {
    return html`<section class="section" id="trend" aria-labelledby="trend-title">${title}
<p class="empty">No history yet: no assessment of this repository is stored, so there is no trend to show. Store each rating with <code>readiness assess --save</code> (quarterly, section 7.3); this section then shows each pillar’s level over time and which levels are confirmed.</p></section>`;
  }
  const pillars = a.pillars.map((p) => ({ id: p.id, name: p.name }));
  const points = trendPoints(trend);
  const confirmed = Object.fromEntries(trend.pillars.map((r) => [r.pillar, r.confirmed]));
  const first = trend.points[0]!.assessedAt.slice(0, 10);
  const last = trend.points.at(-1)!.assessedAt.slice(0, 10);
  const span = trend.points.length === 1 ? `One stored assessment, of ${first}` : `${trend.points.length} assessments from ${first} to ${last}`;
  const reading = trend.asRecorded ? 'levels as recorded' : 'each judged under the current rubric (re-evaluated from stored evidence where it was recorded under another)';
  const shown = trend.points.slice(trend.firstShown);
  const tableInput = {
    points: points.slice(trend.firstShown),
    pillars,
    confirmed,
  };
  const caption = trend.firstShown > 0 ? `Level of each pillar at the last ${shown.length} assessments (${trend.firstShown} older ones are in the chart)` : undefined;
  const names = new Map(a.pillars.map((p) => [p.id as string, p.name]));
  const changes = trend.changes.flatMap((step) =>
    step.pillars.map((c) => {
      const flips = c.flips.map((f) => `${f.id} ${f.from} \u2192 ${f.to}`).join(', ');
      return html`<li>${step.from.assessedAt.slice(0, 10)} \u2192 ${step.to.assessedAt.slice(0, 10)}: <strong>${names.get(c.pillar) ?? c.pillar}</strong> ${levelBadge(c.from)} \u2192 ${levelBadge(c.to)}${(c.to ?? 0) < (c.from ?? 0) ? ' (regression)' : ''}${flips ? html` <span class="muted">(${flips})</span>` : html` <span class="muted">(no criterion flipped: an override or the applicability changed)</span>`}</li>`;
    }),
  );
  const c = trend.cadence;
  return html`<section class="section" id="trend" aria-labelledby="trend-title">${title}
<p>${span}, ${reading}. A level counts as confirmed once its criteria have held for a full quarter without regression (section 7.4).</p>
<figure>${raw(trendChart({ points, pillars, confirmed }))}<figcaption>Level per pillar at each assessment; the dashed teal rule is the confirmed level.</figcaption></figure>
${trendTable(tableInput, caption)}
<h3>What moved</h3>${changes.length > 0 ? html`<ul class="plain">${changes}</ul>` : html`<p class="muted">No level changed between comparable assessments.</p>`}
<p class="${c.stale ? 'note' : 'note info'}"><strong>Next rating due ${c.due}</strong> (${c.interval}): ${c.reason}.${c.stale ? ` The history is stale: ${plural(c.overdueDays, 'day')} past due.` : ''}</p>
</section>`;
}

function workCells(item: WorkItem, names: ReadonlyMap<string, string>, links: Links): SafeHtml {
  const where = item.evidence.length > 0 ? html`<div class="muted">at ${joinHtml(item.evidence.map((e) => fileLink(links, e.path, e.line)), ', ')}</div>` : '';
  const waits = item.blockedBy.map((d) => html`<div class="muted">waits for ${names.get(d.pillar) ?? d.pillar} Level ${d.level}${d.until ? ` (${d.until})` : ' (never, while the targets stand)'}</div>`);
  const unknown = item.status === 'unknown' ? html`<span class="tag">show or attest</span>` : '';
  // A level-1 item is an anti-pattern to take out, not a capability to add.
  const what = item.level === 1 ? `Remove: ${item.statement}` : item.statement;
  return html`<td><a href="#${criterionAnchor(item.criterion)}">${what}</a>${unknown}${where}${waits}</td><td class="num">L${item.unlocks}</td><td class="effort">${item.effort.size} \u00B7 ${weeksText(item.effort.weeks)} wk</td>`;
}

/** The work of a quarter, grouped by pillar (in the order the roadmap ranks them), the pillar named once. */
function workTable(items: readonly WorkItem[], names: ReadonlyMap<string, string>, links: Links, caption: string): SafeHtml {
  const groups = new Map<string, WorkItem[]>();
  for (const item of items) groups.set(item.pillar, [...(groups.get(item.pillar) ?? []), item]);
  const rows = [...groups].flatMap(([pillar, list]) =>
    list.map((item, i) => {
      const group = i === 0 ? html`<td class="group" rowspan="${list.length}"><a href="#${pillarAnchor(pillar)}">${names.get(pillar) ?? pillar}</a></td>` : '';
      return html`<tr>${group}${workCells(item, names, links)}</tr>`;
    }),
  );
  return html`<table class="data work"><caption class="sr-only">${caption}</caption><thead><tr><th scope="col">Pillar</th><th scope="col">Work</th><th scope="col" class="num">Unlocks</th><th scope="col">Effort</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function roadmapSection(a: Assessment, roadmap: Roadmap | undefined, links: Links): SafeHtml {
  const title = html`<h2 id="roadmap-title">Roadmap</h2>`;
  if (!roadmap) {
    return html`<section class="section" id="roadmap" aria-labelledby="roadmap-title">${title}<p class="empty">No roadmap was planned for this report (<code>readiness report --format html</code> plans one from the repository’s targets).</p></section>`;
  }
  const names = new Map(roadmap.pillars.map((p) => [p.pillar as string, p.name]));
  const t = roadmap.totals;
  const intro =
    t.items === 0
      ? html`<p>Every applicable pillar is at or above its target: there is no work to plan.</p>`
      : html`<p>The programme starts ${roadmap.start}: ${plural(t.items, 'piece')} of work${t.unscheduled > 0 ? ` (${t.unscheduled} blocked)` : ''}, about ${weeksText(t.weeks)} engineer-weeks${t.lastQuarter ? `, through ${t.lastQuarter} (${plural(t.quarters, 'quarter')})` : ''}. Transitions follow the typical phasing: Level 1 to 2 in a quarter, 2 to 3 in two, 3 to 4 in a year or more. ${roadmap.assumptions.join(' ')}</p>`;
  const rows = roadmap.pillars.map((p) => {
    let projected: SafeHtml;
    if (p.state === 'n/a') projected = html`<span class="muted">N/A${p.notApplicable ? `: ${p.notApplicable}` : ''}</span>`;
    else if (p.state === 'at-target') projected = html`at target`;
    else {
      const steps = p.projected.map((x) => html`<span class="steps">L${x.level} ${x.quarter}</span>`);
      projected = html`${joinHtml(steps, ' \u2192 ')}${p.blocked ? html`${steps.length > 0 ? '; ' : ''}<strong>L${p.blocked.level} blocked</strong>: ${p.blocked.reason}` : ''}`;
    }
    const implausible = p.plausibility?.verdict === 'implausible' ? html`<div class="muted">Target not plausible${p.plausibility.plausible ? `: Level ${p.plausibility.plausible.level} by ${p.plausibility.plausible.by} is` : ''}.</div>` : '';
    const by = p.by ? html`<div class="muted">by ${p.by}${p.lateAgainstDate ? ', late' : ''}</div>` : '';
    return html`<tr${p.state === 'n/a' ? html` class="na"` : ''}><th scope="row"><a href="#${pillarAnchor(p.pillar)}">${p.name}</a></th><td>${levelBadge(p.level)}</td><td>${levelBadge(p.target)}${by}</td><td>${projected}${implausible}</td><td class="effort">${p.items > 0 ? `${p.items} \u00B7 ${weeksText(p.weeks)} wk` : '\u2013'}</td></tr>`;
  });
  const quarters = roadmap.quarters.map((q) => {
    const w: [number, number] = [q.items.reduce((s, i) => s + i.effort.weeks[0], 0), q.items.reduce((s, i) => s + i.effort.weeks[1], 0)];
    return html`<div class="quarter"><h4>${q.quarter}<span class="muted">${plural(q.items.length, 'piece')} of work \u00B7 ${weeksText(w)} engineer-weeks</span></h4>${workTable(q.items, names, links, `Work starting in ${q.quarter}`)}</div>`;
  });
  const blocked = roadmap.unscheduled.length > 0 ? html`<div class="quarter"><h4>Blocked<span class="muted">cannot start while the targets stand</span></h4>${workTable(roadmap.unscheduled, names, links, 'Blocked work')}</div>` : '';
  const order = roadmap.blocks.length > 0 ? html`<h3>Order of investment</h3><ul class="plain">${roadmap.blocks.map((b) => html`<li>${b.message}</li>`)}</ul>` : '';
  return html`<section class="section" id="roadmap" aria-labelledby="roadmap-title">${title}
${intro}
<table class="data"><caption>Projected level per pillar</caption><thead><tr><th scope="col">Pillar</th><th scope="col">Now</th><th scope="col">Target</th><th scope="col">Projected</th><th scope="col">Work</th></tr></thead><tbody>${rows}</tbody></table>
${order}
${quarters.length > 0 ? html`<h3>Work by quarter</h3><p class="muted">Each piece of work starts in the quarter of the transition it belongs to; effort is in engineer-weeks (low\u2013high).</p>${quarters}` : ''}${blocked}
</section>`;
}

function pillarsSection(a: Assessment, extras: HtmlExtras, links: Links): SafeHtml {
  const legend = (Object.keys(STATUS_TEXT) as MarkdownStatus[]).map((s) => html`<li>${statusBadge(s)} <span class="muted">${STATUS_MEANING[s]}</span></li>`);
  const ctx: PillarSectionContext = { assessment: a, links, roadmap: extras.roadmap, levels: extras.levels };
  const where = links.repo && links.commit ? `link to the files on ${links.repo.kind === 'github' ? 'GitHub' : 'GitLab'} at commit ${short(links.commit)}` : 'are paths relative to the repository root';
  return html`<section class="section" id="pillars" aria-labelledby="pillars-title"><h2 id="pillars-title">Pillars in detail</h2>
<p>Every criterion of every pillar, with why it has its status and the evidence behind it; evidence locations ${where}.</p>
<ul class="legend-badges">${legend}</ul>
${a.pillars.map((p) => pillarSection(p, ctx))}
</section>`;
}

function reviewsSection(a: Assessment): SafeHtml {
  const h = a.human;
  const reviews =
    h.reviews.length > 0
      ? html`<table class="data"><caption>Sign-offs</caption><thead><tr><th scope="col">Reviewer</th><th scope="col">Role</th><th scope="col">Date</th><th scope="col">State</th><th scope="col">Ratings</th><th scope="col">File</th></tr></thead><tbody>${h.reviews.map(
          (r) =>
            html`<tr><th scope="row">${r.reviewer}</th><td>${r.auditor ? 'external auditor' : r.external ? 'external' : 'internal'}</td><td>${r.date}</td><td>${r.state}</td><td>${Object.entries(r.ratings).map(([p, l]) => `${p} ${l}`).join(', ') || '\u2013'}</td><td><code>${r.file}</code></td></tr>`,
        )}</tbody></table>`
      : '';
  const ag = h.agreement;
  const pct = (x: number): string => `${Math.round(x * 100)}%`;
  const agreement = ag
    ? html`<p><strong>Agreement</strong> between ${ag.raters.join(', ')}: ${pct(ag.exactAgreement)} exact, ${pct(ag.withinOne)} within one level${ag.weightedKappa === null ? '' : `, weighted kappa ${ag.weightedKappa.toFixed(2)}`}. ${
        ag.pillars.filter((p) => !p.agree).length === 0
          ? 'No disagreement.'
          : `They differ on ${ag.pillars
              .filter((p) => !p.agree)
              .map((p) => `${p.pillar} (${Object.entries(p.ratings).map(([who, l]) => `${who} ${l ?? 'N/A'}`).join(', ')})`)
              .join('; ')}.`
      }</p>`
    : '';
  const people = [
    ...h.attestations.map((x) => html`<tr><td>attestation</td><td><a href="#${criterionAnchor(x.criterion)}"><code>${x.criterion}</code></a></td><td>${x.by}</td><td>${x.date}</td><td>${x.expires}</td><td>${x.state}</td><td>${x.note}</td></tr>`),
    ...h.waivers.map((w) => html`<tr><td>waiver</td><td><a href="#${criterionAnchor(w.criterion)}"><code>${w.criterion}</code></a></td><td>${w.approver}</td><td>${w.date}</td><td>${w.expires}</td><td>${w.state}</td><td>${w.note}</td></tr>`),
  ];
  const peopleTable =
    people.length > 0
      ? html`<table class="data"><caption>Attestations and waivers</caption><thead><tr><th scope="col">Kind</th><th scope="col">Criterion</th><th scope="col">By</th><th scope="col">Date</th><th scope="col">Expires</th><th scope="col">State</th><th scope="col">Note</th></tr></thead><tbody>${people}</tbody></table>`
      : '';
  const refused = h.refused.length > 0 ? html`<p><strong>Refused</strong> (they count for nothing):</p><ul class="plain">${h.refused.map((r) => html`<li>${r.message}</li>`)}</ul>` : '';
  return html`<section class="section" id="reviews" aria-labelledby="reviews-title"><h2 id="reviews-title">Reviews and sign-off</h2>
<p>${h.review.note} Section 7.2 asks for at least two senior engineers, one of them external to the team; for Security and Data Architecture an external auditor is the strongest signal.</p>
${reviews}${agreement}${peopleTable}${refused}
</section>`;
}

function warningsSection(a: Assessment): SafeHtml {
  if (a.warnings.length === 0) return html``;
  return html`<section class="section" id="warnings" aria-labelledby="warnings-title"><h2 id="warnings-title">Warnings</h2><ul class="plain">${a.warnings.map((w) => html`<li>${w.message}</li>`)}</ul></section>`;
}

function aboutSection(a: Assessment): SafeHtml {
  return html`<section class="section" id="about" aria-labelledby="about-title"><h2 id="about-title">How to read this report</h2>
<p>Each pillar is rated on the CMMI-derived scale of levels 1 to 5: a pillar is at the highest level whose criteria, and those of every level below, are met. Level 1 criteria are anti-patterns, met when the anti-pattern is absent. Level ${a.typicalLevel} is typical of a healthy enterprise platform; Level 5 is rare. A pillar whose capability is absent is N/A: flagged as a gap, never scored as 0 or 1.</p>
<p>Criteria are <em>detected</em> from the repository, <em>measured</em> against a threshold, or <em>attested</em> by a person where a scan cannot see (a penetration test, an incident review). What rests on a person’s word is shown as attested or waived, never as found by the scan, and names who said it and until when.</p>
<p>A rating is only as good as its evidence (section 7.1), and the model’s value is its trend over time rather than any single rating’s precision (section 8.1). Levels count as transitions only after a full quarter without regression (section 7.4).</p>
</section>`;
}

/** The sections in order, with their titles (the contents list them). */
function sectionsOf(a: Assessment): Section[] {
  return [
    { id: 'summary', title: 'Executive summary' },
    { id: 'profile', title: 'Maturity profile' },
    { id: 'gaps', title: 'Gap to target' },
    { id: 'trend', title: 'Trend' },
    { id: 'roadmap', title: 'Roadmap' },
    { id: 'pillars', title: 'Pillars in detail' },
    { id: 'reviews', title: 'Reviews and sign-off' },
    ...(a.warnings.length > 0 ? [{ id: 'warnings', title: 'Warnings' }] : []),
    { id: 'about', title: 'How to read this report' },
  ];
}

/** The HTML report of an assessment: a complete, self-contained document. */
export function renderHtml(a: Assessment, extras: HtmlExtras = {}): string {
  const links = linksOf(a);
  const commit = a.subject.commit ? ` @ ${short(a.subject.commit)}` : '';
  const doc = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${a.tool.name} ${a.tool.version}">
<title>Engineering readiness of ${repositoryName(a)}${commit}</title>
<style>${raw(REPORT_CSS)}</style>
</head>
<body>
<a class="skip-link" href="#summary">Skip to the summary</a>
<div class="page">
${masthead(a, links, extras)}
${contents(a, sectionsOf(a))}
<main>
${summarySection(a, extras)}
${profileSection(a, extras)}
${gapsSection(a)}
${trendSection(a, extras.trend)}
${roadmapSection(a, extras.roadmap, links)}
${pillarsSection(a, extras, links)}
${reviewsSection(a)}
${warningsSection(a)}
${aboutSection(a)}
</main>
<footer class="colophon">Generated by ${a.tool.name} ${a.tool.version} from rubric ${a.rubric.id} ${a.rubric.version} (<code>${a.rubric.hash}</code>). Result digest <code>${a.resultDigest}</code>: what a reviewer signs.</footer>
</div>
</body>
</html>
`;
  return doc.safeHtml;
}
