// `readiness verify ASSESSMENT.json [path]`: re-checks a saved assessment against the repository.
// One `FAIL <kind> <where>: <message>` line per failure, then a summary; exit 1 when any fails.
import type { Command } from 'commander';
import { verifyAssessment, type VerifyReport } from '../../attest/verify.ts';
import { renderJson } from '../../report/index.ts';
import type { CliIo } from '../io.ts';
import { writeReport, writeWarnings } from '../output.ts';
import { addReportOptions, type ReportOptions } from './shared.ts';
import { readAssessment } from './source.ts';
import { plural } from '../../util/text.ts';

/** Exit code of a verification where something no longer holds (2 stays bad input, 3 internal). */
export const VERIFY_FAILED_EXIT = 1;
/** The commander error code run() turns into the command's own exit code. */
export const CHECKS_FAILED_CODE = 'readiness.checks-failed';

export function renderVerify(report: VerifyReport): string {
  const lines = report.failures.map((f) => `FAIL ${f.kind} ${f.where}: ${f.message}`);
  const c = report.checks;
  const at = report.commit ? ` at ${report.commit.slice(0, 8)}` : '';
  const n = report.failures.length;
  lines.push(
    `verified ${plural(c.evidence, 'evidence item')}, ${plural(c.attestations, 'attestation')}, ${plural(c.waivers, 'waiver')}, ${plural(c.reviews, 'review')}${at}: ${n === 0 ? 'all hold' : plural(n, 'failure')}`,
  );
  return `${lines.join('\n')}\n`;
}

export function registerVerify(program: Command, io: CliIo): void {
  const cmd = program
    .command('verify')
    .description('re-check a saved assessment against the repository: evidence at the recorded commit, levels, digest, attestations, waivers, reviews')
    .argument('<assessment>', 'the JSON written by readiness assess --json')
    .argument('[path]', 'folder of the repository that was assessed', '.');
  addReportOptions(cmd).action(async (file: string, path: string, opts: ReportOptions) => {
    const assessment = await readAssessment(file);
    const report = await verifyAssessment(assessment, path);
    await writeReport(io, opts.json ? renderJson(report) : renderVerify(report), opts.output);
    writeWarnings(io, report.warnings);
    if (report.failures.length > 0) {
      cmd.error(`verify: ${plural(report.failures.length, 'check')} failed`, { exitCode: VERIFY_FAILED_EXIT, code: CHECKS_FAILED_CODE });
    }
  });
}
