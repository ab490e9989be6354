// Contract over every registered detector (renovate's and scorecard's loop over modules).
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PILLAR_IDS } from '../../src/core/types.ts';
import { DETECTORS } from '../../src/detectors/registry.generated.ts';

const dir = fileURLToPath(new URL('../../src/detectors/', import.meta.url));
const folders = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
  .map((d) => d.name)
  .sort();

describe('detectors', () => {
  it('are registered exactly once each, one per folder', () => {
    expect(DETECTORS.map((d) => d.id).sort()).toEqual(folders);
  });

  it.each(DETECTORS.map((d) => [d.id, d] as const))('%s honours the contract', (id, d) => {
    expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(d.question.trim().endsWith('?')).toBe(true);
    expect(d.rationale.length).toBeGreaterThan(10);
    expect(PILLAR_IDS).toContain(d.pillar);
    expect(existsSync(`${dir}${id}/index.test.ts`)).toBe(true);
    for (const [name, p] of Object.entries(d.patterns ?? {})) {
      // A pattern without a literal prefilter runs its regex over every file of its roles, so
      // it must at least be confined to named paths.
      expect.soft((p.literals?.length ?? 0) + (p.paths?.length ?? 0), `${id}#${name} needs literals or paths`).toBeGreaterThan(0);
      expect(p.regex.flags.includes('y'), `${id}#${name} sticky flag`).toBe(false);
    }
    for (const [, m] of Object.entries(d.measures ?? {})) expect(m.unit.length).toBeGreaterThan(0);
  });
});
