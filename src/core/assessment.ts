// The assessment: what every report reads and the history stores. One zod schema is both the
// TypeScript type and the published JSON Schema (docs/schemas/assessment.schema.json).
import { z } from 'zod';
import { OUTCOMES, PILLAR_IDS, type DetectorResult } from './types.ts';

export const ASSESSMENT_SCHEMA_VERSION = 1;

export const CRITERION_STATUSES = ['met', 'unmet', 'unknown'] as const;

export const EvidenceSchema = z.object({
  path: z.string().describe('Repository-relative path, forward slashes.'),
  line: z.number().int().positive().optional(),
  excerpt: z.string().optional().describe('The line as read, trimmed; secrets masked.'),
  detector: z.string(),
  note: z.string().optional(),
  value: z.number().optional(),
  blob: z.string().optional().describe('Git blob id of the file content the evidence was read from.'),
});

export const CriterionResultSchema = z.object({
  id: z.string(),
  level: z.number().int().min(1).max(5),
  statement: z.string(),
  antiPattern: z.string().optional().describe('Level-1 criteria: the anti-pattern whose absence is required.'),
  kind: z.enum(['detected', 'measured', 'attested']),
  status: z.enum(CRITERION_STATUSES),
  reason: z.string(),
  evidence: z.array(EvidenceSchema),
  measure: z
    .object({
      detector: z.string(),
      name: z.string(),
      value: z.number().nullable(),
      unit: z.string(),
      op: z.string(),
      threshold: z.number(),
    })
    .optional(),
  artefact: z.string().optional(),
  source: z.string(),
  remediation: z.string(),
});

export const PillarResultSchema = z.object({
  id: z.enum(PILLAR_IDS),
  name: z.string(),
  applicable: z.boolean(),
  level: z.number().int().min(1).max(5).nullable().describe('1-5, or null when N/A.'),
  target: z.number().int().min(1).max(5),
  gapToTarget: z.number().int().nullable().describe('target - level; null when N/A.'),
  gapToTypical: z.number().int().nullable().describe('level - typical; null when N/A.'),
  summary: z.string(),
  ceiling: z.number().int().nullable().describe('The level if every unknown criterion were met.'),
  next: z
    .object({ level: z.number().int(), unmet: z.array(z.string()), unknown: z.array(z.string()) })
    .nullable(),
  criteria: z.array(CriterionResultSchema),
});

export const DetectorRecordSchema = z.object({
  id: z.string(),
  outcome: z.enum(OUTCOMES),
  summary: z.string(),
  measures: z.record(z.string(), z.object({ value: z.number(), unit: z.string() })).optional(),
  evidenceCount: z.number().int(),
});

export const WarningSchema = z.object({ code: z.string(), message: z.string(), path: z.string().optional() });

export const AssessmentSchema = z.object({
  schemaVersion: z.literal(ASSESSMENT_SCHEMA_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  rubric: z.object({ id: z.string(), version: z.string(), hash: z.string() }),
  subject: z.object({
    path: z.string(),
    isGit: z.boolean(),
    commit: z.string().nullable(),
    branch: z.string().nullable(),
    remote: z.string().nullable(),
    dirty: z.boolean().describe('The work tree differed from the commit when assessed.'),
  }),
  assessedAt: z.string(),
  config: z.object({
    file: z.string().nullable(),
    targets: z.record(z.enum(PILLAR_IDS), z.number().int().min(1).max(5)),
  }),
  typicalLevel: z.number().int(),
  incomplete: z.boolean().describe('A detector failed: some criteria are unknown for that reason.'),
  pillars: z.array(PillarResultSchema),
  detectors: z.array(DetectorRecordSchema),
  warnings: z.array(WarningSchema),
});

export type Evidence = z.infer<typeof EvidenceSchema>;
export type CriterionResult = z.infer<typeof CriterionResultSchema>;
export type CriterionStatus = CriterionResult['status'];
export type EvidenceKind = CriterionResult['kind'];
export type PillarResult = z.infer<typeof PillarResultSchema>;
export type DetectorRecord = z.infer<typeof DetectorRecordSchema>;
export type Assessment = z.infer<typeof AssessmentSchema>;

export type DetectorResults = ReadonlyMap<string, DetectorResult>;
