// `readiness trend [path]`: each pillar's level over the stored assessments, confirmed or only
// observed, every level change explained by the criteria that flipped, rubric changes apart, and
// when the next rating is due. Assessments stored under another rubric are re-evaluated from their
// stored evidence unless --as-recorded asks for the levels as they were written.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { buildTrend, DEFAULT_TREND_COLUMNS, renderTrend } from '../../analysis/trend.ts';
import { loadSeries } from '../../analysis/series.ts';
import { UserError } from '../../errors/index.ts';
import { loadRubric } from '../../rubric/load.ts';
import type { CliIo } from '../io.ts';
import { writeReport } from '../output.ts';
import { openStoreOrFail, repositoryKeyOf, storeTarget } from './history.ts';

interface TrendCliOptions {
  store?: string;
  json?: boolean;
  output?: string;
  asRecorded?: boolean;
  limit: string;
}

function limitOf(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UserError('usage', `--limit takes a whole number of 1 or more (columns of assessments), not ${JSON.stringify(text)}`);
  return Number(text);
}

export function registerTrend(program: Command, io: CliIo): void {
  program
    .command('trend')
    .description('each pillar’s level over the stored assessments: confirmed or only observed, what changed and why, and when to re-rate')
    .argument('[path]', 'folder of the repository', '.')
    .option('--store <target>', 'history store: a SQLite file or a postgres:// URL (default: .readiness/history.sqlite; env READINESS_STORE)')
    .option('--as-recorded', 'show the levels as recorded, without re-evaluating assessments stored under another rubric')
    .option('--limit <n>', 'assessments shown in columns of their own; older ones are summarised', String(DEFAULT_TREND_COLUMNS))
    .option('--json', 'print JSON instead of text')
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .action(async (path: string, opts: TrendCliOptions) => {
      const limit = limitOf(opts.limit);
      const rubric = loadRubric();
      const store = await openStoreOrFail(storeTarget(path, opts.store, io.env));
      try {
        const repository = await repositoryKeyOf(path);
        const points = await loadSeries(store, repository, rubric, { rerate: opts.asRecorded !== true });
        if (points.length === 0) {
          await writeReport(io, `No stored assessment of ${resolve(path)} in ${store.location} (store one with \`readiness assess --save\`).\n`, opts.output);
          return;
        }
        const trend = buildTrend(points, rubric, { repository, limit, now: new Date(), asRecorded: opts.asRecorded === true });
        await writeReport(io, opts.json ? `${JSON.stringify(trend, null, 2)}\n` : renderTrend(trend), opts.output);
      } finally {
        await store.close();
      }
    });
}
