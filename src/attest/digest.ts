// What a reviewer signs: a digest of the result, not of the run. Two assessments with the same
// rubric, levels and criterion statuses (and what decided them) have the same digest, whatever
// the commit: a sign-off holds until the result changes (section 7.2 read with 7.4).
import { createHash } from 'node:crypto';
import type { PillarResult } from '../core/assessment.ts';

export interface DigestInput {
  rubricHash: string;
  /** Pillars before any reviewer override. */
  pillars: readonly PillarResult[];
}

export function resultDigest(input: DigestInput): string {
  const canonical = {
    rubric: input.rubricHash,
    pillars: input.pillars.map((p) => ({
      id: p.id,
      level: p.level,
      criteria: p.criteria.map((c) => [c.id, c.status, c.basis ?? 'scan']),
    })),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
