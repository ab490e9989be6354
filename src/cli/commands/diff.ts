// `readiness diff A B [path]`: what changed between two assessments (stored ids or JSON files),
// each level change attributed to the criteria that flipped and the evidence behind each flip.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { diffAssessments, renderDiff } from '../../analysis/diff.ts';
import { AssessmentSchema, type Assessment } from '../../core/assessment.ts';
import { UserError } from '../../errors/index.ts';
import { loadAssessment } from '../../history/store.ts';
import type { CliIo } from '../io.ts';
import { writeReport } from '../output.ts';
import { openStoreOrFail, storeTarget } from './history.ts';

async function fromFile(file: string): Promise<Assessment> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UserError('usage', `cannot read assessment ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UserError('usage', `${file} is not JSON (give a file written by readiness assess --json, or a stored assessment id)`);
  }
  const parsed = AssessmentSchema.safeParse(json);
  if (!parsed.success) throw new UserError('usage', `${file} is not an assessment: ${parsed.error.issues[0]!.path.join('.') || '(root)'}: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

export function registerDiff(program: Command, io: CliIo): void {
  program
    .command('diff')
    .description('explain what changed between two assessments: level changes, the criteria that flipped and the evidence behind them')
    .argument('<a>', 'the earlier assessment: a stored id (`readiness history --json`) or a JSON file')
    .argument('<b>', 'the later assessment')
    .argument('[path]', 'folder of the repository (for the default store)', '.')
    .option('--store <target>', 'history store: a SQLite file or a postgres:// URL (default: .readiness/history.sqlite)')
    .option('--json', 'print JSON instead of text')
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .action(async (a: string, b: string, path: string, opts: { store?: string; json?: boolean; output?: string }) => {
      const ids = [a, b].filter((x) => /^\d+$/.test(x));
      const store = ids.length > 0 ? await openStoreOrFail(storeTarget(path, opts.store, io.env)) : undefined;
      try {
        const load = async (ref: string): Promise<Assessment> => {
          if (!/^\d+$/.test(ref)) return fromFile(ref);
          const found = await loadAssessment(store!, Number(ref));
          if (!found) throw new UserError('usage', `no stored assessment ${ref} in ${store!.location} (\`readiness history --json\` lists the ids)`);
          return found;
        };
        const d = diffAssessments(await load(a), await load(b));
        await writeReport(io, opts.json ? `${JSON.stringify(d, null, 2)}\n` : renderDiff(d), opts.output);
      } finally {
        await store?.close();
      }
    });
}
