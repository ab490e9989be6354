// The assessment: what every report reads and the history stores. One zod schema is both the
// TypeScript type and the published JSON Schema (docs/schemas/assessment.schema.json).
import { z } from 'zod';
import { OUTCOMES, PILLAR_IDS, type DetectorResult } from './types.ts';

export const ASSESSMENT_SCHEMA_VERSION = 2;

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

/** Evidence people supply (section 7.1): a link, a document of the repository, or a measured figure. */
export const HumanEvidenceSchema = z.object({
  url: z.string().optional(),
  document: z.string().optional().describe('Repository-relative path of a cited document.'),
  blob: z.string().optional().describe('Git blob id of the cited document when it was attested.'),
  measured: z.object({ value: z.number(), unit: z.string(), source: z.string() }).optional(),
});

export const ATTESTATION_STATES = ['counted', 'corroborates', 'contradicted', 'expired', 'reopened'] as const;

/** An attestation as applied to a criterion. */
export const AttestationRefSchema = z.object({
  file: z.string().describe('Repository-relative path of the attestation file.'),
  fileBlob: z.string().optional().describe('Git blob id of the attestation file as read.'),
  criterion: z.string(),
  claim: z.string(),
  evidence: z.array(HumanEvidenceSchema),
  by: z.string(),
  date: z.string().describe('YYYY-MM-DD the attestation was made.'),
  expires: z.string().describe('YYYY-MM-DD after which it no longer counts.'),
  state: z.enum(ATTESTATION_STATES).describe('counted: decides the criterion; corroborates: the scan already meets it; contradicted: the scan finds it unmet; expired; reopened: a cited document changed or disappeared.'),
  note: z.string().describe('Why it has that state, in one sentence.'),
});

export const WAIVER_STATES = ['applied', 'partial', 'not-needed', 'expired'] as const;

export const WaiverRefSchema = z.object({
  file: z.string(),
  fileBlob: z.string().optional(),
  criterion: z.string(),
  scope: z.union([z.literal('repository'), z.object({ paths: z.array(z.string()) }), z.object({ component: z.string() })]),
  justification: z.string(),
  approver: z.string(),
  date: z.string(),
  expires: z.string(),
  compensating: z.array(HumanEvidenceSchema),
  state: z.enum(WAIVER_STATES).describe('applied: the criterion counts as met; partial: evidence outside its scope still fails; not-needed: the criterion is met anyway; expired.'),
  note: z.string(),
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
  basis: z
    .enum(['scan', 'attestation', 'waiver'])
    .optional()
    .describe('What decided the status: the scan (default), an attestation alone, or a waiver. Never passed off as detected.'),
  computedStatus: z.enum(CRITERION_STATUSES).optional().describe('The status from the scan alone, when an attestation or waiver changed it.'),
  attestation: AttestationRefSchema.optional(),
  waiver: WaiverRefSchema.optional(),
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
  human: z
    .object({
      levelFromScan: z.number().int().nullable().describe('The level from the scan alone: no attestation, no waiver.'),
      levelWithoutWaivers: z.number().int().nullable().describe('The level with attestations but without waivers.'),
      attestedCriteria: z.array(z.string()).describe('Criteria up to the level that are met by attestation alone.'),
      waivedCriteria: z.array(z.string()).describe('Criteria up to the level that are met by a waiver.'),
    })
    .optional(),
  override: z
    .object({
      level: z.number().int().min(1).max(5),
      computedLevel: z.number().int().nullable(),
      by: z.string(),
      justification: z.string(),
      evidence: z.array(HumanEvidenceSchema),
      file: z.string(),
    })
    .optional()
    .describe('A reviewer set the level against the computed one; `level` above is the reviewer\'s.'),
});

export const DetectorRecordSchema = z.object({
  id: z.string(),
  outcome: z.enum(OUTCOMES),
  summary: z.string(),
  measures: z.record(z.string(), z.object({ value: z.number(), unit: z.string() })).optional(),
  evidenceCount: z.number().int(),
});

