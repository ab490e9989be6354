// The terminal report of an assessment: one table row per pillar, then a footer that says what
// was assessed (rubric, commit) and how much of it is known. A pure function of the Assessment.
import type { Assessment, PillarResult } from '../core/assessment.ts';
import { peopleSummary } from './explain.ts';
import { MIN_WIDTH, displayWidth, joinLines, padEnd, padStart, styles, truncate, wrap, type Style, type TextOptions } from './text.ts';

export type VsTypical = 'ahead' | 'normal' | 'behind';

/**
 * Where a pillar stands against the typical level (section 3: level 3 is "normal"): ahead above
 * it, behind below it. N/A pillars have no position (null): they are flagged as gaps instead.
 */
export function vsTypical(p: Pick<PillarResult, 'gapToTypical'>): VsTypical | null {
  if (p.gapToTypical === null) return null;
  return p.gapToTypical > 0 ? 'ahead' : p.gapToTypical < 0 ? 'behind' : 'normal';
}

export function vsTypicalText(p: Pick<PillarResult, 'gapToTypical'>): string {
  const v = vsTypical(p);
  if (v === null || p.gapToTypical === null) return '-';
  return v === 'normal' ? 'normal' : `${v} (${p.gapToTypical > 0 ? '+' : ''}${p.gapToTypical})`;
}

/** 12 characters are enough to name a commit or a rubric hash unambiguously in a report. */
export function short(hash: string): string {
  return hash.slice(0, 12);
}

export interface CriteriaCounts {
  met: number;
  unmet: number;
  unknown: number;
}

/** Criterion statuses over the applicable pillars (N/A pillars are reported as gaps instead). */
export function countCriteria(pillars: readonly PillarResult[]): CriteriaCounts {
  const counts: CriteriaCounts = { met: 0, unmet: 0, unknown: 0 };
  for (const p of pillars) {
    if (!p.applicable) continue;
    for (const c of p.criteria) counts[c.status]++;
  }
  return counts;
}

function levelColor(st: Style, p: PillarResult): (s: string) => string {
  const v = vsTypical(p);
  if (v === null) return st.magenta;
  return v === 'ahead' ? st.green : v === 'behind' ? st.red : st.yellow;
}

const NAME_MAX = 40;
/** Narrower than this, the summary goes on its own lines under the row (100 columns: below). */
const SUMMARY_MIN = 50;
const SUMMARY_INDENT = '    ';
const GUTTER = '  ';
/** Width of the footer labels ("Incomplete" and a space). */
const LABEL = 12;

function table(a: Assessment, opts: TextOptions, st: Style): string[] {
  const width = Math.max(opts.width, MIN_WIDTH);
  const head = ['Pillar', 'Level', 'Target', 'Gap', 'vs typical', 'Summary'] as const;
  const rows = a.pillars.map((p) => ({
    p,
    cells: [
      truncate(p.name, NAME_MAX),
      p.level === null ? 'N/A' : String(p.level),
      String(p.target),
      p.gapToTarget === null ? 'gap' : String(p.gapToTarget),
      vsTypicalText(p),
    ],
  }));
  const widths = head.slice(0, 5).map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r.cells[i] ?? ''))));
  const right = [false, true, true, true, false];
  const fixed = widths.reduce((s, w) => s + w + GUTTER.length, 0);
  const inline = width - fixed >= SUMMARY_MIN;
  const cell = (text: string, i: number): string => (right[i] ? padStart(text, widths[i]!) : padEnd(text, widths[i]!));

  const out: string[] = [];
  const headCells = head.slice(0, 5).map((h, i) => cell(h, i));
  out.push(st.bold([...headCells, inline ? head[5] : ''].join(GUTTER).trimEnd()));
  for (const { p, cells } of rows) {
    const color = levelColor(st, p);
    const shown = cells.map((c, i) => (i === 1 || i === 4 ? color(cell(c, i)) : cell(c, i)));
    const prefix = shown.join(GUTTER) + GUTTER;
    const summary = [p.summary, ...peopleSummary(p)].join(' ');
    if (inline) {
      const lines = wrap(summary, width - fixed);
      out.push(prefix + (lines[0] ?? ''));
      for (const l of lines.slice(1)) out.push(' '.repeat(fixed) + l);
    } else {
      out.push(prefix.trimEnd());
      out.push(...wrap(summary, width, SUMMARY_INDENT));
    }
  }
  return out;
}

