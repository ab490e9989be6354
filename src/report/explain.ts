// The report of `readiness explain <pillar>`: every criterion of one pillar by level, with its
// status, reason, evidence and remediation, then exactly what is missing for the next level.
import type { CriterionResult, Evidence, HumanEvidence, PillarResult } from '../core/assessment.ts';
import { MIN_WIDTH, displayWidth, joinLines, padEnd, styles, truncate, wrap, type Style, type TextOptions } from './text.ts';

export interface ExplainOptions extends TextOptions {
  /** Level names from the rubric ("Initial", "Repeatable", ...), shown in level headings. */
  levelNames?: Readonly<Record<number, string>>;
  /** The typical level, named in the heading (level 3 unless the rubric says otherwise). */
  typicalLevel?: number;
}

/** How a status reads: level-1 criteria are anti-patterns, met when the anti-pattern is absent. */
export function statusLabel(c: Pick<CriterionResult, 'level' | 'status' | 'basis'>): string {
  // Met by a person's word is never shown as detected.
  if (c.status === 'met' && c.basis === 'attestation') return 'attested';
  if (c.status === 'met' && c.basis === 'waiver') return 'waived';
  if (c.level === 1) return c.status === 'met' ? 'absent' : c.status === 'unmet' ? 'present' : 'unknown';
  return c.status;
}

function humanEvidenceText(e: HumanEvidence): string {
  if (e.url) return e.url;
  if (e.document) return `${e.document}${e.blob ? ` (blob ${e.blob.slice(0, 12)})` : ''}`;
  if (e.measured) return `${e.measured.value} ${e.measured.unit} (${e.measured.source})`;
  return '';
}

/** The attestation and waiver behind a criterion, with their state: attested evidence stays visibly attested. */
function peopleLines(c: CriterionResult, width: number, st: Style): string[] {
  const out: string[] = [];
  const a = c.attestation;
  if (a) {
    const text = `attestation (${a.state}): ${a.claim} by ${a.by} on ${a.date}, until ${a.expires} [${a.file}]; ${a.note} evidence: ${a.evidence.map(humanEvidenceText).join('; ')}`;
    out.push(...wrap(text, width, DETAIL, `${DETAIL}  `).map((l) => (a.state === 'counted' || a.state === 'corroborates' ? l : st.yellow(l))));
  }
  const w = c.waiver;
  if (w) {
    const scope = w.scope === 'repository' ? 'repository' : 'paths' in w.scope ? w.scope.paths.join(', ') : `component ${w.scope.component}`;
    const text = `waiver (${w.state}): ${w.justification} approved by ${w.approver} on ${w.date}, until ${w.expires}, scope ${scope} [${w.file}]; ${w.note}`;
    out.push(...wrap(text, width, DETAIL, `${DETAIL}  `).map((l) => (w.state === 'applied' ? st.magenta(l) : st.yellow(l))));
  }
  return out;
}

const STATUS_WIDTH = 8; // "unknown " / "present "
const INDENT = '  ';
const DETAIL = ' '.repeat(INDENT.length + STATUS_WIDTH + 1);

function statusColor(st: Style, c: CriterionResult): (s: string) => string {
  if (c.status === 'met' && c.basis && c.basis !== 'scan') return st.magenta;
  return c.status === 'met' ? st.green : c.status === 'unmet' ? st.red : st.yellow;
}

function location(e: Evidence): string {
  return e.line !== undefined ? `${e.path}:${e.line}` : e.path;
}

/** One evidence item: `path:line  excerpt  [detector; note; value]`, the excerpt cut to fit. */
export function evidenceLine(e: Evidence, width: number, indent: string): string {
  const tags = [e.detector, ...(e.note ? [e.note] : []), ...(e.value !== undefined ? [`value ${e.value}`] : [])];
  const tail = `  [${tags.join('; ')}]`;
  const head = `${indent}${location(e)}`;
  if (!e.excerpt) return head + tail;
  const room = width - displayWidth(head) - displayWidth(tail) - 2;
  const excerpt = room >= 12 ? truncate(e.excerpt, room) : truncate(e.excerpt, 40);
  return `${head}  ${excerpt}${tail}`;
}

function measureLine(c: CriterionResult): string | null {
  const m = c.measure;
  if (!m) return null;
  const value = m.value === null ? 'not measured' : `${m.value}${m.unit ? ` ${m.unit}` : ''}`;
  return `measure: ${m.name} = ${value}, needs ${m.op} ${m.threshold}${m.unit ? ` ${m.unit}` : ''} [${m.detector}]`;
}

function headline(c: CriterionResult): string {
  return c.level === 1 && c.antiPattern ? `anti-pattern: ${c.antiPattern}` : c.statement;
}

function criterionLines(c: CriterionResult, width: number, st: Style): string[] {
  const out: string[] = [];
  const label = statusColor(st, c)(padEnd(statusLabel(c), STATUS_WIDTH));
  out.push(`${INDENT}${label} ${st.bold(c.id)} ${st.dim(`(${c.kind})`)}`);
  out.push(...wrap(headline(c), width, DETAIL));
  if (c.level === 1 && c.antiPattern) out.push(...wrap(`met when: ${c.statement}`, width, DETAIL, `${DETAIL}  `));
  if (c.reason) out.push(...wrap(`reason: ${c.reason}`, width, DETAIL, `${DETAIL}  `).map((l) => st.dim(l)));
  const m = measureLine(c);
  if (m) out.push(...wrap(m, width, DETAIL, `${DETAIL}  `));
  if (c.artefact) out.push(...wrap(`artefact: ${c.artefact}`, width, DETAIL, `${DETAIL}  `));
  out.push(...peopleLines(c, width, st));
  if (c.evidence.length > 0) {
    out.push(`${DETAIL}evidence:`);
    for (const e of c.evidence) out.push(evidenceLine(e, width, `${DETAIL}  `));
  }
  if (c.status === 'unmet') out.push(...wrap(`remediation: ${c.remediation}`, width, DETAIL, `${DETAIL}  `).map((l) => st.cyan(l)));
  return out;
}

