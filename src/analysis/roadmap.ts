// The roadmap: the work that stands between each pillar and its target, scheduled by the phasing
// of section 2 (1->2 a quarter, 2->3 two quarters, 3->4 a year) and the order of investment
// (a pillar waits for the pillars its sequencing rules require). The model prescribes no
// sequencing (8.2): the rules are rubric data, and so are the effort sizes. No capacity model:
// pillars climb in parallel, which the roadmap says once.
import type { Assessment, CriterionResult, PillarResult } from '../core/assessment.ts';
import { PILLAR_IDS, type PillarId } from '../core/types.ts';
import type { Criterion, EffortSize, LoadedRubric } from '../rubric/schema.ts';
import { addMonths, nextQuarterStart, quarterOf } from '../util/dates.ts';
import {
  assessedOn,
  interactions,
  plausibility,
  profile,
  sequencingBlocks,
  standing,
  type Interaction,
  type PlausibilityFinding,
  type Profile,
  type SequencingBlock,
  type Standing,
  type TargetSpecs,
} from './targets.ts';

const PARALLEL_ASSUMPTION = 'Pillars are assumed to progress in parallel: there is no capacity model, so work in the same quarter on different pillars needs different people.';

export interface Effort {
  size: EffortSize;
  /** Engineer-weeks, low and high. */
  weeks: [number, number];
}

/** A sequencing rule that holds a transition back until another pillar reaches a level. */
export interface Delay {
  pillar: PillarId;
  level: number;
  reason: string;
  /** The quarter the required pillar is projected to reach the level; null when it never does. */
  until: string | null;
}

export interface WorkItem {
  pillar: PillarId;
  criterion: string;
  /** The criterion's own level. */
  level: number;
  /** The level it is needed for: anti-patterns of level 1 block level 2. */
  unlocks: number;
  /** What is true once done; for a level-1 criterion, the anti-pattern to remove. */
  statement: string;
  status: 'unmet' | 'unknown';
  /** What the evidence shows is missing; for unknown, what evidence to show or attest. */
  gap: string;
  /** Where an anti-pattern is present (up to 3 locations). */
  evidence: { path: string; line?: number; excerpt?: string }[];
  remediation: string;
  effort: Effort;
  /** The quarter its transition starts; null when the transition can never start (blocked). */
  quarter: string | null;
  blockedBy: Delay[];
}

export interface Projection {
  level: number;
  quarter: string;
  /** The last day of the transition that reaches the level. */
  date: string;
}

export interface PillarPlan {
  pillar: PillarId;
  name: string;
  level: number | null;
  target: number;
  by?: string;
  why?: string;
  standing: Standing;
  /** Why the pillar is N/A (the rubric's reading of its absence). */
  notApplicable?: string;
  state: 'n/a' | 'at-target' | 'planned' | 'blocked';
  projected: Projection[];
  reachesTargetIn: string | null;
  /** Projected to reach the target after its date, or never (blocked) while it has one. */
  lateAgainstDate: boolean;
  /** The judgement of a dated target (7.5 and phasing); null when undated or N/A. */
  plausibility: PlausibilityFinding | null;
  /** The level the pillar cannot reach, and why; later levels get no projection. */
  blocked: { level: number; reason: string } | null;
  items: number;
  weeks: [number, number];
}

export interface Roadmap {
  assessedAt: string;
  /** The first day of the programme: the quarter after the assessment. */
  start: string;
  typical: number;
  items: WorkItem[];
  quarters: { quarter: string; items: WorkItem[] }[];
  /** Items of transitions that can never start, in item order. */
  unscheduled: WorkItem[];
  pillars: PillarPlan[];
  blocks: SequencingBlock[];
  profile: Profile;
  interactions: Interaction[];
  totals: {
    items: number;
    unscheduled: number;
    weeks: [number, number];
    /** Calendar quarters from the start through the last projected one. */
    quarters: number;
    lastQuarter: string | null;
  };
  assumptions: string[];
}

/** The day before an ISO date: a transition ending at `end` is done on its last day. */
function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function quarterIndex(quarter: string): number {
  return Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(6)) - 1;
}

/** Quarters from `first` through `last`, both counted. */
export function quartersSpanned(first: string, last: string): number {
  return quarterIndex(last) - quarterIndex(first) + 1;
}

const sumWeeks = (items: readonly { effort: Effort }[]): [number, number] => [
  items.reduce((s, i) => s + i.effort.weeks[0], 0),
  items.reduce((s, i) => s + i.effort.weeks[1], 0),
];

/** The criterion's own size if the rubric gives one, else the programme's default for what it is. */
function effortOf(c: CriterionResult, rule: Criterion | undefined, rubric: LoadedRubric): Effort {
  const e = rubric.programme.effort;
  const size: EffortSize = rule?.effort ?? (c.status === 'unknown' ? e.unknown : c.level === 1 ? e.antiPattern : e.byLevel[c.level as 2 | 3 | 4 | 5]);
  const weeks = e.sizes[size].weeks;
  return { size, weeks: [weeks[0], weeks[1]] };
}

