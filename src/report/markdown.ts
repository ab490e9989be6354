// The Markdown report, for pull requests and wikis: a compact pillar table with levels, targets
// and gaps, then every criterion folded per pillar with its status, evidence (linked to the
// hosted repository at the assessed commit when the remote is known), attestations, waivers,
// reviews and overrides. Text that comes from repositories is escaped, so a pipe, an angle
// bracket or a backtick in a file name or a justification cannot break the page.
import type { Assessment, AttestationRef, CriterionResult, Evidence, HumanEvidence, PillarResult, WaiverRef } from '../core/assessment.ts';
import { peopleSummary } from './explain.ts';
import { countCriteria, short, vsTypicalText } from './terminal.ts';

// ---------------------------------------------------------------------------------------------
// Escaping. Markdown text and HTML text need different escapes: inside an HTML block such as
// <summary>, backslashes are shown as they are, so there only entities work.

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for inside HTML elements (the <summary> of a fold). */
export function escapeHtml(text: string): string {
  return oneLine(text).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/**
 * Text for Markdown paragraphs, list items and table cells: HTML is neutralised with entities,
 * and Markdown punctuation is backslash-escaped (a pipe would end a table cell, `@` and `#`
 * would mention people and issues in a pull request).
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c]!)
    .replace(/[\\`*_[\]|~#@!]/g, (c) => `\\${c}`);
}

/** An inline code span that holds any text: the fence is longer than any run of backticks inside. */
export function codeSpan(text: string): string {
  const t = oneLine(text);
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || (t.startsWith(' ') && t.endsWith(' ') && t.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// The hosted repository: links to files at the assessed commit on GitHub and GitLab.

export interface HostedRepository {
  kind: 'github' | 'gitlab';
  /** https://host/owner/name, without .git. */
  web: string;
  /** owner/name (GitLab: group/subgroup/name). */
  path: string;
}

/** user@host:path (scp-like), or a URL with a scheme; credentials are never kept. */
function remoteParts(remote: string): { host: string; path: string } | null {
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/.exec(remote);
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(remote)) return { host: scp[1]!, path: scp[2]! };
  try {
    const u = new URL(remote);
    if (!u.hostname) return null;
    return { host: u.hostname, path: decodeURIComponent(u.pathname) };
  } catch {
    return null;
  }
}

/** The web address of a GitHub or GitLab remote (github.com, gitlab.com or a host named gitlab.*); null otherwise. */
export function hostedRepository(remote: string | null): HostedRepository | null {
  if (!remote) return null;
  const parts = remoteParts(remote);
  if (!parts) return null;
  const path = parts.path.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
  if (!path.includes('/')) return null;
  const host = parts.host.toLowerCase();
  const kind = host === 'github.com' || host.startsWith('github.') ? 'github' : host === 'gitlab.com' || host.startsWith('gitlab.') ? 'gitlab' : null;
  if (!kind) return null;
  return { kind, web: `https://${host}/${path.split('/').map(encodeSegment).join('/')}`, path };
}

/** A path segment in a URL: percent-encoded, parentheses too (they would end a Markdown link). */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[()'*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A repository-relative path as a relative URI reference (each segment percent-encoded). */
export function encodePath(path: string): string {
  return path.split('/').map(encodeSegment).join('/');
}

/** The address of a file (and line) at a commit on the hosted repository. */
export function hostedFileUrl(repo: HostedRepository, commit: string, path: string, line?: number): string {
  const blob = repo.kind === 'gitlab' ? '-/blob' : 'blob';
  return `${repo.web}/${blob}/${commit}/${encodePath(path)}${line !== undefined ? `#L${line}` : ''}`;
}

export function hostedCommitUrl(repo: HostedRepository, commit: string): string {
  return `${repo.web}/${repo.kind === 'gitlab' ? '-/commit' : 'commit'}/${commit}`;
}

/** The name a report gives the repository: owner/name when hosted, else the remote's or folder's last segment. */
export function repositoryName(a: Pick<Assessment, 'subject'>): string {
  const hosted = hostedRepository(a.subject.remote);
  if (hosted) return hosted.path;
  const fromRemote = a.subject.remote ? remoteParts(a.subject.remote)?.path.replace(/\.git$/, '').split('/').filter(Boolean).at(-1) : undefined;
  return fromRemote ?? a.subject.path.split(/[\\/]/).filter(Boolean).at(-1) ?? a.subject.path;
}

// ---------------------------------------------------------------------------------------------
// Criteria.

export type MarkdownStatus = 'met' | 'unmet' | 'unknown' | 'attested' | 'waived';

/** Met by a person's word is shown as attested or waived, never as met by the scan. */
export function markdownStatus(c: Pick<CriterionResult, 'status' | 'basis'>): MarkdownStatus {
  if (c.status === 'met' && c.basis === 'attestation') return 'attested';
  if (c.status === 'met' && c.basis === 'waiver') return 'waived';
  return c.status;
}

/** Evidence items shown per criterion; the rest are counted (the HTML report and `explain` list all). */
const EVIDENCE_SHOWN = 10;

interface Links {
  repo: HostedRepository | null;
  commit: string | null;
}

function location(e: Pick<Evidence, 'path' | 'line'>): string {
  return e.line !== undefined ? `${e.path}:${e.line}` : e.path;
}

/**
 * `path:line` as a link to the hosted file at the commit; a code span when the remote is not
 * hosted. Evidence without a blob is not a file of the repository (a folder, a commit), so plain text.
 */
function evidenceLocation(e: Evidence, links: Links): string {
  if (e.blob === undefined) return escapeMarkdown(location(e));
  if (links.repo && links.commit) return `[${escapeMarkdown(location(e))}](${hostedFileUrl(links.repo, links.commit, e.path, e.line)})`;
  return codeSpan(location(e));
}

function evidenceText(e: Evidence, links: Links): string {
  const parts = [evidenceLocation(e, links)];
  if (e.excerpt) parts.push(codeSpan(e.excerpt));
  const tags = [e.detector, ...(e.note ? [e.note] : []), ...(e.value !== undefined ? [`value ${e.value}`] : [])];
  return `${parts.join(' ')} (${escapeMarkdown(tags.join('; '))})`;
}

function humanEvidenceText(e: HumanEvidence, links: Links): string {
  if (e.url) return /^https?:\/\//.test(e.url) ? `<${e.url.replace(/[<>\s]/g, encodeURIComponent)}>` : escapeMarkdown(e.url);
  if (e.document) {
    const doc = links.repo && links.commit ? `[${escapeMarkdown(e.document)}](${hostedFileUrl(links.repo, links.commit, e.document)})` : codeSpan(e.document);
    return e.blob ? `${doc} (blob ${short(e.blob)})` : doc;
  }
  if (e.measured) return escapeMarkdown(`${e.measured.value} ${e.measured.unit} (${e.measured.source})`);
  return '';
}

function attestationLine(x: AttestationRef, links: Links): string {
  const evidence = x.evidence.map((e) => humanEvidenceText(e, links)).join('; ');
  // The note explains a state that does not count; for one that counts it adds nothing.
  const note = x.state === 'counted' || x.state === 'corroborates' ? '' : ` ${escapeMarkdown(x.note)}`;
  return `Attestation (${x.state}) by ${escapeMarkdown(x.by)} on ${x.date}, until ${x.expires}, in ${codeSpan(x.file)}: ${escapeMarkdown(x.claim)} Evidence: ${evidence}.${note}`;
}

function waiverScope(w: WaiverRef): string {
  if (w.scope === 'repository') return 'the whole repository';
  return 'paths' in w.scope ? `paths ${w.scope.paths.map(codeSpan).join(', ')}` : `component ${codeSpan(w.scope.component)}`;
}

function waiverLine(w: WaiverRef, links: Links): string {
  const compensating = w.compensating.length > 0 ? ` Compensating: ${w.compensating.map((e) => humanEvidenceText(e, links)).join('; ')}.` : '';
  const note = w.state === 'applied' ? '' : ` ${escapeMarkdown(w.note)}`;
  return `Waiver (${w.state}) approved by ${escapeMarkdown(w.approver)} on ${w.date}, until ${w.expires}, for ${waiverScope(w)}, in ${codeSpan(w.file)}: ${escapeMarkdown(w.justification)}${compensating}${note}`;
}

function measureLine(c: CriterionResult): string | null {
  const m = c.measure;
  if (!m) return null;
  const unit = m.unit ? ` ${m.unit}` : '';
  const value = m.value === null ? 'not measured' : `${m.value}${unit}`;
  return escapeMarkdown(`${m.name} = ${value}, needs ${m.op} ${m.threshold}${unit} (${m.detector})`);
}

function criterionItem(c: CriterionResult, links: Links): string[] {
  const status = markdownStatus(c);
  const what = c.level === 1 && c.antiPattern ? `anti-pattern: ${escapeMarkdown(c.antiPattern)} (met when: ${escapeMarkdown(c.statement)})` : escapeMarkdown(c.statement);
  const out = [`- **${status}** ${codeSpan(c.id)} (${c.kind}): ${what}`];
  const sub = (label: string, text: string): void => void out.push(`  - ${label}: ${text}`);
  if (c.reason) sub('Reason', escapeMarkdown(c.reason));
  // Measured criteria usually give the figure in their reason already.
  const m = c.measure && !c.reason.includes(c.measure.name) ? measureLine(c) : null;
  if (m) sub('Measure', m);
  if (c.attestation) sub('Attested', attestationLine(c.attestation, links));
  if (c.waiver) sub('Waived', waiverLine(c.waiver, links));
  if (c.evidence.length === 1) sub('Evidence', evidenceText(c.evidence[0]!, links));
  else if (c.evidence.length > 1) {
    out.push('  - Evidence:');
    for (const e of c.evidence.slice(0, EVIDENCE_SHOWN)) out.push(`    - ${evidenceText(e, links)}`);
    if (c.evidence.length > EVIDENCE_SHOWN) out.push(`    - and ${c.evidence.length - EVIDENCE_SHOWN} more`);
  }
  if (c.status === 'unmet') sub('Fix', escapeMarkdown(c.remediation));
  else if (c.status === 'unknown' && c.artefact && !c.reason.includes(c.artefact)) sub('To decide', `attest ${escapeMarkdown(c.artefact)}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Pillars.

function levelText(p: PillarResult): string {
  if (p.level === null) return 'N/A';
  return p.override ? `${p.level} (override)` : String(p.level);
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function pillarTable(a: Assessment): string[] {
  const out = [tableRow(['Pillar', 'Level', 'Target', 'Gap', 'vs typical', 'Summary']), '| --- | ---: | ---: | ---: | --- | --- |'];
  for (const p of a.pillars) {
    const summary = [p.summary, ...peopleSummary(p)].join(' ');
    out.push(tableRow([escapeMarkdown(p.name), levelText(p), String(p.target), p.gapToTarget === null ? 'gap' : String(p.gapToTarget), vsTypicalText(p), escapeMarkdown(summary)]));
  }
  return out;
}

function statusCounts(criteria: readonly CriterionResult[]): string {
  const n: Record<MarkdownStatus, number> = { met: 0, attested: 0, waived: 0, unmet: 0, unknown: 0 };
  for (const c of criteria) n[markdownStatus(c)]++;
  return (Object.keys(n) as MarkdownStatus[])
    .filter((k) => n[k] > 0 || k === 'met' || k === 'unmet' || k === 'unknown')
    .map((k) => `${n[k]} ${k}`)
    .join(', ');
}

function pillarFold(p: PillarResult, links: Links): string[] {
  const head = p.applicable ? `level ${levelText(p)}, target ${p.target}; ${statusCounts(p.criteria)}` : 'N/A (not applicable, flagged as a gap)';
  const out = ['<details>', `<summary><b>${escapeHtml(p.name)}</b> (${p.id}): ${escapeHtml(head)}</summary>`, ''];
  out.push(escapeMarkdown(p.summary), '');
  if (p.override) {
    const o = p.override;
    const evidence = o.evidence.map((e) => humanEvidenceText(e, links)).join('; ');
    out.push(`> **Override** by ${escapeMarkdown(o.by)} in ${codeSpan(o.file)}: computed level ${o.computedLevel ?? 'N/A'}, set to ${o.level}. ${escapeMarkdown(o.justification)} Evidence: ${evidence}.`, '');
  }
  for (const line of peopleSummary(p)) out.push(escapeMarkdown(line), '');
  if (!p.applicable) {
    // Statuses of a capability that is absent are not a rating: listing them as unmet would mislead.
    out.push('The capability is absent, so its criteria are not rated. Add the capability, then re-assess.', '', '</details>', '');
    return out;
  }
  if (p.next) {
    const missing = [...p.next.unmet.map((id) => `${codeSpan(id)} (unmet)`), ...p.next.unknown.map((id) => `${codeSpan(id)} (unknown)`)];
    const from = p.override ? ` from the computed level ${p.override.computedLevel ?? 'N/A'}` : '';
    out.push(`**To reach level ${p.next.level}${from}:** ${missing.length > 0 ? missing.join(', ') : 'nothing is missing'}.`, '');
  }
  const levels = [...new Set(p.criteria.map((c) => c.level))].sort((x, y) => x - y);
  for (const l of levels) {
    out.push(`**Level ${l}${l === 1 ? ' (anti-patterns: each must be absent)' : ''}**`, '');
    for (const c of p.criteria.filter((x) => x.level === l)) out.push(...criterionItem(c, links));
    out.push('');
  }
  out.push('</details>', '');
  return out;
}

// ---------------------------------------------------------------------------------------------
// The report.

function subjectLine(a: Assessment, links: Links): string {
  const s = a.subject;
  let commit: string;
  if (!s.isGit) commit = 'not a git repository';
  else if (s.commit === null) commit = 'no commits yet';
  else commit = links.repo ? `commit [${short(s.commit)}](${hostedCommitUrl(links.repo, s.commit)})` : `commit ${codeSpan(short(s.commit))}`;
  const branch = s.branch ? ` on ${codeSpan(s.branch)}` : '';
  const dirty = s.dirty ? ' (the work tree differed from the commit)' : '';
  return `Assessed ${a.assessedAt.slice(0, 10)} at ${commit}${branch}${dirty}, by ${escapeMarkdown(a.tool.name)} ${escapeMarkdown(a.tool.version)} with rubric ${escapeMarkdown(a.rubric.id)} ${escapeMarkdown(a.rubric.version)} (hash ${codeSpan(short(a.rubric.hash))}).`;
}

function overview(a: Assessment): string[] {
  const applicable = a.pillars.filter((p) => p.applicable);
  const atTarget = applicable.filter((p) => p.gapToTarget !== null && p.gapToTarget <= 0).length;
  const position = { ahead: 0, normal: 0, behind: 0 };
  for (const p of applicable) if (p.gapToTypical !== null) position[p.gapToTypical > 0 ? 'ahead' : p.gapToTypical < 0 ? 'behind' : 'normal']++;
  const na = a.pillars.filter((p) => !p.applicable);
  const n = countCriteria(a.pillars);
  const people = a.pillars.filter((p) => p.applicable).flatMap((p) => p.criteria);
  const attested = people.filter((c) => markdownStatus(c) === 'attested').length;
  const waived = people.filter((c) => markdownStatus(c) === 'waived').length;
  const byPeople = attested + waived > 0 ? ` (${[attested > 0 ? `${attested} attested` : '', waived > 0 ? `${waived} waived` : ''].filter(Boolean).join(', ')})` : '';
  const lines = [
    `**${atTarget} of ${applicable.length} applicable pillars at target**; against the typical level ${a.typicalLevel}: ${position.ahead} ahead, ${position.normal} normal, ${position.behind} behind.`,
    `**Criteria** (applicable pillars): ${n.met} met${byPeople}, ${n.unmet} unmet, ${n.unknown} unknown.`,
  ];
  if (na.length > 0) lines.push(`**N/A** (not applicable, flagged as ${na.length === 1 ? 'a gap' : 'gaps'}): ${na.map((p) => escapeMarkdown(p.name)).join(', ')}.`);
  lines.push(`**Review:** ${escapeMarkdown(a.human.review.note)}`);
  return lines.flatMap((l) => [l, '']);
}

function incompleteNote(a: Assessment): string[] {
  if (!a.incomplete) return [];
  const failed = a.detectors.filter((d) => d.outcome === 'error');
  const them = failed.length === 1 ? 'it' : 'them';
  return [`> **Incomplete assessment:** ${failed.map((d) => escapeMarkdown(d.summary)).join('; ')}. The criteria that depend on ${them} are unknown.`, ''];
}

function reviewsSection(a: Assessment): string[] {
  const h = a.human;
  if (h.reviews.length === 0) return [];
  const out = ['## Reviews', '', escapeMarkdown(h.review.note), '', tableRow(['Reviewer', 'External', 'Date', 'State', 'Ratings', 'File']), '| --- | --- | --- | --- | --- | --- |'];
  for (const r of h.reviews) {
    const ratings = Object.entries(r.ratings).map(([p, l]) => `${p} ${l}`).join(', ') || '-';
    const role = r.auditor ? 'auditor' : r.external ? 'yes' : 'no';
    out.push(tableRow([escapeMarkdown(r.reviewer), role, r.date, r.state, ratings, codeSpan(r.file).replace(/\|/g, '\\|')]));
  }
  out.push('');
  const ag = h.agreement;
  if (ag) {
    const pct = (x: number): string => `${Math.round(x * 100)}%`;
    const split = ag.pillars.filter((p) => !p.agree).map((p) => `${p.pillar} (${Object.entries(p.ratings).map(([who, l]) => `${who} ${l ?? 'N/A'}`).join(', ')})`);
    const kappa = ag.weightedKappa === null ? '' : `, weighted kappa ${ag.weightedKappa.toFixed(2)}`;
    out.push(`**Agreement** between ${escapeMarkdown(ag.raters.join(', '))}: ${pct(ag.exactAgreement)} exact, ${pct(ag.withinOne)} within one level${kappa}; ${split.length === 0 ? 'no disagreement' : `disagree on ${escapeMarkdown(split.join('; '))}`}.`, '');
  }
  return out;
}

function peopleSection(a: Assessment): string[] {
  const h = a.human;
  if (h.attestations.length + h.waivers.length + h.refused.length === 0) return [];
  const out = ['## Attestations and waivers', '', tableRow(['Kind', 'Criterion', 'By', 'Date', 'Expires', 'State', 'Note']), '| --- | --- | --- | --- | --- | --- | --- |'];
  const cell = (s: string): string => escapeMarkdown(s);
  for (const x of h.attestations) out.push(tableRow(['attestation', cell(x.criterion), cell(x.by), x.date, x.expires, x.state, cell(x.note)]));
  for (const w of h.waivers) out.push(tableRow(['waiver', cell(w.criterion), cell(w.approver), w.date, w.expires, w.state, cell(w.note)]));
  out.push('');
  if (h.refused.length > 0) {
    out.push('Refused (they count for nothing):', '');
    for (const r of h.refused) out.push(`- ${escapeMarkdown(r.message)}`);
    out.push('');
  }
  return out;
}

function warningsSection(a: Assessment): string[] {
  if (a.warnings.length === 0) return [];
  return ['## Warnings', '', ...a.warnings.map((w) => `- ${escapeMarkdown(w.message)}`), ''];
}

/** The Markdown report of an assessment. */
export function renderMarkdown(a: Assessment): string {
  const links: Links = { repo: hostedRepository(a.subject.remote), commit: a.subject.commit };
  const commit = a.subject.commit ? ` @ ${short(a.subject.commit)}` : '';
  const lines = [
    `# Engineering readiness of ${escapeMarkdown(repositoryName(a))}${commit}`,
    '',
    subjectLine(a, links),
    '',
    ...incompleteNote(a),
    ...overview(a),
    ...pillarTable(a),
    '',
    '## Pillars',
    '',
    ...a.pillars.flatMap((p) => pillarFold(p, links)),
    ...reviewsSection(a),
    ...peopleSection(a),
    ...warningsSection(a),
    `<sub>Result digest ${codeSpan(a.resultDigest)}: what a reviewer signs.</sub>`,
  ];
  return `${lines.join('\n')}\n`;
}
