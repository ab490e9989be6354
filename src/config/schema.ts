import { z } from 'zod';
import { PILLAR_IDS, type PillarId } from '../core/types.ts';

const level = z.number().int().min(1).max(5);

export const Target = z.union([
  level,
  z.strictObject({
    level,
    /** Date the target is due (YYYY-MM-DD). */
    by: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').optional(),
    /** Why the business needs it, completing "... to ...": e.g. "sell into regulated industries". */
    why: z.string().min(3).optional(),
  }),
]);

export const Config = z.strictObject({
  /** Target level per pillar; pillars not named target typical (level 3). */
  targets: z.partialRecord(z.enum(PILLAR_IDS), Target).optional(),
  /** `readiness check` fails when a pillar's level is below its floor. */
  floors: z.partialRecord(z.enum(PILLAR_IDS), level).optional(),
  /** Globs of repository paths left out of the assessment, on top of .gitignore. */
  exclude: z.array(z.string().min(1)).optional(),
  /** Folders of attestation, waiver and review files (relative to the repository or absolute); defaults under .readiness/. */
  attestations: z.string().min(1).optional(),
  waivers: z.string().min(1).optional(),
  reviews: z.string().min(1).optional(),
});

export type Config = z.infer<typeof Config>;

export function targetLevels(config: Config, typical: number): Record<PillarId, number> {
  const specs = targetSpecs(config, typical);
  return Object.fromEntries(PILLAR_IDS.map((id) => [id, specs[id].level])) as Record<PillarId, number>;
}

export interface TargetSpec {
  level: number;
  /** YYYY-MM-DD, when the config gives one. */
  by?: string;
  why?: string;
}

/** Each pillar's target with its date and reason, where the config gives them. */
export function targetSpecs(config: Config, typical: number): Record<PillarId, TargetSpec> {
  const out = {} as Record<PillarId, TargetSpec>;
  for (const id of PILLAR_IDS) {
    const t = config.targets?.[id];
    out[id] = t === undefined ? { level: typical } : typeof t === 'number' ? { level: t } : { level: t.level, ...(t.by ? { by: t.by } : {}), ...(t.why ? { why: t.why } : {}) };
  }
  return out;
}