export const WarningSchema = z.object({ code: z.string(), message: z.string(), path: z.string().optional() });

export const REVIEW_STATES = ['valid', 'superseded'] as const;

/** A reviewer's sign-off (section 7.2), with their own rating per pillar and any overrides. */
export const ReviewRecordSchema = z.object({
  file: z.string(),
  fileBlob: z.string().optional(),
  reviewer: z.string(),
  external: z.boolean().describe('External to the team (7.2: counteracts familiarity bias).'),
  auditor: z.boolean().describe('An external auditor (the strongest signal for security and data).'),
  date: z.string(),
  signs: z.string().describe('The resultDigest of the assessment the reviewer signed.'),
  state: z.enum(REVIEW_STATES).describe('valid: signs this result; superseded: signed a different result.'),
  ratings: z.partialRecord(z.enum(PILLAR_IDS), z.number().int().min(1).max(5)).describe('The reviewer’s own level per pillar.'),
  overrides: z.array(z.object({ pillar: z.enum(PILLAR_IDS), level: z.number().int().min(1).max(5), justification: z.string(), evidence: z.array(HumanEvidenceSchema) })),
});

export const AgreementSchema = z.object({
  raters: z.array(z.string()).describe('Reviewers with ratings, and "readiness" for the computed levels.'),
  pillars: z.array(
    z.object({
      pillar: z.enum(PILLAR_IDS),
      ratings: z.record(z.string(), z.number().int().nullable()),
      agree: z.boolean().describe('Every rater gave the same level.'),
      spread: z.number().int().describe('Highest minus lowest level given.'),
    }),
  ),
  exactAgreement: z.number().describe('Share of rater pairs x pillars with the same level, 0-1.'),
  withinOne: z.number().describe('Share of rater pairs x pillars at most one level apart, 0-1.'),
  weightedKappa: z.number().nullable().describe('Mean pairwise linearly weighted Cohen kappa; null with fewer than two raters or no variance.'),
});

export const HumanRecordSchema = z.object({
  attestations: z.array(AttestationRefSchema).describe('Every attestation read, with its state.'),
  waivers: z.array(WaiverRefSchema).describe('Every waiver read, with its state.'),
  refused: z.array(z.object({ file: z.string(), message: z.string() })).describe('Files refused, each with one line naming the field.'),
  reviews: z.array(ReviewRecordSchema),
  review: z.object({
    reviewed: z.boolean().describe('At least two valid sign-offs, one of them external (7.2).'),
    signatures: z.number().int(),
    external: z.number().int(),
    auditorSigned: z.object({ security: z.boolean(), data: z.boolean() }),
    note: z.string(),
  }),
  agreement: AgreementSchema.nullable(),
});

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
  resultDigest: z.string().describe('sha256 of the result (rubric hash, each pillar\'s computed level, its criterion statuses and what decided them), not of the commit: what a reviewer signs.'),
  human: HumanRecordSchema,
});

export type Evidence = z.infer<typeof EvidenceSchema>;
export type CriterionResult = z.infer<typeof CriterionResultSchema>;
export type CriterionStatus = CriterionResult['status'];
export type EvidenceKind = CriterionResult['kind'];
export type PillarResult = z.infer<typeof PillarResultSchema>;
export type DetectorRecord = z.infer<typeof DetectorRecordSchema>;
export type Assessment = z.infer<typeof AssessmentSchema>;
export type HumanEvidence = z.infer<typeof HumanEvidenceSchema>;
export type AttestationRef = z.infer<typeof AttestationRefSchema>;
export type WaiverRef = z.infer<typeof WaiverRefSchema>;
export type ReviewRecord = z.infer<typeof ReviewRecordSchema>;
export type Agreement = z.infer<typeof AgreementSchema>;
export type HumanRecord = z.infer<typeof HumanRecordSchema>;

export type DetectorResults = ReadonlyMap<string, DetectorResult>;
