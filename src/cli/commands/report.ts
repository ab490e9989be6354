// `readiness report [path] --format html|pdf|md|sarif|json`: the assessment as a report for
// people (HTML and PDF with charts for the board, Markdown for pull requests and wikis) or
// machines (SARIF for code scanning, JSON). The assessment is run fresh, or read with --from: a
// stored id or a file of `assess --json`. A format is one entry of REPORT_FORMATS; the reporters
// are pure, this command does the I/O (the roadmap's config, the history store, Chromium).
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { buildRoadmap } from '../../analysis/roadmap.ts';
import { loadSeries, seriesFromAssessments, type SeriesPoint } from '../../analysis/series.ts';
import { executiveSummary } from '../../analysis/summary.ts';
import { buildTrend, type Trend } from '../../analysis/trend.ts';
import { loadConfig } from '../../config/load.ts';
import { targetSpecs } from '../../config/schema.ts';
import type { Assessment } from '../../core/assessment.ts';
import type { EvidenceRecord } from '../../engine/judge.ts';
import { MESSAGES, UserError } from '../../errors/index.ts';
import { isPostgresUrl } from '../../history/db.ts';
import { repositoryKey } from '../../history/store.ts';
import type { HtmlExtras } from '../../report/html/page.ts';
import { renderJson, renderMarkdown, renderSarif } from '../../report/index.ts';
import { loadRubric } from '../../rubric/load.ts';
import type { LoadedRubric } from '../../rubric/schema.ts';
import type { CliIo } from '../io.ts';
import { writeReport, writeWarnings } from '../output.ts';
import { chromiumOrFail, PAPER_SIZES, renderPdf, type PaperSize } from '../pdf.ts';
import { openStoreOrFail, storeTarget } from './history.ts';
import { addAssessOptions, warningMessages, type AssessCliOptions } from './shared.ts';
import { assessmentFrom } from './source.ts';
import { writeAuditPack } from '../audit-pack.ts';

export interface ReportCliOptions extends AssessCliOptions {
  format: string;
  from?: string;
  paper: string;
}

/** What a format renders from: the assessment, and what some formats need besides. */
export interface ReportContext {
  assessment: Assessment;
  /** The raw evidence: from a fresh run, or stored with the assessment (absent for a JSON file). */
  evidence: EvidenceRecord | undefined;
  /** The repository folder given on the command line. */
  path: string;
  opts: ReportCliOptions;
  io: CliIo;
  /** The rubric of a fresh run; undefined for an assessment made before (the current one is loaded). */
  rubric?: LoadedRubric | undefined;
}

export type ReportFormat = {
  /** Who or what it is for, in a few words (the --format help lists them). */
  use: string;
  /** Fails before anything is assessed when the format cannot be written (a missing --output, no Chromium). */
  check?(opts: ReportCliOptions, io: CliIo): void;
} & (
  | {
      /** Text goes to stdout or --output; bytes (binary formats) need --output. */
      render(ctx: ReportContext): string | Uint8Array | Promise<string | Uint8Array>;
    }
  | {
      /** Formats that are files of their own (an archive) write themselves, to --output or a default name. */
      write(ctx: ReportContext): Promise<string>;
    }
);

export const REPORT_FORMATS = {
  md: { use: 'pull requests, wikis', render: ({ assessment }) => renderMarkdown(assessment) },
  html: { use: 'one self-contained page with charts, for people and print', render: (ctx) => htmlReport(ctx) },
  pdf: {
    use: 'the HTML report printed by Chromium; needs --output',
    check: (opts, io) => {
      bytesNeedOutput(opts.output, 'pdf');
      chromiumOrFail(io.env);
    },
    render: async (ctx) => renderPdf(await htmlReport(ctx), { executablePath: chromiumOrFail(ctx.io.env), paper: ctx.opts.paper as PaperSize }),
  },
  sarif: { use: 'code scanning, SARIF 2.1.0', render: ({ assessment }) => renderSarif(assessment) },
  json: { use: 'the assessment as JSON', render: ({ assessment }) => renderJson(assessment) },
  'audit-pack': {
    use: 'an archive for an external reviewer (7.2)',
    write: async ({ assessment, path, opts }) => {
      const pack = await writeAuditPack({ assessment, repoPath: path, ...(opts.output !== undefined ? { output: opts.output } : {}) });
      return `readiness: audit pack written to ${pack.file} (${pack.entries} files, ${pack.bytes} bytes)`;
    },
  },
} satisfies Record<string, ReportFormat>;

export const DEFAULT_REPORT_FORMAT = 'md';

// ---------------------------------------------------------------------------------------------
// What the HTML report shows besides the assessment: the roadmap to the repository's targets,
// its executive summary, and the trend from the history store.

