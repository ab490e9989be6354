#!/usr/bin/env node
// Entry point of the `readiness` binary.
import { describeFailure } from './errors.ts';
import { processIo } from './io.ts';
import { run } from './run.ts';

const debug = process.argv.includes('--debug');

// Whatever escapes run() still ends as one line and exit code 3, never a raw stack trace.
function crash(e: unknown): void {
  for (const line of describeFailure(e, debug).lines) process.stderr.write(`${line}\n`);
  process.exit(3);
}
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);
// A closed pipe (`readiness assess | head`) is not an error of ours.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  crash(e);
});

process.exitCode = await run(process.argv.slice(2), processIo());
