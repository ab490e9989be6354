// Two-way validation of the rubric against the detectors (scorecard's validate, as a test).
import { describe, expect, it } from 'vitest';
import { PILLAR_IDS } from '../../src/core/types.ts';
import { DETECTORS } from '../../src/detectors/registry.generated.ts';
import { checkRubric, loadRubric, referencedDetectors } from '../../src/rubric/load.ts';

const rubric = loadRubric();
const detectorIds = new Set(DETECTORS.map((d) => d.id));

describe('built-in rubric', () => {
  it('holds the 14 pillars of the methodology in order', () => {
    expect(rubric.pillars.map((p) => p.id)).toEqual([...PILLAR_IDS]);
  });

  it('has criteria at every level 1-5 for every pillar, and passes its own checks', () => {
    for (const p of rubric.pillars) {
      expect(new Set(p.criteria.map((c) => c.level))).toEqual(new Set([1, 2, 3, 4, 5]));
    }
    expect(checkRubric(rubric)).toEqual([]);
  });

  it('refers only to registered, non-deprecated detectors', () => {
    const missing = [...referencedDetectors(rubric)].filter((id) => !detectorIds.has(id));
    expect(missing).toEqual([]);
    const deprecated = DETECTORS.filter((d) => d.lifecycle === 'deprecated' && referencedDetectors(rubric).has(d.id));
    expect(deprecated.map((d) => d.id)).toEqual([]);
  });

  it('uses every registered detector (as a decision or as context)', () => {
    const used = referencedDetectors(rubric);
    expect(DETECTORS.filter((d) => d.lifecycle !== 'deprecated' && !used.has(d.id)).map((d) => d.id)).toEqual([]);
  });

  it('names only measures the detectors declare', () => {
    const byId = new Map(DETECTORS.map((d) => [d.id, d]));
    const problems: string[] = [];
    for (const p of rubric.pillars) {
      for (const c of p.criteria) {
        const e = c.evidence;
        const uses = e.kind === 'measured' ? [e] : e.kind === 'detected' ? [...(e.all ?? []), ...(e.any ?? [])].filter((x) => 'measure' in x) : [];
        for (const u of uses) {
          const d = byId.get(u.detector);
          if (d && !d.measures?.[u.measure]) problems.push(`${c.id}: ${d.id} has no measure ${u.measure}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has a stable 64-hex content hash that changes when a criterion changes', async () => {
    const { hashRubric } = await import('../../src/rubric/load.ts');
    expect(rubric.hash).toMatch(/^[0-9a-f]{64}$/);
    const { hash: _hash, ...plain } = rubric;
    expect(hashRubric(plain)).toBe(rubric.hash);
    const changed = structuredClone(plain);
    changed.pillars[0]!.criteria[0]!.statement += ' (changed)';
    expect(hashRubric(changed)).not.toBe(rubric.hash);
  });
});
