// Judgement of evidence already gathered: the rubric's verdicts, attestations and waivers laid
// over them, reviews applied. Pure: the same evidence, rubric, targets and date give the same
// result, which is what lets a stored assessment be re-evaluated under a later rubric (8.4).
import type { Assessment, DetectorResults, HumanRecord, PillarResult } from '../core/assessment.ts';
import type { DetectorResult, PillarId } from '../core/types.ts';
import { applyReviews, humanOverlay, humanSummary, resultDigest, type People } from '../attest/index.ts';
import { evaluate, type EvaluateInput } from '../rubric/evaluate.ts';
import type { LoadedRubric } from '../rubric/schema.ts';

export interface JudgeInput {
  rubric: LoadedRubric;
  results: DetectorResults;
  targets: Record<PillarId, number>;
  /** ISO time of the assessment: attestations and waivers are judged valid or expired on its date. */
  assessedAt: string;
  blobOf: (path: string) => string | undefined;
  people: Omit<People, 'rules'>;
}

export interface Judged {
  pillars: PillarResult[];
  resultDigest: string;
  human: HumanRecord;
  /** Reviews that disagree with each other, one sentence each. */
  conflicts: string[];
}

export function judge(input: JudgeInput): Judged {
  const { rubric, people } = input;
  const base: EvaluateInput = { rubric, results: input.results, targets: input.targets, blobOf: input.blobOf };
  const rules = new Map(rubric.pillars.flatMap((p) => p.criteria.map((c) => [c.id, c] as const)));
  const ctx = { today: input.assessedAt.slice(0, 10), blobOf: input.blobOf, rules };
  // Three readings of the same evidence: the scan alone, with attestations, and with waivers too.
  const fromScan = evaluate(base);
  const withAttestations = evaluate({ ...base, overlay: humanOverlay(people, ctx, false).apply });
  const overlay = humanOverlay(people, ctx, true);
  const computed = evaluate({ ...base, overlay: overlay.apply }).map((p, i) => ({ ...p, human: humanSummary(p, fromScan[i]!, withAttestations[i]!) }));
  const digest = resultDigest({ rubricHash: rubric.hash, pillars: computed });
  const reviewed = applyReviews({ pillars: computed, digest, reviews: people.reviews, typicalLevel: rubric.typicalLevel });
  return {
    pillars: reviewed.pillars,
    resultDigest: digest,
    conflicts: reviewed.conflicts,
    human: {
      attestations: overlay.attestations(),
      waivers: overlay.waivers(),
      refused: people.refused,
      reviews: reviewed.records,
      review: reviewed.review,
      agreement: reviewed.agreement,
    },
  };
}

/**
 * The raw evidence of an assessment, whole: every detector's result, the blob of every file that
 * evidence or a person's citation names, and the attestation, waiver and review files as read.
 * Stored beside the assessment, it is what a later rubric re-evaluates.
 */
export interface EvidenceRecord {
  format: 1;
  results: Record<string, DetectorResult>;
  blobs: Record<string, string>;
  people: Omit<People, 'rules'>;
}

export function evidenceRecord(results: DetectorResults, people: People, blobOf: (path: string) => string | undefined): EvidenceRecord {
  const paths = new Set<string>();
  for (const r of results.values()) for (const e of r.evidence) paths.add(e.path);
  const cited = [...people.attestations.flatMap((a) => a.evidence), ...people.waivers.flatMap((w) => w.compensating)];
  for (const e of cited) if (e.document) paths.add(e.document);
  const blobs: Record<string, string> = {};
  for (const p of [...paths].sort()) {
    const b = blobOf(p);
    if (b) blobs[p] = b;
  }
  const { rules: _rules, ...rest } = people;
  return { format: 1, results: Object.fromEntries(results), blobs, people: rest };
}

/**
 * A stored assessment judged again under another rubric from its stored evidence: same
 * repository, commit, date, targets and people; the new rubric's criteria and levels. Criteria the
 * new rubric adds whose detectors did not run then are unknown, never met.
 */
export function rerate(a: Assessment, evidence: EvidenceRecord, rubric: LoadedRubric): Assessment {
  const judged = judge({
    rubric,
    results: new Map(Object.entries(evidence.results)),
    targets: a.config.targets,
    assessedAt: a.assessedAt,
    blobOf: (p) => evidence.blobs[p],
    people: evidence.people,
  });
  return {
    ...a,
    rubric: { id: rubric.id, version: rubric.version, hash: rubric.hash },
    typicalLevel: rubric.typicalLevel,
    pillars: judged.pillars,
    resultDigest: judged.resultDigest,
    human: judged.human,
    warnings: [...a.warnings.filter((w) => w.code !== 'review-conflict'), ...judged.conflicts.map((message) => ({ code: 'review-conflict', message }))],
  };
}
