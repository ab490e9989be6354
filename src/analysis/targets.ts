// Where each pillar stands against the typical level and its target, and what the programme data
// of the rubric says about that: the shape of the profile (section 2), pillar interactions (8.2),
// targets that are fantasies (7.5 and the phasing of section 2), and the order of investment
// (sequencing rules that keep one pillar from its target while another lags). All pure.
import type { Assessment, PillarResult } from '../core/assessment.ts';
import type { PillarId } from '../core/types.ts';
import type { TargetSpec } from '../config/schema.ts';
import type { Programme } from '../rubric/schema.ts';
import { addMonths } from '../util/dates.ts';

export type Standing = 'ahead' | 'normal' | 'behind' | 'n/a';

export type TargetSpecs = Readonly<Record<PillarId, TargetSpec>>;

const applicable = (p: PillarResult): p is PillarResult & { level: number } => p.applicable && p.level !== null;

/** The assessment date, YYYY-MM-DD: every month count starts there. */
export const assessedOn = (a: Assessment): string => a.assessedAt.slice(0, 10);

/** Each pillar against the typical level (section 1: ahead, behind or normal); N/A pillars are n/a. */
export function standing(assessment: Assessment, typical: number = assessment.typicalLevel): Record<PillarId, Standing> {
  const out = {} as Record<PillarId, Standing>;
  for (const p of assessment.pillars) {
    out[p.id] = !applicable(p) ? 'n/a' : p.level > typical ? 'ahead' : p.level === typical ? 'normal' : 'behind';
  }
  return out;
}

export interface Profile {
  /** Highest minus lowest applicable level; 0 with no applicable pillar. */
  spread: number;
  shape: 'even' | 'uneven';
  highest: { level: number; pillars: PillarId[] } | null;
  lowest: { level: number; pillars: PillarId[] } | null;
}

/** Section 2, the shape of the gap: a Level 4 beside a Level 1 is different trouble from an even profile. */
export function profile(assessment: Assessment, programme: Programme): Profile {
  const rated = assessment.pillars.filter(applicable);
  if (rated.length === 0) return { spread: 0, shape: 'even', highest: null, lowest: null };
  const levels = rated.map((p) => p.level);
  const max = Math.max(...levels);
  const min = Math.min(...levels);
  const at = (level: number): PillarId[] => rated.filter((p) => p.level === level).map((p) => p.id);
  return {
    spread: max - min,
    shape: max - min >= programme.profile.unevenSpread ? 'uneven' : 'even',
    highest: { level: max, pillars: at(max) },
    lowest: { level: min, pillars: at(min) },
  };
}

export interface Interaction {
  id: string;
  leading: { pillar: PillarId; level: number };
  lagging: { pillar: PillarId; level: number };
  /** A sentence: "The platform can see its own breaches but cannot prevent them". */
  message: string;
  source: string;
}

/** Section 8.2: every rule whose leading pillar is at least `by` levels above its lagging one. */
export function interactions(assessment: Assessment, programme: Programme): Interaction[] {
  const level = levelsOf(assessment);
  const out: Interaction[] = [];
  for (const rule of programme.interactions) {
    const lead = level.get(rule.leading);
    const lag = level.get(rule.lagging);
    if (lead === undefined || lag === undefined || lead - lag < rule.by) continue;
    out.push({
      id: rule.id,
      leading: { pillar: rule.leading, level: lead },
      lagging: { pillar: rule.lagging, level: lag },
      message: `The platform ${rule.message}`,
      source: rule.source,
    });
  }
  return out;
}

/** Applicable pillars' levels; N/A pillars are absent. */
function levelsOf(assessment: Assessment): Map<PillarId, number> {
  return new Map(assessment.pillars.filter(applicable).map((p) => [p.id, p.level] as const));
}

/** Months the phasing of section 2 needs to climb from `from` to `to` (0 when not above). */
function phasingMonths(from: number, to: number, programme: Programme): number {
  let months = 0;
  for (let k = from; k < to; k++) months += programme.phasing.find((p) => p.from === k)?.months ?? 0;
  return months;
}

/** Whole calendar months from `a` to `b`: the most `m` with a + m months on or before b. */
export function monthsBetween(a: string, b: string): number {
  if (b < a) return 0;
  let m = 0;
  while (addMonths(a, m + 1) <= b) m++;
  return m;
}

export type PlausibilityRule = 'at-most-one-level-a-year' | 'phasing';

export interface PlausibilityFinding {
  pillar: PillarId;
  level: number;
  target: number;
  by: string;
  /** Whole months from the assessment date to `by`. */
  monthsAvailable: number;
  /** Months the phasing needs from the current level to the target. */
  monthsNeeded: number;
  verdict: 'met' | 'plausible' | 'implausible';
  /** The rules an implausible target breaks, in the order they are told. */
  rules: PlausibilityRule[];
  /** Why it is implausible, in plain words (empty unless implausible). */
  message: string;
  /** A target that would be plausible, when this one is not. */
  plausible: { level: number; by: string } | null;
  /** The sections of the maturity model behind the rules broken. */
  sources: string[];
}

const LEVEL_WORDS = ['no', 'one', 'two', 'three', 'four'];
const levelsWord = (n: number): string => `${LEVEL_WORDS[n] ?? String(n)} level${n === 1 ? '' : 's'}`;

