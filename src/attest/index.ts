// Evidence from people, held to the standard of the scan (section 7): attestations, waivers and
// reviews read from files kept with the repository, then laid over the rubric's verdicts.
import type { PillarResult } from '../core/assessment.ts';
import type { Config } from '../config/schema.ts';
import type { Criterion, LoadedRubric } from '../rubric/schema.ts';
import { DEFAULT_FOLDERS, readAttestations, readFolder, readWaivers, type AttestationInput, type Refusal, type WaiverInput } from './files.ts';
import { readReviews, type ReviewInput } from './reviews.ts';

export { humanOverlay } from './apply.ts';
export { resultDigest } from './digest.ts';
export { applyReviews } from './reviews.ts';

export interface People {
  attestations: AttestationInput[];
  waivers: WaiverInput[];
  reviews: ReviewInput[];
  /** Files that were refused, one line each naming the file and the field. */
  refused: Refusal[];
  /** Files inside the repository that differ from what git tracks: not evidence at the commit. */
  uncommitted: string[];
  rules: ReadonlyMap<string, Criterion>;
}

/** Read the attestation, waiver and review files of the assessed folder (or the configured folders). */
export async function readPeople(
  root: string,
  config: Pick<Config, 'attestations' | 'waivers' | 'reviews'>,
  rubric: LoadedRubric,
  blobOf: (path: string) => string | undefined,
): Promise<People> {
  const rules = new Map(rubric.pillars.flatMap((p) => p.criteria.map((c) => [c.id, c] as const)));
  const ids = new Set(rules.keys());
  const [att, wv, rv] = await Promise.all(
    (['attestations', 'waivers', 'reviews'] as const).map((kind) => readFolder(root, config[kind] ?? DEFAULT_FOLDERS[kind])),
  );
  const a = readAttestations(att!.files, ids);
  const w = readWaivers(wv!.files, ids);
  const r = readReviews(rv!.files, { documentBlob: blobOf });
  const problems = [att!.problem, wv!.problem, rv!.problem].filter((p): p is Refusal => p !== undefined);
  // Absolute paths are configured folders outside the repository: not the repository's to track.
  const uncommitted = [att!, wv!, rv!].flatMap((x) => x.files).filter((f) => !f.path.startsWith('/') && blobOf(f.path) !== f.blob).map((f) => f.path);
  return { attestations: a.attestations, waivers: w.waivers, reviews: r.reviews, refused: [...problems, ...a.refused, ...w.refused, ...r.refused], uncommitted, rules };
}

/** How much of a pillar's level rests on people: the level from the scan alone, without waivers, and which criteria were attested or waived. */
export function humanSummary(final: PillarResult, fromScan: PillarResult, withAttestations: PillarResult): NonNullable<PillarResult['human']> {
  const upTo = final.level ?? 0;
  return {
    levelFromScan: fromScan.level,
    levelWithoutWaivers: withAttestations.level,
    attestedCriteria: final.criteria.filter((c) => c.level <= upTo && c.basis === 'attestation').map((c) => c.id),
    waivedCriteria: final.criteria.filter((c) => c.level <= upTo && c.basis === 'waiver').map((c) => c.id),
  };
}