function levelHeading(level: number, opts: ExplainOptions): string {
  const name = opts.levelNames?.[level];
  const base = `Level ${level}${name ? ` - ${name}` : ''}`;
  return level === 1 ? `${base} (anti-patterns: each must be absent)` : base;
}

function toReach(p: PillarResult, width: number, st: Style): string[] {
  if (!p.applicable) {
    return [
      st.bold('To reach level 1'),
      ...wrap('The pillar is not applicable, so it has no level: the capability is absent and flagged as a gap. Add the capability, then re-assess.', width, INDENT),
    ];
  }
  if (p.next === null) return [st.bold('Top level reached'), `${INDENT}Every criterion of levels 1-5 is met.`];
  const byId = new Map(p.criteria.map((c) => [c.id, c]));
  const out = [st.bold(`To reach level ${p.next.level}`)];
  const missing = [...p.next.unmet, ...p.next.unknown];
  if (missing.length === 0) out.push(`${INDENT}Nothing is missing.`);
  for (const id of missing) {
    const c = byId.get(id);
    if (!c) {
      out.push(`${INDENT}${id}`);
      continue;
    }
    const label = statusColor(st, c)(padEnd(statusLabel(c), STATUS_WIDTH));
    out.push(`${INDENT}${label} ${st.bold(c.id)} (level ${c.level})`);
    out.push(...wrap(headline(c), width, DETAIL));
    if (c.status === 'unmet') out.push(...wrap(`fix: ${c.remediation}`, width, DETAIL, `${DETAIL}  `).map((l) => st.cyan(l)));
    else if (c.artefact) out.push(...wrap(`attest: ${c.artefact}`, width, DETAIL, `${DETAIL}  `));
    else out.push(...wrap(`unknown: ${c.reason}`, width, DETAIL, `${DETAIL}  `).map((l) => st.dim(l)));
  }
  return out;
}

/** How much of the level rests on people: overrides, attestations alone, waivers. */
export function peopleSummary(p: PillarResult): string[] {
  // An override is told by the summary itself ("level 2 set by ..."); this is what rests on evidence from people besides.
  const out: string[] = [];
  const h = p.human;
  if (h && h.levelFromScan !== p.level && !p.override) {
    const parts = [`From the scan alone: level ${h.levelFromScan ?? 'N/A'}`];
    if (h.attestedCriteria.length > 0) parts.push(`attested alone: ${h.attestedCriteria.join(', ')}`);
    if (h.waivedCriteria.length > 0) parts.push(`waived: ${h.waivedCriteria.join(', ')} (level ${h.levelWithoutWaivers ?? 'N/A'} without waivers)`);
    out.push(`${parts.join('; ')}.`);
  }
  return out;
}

function typicalText(p: PillarResult, typical: number | undefined): string {
  const d = p.gapToTypical ?? 0;
  const level = typical !== undefined ? `typical level ${typical}` : 'typical level';
  if (d === 0) return `normal (${level})`;
  return d > 0 ? `ahead of ${level} by ${d}` : `behind ${level} by ${-d}`;
}

/** The explanation of one pillar result. */
export function renderExplain(p: PillarResult, opts: ExplainOptions): string {
  const st = styles(opts.color);
  const width = Math.max(opts.width, MIN_WIDTH);
  const out: string[] = [st.bold(`${p.name} (${p.id})`)];
  if (p.level === null) {
    out.push(`Level N/A (not applicable, flagged as a gap); target ${p.target}`);
  } else {
    out.push(`Level ${p.level}; target ${p.target}; gap to target ${p.gapToTarget ?? '-'}; ${typicalText(p, opts.typicalLevel)}`);
  }
  out.push(...wrap(p.summary, width));
  if (p.override) {
    const o = p.override;
    const evidence = o.evidence.map((e) => e.url ?? e.document ?? (e.measured ? `${e.measured.value} ${e.measured.unit} (${e.measured.source})` : '')).join('; ');
    out.push(...wrap(`Override by ${o.by} [${o.file}]: computed level ${o.computedLevel ?? 'N/A'}, set to ${o.level}; evidence: ${evidence}`, width).map((x) => st.magenta(x)));
  }
  out.push(...peopleSummary(p).flatMap((l) => wrap(l, width).map((x) => st.magenta(x))));
  if (p.ceiling !== null && p.level !== null && p.ceiling > p.level) {
    out.push(`Ceiling: level ${p.ceiling} if every unknown criterion were met.`);
  }
  const levels = [...new Set(p.criteria.map((c) => c.level))].sort((x, y) => x - y);
  for (const level of levels) {
    out.push('', st.bold(levelHeading(level, opts)));
    for (const c of p.criteria.filter((x) => x.level === level)) out.push(...criterionLines(c, width, st));
  }
  out.push('', ...toReach(p, width, st));
  return joinLines(out);
}
