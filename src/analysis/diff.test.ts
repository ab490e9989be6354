import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, runGit } from '../../test/harness.ts';
import type { Assessment } from '../core/assessment.ts';
import { assess } from '../engine/assess.ts';
import { diffAssessments, flipEvidenceLines, renderDiff } from './diff.ts';

let before: Assessment;
let after: Assessment;
beforeAll(async () => {
  const dir = makeRepo({ git: true, files: { 'README.md': '# Shop\n', 'src/app.js': 'export const ok = true;\n', 'package.json': '{"name":"shop"}\n' } });
  before = (await assess(dir, { now: new Date('2026-01-15T00:00:00Z'), workers: 0 })).assessment;
  writeFileSync(join(dir, 'src/app.test.js'), "import { it } from 'vitest';\nit('works', () => {});\n");
  writeFileSync(join(dir, 'package.json'), '{"name":"shop","devDependencies":{"vitest":"^4.0.0"}}\n');
  runGit(dir, ['add', '-A']);
  runGit(dir, ['commit', '-qm', 'tests'], { GIT_AUTHOR_NAME: 'x', GIT_AUTHOR_EMAIL: 'x@example.com', GIT_COMMITTER_NAME: 'x', GIT_COMMITTER_EMAIL: 'x@example.com' });
  after = (await assess(dir, { now: new Date('2026-04-15T00:00:00Z'), workers: 0 })).assessment;
}, 60_000);

describe('diffAssessments', () => {
  it('attributes a level change to the criterion that flipped and the evidence that appeared', () => {
    const d = diffAssessments(before, after);
    expect(d.sameRubric).toBe(true);
    const testing = d.pillars.find((p) => p.pillar === 'testing')!;
    expect(testing.from).toBe(before.pillars.find((p) => p.id === 'testing')!.level);
    const flip = testing.flips.find((f) => f.id === 'testing.has-tests')!;
    expect(flip).toMatchObject({ from: 'unmet', to: 'met', basis: { from: 'scan', to: 'scan' } });
    expect(flip.added.map((e) => e.path)).toContain('src/app.test.js');
    expect(renderDiff(d)).toContain('  L1 testing.has-tests: unmet -> met\n');
    // Nothing changed between an assessment and itself.
    expect(diffAssessments(after, after).pillars).toEqual([]);
  });

  it('keeps criteria redefined by a new rubric apart instead of calling them progress', () => {
    const redefined: Assessment = JSON.parse(JSON.stringify(after)) as Assessment;
    redefined.rubric.hash = 'f'.repeat(64);
    const testing = redefined.pillars.find((p) => p.id === 'testing')!;
    testing.criteria = testing.criteria.map((c) => (c.id === 'testing.has-tests' ? { ...c, level: 2 } : c));
    const d = diffAssessments(before, redefined);
    expect(d.sameRubric).toBe(false);
    expect(d.rubricChanges).toEqual([{ id: 'testing.has-tests', change: 'level', detail: 'moved from level 1 to 2' }]);
    expect(d.pillars.flatMap((p) => p.flips).map((f) => f.id)).not.toContain('testing.has-tests');
    expect(renderDiff(d)).toContain('their status changes are not counted as progress or regression');
  });

  it('says a level moved by the rubric alone is neither progress nor regression', () => {
    const rerated: Assessment = JSON.parse(JSON.stringify(after)) as Assessment;
    rerated.rubric.hash = 'e'.repeat(64);
    const cicd = rerated.pillars.find((p) => p.id === 'cicd')!;
    const was = after.pillars.find((p) => p.id === 'cicd')!.level!;
    cicd.level = was - 1;
    const text = renderDiff(diffAssessments(after, rerated));
    expect(text).toContain(`cicd: ${was} -> ${was - 1} (from the rubric change, not the platform)`);
    expect(text).not.toContain('(regression)');
  });

  it('shows a location once when several detectors cite it, and counts the rest', () => {
    const e = (detector: string, path: string, line: number) => ({ detector, path, line });
    const flip = { added: [e('a', 'src/x.ts', 3), e('b', 'src/x.ts', 3), e('a', 'src/y.ts', 1), e('a', 'src/z.ts', 9)], removed: [e('a', 'old.ts', 2)] };
    expect(flipEvidenceLines(flip, 2, '  ')).toEqual(['  + src/x.ts:3', '  + src/y.ts:1', '  + 1 more', '  - old.ts:2']);
  });
});
