// The one schema of the rubric: validates the YAML at load time and is exported as JSON Schema.
import { z } from 'zod';
import { OUTCOMES, PILLAR_IDS } from '../core/types.ts';

const id = z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'kebab-case id');
const criterionId = z.string().regex(/^[a-z]+\.[a-z0-9]+(-[a-z0-9]+)*$/, '<pillar>.<kebab-case-slug>');
const outcome = z.enum(OUTCOMES);

const OutcomeCondition = z.strictObject({
  detector: id,
  /** The detector outcome(s) that satisfy the condition. */
  expect: z.union([outcome, z.array(outcome).min(1)]),
});

const MEASURE_OPS = ['>=', '<=', '>', '<', '=='] as const;

/** A threshold on a figure, usable inside `all`/`any` (e.g. "90% of routes versioned, or ..."). */
const MeasureCondition = z.strictObject({
  detector: id,
  measure: id,
  op: z.enum(MEASURE_OPS),
  value: z.number(),
});

export const Condition = z.union([OutcomeCondition, MeasureCondition]);

export const Evidence = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('detected'),
    all: z.array(Condition).min(1).optional(),
    any: z.array(Condition).min(1).optional(),
    /** Detectors whose evidence is shown with the criterion for context, without deciding it. */
    context: z.array(id).min(1).optional(),
  }),
  z.strictObject({
    kind: z.literal('measured'),
    detector: id,
    measure: id,
    op: z.enum(MEASURE_OPS),
    value: z.number(),
    context: z.array(id).min(1).optional(),
  }),
  z.strictObject({
    kind: z.literal('attested'),
    /** What a person must show: the artefact a scan cannot see. */
    artefact: z.string().min(3),
    /** How long an attestation of it lasts unless the attestation says otherwise (default: a quarter; an audit report: a year). */
    validity: z.enum(['quarter', 'year']).optional(),
    context: z.array(id).min(1).optional(),
  }),
]);

export const EFFORT_SIZES = ['S', 'M', 'L', 'XL'] as const;

export const Criterion = z.strictObject({
  id: criterionId,
  level: z.number().int().min(1).max(5),
  /** What is true when the criterion is met. */
  statement: z.string().min(5),
  /** Level-1 entries name the anti-pattern whose absence the criterion requires. */
  antiPattern: z.string().min(3).optional(),
  /** Where it comes from: a cell of table 6.2, or the generic definitions of 6.1. */
  source: z.string().min(3),
  /** For criteria not in table 6.2: how they were derived. */
  derivation: z.string().min(10).optional(),
  evidence: Evidence,
  remediation: z.string().min(5),
  /** The work to meet it, when it differs from the programme's default for its level. */
  effort: z.enum(EFFORT_SIZES).optional(),
});

export const Pillar = z.strictObject({
  id: z.enum(PILLAR_IDS),
  name: z.string(),
  definition: z.string(),
  whyItMatters: z.string(),
  sources: z.strictObject({ primary: z.array(z.string()).min(1), secondary: z.array(z.string()) }),
  /** When absent the pillar always applies. Otherwise N/A when the condition is false. */
  applicability: z
    .strictObject({ condition: Condition, absentMeans: z.string().min(5) })
    .optional(),
  criteria: z.array(Criterion).min(1),
});

export const RubricMeta = z.strictObject({
  id,
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  title: z.string(),
  source: z.string(),
  levels: z.array(z.strictObject({ level: z.number().int().min(1).max(5), name: z.string(), reading: z.string() })).length(5),
  typicalLevel: z.number().int().min(1).max(5),
  pillars: z.array(z.enum(PILLAR_IDS)).length(PILLAR_IDS.length),
});

const effortSize = z.strictObject({ weeks: z.tuple([z.number().min(0), z.number().min(0)]), meaning: z.string().min(3) });
const pillarLevel = z.strictObject({ pillar: z.enum(PILLAR_IDS), level: z.number().int().min(1).max(5) });

/**
 * How ratings become a programme (sections 1, 2, 7.3-7.5, 8.2): how long level transitions take,
 * what makes a target implausible, when a level is confirmed, how often to re-rate, which pillars
 * constrain others, which imbalances to warn about, and the effort of the work.
 */
export const Programme = z.strictObject({
  /** Typical months for each one-level transition (section 2, "The realistic phasing"). */
  phasing: z.array(z.strictObject({ from: z.number().int().min(1).max(4), months: z.number().int().min(1), source: z.string().min(3) })).length(4),
  /** 7.5: a target due within `months` may be at most `maxLevels` above the current level. */
  plausibility: z.strictObject({ months: z.number().int().min(1), maxLevels: z.number().int().min(1), source: z.string().min(3) }),
  /** 7.4: months a level's criteria must hold, without regression, before the level is confirmed. */
  confirmation: z.strictObject({ months: z.number().int().min(1), source: z.string().min(3) }),
  /** 7.3: re-rating interval; the relaxed one applies once more than `share` of applicable pillars are at `minLevel` or above. */
  cadence: z.strictObject({
    months: z.number().int().min(1),
    relaxed: z.strictObject({ months: z.number().int().min(1), minLevel: z.number().int().min(1).max(5), share: z.number().gt(0).lt(1) }),
    source: z.string().min(3),
  }),
  /** Section 2: a profile whose applicable levels span at least `unevenSpread` is uneven. */
  profile: z.strictObject({ unevenSpread: z.number().int().min(1), source: z.string().min(3) }),
  /** Effort sizes of work items: what each means, and the default per criterion level. */
  effort: z.strictObject({
    sizes: z.strictObject({ S: effortSize, M: effortSize, L: effortSize, XL: effortSize }),
    byLevel: z.strictObject({ 2: z.enum(EFFORT_SIZES), 3: z.enum(EFFORT_SIZES), 4: z.enum(EFFORT_SIZES), 5: z.enum(EFFORT_SIZES) }),
    /** A level-1 anti-pattern to remove. */
    antiPattern: z.enum(EFFORT_SIZES),
    /** A criterion the scan cannot decide: showing or attesting the evidence. */
    unknown: z.enum(EFFORT_SIZES),
  }),
  /** Section 2, "The order of investment": reaching `level` on `pillar` needs `requires` first. */
  sequencing: z.array(
    z.strictObject({
      pillar: z.enum(PILLAR_IDS),
      level: z.number().int().min(2).max(5),
      requires: pillarLevel,
      reason: z.string().min(10),
      source: z.string().min(3),
    }),
  ),
  /** Section 8.2: a pillar `by` or more levels ahead of another says something about the platform. */
  interactions: z.array(
    z.strictObject({
      id,
      leading: z.enum(PILLAR_IDS),
      lagging: z.enum(PILLAR_IDS),
      by: z.number().int().min(1).max(4),
      /** Completes "The platform ..." */
      message: z.string().min(10),
      source: z.string().min(3),
    }),
  ),
});

export const Rubric = RubricMeta.extend({ pillars: z.array(Pillar).length(PILLAR_IDS.length), programme: Programme });

export type Condition = z.infer<typeof Condition>;
export type CriterionEvidence = z.infer<typeof Evidence>;
export type Criterion = z.infer<typeof Criterion>;
export type Pillar = z.infer<typeof Pillar>;
export type Rubric = z.infer<typeof Rubric>;
export type Programme = z.infer<typeof Programme>;
export type EffortSize = (typeof EFFORT_SIZES)[number];

export interface LoadedRubric extends Rubric {
  /** sha256 of the canonical JSON of the rubric: any change of criteria changes it. */
  hash: string;
}
