import { describe, expect, it } from 'vitest';
import { makeRepo } from '../../test/harness.ts';
import { hashRubric, loadRubric } from '../rubric/load.ts';
import type { LoadedRubric } from '../rubric/schema.ts';
import { assess } from './assess.ts';
import { evidenceRecord, rerate } from './judge.ts';

// Built at run time so this file never contains a secret-shaped literal.
const GH = ['ghp', 'Q7x2Lm9Zp4Tr8Wk1Nv6Bc3Hd5Fg0Js2Ya7Ue'].join('_');
const DBPW = 'Xy7pQ2wLm9zz';

const FILES = {
  'package.json': '{"name":"shop","scripts":{"test":"vitest run"},"devDependencies":{"vitest":"^4.0.0"}}\n',
  'src/app.ts': `export const client = new Octokit({ auth: '${GH}' });\n`,
  'src/app.test.ts': "import { it } from 'vitest';\nit('works', () => {});\n",
  'docker-compose.yml': `services:\n  api:\n    environment:\n      DATABASE_URL: postgres://app:${DBPW}@db:5432/app\n`,
  '.github/workflows/ci.yml': 'on: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm test\n',
};

/** The built-in rubric with one criterion moved up a level: what a re-categorisation looks like. */
function withCriterionMoved(rubric: LoadedRubric, id: string, level: number): LoadedRubric {
  const { hash: _hash, ...plain } = structuredClone(rubric);
  for (const p of plain.pillars) for (const c of p.criteria) if (c.id === id) c.level = level;
  return { ...plain, version: '1.0.1', hash: hashRubric(plain) };
}

describe('raw evidence and re-evaluation', () => {
  it('keeps every detector result and the blob of every file evidence names, with secrets masked', async () => {
    const dir = makeRepo({ git: true, files: FILES });
    const run = await assess(dir, { now: new Date('2026-06-01T00:00:00Z'), workers: 0 });
    const ev = run.evidence;
    expect(Object.keys(ev.results).sort()).toEqual(run.assessment.detectors.map((d) => d.id).sort());
    expect(ev.results['has-hardcoded-secrets']!.outcome).toBe('yes');
    expect(ev.blobs['src/app.ts']).toMatch(/^[0-9a-f]{40}$/);
    const stored = JSON.stringify(ev);
    expect(stored).not.toContain(GH);
    expect(stored).not.toContain(DBPW);
  });

  it('judges the stored evidence under a changed rubric: the moved criterion counts at its new level, nothing else moves', async () => {
    const dir = makeRepo({ git: true, files: FILES });
    const { assessment, evidence } = await assess(dir, { now: new Date('2026-06-01T00:00:00Z'), workers: 0 });
    const rubric = loadRubric();
    const cicd = assessment.pillars.find((p) => p.id === 'cicd')!;
    expect(cicd.level).toBe(2);
    // An unmet level-3 criterion re-categorised as level 2 must take the pillar down to 1.
    const unmet3 = cicd.criteria.find((c) => c.level === 3 && c.status === 'unmet')!;
    const changed = withCriterionMoved(rubric, unmet3.id, 2);
    const again = rerate(assessment, evidence, changed);
    expect(again.rubric).toEqual({ id: rubric.id, version: '1.0.1', hash: changed.hash });
    expect(again.pillars.find((p) => p.id === 'cicd')!.level).toBe(1);
    expect(again.pillars.find((p) => p.id === 'cicd')!.criteria.find((c) => c.id === unmet3.id)!.level).toBe(2);
    for (const p of again.pillars.filter((x) => x.id !== 'cicd')) expect(p.level).toBe(assessment.pillars.find((x) => x.id === p.id)!.level);
    expect(again.subject).toEqual(assessment.subject);
    expect(again.assessedAt).toBe(assessment.assessedAt);
  });

  it('records only what people cited and evidence named', () => {
    const results = new Map([['d', { outcome: 'yes' as const, summary: 's', evidence: [{ path: 'a.ts', line: 1 }] }]]);
    const people = {
      attestations: [{ criterion: 'x.y', claim: 'c', by: 'b', date: '2026-01-01', evidence: [{ document: 'docs/dr.md' }], file: 'f.yaml', fileBlob: 'f' }],
      waivers: [],
      reviews: [],
      refused: [],
      uncommitted: [],
      rules: new Map(),
    } as unknown as Parameters<typeof evidenceRecord>[1];
    const blobs: Record<string, string> = { 'a.ts': '1'.repeat(40), 'docs/dr.md': '2'.repeat(40), 'other.ts': '3'.repeat(40) };
    const rec = evidenceRecord(results, people, (p) => blobs[p]);
    expect(rec.blobs).toEqual({ 'a.ts': '1'.repeat(40), 'docs/dr.md': '2'.repeat(40) });
    expect('rules' in rec.people).toBe(false);
  });
});
