// `readiness check [path]`: the CI gate. Fails (exit 1) when a pillar falls below the level
// confirmed in the stored history (7.4) or below its floor in the config; one line per failure on
// stdout, notes and warnings on stderr. A drop below a level never confirmed only warns.
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { gate, historyBefore } from '../../analysis/check.ts';
import { cadence } from '../../analysis/cadence.ts';
import { confirmLevels } from '../../analysis/confirm.ts';
import { loadSeries, type SeriesPoint } from '../../analysis/series.ts';
import type { Assessment } from '../../core/assessment.ts';
import { loadConfig } from '../../config/load.ts';
import { isPostgresUrl } from '../../history/db.ts';
import { repositoryKey } from '../../history/store.ts';
import { loadRubric } from '../../rubric/load.ts';
import type { CliIo } from '../io.ts';
import { writeReport, writeWarnings } from '../output.ts';
import { openStoreOrFail, storeTarget } from './history.ts';
import { addScanOptions, runAssessment, warningMessages, type ScanCliOptions } from './shared.ts';
import { readAssessment } from './source.ts';
import { CHECKS_FAILED_CODE } from './verify.ts';
import { plural } from '../../util/text.ts';

/** Exit code of a gate that fails (2 stays bad input, 3 internal), as verify's. */
export const CHECK_FAILED_EXIT = 1;

interface CheckCliOptions extends ScanCliOptions {
  store?: string;
  assessment?: string;
  json?: boolean;
  output?: string;
}

/** The floors' source as a user wrote it: relative to the repository when it lies inside. */
function sourceOf(root: string, file: string | null): string {
  if (file === null) return 'no config file';
  const rel = relative(root, resolve(file));
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/** The stored series, or none when the default SQLite store was never created (check never creates one). */
async function storedSeries(target: string, key: string, rubric: ReturnType<typeof loadRubric>): Promise<{ points: SeriesPoint[]; location: string }> {
  if (!isPostgresUrl(target) && !existsSync(target)) return { points: [], location: target };
  const store = await openStoreOrFail(target);
  try {
    return { points: await loadSeries(store, key, rubric), location: store.location };
  } finally {
    await store.close();
  }
}

export function registerCheck(program: Command, io: CliIo): void {
  const cmd = program
    .command('check')
    .description('CI gate: fail when a pillar is below its level confirmed in history or below its floor in the config')
    .argument('[path]', 'folder of the repository', '.')
    .option('--store <target>', 'history store: a SQLite file or a postgres:// URL (default: .readiness/history.sqlite; env READINESS_STORE)')
    .option('--assessment <file>', 'check this assessment (written by readiness assess --json) instead of assessing the repository now')
    .option('--json', 'print JSON instead of text')
    .option('-o, --output <file>', 'write the report to FILE instead of stdout');
  addScanOptions(cmd).action(async (path: string, opts: CheckCliOptions) => {
    const root = resolve(path);
    const rubric = loadRubric();
    const { file: configFile, config } = await loadConfig(root, opts.config);
    let current: Assessment;
    const warnings: string[] = [];
    if (opts.assessment !== undefined) {
      current = await readAssessment(opts.assessment);
      if (current.rubric.hash !== rubric.hash) {
        warnings.push(`${opts.assessment} was rated under rubric ${current.rubric.version}/${current.rubric.hash.slice(0, 8)}, not the current ${rubric.version}/${rubric.hash.slice(0, 8)}: its levels are checked as recorded`);
      }
    } else {
      current = (await runAssessment(path, opts, io)).assessment;
    }
    warnings.push(...warningMessages(current));

    const stored = await storedSeries(storeTarget(path, opts.store, io.env), repositoryKey(current), rubric);
    const history = historyBefore(stored.points, current);
    const notes: string[] = [];
    const left = stored.points.filter((p) => !p.comparable && p.assessedAt < current.assessedAt);
    if (left.length > 0) notes.push(`${plural(left.length, 'stored assessment')} recorded under another rubric without stored evidence left out: they cannot be compared`);
    const confirmations = confirmLevels(history, rubric.programme);
    if (history.length === 0) {
      notes.push(`no stored assessment of ${repositoryKey(current)} before this one in ${stored.location}: only floors were checked (store ratings with \`readiness assess --save\`)`);
    } else {
      // Any stored rating counts for the cadence, a copy of the current commit too: it was made.
      const latest = stored.points.filter((p) => p.assessedAt < current.assessedAt).at(-1)!;
      const due = cadence({ assessedAt: latest.assessedAt, confirmed: Object.fromEntries(confirmations.map((c) => [c.pillar, c.confirmed])) }, rubric.programme, current.assessedAt);
      if (due.stale) warnings.push(`the history is stale: the last stored assessment is of ${latest.assessedAt.slice(0, 10)} and the next was due ${due.due} (${due.overdueDays} day(s) ago, ${due.interval}); store one with \`readiness assess --save\``);
    }

    const result = gate(current, confirmations, { levels: config.floors ?? {}, source: sourceOf(root, configFile) });
    notes.push(...result.notes);
    warnings.push(...result.warnings);
    const ok = result.failures.length === 0;
    const report = opts.json
      ? `${JSON.stringify({ ok, failures: result.failures, notes, warnings, history: { compared: history.length } }, null, 2)}\n`
      : result.failures.map((f) => `${f.pillar}: ${f.detail}\n`).join('');
    if (report !== '' || opts.output !== undefined) await writeReport(io, report, opts.output);
    for (const n of notes) io.stderr.write(`note: ${n}\n`);
    writeWarnings(io, warnings);
    const applicable = current.pillars.filter((p) => p.level !== null).length;
    const na = current.pillars.length - applicable;
    if (ok) {
      io.stderr.write(`readiness check: ok (${plural(applicable, 'pillar')} at or above their confirmed levels and floors${na > 0 ? `, ${na} N/A` : ''}; ${plural(history.length, 'stored assessment')})\n`);
      return;
    }
    io.stderr.write(`readiness check: ${plural(result.failures.length, 'failure')} (levels confirmed over ${plural(history.length, 'stored assessment')}, floors from ${sourceOf(root, configFile)})\n`);
    cmd.error(`check: ${plural(result.failures.length, 'failure')}`, { exitCode: CHECK_FAILED_EXIT, code: CHECKS_FAILED_CODE });
  });
}