/**
 * Section 7.5 and the phasing of section 2, for every applicable pillar whose target has a date.
 * A target more than `maxLevels` above the current level and due within `plausibility.months`
 * is a fantasy, and so is one the phasing cannot reach by its date. Undated targets are not
 * judged here: the roadmap projects a date for them.
 */
export function plausibility(assessment: Assessment, specs: TargetSpecs, programme: Programme): PlausibilityFinding[] {
  const from = assessedOn(assessment);
  const rule = programme.plausibility;
  const out: PlausibilityFinding[] = [];
  for (const p of assessment.pillars.filter(applicable)) {
    const spec = specs[p.id];
    if (spec.by === undefined) continue;
    const base = { pillar: p.id, level: p.level, target: spec.level, by: spec.by, monthsAvailable: monthsBetween(from, spec.by), monthsNeeded: phasingMonths(p.level, spec.level, programme) };
    if (spec.level <= p.level) {
      out.push({ ...base, verdict: 'met', rules: [], message: '', plausible: null, sources: [] });
      continue;
    }
    const rules: PlausibilityRule[] = [];
    const why: string[] = [];
    const sources: string[] = [];
    const climb = spec.level - p.level;
    if (climb > rule.maxLevels && spec.by <= addMonths(from, rule.months)) {
      rules.push('at-most-one-level-a-year');
      why.push(`Level ${spec.level} by ${spec.by} is ${levelsWord(climb)} above Level ${p.level} within ${rule.months} months; a climb of more than ${levelsWord(rule.maxLevels)} in ${rule.months} months is rare and usually takes hiring or organisational change, not just engineering`);
      sources.push(rule.source);
    }
    if (base.monthsNeeded > base.monthsAvailable) {
      rules.push('phasing');
      why.push(`moving from Level ${p.level} to Level ${spec.level} typically takes ${base.monthsNeeded} months and only ${base.monthsAvailable} remain before ${spec.by}`);
      sources.push(...phasingSources(p.level, spec.level, programme));
    }
    if (rules.length === 0) {
      out.push({ ...base, verdict: 'plausible', rules, message: '', plausible: null, sources });
      continue;
    }
    out.push({ ...base, verdict: 'implausible', rules, message: why.join('; '), plausible: plausibleTarget(p.level, spec.level, spec.by, rules, from, programme), sources });
  }
  return out;
}

/**
 * What would be plausible instead. Too many levels for the year: the most the rule allows, by the
 * same date unless the phasing needs longer. Too little time only: the same level, by the date
 * the phasing allows.
 */
function plausibleTarget(level: number, target: number, by: string, rules: PlausibilityRule[], from: string, programme: Programme): { level: number; by: string } {
  if (rules.includes('at-most-one-level-a-year')) {
    const reachable = level + programme.plausibility.maxLevels;
    const phased = addMonths(from, phasingMonths(level, reachable, programme));
    return { level: reachable, by: phased > by ? phased : by };
  }
  return { level: target, by: addMonths(from, phasingMonths(level, target, programme)) };
}

function phasingSources(from: number, to: number, programme: Programme): string[] {
  return programme.phasing.filter((p) => p.from >= from && p.from < to).map((p) => p.source);
}

export interface SequencingBlock {
  pillar: PillarId;
  /** The level the pillar cannot pass while the required pillar lags. */
  level: number;
  requires: { pillar: PillarId; level: number };
  /** The required pillar's current level. */
  requiredAt: number;
  reason: string;
  source: string;
  /** The required pillar's own target is below the required level: the pillar's target cannot be reached. */
  unreachable: boolean;
  /** "Reliability cannot reach Level 3 while Background Processing is at Level 1: <reason>" */
  message: string;
}

/**
 * Section 2, the order of investment: each sequencing rule whose pillar must pass `level` on the
 * way to its target while the required pillar is still below the required level. A required
 * pillar that is N/A imposes nothing.
 */
export function sequencingBlocks(assessment: Assessment, specs: TargetSpecs, programme: Programme): SequencingBlock[] {
  const level = levelsOf(assessment);
  const name = new Map(assessment.pillars.map((p) => [p.id, p.name] as const));
  const out: SequencingBlock[] = [];
  for (const rule of programme.sequencing) {
    const current = level.get(rule.pillar);
    const required = level.get(rule.requires.pillar);
    if (current === undefined || required === undefined) continue;
    if (!(current < rule.level && rule.level <= specs[rule.pillar].level)) continue;
    if (required >= rule.requires.level) continue;
    const requiredTarget = specs[rule.requires.pillar].level;
    const unreachable = requiredTarget < rule.requires.level;
    const who = name.get(rule.pillar) ?? rule.pillar;
    const what = name.get(rule.requires.pillar) ?? rule.requires.pillar;
    let message = `${who} cannot reach Level ${rule.level} while ${what} is at Level ${required}: ${rule.reason}`;
    if (unreachable) message += `; ${what}'s target of Level ${requiredTarget} keeps it there, so ${who}'s target of Level ${specs[rule.pillar].level} cannot be reached`;
    out.push({
      pillar: rule.pillar,
      level: rule.level,
      requires: { ...rule.requires },
      requiredAt: required,
      reason: rule.reason,
      source: rule.source,
      unreachable,
      message,
    });
  }
  return out;
}
