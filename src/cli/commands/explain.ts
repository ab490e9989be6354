// `readiness explain <pillar> [path]`: every criterion of one pillar with its evidence, and what
// is missing for the next level.
import type { Command } from 'commander';
import { PILLAR_IDS, type PillarId } from '../../core/types.ts';
import { MESSAGES, UserError } from '../../errors/index.ts';
import { renderExplain, renderJson } from '../../report/index.ts';
import type { CliIo } from '../io.ts';
import { reportWidth, useColor, writeReport, writeWarnings } from '../output.ts';
import { addAssessOptions, runAssessment, warningMessages, type AssessCliOptions } from './shared.ts';

function pillarId(id: string): PillarId {
  const found = PILLAR_IDS.find((p) => p === id.toLowerCase());
  if (!found) throw new UserError('unknown-pillar', MESSAGES.unknownPillar(id, PILLAR_IDS));
  return found;
}

export function registerExplain(program: Command, io: CliIo): void {
  const cmd = program
    .command('explain')
    .description("explain one pillar's level: every criterion with its status, evidence and remediation")
    .argument('<pillar>', `pillar id (${PILLAR_IDS.join(', ')})`)
    .argument('[path]', 'folder of the repository to assess', '.');
  addAssessOptions(cmd).action(async (pillar: string, path: string, opts: AssessCliOptions) => {
    // An unknown pillar fails before the scan, not after it.
    const id = pillarId(pillar);
    const { assessment, rubric } = await runAssessment(path, opts, io);
    const result = assessment.pillars.find((p) => p.id === id);
    if (!result) throw new UserError('unknown-pillar', MESSAGES.unknownPillar(id, assessment.pillars.map((p) => p.id)));
    const toFile = opts.output !== undefined;
    const text = opts.json
      ? renderJson(result)
      : renderExplain(result, {
          color: useColor(io, toFile),
          width: reportWidth(io, toFile),
          levelNames: Object.fromEntries(rubric.levels.map((l) => [l.level, l.name])),
          typicalLevel: assessment.typicalLevel,
        });
    await writeReport(io, text, opts.output);
    writeWarnings(io, warningMessages(assessment));
  });
}