/** Attestations, waivers and reviews in one line: what counted, what did not and why. */
function peopleFooter(a: Assessment): string | null {
  const h = a.human;
  if (h.attestations.length + h.waivers.length + h.reviews.length + h.refused.length === 0) return null;
  const count = <T extends { state: string }>(list: readonly T[]): string =>
    Object.entries(list.reduce<Record<string, number>>((m, x) => ({ ...m, [x.state]: (m[x.state] ?? 0) + 1 }), {}))
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
  const parts: string[] = [];
  if (h.attestations.length > 0) parts.push(`attestations: ${count(h.attestations)}`);
  if (h.waivers.length > 0) parts.push(`waivers: ${count(h.waivers)}`);
  if (h.refused.length > 0) parts.push(`${h.refused.length} file(s) refused (see warnings)`);
  parts.push(h.review.note);
  return parts.join('; ');
}

function footer(a: Assessment, opts: TextOptions, st: Style): string[] {
  const width = Math.max(opts.width, MIN_WIDTH);
  const out: string[] = [];
  const field = (label: string, text: string, color: (s: string) => string = (x) => x): void => {
    const lines = wrap(text, width - LABEL);
    lines.forEach((l, i) => out.push(`${i === 0 ? st.bold(padEnd(label, LABEL)) : ' '.repeat(LABEL)}${color(l)}`));
  };
  field('Rubric', `${a.rubric.id} ${a.rubric.version} (hash ${short(a.rubric.hash)})`);
  const s = a.subject;
  let commit: string;
  if (!s.isGit) commit = 'not a git repository';
  else if (s.commit === null) commit = `no commits yet${s.branch ? ` (branch ${s.branch})` : ''}`;
  else commit = `${short(s.commit)}${s.branch ? ` (${s.branch})` : ''}`;
  field('Commit', `${commit}, ${s.dirty ? 'dirty: the work tree differs from the commit' : 'clean'}`, s.dirty ? st.yellow : undefined);
  const n = countCriteria(a.pillars);
  field('Criteria', `${n.met} met, ${n.unmet} unmet, ${n.unknown} unknown`);
  const na = a.pillars.filter((p) => !p.applicable);
  if (na.length > 0) {
    const names = na.map((p) => `${p.name} (${p.id})`).join(', ');
    field('N/A', `${names}: not applicable, flagged as ${na.length === 1 ? 'a gap' : 'gaps'}`, st.magenta);
  }
  const people = peopleFooter(a);
  if (people) field('People', people, st.magenta);
  const ag = a.human.agreement;
  if (ag) {
    const pct = (x: number): string => `${Math.round(x * 100)}%`;
    const split = ag.pillars.filter((p) => !p.agree).map((p) => `${p.pillar} (${Object.entries(p.ratings).map(([who, l]) => `${who} ${l ?? 'N/A'}`).join(', ')})`);
    field(
      'Agreement',
      `${ag.raters.join(', ')}: ${pct(ag.exactAgreement)} exact, ${pct(ag.withinOne)} within one level${ag.weightedKappa === null ? '' : `, weighted kappa ${ag.weightedKappa.toFixed(2)}`}; ${split.length === 0 ? 'no disagreement' : `disagree on ${split.join('; ')}`}`,
    );
  }
  field('Warnings', String(a.warnings.length));
  if (a.incomplete) {
    const failed = a.detectors.filter((d) => d.outcome === 'error').map((d) => d.id);
    const text = `detector${failed.length === 1 ? '' : 's'} ${failed.join(', ')} failed; the criteria that depend on ${failed.length === 1 ? 'it' : 'them'} are unknown.`;
    field('Incomplete', text, st.red);
  }
  return out;
}

/** The terminal report of `readiness assess`. */
export function renderAssessment(a: Assessment, opts: TextOptions): string {
  const st = styles(opts.color);
  const width = Math.max(opts.width, MIN_WIDTH);
  const title = `Engineering readiness of ${a.subject.path}`;
  const lines = [
    ...wrap(title, width).map((l) => st.bold(l)),
    ...wrap(`${a.pillars.length} pillars, levels 1-5, typical level ${a.typicalLevel}; assessed ${a.assessedAt} by ${a.tool.name} ${a.tool.version}`, width),
    '',
    ...table(a, opts, st),
    '',
    ...footer(a, opts, st),
  ];
  return joinLines(lines);
}
