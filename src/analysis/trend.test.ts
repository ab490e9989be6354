import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, runGit } from '../../test/harness.ts';
import type { Assessment } from '../core/assessment.ts';
import { assess } from '../engine/assess.ts';
import type { EvidenceRecord } from '../engine/judge.ts';
import { hashRubric, loadRubric } from '../rubric/load.ts';
import type { LoadedRubric } from '../rubric/schema.ts';
import { seriesFromAssessments } from './series.ts';
import { buildTrend, renderTrend } from './trend.ts';

const rubric = loadRubric();

/**
 * The built-in rubric with testing's integration-test and coverage criteria moved from level 3
 * to 4: the re-categorisation section 8.4 warns about, which lifts a repository with tests run in
 * CI from level 2 to 3 without any change to the repository.
 */
function gamedRubric(): LoadedRubric {
  const { hash: _hash, ...rest } = rubric;
  const moved = new Set(['testing.integration-tests', 'testing.coverage-gate']);
  const changed = { ...rest, pillars: rest.pillars.map((p) => ({ ...p, criteria: p.criteria.map((c) => (moved.has(c.id) ? { ...c, level: 4 } : c)) })) };
  return { ...changed, hash: hashRubric(changed) };
}
const gamed = gamedRubric();

let bare: Assessment;
let tested: Assessment;
let testedGamed: Assessment;
let testedGamedEvidence: EvidenceRecord;
beforeAll(async () => {
  // A bare service, then the same service with a unit test, a linter and CI running the tests.
  const dir = makeRepo({ git: true, files: { 'README.md': '# Shop\n', 'src/app.ts': 'export const ok = true;\n', 'package.json': '{"name":"shop","devDependencies":{"typescript":"^5.0.0"}}\n' } });
  bare = (await assess(dir, { now: new Date('2026-01-10T10:00:00Z'), workers: 0 })).assessment;
  mkdirSync(join(dir, '.github/workflows'), { recursive: true });
  writeFileSync(join(dir, 'src/app.test.ts'), "import { it } from 'vitest';\nit('works', () => {});\n");
  writeFileSync(join(dir, 'eslint.config.js'), 'export default [];\n');
  writeFileSync(join(dir, 'package.json'), '{"name":"shop","scripts":{"test":"vitest run"},"devDependencies":{"typescript":"^5.0.0","vitest":"^4.0.0","eslint":"^9.0.0"}}\n');
  writeFileSync(join(dir, '.github/workflows/ci.yml'), 'name: ci\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm test\n');
  runGit(dir, ['add', '-A']);
  runGit(dir, ['commit', '-qm', 'tests and CI'], { GIT_AUTHOR_NAME: 'x', GIT_AUTHOR_EMAIL: 'x@example.com', GIT_COMMITTER_NAME: 'x', GIT_COMMITTER_EMAIL: 'x@example.com' });
  const g = await assess(dir, { now: new Date('2026-02-10T10:00:00Z'), workers: 0, rubric: gamed });
  testedGamed = g.assessment;
  testedGamedEvidence = g.evidence;
  tested = (await assess(dir, { now: new Date('2026-05-10T10:00:00Z'), workers: 0 })).assessment;
}, 60_000);

const level = (a: Assessment, id: string): number | null => a.pillars.find((p) => p.id === id)!.level;
const at = (a: Assessment, assessedAt: string): Assessment => ({ ...a, assessedAt });
const row = (text: string, pillar: string): string => text.split('\n').find((l) => l.startsWith(`${pillar} `))!;

describe('the fixture', () => {
  it('gives the levels the trend tests rely on', () => {
    expect([level(bare, 'testing'), level(testedGamed, 'testing'), level(tested, 'testing')]).toEqual([1, 3, 2]);
    expect([level(bare, 'cicd'), level(testedGamed, 'cicd'), level(tested, 'cicd')]).toEqual([1, 2, 2]);
    expect(level(tested, 'api')).toBeNull();
  });
});

