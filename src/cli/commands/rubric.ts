// `readiness rubric`: the built-in rubric, its content hash and every criterion per level.
import type { Command } from 'commander';
import { renderJson, renderRubric } from '../../report/index.ts';
import { loadRubric } from '../../rubric/load.ts';
import type { CliIo } from '../io.ts';
import { reportWidth, useColor, writeReport } from '../output.ts';
import { addReportOptions, type ReportOptions } from './shared.ts';

export function registerRubric(program: Command, io: CliIo): void {
  const cmd = program.command('rubric').description('print the rubric: levels, and per pillar the criteria of each level');
  addReportOptions(cmd).action(async (opts: ReportOptions) => {
    const rubric = loadRubric();
    const toFile = opts.output !== undefined;
    const text = opts.json ? renderJson(rubric) : renderRubric(rubric, { color: useColor(io, toFile), width: reportWidth(io, toFile) });
    await writeReport(io, text, opts.output);
  });
}