/**
 * The stored series of the repository up to the assessment, the assessment last: a report of a
 * fresh run that was not saved still ends at what it shows. None when the store holds nothing of
 * the repository, or is a SQLite file that does not exist (a report never creates a store).
 */
async function storedSeries(ctx: ReportContext, rubric: LoadedRubric): Promise<SeriesPoint[]> {
  const target = storeTarget(ctx.path, ctx.opts.store, ctx.io.env);
  if (!isPostgresUrl(target) && !existsSync(target)) return [];
  const store = await openStoreOrFail(target);
  let stored: SeriesPoint[];
  try {
    stored = await loadSeries(store, repositoryKey(ctx.assessment), rubric);
  } finally {
    await store.close();
  }
  const a = ctx.assessment;
  const upTo = stored.filter((p) => p.assessedAt <= a.assessedAt);
  if (upTo.length === 0) return [];
  const isStored = upTo.some((p) => p.assessedAt === a.assessedAt && p.commit === a.subject.commit);
  return isStored ? upTo : [...upTo, ...seriesFromAssessments([{ assessment: a, evidence: ctx.evidence }], rubric)];
}

async function storedTrend(ctx: ReportContext, rubric: LoadedRubric): Promise<Trend | undefined> {
  const points = await storedSeries(ctx, rubric);
  if (points.length === 0) return undefined;
  return buildTrend(points, rubric, { repository: repositoryKey(ctx.assessment), now: new Date() });
}

/** The HTML report with its roadmap (targets from the repository's config), summary and trend. */
async function htmlReport(ctx: ReportContext): Promise<string> {
  const rubric = ctx.rubric ?? loadRubric();
  const { config } = await loadConfig(ctx.path, ctx.opts.config);
  const roadmap = buildRoadmap(ctx.assessment, rubric, targetSpecs(config, ctx.assessment.typicalLevel));
  const trend = await storedTrend(ctx, rubric);
  const extras: HtmlExtras = { roadmap, summary: executiveSummary(roadmap), levels: rubric.levels, ...(trend ? { trend } : {}) };
  // Loaded on demand: the charting library is heavy, and no other format needs it.
  const { renderHtml } = await import('../../report/html/page.ts');
  return renderHtml(ctx.assessment, extras);
}

/** --json is --format json; given with another format it is a contradiction, not a preference. */
function formatOf(opts: ReportCliOptions, explicit: boolean): keyof typeof REPORT_FORMATS {
  if (opts.json && explicit && opts.format !== 'json') throw new UserError('usage', `--json contradicts --format ${opts.format} (give one of them)`);
  return (opts.json ? 'json' : opts.format) as keyof typeof REPORT_FORMATS;
}

function bytesNeedOutput(output: string | undefined, format: string): asserts output is string {
  if (output === undefined) throw new UserError('usage', `--format ${format} is binary: give --output FILE`);
}

async function writeBytes(io: CliIo, bytes: Uint8Array, output: string | undefined, format: string): Promise<void> {
  bytesNeedOutput(output, format);
  try {
    await writeFile(output, bytes);
  } catch (e) {
    throw new UserError('output-unwritable', MESSAGES.outputUnwritable(output, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
  io.stderr.write(`readiness: report written to ${output}\n`);
}

export function registerReport(program: Command, io: CliIo): void {
  const cmd = program
    .command('report')
    .description('write the assessment as a report: HTML or PDF with charts (the board), Markdown (pull requests, wikis), SARIF (code scanning), JSON, or an audit pack for an external reviewer')
    .argument('[path]', 'folder of the repository (assessed, or holding the default store for --from ID)', '.')
    .addOption(
      new Option('-f, --format <format>', `report format: ${Object.entries(REPORT_FORMATS).map(([k, f]) => `${k} (${f.use})`).join(', ')}`)
        .choices(Object.keys(REPORT_FORMATS))
        .default(DEFAULT_REPORT_FORMAT),
    )
    .option('--from <ref>', 'report a stored assessment (an id from `readiness history --json`) or a file of `readiness assess --json` instead of assessing')
    .addOption(new Option('--paper <size>', 'paper size of the pdf format').choices(PAPER_SIZES).default('A4'));
  addAssessOptions(cmd).action(async (path: string, opts: ReportCliOptions) => {
    const format = formatOf(opts, cmd.getOptionValueSource('format') === 'cli');
    const chosen: ReportFormat = REPORT_FORMATS[format];
    chosen.check?.(opts, io);
    const source = await assessmentFrom(path, opts, io, 'reports');
    const ctx = { ...source, path, opts, io };
    if ('write' in chosen) io.stderr.write(`${await chosen.write(ctx)}\n`);
    else {
      const out = await chosen.render(ctx);
      if (typeof out === 'string') await writeReport(io, out, opts.output);
      else await writeBytes(io, out, opts.output, format);
    }
    writeWarnings(io, warningMessages(source.assessment));
  });
}