/**
 * Where an anti-pattern is: evidence of the detectors that must all hold (as the pillar summary
 * tells it), not of an alternative ("or there is no HTTP API") or of context.
 */
function locations(c: CriterionResult, rule: Criterion | undefined): WorkItem['evidence'] {
  if (c.level !== 1 || c.status !== 'unmet' || !rule) return [];
  const ev = rule.evidence;
  const deciders = new Set(ev.kind === 'measured' ? [ev.detector] : ev.kind === 'detected' ? (ev.all ?? []).map((x) => x.detector) : []);
  return c.evidence
    .filter((x) => x.path && deciders.has(x.detector))
    .slice(0, 3)
    .map((x) => ({ path: x.path, ...(x.line !== undefined ? { line: x.line } : {}), ...(x.excerpt !== undefined ? { excerpt: x.excerpt } : {}) }));
}

/** The work for one pillar: every criterion up to the target that is not met. */
function workOf(p: PillarResult & { level: number }, target: number, rules: ReadonlyMap<string, Criterion>, rubric: LoadedRubric): Omit<WorkItem, 'quarter' | 'blockedBy'>[] {
  return p.criteria
    .filter((c) => c.level <= target && c.status !== 'met')
    .map((c) => {
      const rule = rules.get(c.id);
      return {
        pillar: p.id,
        criterion: c.id,
        level: c.level,
        unlocks: Math.max(c.level, 2),
        statement: c.level === 1 && c.antiPattern ? c.antiPattern : c.statement,
        status: c.status as 'unmet' | 'unknown',
        gap: c.reason,
        evidence: locations(c, rule),
        remediation: c.remediation,
        effort: effortOf(c, rule, rubric),
      };
    });
}

/** When a transition starts (null: never) and which rules held it back. */
interface Transition {
  start: string | null;
  end: string | null;
  delays: Delay[];
  /** Why it can never start. */
  blocked?: string;
}

/**
 * The schedule: transition k -> k+1 of a pillar starts when its transition to k ends and, by the
 * order of investment, not before each required pillar has reached the required level. Memoised,
 * with a guard so that circular rules block instead of recursing forever.
 */
function scheduler(assessment: Assessment, specs: TargetSpecs, rubric: LoadedRubric, start: string) {
  const programme = rubric.programme;
  const level = new Map(assessment.pillars.filter((p) => p.applicable && p.level !== null).map((p) => [p.id, p.level!] as const));
  const name = new Map(assessment.pillars.map((p) => [p.id, p.name] as const));
  const memo = new Map<string, Transition>();
  const visiting = new Set<string>();

  /** The day `pillar` reaches `to` (the day after its transition's last day); null when never. */
  function reached(pillar: PillarId, to: number): string | null {
    const current = level.get(pillar);
    if (current === undefined) return null;
    if (to <= current) return start;
    return transition(pillar, to - 1).end;
  }

  function transition(pillar: PillarId, from: number): Transition {
    const key = `${pillar}:${from}`;
    const known = memo.get(key);
    if (known) return known;
    if (visiting.has(key)) return { start: null, end: null, delays: [], blocked: `the sequencing rules around ${name.get(pillar)} Level ${from + 1} are circular` };
    visiting.add(key);
    const result = computeTransition(pillar, from);
    visiting.delete(key);
    memo.set(key, result);
    return result;
  }

  function computeTransition(pillar: PillarId, from: number): Transition {
    const current = level.get(pillar)!;
    const previous: Transition = from === current ? { start, end: start, delays: [] } : transition(pillar, from - 1);
    if (previous.end === null) return { start: null, end: null, delays: [], ...(previous.blocked ? { blocked: previous.blocked } : {}) };
    let begin = previous.end;
    const delays: Delay[] = [];
    let blocked: string | undefined;
    for (const rule of programme.sequencing) {
      if (rule.pillar !== pillar || rule.level !== from + 1) continue;
      const req = rule.requires;
      const reqLevel = level.get(req.pillar);
      // A required pillar that is N/A, or already there, imposes nothing.
      if (reqLevel === undefined || reqLevel >= req.level) continue;
      const who = `${name.get(pillar)} cannot reach Level ${rule.level} while ${name.get(req.pillar)} is below Level ${req.level}: ${rule.reason}`;
      if (specs[req.pillar].level < req.level) {
        blocked ??= `${who}; ${name.get(req.pillar)}'s target is Level ${specs[req.pillar].level}`;
        delays.push({ pillar: req.pillar, level: req.level, reason: rule.reason, until: null });
        continue;
      }
      const ready = reached(req.pillar, req.level);
      if (ready === null) {
        blocked ??= `${who}, and ${name.get(req.pillar)} cannot reach it (${transition(req.pillar, req.level - 1).blocked ?? 'blocked'})`;
        delays.push({ pillar: req.pillar, level: req.level, reason: rule.reason, until: null });
        continue;
      }
      if (ready > begin) {
        delays.push({ pillar: req.pillar, level: req.level, reason: rule.reason, until: quarterOf(dayBefore(ready)) });
        begin = ready;
      }
    }
    if (blocked !== undefined) return { start: null, end: null, delays, blocked };
    const months = programme.phasing.find((p) => p.from === from)?.months ?? 0;
    return { start: begin, end: addMonths(begin, months), delays };
  }

  return { transition };
}

