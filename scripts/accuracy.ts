// `npm run accuracy`: runs the golden corpus, prints precision and recall per criterion and
// rewrites docs/accuracy.md. `--check` fails instead of writing when the figures have moved.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../test/accuracy/corpus.ts';
import { accuracyMarkdown, runCorpus, score } from '../test/accuracy/run.ts';

const doc = fileURLToPath(new URL('../docs/accuracy.md', import.meta.url));
const check = process.argv.includes('--check');
// `--only security/` runs the corpus files under that prefix and prints, without writing the doc.
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt === -1 ? undefined : process.argv[onlyAt + 1];

const t0 = performance.now();
const results = await runCorpus(only === undefined ? undefined : loadCorpus().filter((f) => f.file.startsWith(only) || f.criterion.startsWith(only)));
const scores = score(results);
const markdown = accuracyMarkdown(scores, results);

const pct = (n: number, d: number): string => (d === 0 ? '   —  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const width = Math.max(...scores.map((s) => s.criterion.length));
console.log(`${'criterion'.padEnd(width)}  cases  TP  FP  FN  TN  precision  recall`);
for (const s of scores) {
  const n = s.tp + s.fp + s.fn + s.tn;
  console.log(`${s.criterion.padEnd(width)}  ${String(n).padStart(5)} ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)} ${String(s.tn).padStart(3)}     ${pct(s.tp, s.tp + s.fp)}  ${pct(s.tp, s.tp + s.fn)}`);
}
const t = scores.reduce((a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }), { tp: 0, fp: 0, fn: 0 });
console.log(`\n${results.length} cases, ${scores.length} criteria in ${((performance.now() - t0) / 1000).toFixed(1)} s: precision ${pct(t.tp, t.tp + t.fp).trim()}, recall ${pct(t.tp, t.tp + t.fn).trim()}`);
for (const r of results.filter((x) => !x.correct)) {
  console.log(`miss: ${r.criterion} — ${r.case.name} (${r.file}): expected ${r.case.expect}, assessed ${r.status}: ${r.reason}`);
}

if (only !== undefined) process.exit(results.every((r) => r.correct || r.case.known !== undefined) ? 0 : 1);
const current = existsSync(doc) ? readFileSync(doc, 'utf8') : null;
if (current !== markdown) {
  if (check) {
    console.error('stale: docs/accuracy.md (run npm run accuracy)');
    process.exit(1);
  }
  writeFileSync(doc, markdown);
  console.log('wrote docs/accuracy.md');
}
