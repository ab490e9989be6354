import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { MODULE_CONTENTS, findModules, moduleResolver } from '../../ecosystems/modules.ts';

/** A file above this cyclomatic complexity is hard to test exhaustively (lizard's file warning is 50+). */
const FILE_LIMIT = 50;
/** Modules shown first in the evidence; the remaining slots go to the most complex files. */
const MODULES_SHOWN = 5;

interface Group {
  label: string;
  path: string;
  complexity: number;
  functions: number;
  files: number;
}

const oneDecimal = (x: number): number => Math.round(x * 10) / 10;
const fmt = (n: number): string => n.toLocaleString('en-US');

export default defineDetector({
  id: 'measures-module-complexity',
  pillar: 'architecture',
  question: 'How complex is the production code, per module and per function (cyclomatic complexity)?',
  rationale: 'Module health is tracked by a figure: complexity per module and per function shows where change is expensive and whether it grows.',
  measures: {
    'max-module-complexity': { unit: 'complexity', description: 'Cyclomatic complexity (decisions + functions) summed over the files of the most complex module (files outside modules are grouped by top-level folder).' },
    'mean-function-complexity': { unit: 'complexity', description: 'Decision points plus functions, divided by functions, over all production source (one decimal).' },
    'max-function-complexity': { unit: 'complexity', description: 'Complexity (1 + its decisions) of the most complex function whose body could be delimited.' },
    'files-over-complexity-50': { unit: 'files', description: `Production source files whose complexity exceeds ${FILE_LIMIT}.` },
  },
  contents: MODULE_CONTENTS,
  detect({ repo }) {
    const measured = repo.files.flatMap((f) => {
      const c = f.role === 'source' ? repo.complexity(f.path) : undefined;
      return c ? [{ path: f.path, ...c, complexity: c.decisions + c.functions }] : [];
    });
    if (measured.length === 0) return no('No production source file in a language the complexity counter reads (JS/TS, Python, Go, Java, Kotlin, Ruby, C#, PHP).');

    const moduleOf = moduleResolver(findModules(repo));
    const groups = new Map<string, Group>();
    for (const f of measured) {
      const m = moduleOf(f.path);
      const top = f.path.includes('/') ? f.path.slice(0, f.path.indexOf('/')) : '';
      const key = m ? m.dir : `\0${top}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = m ? { label: `module ${m.name}`, path: m.dir, complexity: 0, functions: 0, files: 0 } : { label: top ? `folder ${top}` : 'root files', path: top || f.path, complexity: 0, functions: 0, files: 0 }));
      g.complexity += f.complexity;
      g.functions += f.functions;
      g.files++;
    }
    const byComplexity = [...groups.values()].sort((a, b) => b.complexity - a.complexity || a.path.localeCompare(b.path));
    const worst = byComplexity[0]!;
    const total = measured.reduce((s, f) => s + f.complexity, 0);
    const functions = measured.reduce((s, f) => s + f.functions, 0);
    const maxFunction = Math.max(0, ...measured.map((f) => f.maxFunction ?? 0));
    const over = measured.filter((f) => f.complexity > FILE_LIMIT);

    const measures: Record<string, { value: number; unit: string }> = {
      'max-module-complexity': { value: worst.complexity, unit: 'complexity' },
    };
    if (functions > 0) measures['mean-function-complexity'] = { value: oneDecimal(total / functions), unit: 'complexity' };
    if (maxFunction > 0) measures['max-function-complexity'] = { value: maxFunction, unit: 'complexity' };
    measures['files-over-complexity-50'] = { value: over.length, unit: 'files' };

    const mean = (complexity: number, fns: number): string => (fns > 0 ? ` (mean ${oneDecimal(complexity / fns)})` : '');
    const evidence: EvidenceItem[] = byComplexity.slice(0, MODULES_SHOWN).map((g) => ({
      path: g.path,
      note: `${g.label}: complexity ${fmt(g.complexity)} over ${fmt(g.functions)} functions${mean(g.complexity, g.functions)} in ${fmt(g.files)} files`,
      value: g.complexity,
    }));
    const files = [...measured].sort((a, b) => b.complexity - a.complexity || a.path.localeCompare(b.path));
    for (const f of files.slice(0, 10 - evidence.length)) {
      evidence.push({
        path: f.path,
        note: `file: complexity ${fmt(f.complexity)} over ${fmt(f.functions)} functions${f.maxFunction ? `, most complex function ${f.maxFunction}` : ''}`,
        value: f.complexity,
      });
    }
    const meanText = functions > 0 ? `, mean function complexity ${oneDecimal(total / functions)}` : '';
    return yes(
      `Cyclomatic complexity ${fmt(total)} over ${fmt(measured.length)} production files${meanText}; the most complex is ${worst.label} (${fmt(worst.complexity)}); ${over.length} file(s) over ${FILE_LIMIT}.`,
      evidence,
      measures,
    );
  },
});
