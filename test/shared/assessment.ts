// Hand-built assessments with the built-in rubric's real pillars and criteria, for tests of what
// reads an assessment (analysis, reports) without running a scan.
import type { Assessment, CriterionStatus, Evidence } from '../../src/core/assessment.ts';
import { PILLAR_IDS, type PillarId } from '../../src/core/types.ts';
import { loadRubric } from '../../src/rubric/load.ts';

const rubric = loadRubric();

export interface AssessmentSpec {
  /** Pillar levels: 3 unless named, null for N/A. */
  levels?: Partial<Record<PillarId, number | null>>;
  /** Criterion statuses; otherwise met up to the pillar's level and unmet above it. */
  status?: Record<string, CriterionStatus>;
  evidence?: Record<string, Evidence[]>;
  assessedAt?: string;
}

export function buildAssessment({ levels = {}, status = {}, evidence = {}, assessedAt = '2026-11-30T09:00:00.000Z' }: AssessmentSpec = {}): Assessment {
  return {
    schemaVersion: 2,
    tool: { name: 'readiness', version: '0.0.0' },
    rubric: { id: rubric.id, version: rubric.version, hash: rubric.hash },
    subject: { path: '/repo', isGit: true, commit: 'c0ffee', branch: 'main', remote: null, dirty: false },
    assessedAt,
    config: { file: null, targets: Object.fromEntries(PILLAR_IDS.map((id) => [id, 3])) as Record<PillarId, number> },
    typicalLevel: 3,
    incomplete: false,
    pillars: rubric.pillars.map((p) => {
      const level = levels[p.id] === undefined ? 3 : levels[p.id]!;
      return {
        id: p.id, name: p.name, applicable: level !== null, level, target: 3,
        gapToTarget: level === null ? null : 3 - level, gapToTypical: level === null ? null : level - 3,
        summary: '', ceiling: level, next: null,
        criteria: p.criteria.map((c) => ({
          id: c.id, level: c.level, statement: c.statement, ...(c.antiPattern ? { antiPattern: c.antiPattern } : {}),
          kind: c.evidence.kind, status: status[c.id] ?? (level !== null && c.level <= level ? 'met' : 'unmet'),
          reason: `reason of ${c.id}`, evidence: evidence[c.id] ?? [], source: c.source, remediation: c.remediation,
        })),
      };
    }),
    detectors: [],
    warnings: [],
    resultDigest: '',
    human: { attestations: [], waivers: [], refused: [], reviews: [], review: { reviewed: false, signatures: 0, external: 0, auditorSigned: { security: false, data: false }, note: '' }, agreement: null },
  };
}
