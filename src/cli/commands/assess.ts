// `readiness assess [path]`: the 14 pillars as a table, or the full assessment as JSON.
import type { Command } from 'commander';
import { renderAssessment, renderJson } from '../../report/index.ts';
import type { CliIo } from '../io.ts';
import { reportWidth, useColor, writeReport, writeWarnings } from '../output.ts';
import { saveFresh } from './source.ts';
import { addAssessOptions, runAssessment, warningMessages, type AssessCliOptions } from './shared.ts';

export function registerAssess(program: Command, io: CliIo): void {
  const cmd = program
    .command('assess')
    .description('rate the repository on the 14 pillars (levels 1-5) with the built-in rubric')
    .argument('[path]', 'folder of the repository to assess', '.');
  addAssessOptions(cmd).action(async (path: string, opts: AssessCliOptions) => {
    const { assessment, evidence } = await runAssessment(path, opts, io);
    if (opts.save) await saveFresh(path, opts, io, assessment, evidence);
    const toFile = opts.output !== undefined;
    const text = opts.json
      ? renderJson(assessment)
      : renderAssessment(assessment, { color: useColor(io, toFile), width: reportWidth(io, toFile) });
    await writeReport(io, text, opts.output);
    writeWarnings(io, warningMessages(assessment));
  });
}
