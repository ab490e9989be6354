// Runs the accuracy corpus through the real pipeline (scan -> detectors -> rubric) and turns the
// outcomes into precision and recall per criterion. "Positive" is "met": a false positive is a
// criterion reported met that a reviewer would not accept, the error the product must avoid most.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyDetector } from '../../src/core/detector.ts';
import { DETECTORS } from '../../src/detectors/registry.generated.ts';
import { assess } from '../../src/engine/assess.ts';
import { loadRubric, referencedDetectors } from '../../src/rubric/load.ts';
import type { LoadedRubric } from '../../src/rubric/schema.ts';
import { commitHistory, commitWorkTree, writeFiles } from '../repo-builder.ts';
import { loadCorpus, type AccuracyCase, type CorpusFile } from './corpus.ts';

export interface CaseResult {
  file: string;
  criterion: string;
  case: AccuracyCase;
  /** The criterion's status as assessed; `absent` when the pillar was N/A. */
  status: 'met' | 'unmet' | 'unknown' | 'absent';
  reason: string;
  /** Whether the prediction (met or not) agrees with the expectation. */
  correct: boolean;
}

export interface CriterionScore {
  criterion: string;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  ecosystems: string[];
}

const NOW = new Date('2026-06-01T00:00:00Z');

function materialise(c: AccuracyCase): string {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-accuracy-'));
  if (c.commits) {
    const last = Object.keys(c.files).length > 0 ? [{ files: c.files, date: c.commits.at(-1)?.date, message: 'fixture' }] : [];
    commitHistory(dir, [...c.commits, ...last]);
  } else if (c.git) {
    commitWorkTree(dir, c.files, { author: 'Accuracy', email: 'accuracy@example.com', message: 'fixture' });
  } else {
    writeFiles(dir, c.files);
  }
  return dir;
}

/** The detectors a criterion's outcome depends on: its evidence and its pillar's applicability. */
function detectorsFor(rubric: LoadedRubric, criterion: string): AnyDetector[] {
  const pillar = rubric.pillars.find((p) => p.criteria.some((c) => c.id === criterion));
  if (!pillar) throw new Error(`unknown criterion ${criterion}`);
  const ids = referencedDetectors({ ...rubric, pillars: [{ ...pillar, criteria: pillar.criteria.filter((c) => c.id === criterion) }] });
  return DETECTORS.filter((d) => ids.has(d.id));
}

export async function runCase(rubric: LoadedRubric, file: CorpusFile, c: AccuracyCase): Promise<CaseResult> {
  const dir = materialise(c);
  try {
    const { assessment } = await assess(dir, { rubric, detectors: detectorsFor(rubric, file.criterion), workers: 0, now: NOW });
    const found = assessment.pillars.flatMap((p) => p.criteria).find((r) => r.id === file.criterion);
    const status = found?.status ?? 'absent';
    const reason = found?.reason ?? assessment.pillars.find((p) => file.criterion.startsWith(`${p.id}.`))?.summary ?? '';
    return { file: file.file, criterion: file.criterion, case: c, status, reason, correct: (status === 'met') === (c.expect === 'met') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runCorpus(corpus: CorpusFile[] = loadCorpus(), rubric = loadRubric()): Promise<CaseResult[]> {
  const out: CaseResult[] = [];
  for (const file of corpus) for (const c of file.cases) out.push(await runCase(rubric, file, c));
  return out;
}

export function score(results: readonly CaseResult[]): CriterionScore[] {
  const by = new Map<string, CriterionScore>();
  for (const r of results) {
    let s = by.get(r.criterion);
    if (!s) by.set(r.criterion, (s = { criterion: r.criterion, tp: 0, fp: 0, fn: 0, tn: 0, ecosystems: [] }));
    const predicted = r.status === 'met';
    const key = r.case.expect === 'met' ? (predicted ? 'tp' : 'fn') : predicted ? 'fp' : 'tn';
    s[key]++;
    if (!s.ecosystems.includes(r.case.ecosystem)) s.ecosystems.push(r.case.ecosystem);
  }
  return [...by.values()].sort((a, b) => a.criterion.localeCompare(b.criterion));
}

function ratio(n: number, d: number): string {
  return d === 0 ? '—' : `${((100 * n) / d).toFixed(n === d ? 0 : 1)}%`;
}

/** The table kept in docs/accuracy.md; deterministic so a change in any figure is a diff. */
export function accuracyMarkdown(scores: readonly CriterionScore[], results: readonly CaseResult[]): string {
  const total = scores.reduce((t, s) => ({ tp: t.tp + s.tp, fp: t.fp + s.fp, fn: t.fn + s.fn, tn: t.tn + s.tn }), { tp: 0, fp: 0, fn: 0, tn: 0 });
  const rows = scores.map((s) => {
    const eco = [...s.ecosystems].sort().join(', ');
    return `| \`${s.criterion}\` | ${s.tp + s.fn} | ${s.fp + s.tn} | ${eco} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.tn} | ${ratio(s.tp, s.tp + s.fp)} | ${ratio(s.tp, s.tp + s.fn)} |`;
  });
  const misses = results.filter((r) => !r.correct);
  const missLines = misses.map(
    (r) => `- \`${r.criterion}\` — ${r.case.name} (${r.case.ecosystem}): expected ${r.case.expect}, assessed ${r.status}.${r.case.known ? ` Known: ${r.case.known}` : ' Not yet explained.'}`,
  );
  return [
    '<!-- Generated by `npm run accuracy` from test/accuracy/cases. Do not edit by hand. -->',
    '# Detection accuracy',
    '',
    'Each detected or measured criterion has golden fixture repositories in `test/accuracy/cases/`:',
    'positive cases a reviewer would accept as met, and negative ones (many of them false-positive',
    'traps: a package named only in a README, commented-out code, a vendored copy, a git-ignored',
    'folder, a fake secret in a test fixture, an allow-list CORS configuration). `npm run accuracy`',
    'runs them through the real scanner, detectors and rubric and counts, per criterion, true and',
    'false positives ("met") and negatives. Precision is the share of "met" verdicts that are right;',
    'recall is the share of truly met criteria that were found. A false "met" is the worse error.',
    '',
    `Overall over ${results.length} cases and ${scores.length} criteria: precision ${ratio(total.tp, total.tp + total.fp)}, recall ${ratio(total.tp, total.tp + total.fn)}.`,
    '',
    '| Criterion | Positive cases | Negative cases | Ecosystems | TP | FP | FN | TN | Precision | Recall |',
    '|---|---:|---:|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    '## Misses',
    '',
    ...(missLines.length > 0 ? missLines : ['None: every case is assessed as expected.']),
    '',
  ].join('\n');
}