const pillarRank = (id: PillarId): number => PILLAR_IDS.indexOf(id);

/**
 * The roadmap of an assessment towards its targets. `specs` are the targets with their dates and
 * reasons (targetSpecs of the config); the programme data comes from the rubric.
 */
export function buildRoadmap(assessment: Assessment, rubric: LoadedRubric, specs: TargetSpecs): Roadmap {
  const programme = rubric.programme;
  const start = nextQuarterStart(assessedOn(assessment));
  const rules = new Map(rubric.pillars.flatMap((p) => p.criteria.map((c) => [c.id, c] as const)));
  const absent = new Map(rubric.pillars.map((p) => [p.id, p.applicability?.absentMeans] as const));
  const standings = standing(assessment, assessment.typicalLevel);
  const findings = new Map(plausibility(assessment, specs, programme).map((f) => [f.pillar, f] as const));
  const blocks = sequencingBlocks(assessment, specs, programme);
  const { transition } = scheduler(assessment, specs, rubric, start);

  const items: WorkItem[] = [];
  const pillars: PillarPlan[] = [];
  for (const p of assessment.pillars) {
    const spec = specs[p.id];
    const plan: PillarPlan = {
      pillar: p.id,
      name: p.name,
      level: p.level,
      target: spec.level,
      ...(spec.by !== undefined ? { by: spec.by } : {}),
      ...(spec.why !== undefined ? { why: spec.why } : {}),
      standing: standings[p.id],
      state: 'at-target',
      projected: [],
      reachesTargetIn: null,
      lateAgainstDate: false,
      plausibility: findings.get(p.id) ?? null,
      blocked: null,
      items: 0,
      weeks: [0, 0],
    };
    pillars.push(plan);
    if (!p.applicable || p.level === null) {
      plan.state = 'n/a';
      const why = absent.get(p.id);
      if (why) plan.notApplicable = why;
      continue;
    }
    if (spec.level <= p.level) continue;
    const current = p.level;
    const work = workOf({ ...p, level: current }, spec.level, rules, rubric);
    for (let from = current; from < spec.level; from++) {
      const t = transition(p.id, from);
      // Criteria below the current level (a reviewer's override) belong to the first transition.
      const mine = work.filter((w) => (from === current ? w.unlocks <= from + 1 : w.unlocks === from + 1));
      for (const w of mine) items.push({ ...w, quarter: t.start === null ? null : quarterOf(t.start), blockedBy: t.delays });
      if (t.end === null) {
        plan.blocked ??= { level: from + 1, reason: t.blocked ?? 'blocked' };
        continue;
      }
      const last = dayBefore(t.end);
      plan.projected.push({ level: from + 1, quarter: quarterOf(last), date: last });
    }
    const reach = plan.projected.find((x) => x.level === spec.level);
    plan.state = plan.blocked ? 'blocked' : 'planned';
    plan.reachesTargetIn = reach?.quarter ?? null;
    plan.lateAgainstDate = spec.by !== undefined && (reach === undefined || reach.date > spec.by);
  }

  const constraining = new Set(blocks.map((b) => b.requires.pillar));
  const order = (a: WorkItem, b: WorkItem): number =>
    (a.quarter === null ? 1 : 0) - (b.quarter === null ? 1 : 0) ||
    (a.quarter ?? '').localeCompare(b.quarter ?? '') ||
    (constraining.has(a.pillar) ? 0 : 1) - (constraining.has(b.pillar) ? 0 : 1) ||
    a.unlocks - b.unlocks ||
    pillarRank(a.pillar) - pillarRank(b.pillar) ||
    a.criterion.localeCompare(b.criterion);
  items.sort(order);

  for (const plan of pillars) {
    const mine = items.filter((i) => i.pillar === plan.pillar);
    plan.items = mine.length;
    plan.weeks = sumWeeks(mine);
  }

  const quarters: Roadmap['quarters'] = [];
  for (const item of items) {
    if (item.quarter === null) continue;
    const last = quarters.at(-1);
    if (last?.quarter === item.quarter) last.items.push(item);
    else quarters.push({ quarter: item.quarter, items: [item] });
  }
  const reached = pillars.flatMap((p) => p.projected.map((x) => x.quarter)).sort();
  const lastQuarter = reached.at(-1) ?? null;
  const unscheduled = items.filter((i) => i.quarter === null);
  return {
    assessedAt: assessment.assessedAt,
    start,
    typical: assessment.typicalLevel,
    items,
    quarters,
    unscheduled,
    pillars,
    blocks,
    profile: profile(assessment, programme),
    interactions: interactions(assessment, programme),
    totals: {
      items: items.length,
      unscheduled: unscheduled.length,
      weeks: sumWeeks(items),
      quarters: lastQuarter === null ? 0 : quartersSpanned(quarterOf(start), lastQuarter),
      lastQuarter,
    },
    assumptions: [PARALLEL_ASSUMPTION],
  };
}