describe('buildTrend', () => {
  it('re-evaluates a point stored under another rubric, confirms a level held a quarter, and lists the rubric change apart', () => {
    const points = seriesFromAssessments([{ id: 1, assessment: bare }, { id: 2, assessment: testedGamed, evidence: testedGamedEvidence }, { id: 3, assessment: tested }], rubric);
    expect(points.map((p) => [p.id, p.rerated, p.comparable])).toEqual([[1, false, true], [2, true, true], [3, false, true]]);
    const t = buildTrend(points, rubric, { repository: 'shop', now: '2026-05-20' });
    // Level 3 under the re-categorised rubric is level 2 under the current one: no progress.
    expect(t.pillars.find((p) => p.pillar === 'testing')).toEqual({
      pillar: 'testing',
      levels: [1, 2, 2],
      observed: 2,
      confirmed: 2,
      confirmedSince: '2026-05-10',
      pending: null,
      regression: null,
      status: 'confirmed',
    });
    expect(t.pillars.find((p) => p.pillar === 'api')).toMatchObject({ levels: [null, null, null], status: 'N/A' });
    expect(t.changes.map((s) => [s.from.id, s.to.id, s.pillars.map((p) => `${p.pillar} ${p.from}->${p.to}`)])).toEqual([[1, 2, ['testing 1->2', 'cicd 1->2']]]);
    expect(t.changes[0]!.pillars[0]!.flips.map((f) => `${f.id} ${f.from}->${f.to}`)).toEqual(['testing.has-tests unmet->met', 'testing.static-analysis unmet->met', 'testing.ci-gate unmet->met']);
    expect(t.rubricChanges).toEqual([
      {
        recorded: { version: gamed.version, hash: gamed.hash },
        points: [{ id: 2, assessedAt: '2026-02-10T10:00:00.000Z', rerated: true }],
        changes: [
          { id: 'testing.coverage-gate', change: 'level', detail: 'moved from level 4 to 3' },
          { id: 'testing.integration-tests', change: 'level', detail: 'moved from level 4 to 3' },
        ],
      },
    ]);
    expect(t.cadence).toMatchObject({ interval: 'quarterly', due: '2026-08-10', stale: false, reason: '0 of 11 applicable pillars confirmed at level 3 or more (annual re-rating needs more than half)' });

    const text = renderTrend(t);
    expect(text.split('\n').slice(0, 3)).toEqual([
      `Trend of shop: 3 assessment(s); current rubric ${rubric.version}/${rubric.hash.slice(0, 8)}, levels re-evaluated under it where stored evidence allows`,
      '',
      'pillar         2026-01-10  2026-02-10*  2026-05-10  observed  confirmed  status',
    ]);
    expect(row(text, 'testing')).toBe('testing                 1            2           2         2          2  confirmed');
    expect(row(text, 'api')).toBe('api                   N/A          N/A         N/A       N/A        N/A  N/A');
    expect(text).toContain('\n* re-evaluated under the current rubric from its stored evidence (see Rubric changes)\n');
    expect(text).toContain(
      [
        '2026-01-10 -> 2026-02-10',
        '  testing: 1 -> 2',
        '    L1 testing.has-tests: unmet -> met',
        '        + package.json:1',
        '        + src/app.test.ts',
        '    L2 testing.static-analysis: unmet -> met',
        '        + eslint.config.js',
        '    L3 testing.ci-gate: unmet -> met',
        '        + .github/workflows/ci.yml:9',
        '  cicd: 1 -> 2',
        '    L2 cicd.ci-pipeline: unmet -> met',
        '        + .github/workflows/ci.yml:4',
      ].join('\n'),
    );
    expect(text).toContain(
      [
        'Rubric changes (kept apart: never counted as progress or regression)',
        `  1 assessment(s) (2026-02-10) recorded under rubric ${gamed.version}/${gamed.hash.slice(0, 8)}, re-evaluated from stored evidence; its criteria against the current rubric:`,
        '    level     testing.coverage-gate: moved from level 4 to 3',
        '    level     testing.integration-tests: moved from level 4 to 3',
      ].join('\n'),
    );
    expect(text.endsWith(
      [
        'Last assessed 2026-05-10; next due 2026-08-10, quarterly: 0 of 11 applicable pillars confirmed at level 3 or more (annual re-rating needs more than half)',
        'Re-rate at once after a major change: a service extraction, a compliance certification, an incident that exposes a gap (7.3).',
        '',
      ].join('\n'),
    )).toBe(true);
  });

  it('shows a level observed once as not confirmed until a quarter later', () => {
    const t = buildTrend(seriesFromAssessments([bare, { assessment: testedGamed, evidence: testedGamedEvidence }], rubric), rubric, { repository: 'shop', now: '2026-02-11' });
    expect(t.pillars.find((p) => p.pillar === 'testing')).toMatchObject({
      observed: 2,
      confirmed: 1,
      pending: { level: 2, since: '2026-02-10', confirmableOn: '2026-05-10' },
      status: 'observed, not confirmed until 2026-05-10',
    });
    expect(row(renderTrend(t), 'cicd')).toBe('cicd                    1            2         2          1  observed, not confirmed until 2026-05-10');
  });

  it('shows a point without stored evidence as recorded, flagged, and never compared', () => {
    const points = seriesFromAssessments([{ id: 1, assessment: bare }, { id: 2, assessment: testedGamed }, { id: 3, assessment: tested }], rubric);
    expect(points[1]!.notComparable).toBe(`recorded under rubric ${gamed.version}/${gamed.hash.slice(0, 8)}; no stored evidence to re-evaluate`);
    const t = buildTrend(points, rubric, { repository: 'shop', now: '2026-05-20' });
    // Its recorded 3 is shown; the drop to 2 after it is no regression, and the step skips it.
    expect(t.pillars.find((p) => p.pillar === 'testing')).toMatchObject({ levels: [1, 3, 2], observed: 2, confirmed: 1, regression: null, status: 'observed, not confirmed until 2026-08-10' });
    expect(t.changes.map((s) => [s.from.id, s.to.id])).toEqual([[1, 3]]);
    // The criteria of its rubric are compared with those of a point under the current rubric.
    expect(t.rubricChanges[0]!.changes!.map((c) => c.id)).toEqual(['testing.coverage-gate', 'testing.integration-tests']);
    const text = renderTrend(t);
    expect(text).toContain('pillar         2026-01-10  2026-02-10~  2026-05-10  observed  confirmed  status\n');
    expect(text).toContain(`\n~ 2026-02-10 (assessment 2): recorded under rubric ${gamed.version}/${gamed.hash.slice(0, 8)}; no stored evidence to re-evaluate; shown, not compared\n`);
    expect(text).toContain('not re-evaluated; its criteria against the current rubric:');
  });

  it('flags a regression of a confirmed level at once and explains it by the evidence removed', () => {
    const t = buildTrend(seriesFromAssessments([at(tested, '2026-01-10T10:00:00.000Z'), at(tested, '2026-04-10T10:00:00.000Z'), at(bare, '2026-05-10T10:00:00.000Z')], rubric), rubric, { repository: 'shop', now: '2026-05-11' });
    expect(t.pillars.find((p) => p.pillar === 'testing')).toMatchObject({
      levels: [2, 2, 1],
      observed: 1,
      confirmed: 1,
      regression: { from: 2, to: 1, previousAt: '2026-04-10', lostConfirmed: true },
      status: 'regressed from 2 (confirmed 2 lost)',
    });
    expect(renderTrend(t)).toContain(['2026-04-10 -> 2026-05-10', '  testing: 2 -> 1 (regression)', '    L1 testing.has-tests: met -> unmet', '        - package.json:1', '        - src/app.test.ts'].join('\n'));
  });

  it('summarises the points beyond the limit in one column and marks the cadence stale', () => {
    const t = buildTrend(seriesFromAssessments([bare, { assessment: testedGamed, evidence: testedGamedEvidence }, tested], rubric, { rerate: false }), rubric, { repository: 'shop', now: '2026-09-20', limit: 2, asRecorded: true });
    expect(t.firstShown).toBe(1);
    expect(t.cadence).toMatchObject({ due: '2026-08-10', stale: true, overdueDays: 41 });
    const text = renderTrend(t);
    expect(text).toContain('current rubric');
    expect(text).toContain('levels as recorded (--as-recorded)');
    expect(text).toContain('pillar         older  2026-02-10~  2026-05-10  observed  confirmed  status\n');
    expect(row(text, 'testing')).toBe('testing            1            3           2         2          1  observed, not confirmed until 2026-08-10');
    expect(text).toContain('\nolder: 1 earlier assessment(s) from 2026-01-10 to 2026-01-10, lowest-highest comparable level\n');
    expect(text).toContain(`~ 2026-02-10: recorded under rubric ${gamed.version}/${gamed.hash.slice(0, 8)}; levels as recorded; shown, not compared`);
    expect(text).toContain('(annual re-rating needs more than half); STALE: 41 day(s) past due\n');
  });
});
