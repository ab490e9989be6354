// Judgement: turns detector answers into criterion statuses and pillar levels, by the rubric.
import type {
  CriterionResult,
  CriterionStatus,
  DetectorResults,
  Evidence,
  PillarResult,
} from '../core/assessment.ts';
import type { DetectorResult, Outcome, PillarId } from '../core/types.ts';
import type { Condition, Criterion, LoadedRubric, Pillar } from './schema.ts';

/** Evidence items kept per detector per criterion: enough to verify, short enough to read. */
export const EVIDENCE_PER_DETECTOR = 10;

export interface EvaluateInput {
  rubric: LoadedRubric;
  results: DetectorResults;
  targets: Record<PillarId, number>;
  /** Blob id of a repository file as read, for evidence verification. */
  blobOf: (path: string) => string | undefined;
  /** Evidence from people (attestations, waivers) laid over each criterion's scan verdict before levels are counted. */
  overlay?: ((c: CriterionResult) => CriterionResult) | undefined;
}

const MISSING: DetectorResult = { outcome: 'unknown', summary: 'detector did not run', evidence: [] };

type Truth = 'true' | 'false' | 'unknown';

function conditionTruth(c: Condition, r: DetectorResult): Truth {
  if ('measure' in c) {
    const m = r.measures?.[c.measure];
    // No figure: a definite "no" means there is nothing to measure; anything else is unknown.
    if (!m) return r.outcome === 'no' || r.outcome === 'not-applicable' ? 'false' : 'unknown';
    return compare(m.value, c.op, c.value) ? 'true' : 'false';
  }
  const expects: readonly Outcome[] = typeof c.expect === 'string' ? [c.expect] : c.expect;
  if (expects.includes(r.outcome)) return 'true';
  if (r.outcome === 'unknown' || r.outcome === 'error') return 'unknown';
  return 'false';
}

function toEvidence(detector: string, r: DetectorResult, blobOf: EvaluateInput['blobOf']): Evidence[] {
  return r.evidence.slice(0, EVIDENCE_PER_DETECTOR).map((e) => {
    const ev: Evidence = { path: e.path, detector };
    if (e.line !== undefined) ev.line = e.line;
    if (e.excerpt !== undefined) ev.excerpt = e.excerpt;
    if (e.note !== undefined) ev.note = e.note;
    if (e.value !== undefined) ev.value = e.value;
    const blob = blobOf(e.path);
    if (blob) ev.blob = blob;
    return ev;
  });
}

function compare(value: number, op: string, threshold: number): boolean {
  switch (op) {
    case '>=': return value >= threshold;
    case '<=': return value <= threshold;
    case '>': return value > threshold;
    case '<': return value < threshold;
    default: return value === threshold;
  }
}

export function evaluateCriterion(c: Criterion, input: EvaluateInput): CriterionResult {
  const base = {
    id: c.id,
    level: c.level,
    statement: c.statement,
    ...(c.antiPattern ? { antiPattern: c.antiPattern } : {}),
    source: c.source,
    remediation: c.remediation,
  };
  const e = c.evidence;
  // Context detectors that found something: shown with the criterion, never deciding it.
  const contextFound = (ids: readonly string[] | undefined): [string, DetectorResult][] =>
    (ids ?? []).flatMap((d) => {
      const r = input.results.get(d);
      return r && r.outcome === 'yes' ? [[d, r] as [string, DetectorResult]] : [];
    });
  const context = (ids: readonly string[] | undefined): Evidence[] =>
    contextFound(ids).flatMap(([d, r]) => toEvidence(d, r, input.blobOf));
  if (e.kind === 'attested') {
    return {
      ...base,
      kind: 'attested',
      status: 'unknown',
      reason: `needs attested evidence: ${e.artefact}`,
      evidence: context(e.context),
      artefact: e.artefact,
    };
  }
  if (e.kind === 'measured') {
    const r = input.results.get(e.detector) ?? MISSING;
    const m = r.measures?.[e.measure];
    const evidence = [...toEvidence(e.detector, r, input.blobOf), ...context(e.context)];
    const contextText = contextFound(e.context).map(([, cr]) => ` Context: ${cr.summary}`).join('');
    const measure = { detector: e.detector, name: e.measure, value: m?.value ?? null, unit: m?.unit ?? '', op: e.op, threshold: e.value };
    if (!m) {
      // A definite "no" means there is nothing to measure (no threshold configured): unmet.
      const status = r.outcome === 'no' ? 'unmet' : 'unknown';
      return { ...base, kind: 'measured', status, reason: `${e.measure} not measured: ${r.summary}${contextText}`, evidence, measure };
    }
    const ok = compare(m.value, e.op, e.value);
    const figure = `${e.measure} = ${m.value}${m.unit ? ` ${m.unit}` : ''} (needs ${e.op} ${e.value})`;
    return { ...base, kind: 'measured', status: ok ? 'met' : 'unmet', reason: `${figure}${contextText}`, evidence, measure };
  }
  // detected
  const evidence: Evidence[] = [];
  const parts: { truth: Truth; detector: string; r: DetectorResult; says: string }[] = [];
  for (const cond of [...(e.all ?? []), ...(e.any ?? [])]) {
    const r = input.results.get(cond.detector) ?? MISSING;
    const m = 'measure' in cond ? r.measures?.[cond.measure] : undefined;
    // A threshold condition states its figure, so the reason shows what was compared.
    const says = 'measure' in cond && m ? `${r.summary} (${cond.measure} = ${m.value}${m.unit ? ` ${m.unit}` : ''}, needs ${cond.op} ${cond.value})` : r.summary;
    parts.push({ truth: conditionTruth(cond, r), detector: cond.detector, r, says });
  }
  const all = parts.slice(0, e.all?.length ?? 0);
  const any = parts.slice(e.all?.length ?? 0);
  let status: CriterionStatus;
  let deciding: typeof parts;
  if (all.some((p) => p.truth === 'false')) {
    status = 'unmet';
    deciding = all.filter((p) => p.truth === 'false');
  } else if (any.length > 0 && any.every((p) => p.truth === 'false')) {
    status = 'unmet';
    deciding = any;
  } else if (all.some((p) => p.truth === 'unknown') || (any.length > 0 && !any.some((p) => p.truth === 'true'))) {
    status = 'unknown';
    deciding = parts.filter((p) => p.truth === 'unknown');
  } else {
    status = 'met';
    deciding = [...all, ...any.filter((p) => p.truth === 'true')];
  }
  for (const p of deciding) evidence.push(...toEvidence(p.detector, p.r, input.blobOf));
  evidence.push(...context(e.context));
  const contextSummaries = contextFound(e.context).map(([, r]) => `Context: ${r.summary}`);
  const reason = [...new Set([...deciding.map((p) => p.says), ...contextSummaries])].join(' ');
  return { ...base, kind: 'detected', status, reason, evidence };
}

