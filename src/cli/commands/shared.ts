// What `assess` and `explain` share: their options and running one assessment with progress.
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import type { Assessment } from '../../core/assessment.ts';
import { assess } from '../../engine/assess.ts';
import type { EvidenceRecord } from '../../engine/judge.ts';
import { loadRubric } from '../../rubric/load.ts';
import type { LoadedRubric } from '../../rubric/schema.ts';
import { UserError } from '../../errors/index.ts';
import type { CliIo } from '../io.ts';
import { createProgress, PROGRESS_MODES, type ProgressMode } from '../progress.ts';

export interface ReportOptions {
  json?: boolean;
  output?: string;
}

export interface ScanCliOptions {
  config?: string;
  progress: ProgressMode;
  /** A folder, or false for --no-cache. */
  cache?: string | false;
  asOf?: string;
}

export interface AssessCliOptions extends ReportOptions, ScanCliOptions {
  save?: boolean;
  store?: string;
}

/** The cache folder: --cache DIR, else READINESS_CACHE_DIR, else the XDG cache home; none with --no-cache. */
export function cacheDirOf(opts: Pick<AssessCliOptions, 'cache'>, env: CliIo['env']): string | undefined {
  if (opts.cache === false) return undefined;
  if (typeof opts.cache === 'string') return opts.cache;
  if (env.READINESS_CACHE_DIR) return env.READINESS_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || (env.HOME ? join(env.HOME, '.cache') : undefined);
  return base ? join(base, 'readiness') : undefined;
}

export function addReportOptions(cmd: Command): Command {
  return cmd
    .option('--json', 'print JSON instead of text')
    .option('-o, --output <file>', 'write the report to FILE instead of stdout');
}

/** What decides how the repository is read: config, history cache, the date it is judged on, progress. */
export function addScanOptions(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', 'use this config file instead of discovering one in the repository')
    .option('--cache <dir>', 'keep the per-commit git history cache in DIR (default: $READINESS_CACHE_DIR or ~/.cache/readiness)')
    .option('--no-cache', 'read the whole git history every run; write no cache')
    .option('--as-of <date>', 'judge attestations, waivers and reviews as of this date (YYYY-MM-DD or ISO time; default: now), e.g. to reproduce a past rating')
    .addOption(
      new Option('--progress <mode>', 'progress on stderr: a live line on a terminal (auto), one JSON event per line (ndjson), or none')
        .choices(PROGRESS_MODES)
        .default('auto'),
    );
}

export function addAssessOptions(cmd: Command): Command {
  return addScanOptions(addReportOptions(cmd))
    .option('--save', 'store the assessment in the history store (see --store)')
    .option('--store <target>', 'history store: a SQLite file or a postgres:// URL (default: .readiness/history.sqlite; env READINESS_STORE)');
}

/** The --as-of date as a time, or undefined for now; anything else is a usage error. */
export function asOf(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) throw new UserError('usage', `--as-of ${value}: not a date (give YYYY-MM-DD or an ISO time)`);
  return d;
}

export interface AssessedRepo {
  assessment: Assessment;
  evidence: EvidenceRecord;
  rubric: LoadedRubric;
}

export async function runAssessment(path: string, opts: ScanCliOptions, io: CliIo): Promise<AssessedRepo> {
  const now = asOf(opts.asOf);
  const rubric = loadRubric();
  const progress = createProgress(opts.progress, io);
  try {
    // Paths stay as the user typed them, so messages name them that way.
    const run = await assess(path, {
      rubric,
      ...(opts.config !== undefined ? { configFile: opts.config } : {}),
      cacheDir: cacheDirOf(opts, io.env),
      ...(now ? { now } : {}),
      onEvent: progress.onEvent,
    });
    return { assessment: run.assessment, evidence: run.evidence, rubric };
  } finally {
    progress.stop();
  }
}

/** The assessment's warnings and failed detectors, as `warning:` lines for stderr. */
export function warningMessages(a: Assessment): string[] {
  const out = a.warnings.map((w) => w.message);
  for (const d of a.detectors) if (d.outcome === 'error') out.push(`incomplete assessment: ${d.summary}`);
  // Evidence from people that does not count, and why: never silent.
  for (const r of a.human.refused) out.push(`refused ${r.message}`);
  for (const x of a.human.attestations) if (['expired', 'reopened', 'contradicted'].includes(x.state)) out.push(`attestation ${x.file} (${x.criterion}) ${x.state}: ${x.note}`);
  for (const w of a.human.waivers) if (w.state === 'expired' || w.state === 'partial') out.push(`waiver ${w.file} (${w.criterion}) ${w.state}: ${w.note}`);
  for (const r of a.human.reviews) if (r.state === 'superseded') out.push(`review ${r.file} by ${r.reviewer} signed a different result (${r.signs.slice(0, 12)}); it no longer counts`);
  return out;
}
