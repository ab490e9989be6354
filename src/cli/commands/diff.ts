// `readiness diff A B [path]`: what changed between two assessments (stored ids or JSON files),
// each level change attributed to the criteria that flipped and the evidence behind each flip.
// --rerate judges both stored assessments again under the current rubric from their stored
// evidence first, so a rubric change between them cannot show as progress (8.4).
import type { Command } from 'commander';
import { diffAssessments, renderDiff } from '../../analysis/diff.ts';
import type { Assessment } from '../../core/assessment.ts';
import { UserError } from '../../errors/index.ts';
import { rerate } from '../../engine/judge.ts';
import { loadRubric } from '../../rubric/load.ts';
import type { CliIo } from '../io.ts';
import { writeReport } from '../output.ts';
import { openStoreOrFail, storeTarget } from './history.ts';
import { isStoredId, loadStored, readAssessment } from './source.ts';

export function registerDiff(program: Command, io: CliIo): void {
  program
    .command('diff')
    .description('explain what changed between two assessments: level changes, the criteria that flipped and the evidence behind them')
    .argument('<a>', 'the earlier assessment: a stored id (`readiness history --json`) or a JSON file')
    .argument('<b>', 'the later assessment')
    .argument('[path]', 'folder of the repository (for the default store)', '.')
    .option('--store <target>', 'history store: a SQLite file or a postgres:// URL (default: .readiness/history.sqlite)')
    .option('--rerate', 'judge both stored assessments again under the current rubric from their stored evidence before comparing')
    .option('--json', 'print JSON instead of text')
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .action(async (a: string, b: string, path: string, opts: { store?: string; rerate?: boolean; json?: boolean; output?: string }) => {
      const ids = [a, b].filter(isStoredId);
      const file = [a, b].find((x) => !isStoredId(x));
      if (opts.rerate && file !== undefined) throw new UserError('usage', `--rerate re-evaluates stored assessments from their stored evidence, and a file has none: give stored ids instead of ${file} (\`readiness history --json\` lists them)`);
      const rubric = opts.rerate ? loadRubric() : undefined;
      const store = ids.length > 0 ? await openStoreOrFail(storeTarget(path, opts.store, io.env)) : undefined;
      try {
        const load = async (ref: string): Promise<Assessment> => {
          if (!isStoredId(ref)) return readAssessment(ref);
          const { assessment: found, evidence } = await loadStored(store!, ref);
          // Judged under the current rubric already: re-evaluation would give the same result.
          if (!rubric || found.rubric.hash === rubric.hash) return found;
          if (!evidence) throw new UserError('usage', `stored assessment ${ref} was rated under rubric ${found.rubric.version}/${found.rubric.hash.slice(0, 8)} and has no stored evidence to re-evaluate; compare it without --rerate`);
          return rerate(found, evidence, rubric);
        };
        const d = diffAssessments(await load(a), await load(b));
        const under = rubric ? { version: rubric.version, hash: rubric.hash } : undefined;
        const text = opts.json
          ? `${JSON.stringify(under ? { ...d, reratedUnder: under } : d, null, 2)}\n`
          : `${under ? `Both assessments re-evaluated under rubric ${under.version}/${under.hash.slice(0, 8)} from their stored evidence.\n` : ''}${renderDiff(d)}`;
        await writeReport(io, text, opts.output);
      } finally {
        await store?.close();
      }
    });
}
