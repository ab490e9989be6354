// The example platforms: generate both into a folder, each a real git repository with its
// history. Deterministic (fixed dates, seeded randomness, isolated git configuration) and
// idempotent (each run replaces the folders).
import { join } from 'node:path';
import { writeRepository } from './git.ts';
import { buildLegacy, LEGACY_PEOPLE, type LegacyFacts } from './legacy/index.ts';
import { buildModern, MODERN_USER, type ModernFacts } from './modern/index.ts';

export type { LegacyFacts } from './legacy/index.ts';
export type { ModernFacts } from './modern/index.ts';

export const EXAMPLE_NAMES = ['legacy-platform', 'modern-platform'] as const;
export type ExampleName = (typeof EXAMPLE_NAMES)[number];

export interface GeneratedExamples {
  outDir: string;
  legacy: { path: string; facts: LegacyFacts };
  modern: { path: string; facts: ModernFacts };
  ms: number;
}

export function generateExamples(outDir: string, only: readonly ExampleName[] = EXAMPLE_NAMES): GeneratedExamples {
  const t0 = performance.now();
  const legacyPath = join(outDir, 'legacy-platform');
  const modernPath = join(outDir, 'modern-platform');
  const legacy = buildLegacy();
  const modern = buildModern();
  if (only.includes('legacy-platform')) writeRepository(legacyPath, legacy.result.history, { user: LEGACY_PEOPLE.dave });
  if (only.includes('modern-platform')) writeRepository(modernPath, modern.result.history, { user: MODERN_USER });
  return {
    outDir,
    legacy: { path: legacyPath, facts: legacy.facts },
    modern: { path: modernPath, facts: modern.facts },
    ms: Math.round(performance.now() - t0),
  };
}