function describe(c: CriterionResult): string {
  return (c.antiPattern ?? c.statement).replace(/\.$/, '');
}

/**
 * Where an anti-pattern was seen: evidence of the detectors that must all hold. Evidence of an
 * alternative ("or there is no HTTP API") or of context is not where the anti-pattern is.
 */
function where(c: CriterionResult, rule: Criterion): string {
  const e = rule.evidence;
  const deciders = new Set(e.kind === 'measured' ? [e.detector] : e.kind === 'detected' ? (e.all ?? []).map((x) => x.detector) : []);
  const located = c.evidence.filter((x) => x.path && deciders.has(x.detector));
  const first = located[0];
  if (!first) return '';
  return ` at ${first.path}${first.line ? `:${first.line}` : ''}${located.length > 1 ? ` (+${located.length - 1} more)` : ''}`;
}

/**
 * The cumulative rule (6.2): level L needs every criterion of levels 1..L to pass (met, unless
 * `passes` says otherwise), where the level-1 criteria are the absence of the level-1
 * anti-patterns. An applicable pillar is at least 1; a level with no criteria cannot be earned.
 */
export function cumulativeLevel(
  criteria: readonly Pick<CriterionResult, 'level' | 'status'>[],
  passes: (c: Pick<CriterionResult, 'level' | 'status'>) => boolean = (c) => c.status === 'met',
): number {
  let level = 1;
  for (let l = 2; l <= 5; l++) {
    if (!criteria.some((c) => c.level === l)) break;
    if (!criteria.filter((c) => c.level <= l).every(passes)) break;
    level = l;
  }
  return level;
}

export function evaluatePillar(p: Pillar, input: EvaluateInput): PillarResult {
  const target = input.targets[p.id];
  const typical = input.rubric.typicalLevel;
  const overlay = input.overlay;
  const criteria = p.criteria.map((c) => (overlay ? overlay(evaluateCriterion(c, input)) : evaluateCriterion(c, input)));
  if (p.applicability) {
    const r = input.results.get(p.applicability.condition.detector) ?? MISSING;
    if (conditionTruth(p.applicability.condition, r) === 'false') {
      return {
        id: p.id, name: p.name, applicable: false, level: null, target,
        gapToTarget: null, gapToTypical: null, ceiling: null, next: null,
        summary: `N/A: ${p.applicability.absentMeans} ${r.summary} This is flagged as a gap, not a zero.`,
        criteria,
      };
    }
  }
  const level = cumulativeLevel(criteria);
  const ceiling = cumulativeLevel(criteria, (c) => c.status !== 'unmet');
  const nextLevel = level < 5 ? level + 1 : null;
  const blocking = nextLevel ? criteria.filter((c) => c.level <= nextLevel && c.status !== 'met') : [];
  const next = nextLevel
    ? { level: nextLevel, unmet: blocking.filter((c) => c.status === 'unmet').map((c) => c.id), unknown: blocking.filter((c) => c.status === 'unknown').map((c) => c.id) }
    : null;
  let summary: string;
  const present = criteria.filter((c) => c.level === 1 && c.status === 'unmet');
  if (level === 1 && present.length > 0) {
    const rules = new Map(p.criteria.map((r) => [r.id, r] as const));
    summary = `level 1 because: ${present.map((c) => `${describe(c)}${where(c, rules.get(c.id)!)}`).join('; ')}`;
  } else if (nextLevel) {
    const unmet = blocking.filter((c) => c.status === 'unmet');
    const unknown = blocking.filter((c) => c.status === 'unknown');
    const bits: string[] = [];
    if (unmet.length > 0) bits.push(`missing ${unmet.map(describe).join('; ')}`);
    if (unknown.length > 0) bits.push(`${unknown.length} unknown (${unknown.map((c) => c.id).join(', ')})`);
    summary = `level ${nextLevel} needs: ${bits.join('; ')}`;
  } else {
    summary = 'every criterion of levels 1-5 is met';
  }
  return {
    id: p.id, name: p.name, applicable: true, level, target,
    gapToTarget: target - level, gapToTypical: level - typical, ceiling, next, summary, criteria,
  };
}

export function evaluate(input: EvaluateInput): PillarResult[] {
  return input.rubric.pillars.map((p) => evaluatePillar(p, input));
}
