import { z } from 'zod';
import { PILLAR_IDS, type PillarId } from '../core/types.ts';

const level = z.number().int().min(1).max(5);

export const Target = z.union([
  level,
  z.strictObject({
    level,
    /** Date the target is due (YYYY-MM-DD). */
    by: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').optional(),
  }),
]);

export const Config = z.strictObject({
  /** Target level per pillar; pillars not named target typical (level 3). */
  targets: z.partialRecord(z.enum(PILLAR_IDS), Target).optional(),
  /** Globs of repository paths left out of the assessment, on top of .gitignore. */
  exclude: z.array(z.string().min(1)).optional(),
  /** Folders of attestation, waiver and review files (relative to the repository or absolute); defaults under .readiness/. */
  attestations: z.string().min(1).optional(),
  waivers: z.string().min(1).optional(),
  reviews: z.string().min(1).optional(),
});

export type Config = z.infer<typeof Config>;

export function targetLevels(config: Config, typical: number): Record<PillarId, number> {
  const out = {} as Record<PillarId, number>;
  for (const id of PILLAR_IDS) {
    const t = config.targets?.[id];
    out[id] = t === undefined ? typical : typeof t === 'number' ? t : t.level;
  }
  return out;
}
