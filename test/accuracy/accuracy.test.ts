// The accuracy corpus as tests: every golden case is assessed as its author expects (or, for a
// known miss, still missed, so a fix forces the corpus and the table to be updated); every
// detected or measured criterion of every pillar has positive and negative cases, a trap, and
// (unless its evidence is not code) three ecosystems; docs/accuracy.md holds the current figures.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadRubric } from '../../src/rubric/load.ts';
import { loadCorpus } from './corpus.ts';
import { accuracyMarkdown, runCorpus, score, type CaseResult } from './run.ts';

const rubric = loadRubric();
const corpus = loadCorpus();
const criteria = new Map(rubric.pillars.flatMap((p) => p.criteria.map((c) => [c.id, { pillar: p.id, criterion: c }] as const)));

let results: CaseResult[] = [];
beforeAll(async () => {
  results = await runCorpus(corpus, rubric);
}, 600_000);

describe('corpus shape', () => {
  test.each(corpus.map((f) => [f.file, f] as const))('%s names a detected or measured criterion', (_file, f) => {
    const found = criteria.get(f.criterion);
    expect(found, `${f.criterion} is not in the rubric`).toBeDefined();
    expect(found!.criterion.evidence.kind).not.toBe('attested');
    expect(f.file.startsWith(`${found!.pillar}/`), 'corpus files live in the folder of their pillar').toBe(true);
  });

  test('one corpus file per criterion', () => {
    const names = corpus.map((f) => f.criterion);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  const required = rubric.pillars.flatMap((p) => p.criteria.filter((c) => c.evidence.kind !== 'attested').map((c) => c.id));
  test.each(required)('%s has positive and negative cases, a trap, and JS/TS and two other ecosystems unless neutral', (id) => {
    const file = corpus.find((f) => f.criterion === id);
    expect(file, `no corpus file for ${id}`).toBeDefined();
    const cases = file!.cases;
    expect(cases.some((c) => c.expect === 'met'), 'a positive case').toBe(true);
    expect(cases.some((c) => c.expect === 'unmet'), 'a negative case').toBe(true);
    expect(cases.some((c) => c.traps.length > 0), 'a false-positive trap').toBe(true);
    if (file!.neutral) return;
    const ecosystems = new Set(cases.map((c) => c.ecosystem));
    expect(ecosystems.has('js'), 'a JS/TS case').toBe(true);
    expect([...ecosystems].filter((e) => e !== 'js' && e !== 'any').length, 'two other ecosystems').toBeGreaterThanOrEqual(2);
  });
});

describe('golden cases', () => {
  const all = corpus.flatMap((f) => f.cases.map((c) => [`${f.criterion}: ${c.name}`, f.file, c.name] as const));
  test.each(all)('%s', (_title, file, name) => {
    const r = results.find((x) => x.file === file && x.case.name === name)!;
    expect(r, 'case ran').toBeDefined();
    if (r.case.known) {
      expect(r.correct, `known miss is fixed now (${r.case.known}): drop "known" and regenerate docs/accuracy.md`).toBe(false);
    } else {
      expect({ status: r.status, reason: r.reason }).toMatchObject({ status: r.case.expect === 'met' ? 'met' : expect.not.stringMatching(/^met$/) });
    }
  });

  test('docs/accuracy.md holds the current figures (npm run accuracy)', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../docs/accuracy.md', import.meta.url)), 'utf8');
    expect(doc).toBe(accuracyMarkdown(score(results), results));
  });
});
