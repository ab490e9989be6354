// The command line: builds the commander program and turns every outcome into an exit code.
// Only src/cli prints; reports go to stdout (or --output), everything else to stderr.
import { Command, CommanderError } from 'commander';
import { TOOL } from '../engine/assess.ts';
import { registerAssess } from './commands/assess.ts';
import { registerAttest } from './commands/attest.ts';
import { registerCheck } from './commands/check.ts';
import { registerDiff } from './commands/diff.ts';
import { registerHistory } from './commands/history.ts';
import { registerExplain } from './commands/explain.ts';
import { registerRoadmap } from './commands/roadmap.ts';
import { registerReport } from './commands/report.ts';
import { registerRubric } from './commands/rubric.ts';
import { registerServe } from './commands/serve.ts';
import { registerTrend } from './commands/trend.ts';
import { CHECKS_FAILED_CODE, registerVerify } from './commands/verify.ts';
import { describeFailure, EXIT } from './errors.ts';
import type { CliIo } from './io.ts';

const EXAMPLES = `
Examples:
  $ readiness assess                            rate the repository in the current folder
  $ readiness assess ../platform --json > assessment.json
  $ readiness assess --config targets.yaml --output report.txt
  $ readiness explain security                  every security criterion, its evidence and what is missing
  $ readiness explain testing ../platform --json
  $ readiness rubric                            what is measured, per pillar and level
  $ readiness report --format html -o r.html    a self-contained report with charts, for people and print (pdf too)
  $ readiness report --format sarif -o r.sarif  anti-patterns at file:line for code scanning; md for PRs
  $ readiness roadmap                           the work from each level to its target, by quarter, with a summary
  $ readiness trend                             levels over the stored assessments: confirmed, observed, why they moved
  $ readiness check --no-cache                  CI gate: fail below a confirmed level or a floor (exit 1)
  $ readiness diff 3 7 --rerate                 compare two stored assessments under the current rubric
  $ readiness serve --port 8080                 a read-only dashboard over the stored assessments at 127.0.0.1:8080

Progress and warnings go to stderr; reports to stdout or --output FILE.
Exit codes: 0 done, 1 verify or check failed, 2 usage, input or config error, 3 internal error (re-run with --debug).
`;

export function buildProgram(io: CliIo): Command {
  const program = new Command('readiness');
  program
    .description("Rates a software platform's engineering maturity on 14 pillars (CMMI levels 1-5), with evidence for every level.")
    .version(TOOL.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--debug', 'print the stack trace of internal errors')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      // Errors are printed once, by run(), as one line.
      outputError: () => undefined,
    })
    .showSuggestionAfterError(true)
    .addHelpText('after', EXAMPLES);
  registerAssess(program, io);
  registerExplain(program, io);
  registerRubric(program, io);
  registerVerify(program, io);
  registerAttest(program, io);
  registerHistory(program, io);
  registerDiff(program, io);
  registerReport(program, io);
  registerRoadmap(program, io);
  registerTrend(program, io);
  registerCheck(program, io);
  registerServe(program, io);
  return program;
}

/** Run the CLI with arguments (without node and script) and return the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    await buildProgram(io).parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.ok;
      if (e.code === CHECKS_FAILED_CODE) return e.exitCode; // the command printed what failed
      // `readiness help` prints the help (exit 0); `readiness` alone prints it on stderr (usage error).
      if (e.code === 'commander.help') return e.exitCode === 0 ? EXIT.ok : EXIT.user;
    }
    const failure = describeFailure(e, debug);
    for (const line of failure.lines) io.stderr.write(`${line}\n`);
    return failure.exitCode;
  }
}
