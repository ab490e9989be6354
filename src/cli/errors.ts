// How failures reach the user: one line on stderr and a stable exit code, never a stack trace
// unless --debug asks for it. 2: usage, config or input error; 3: internal error.
import { CommanderError } from 'commander';
import { UserError } from '../errors/index.ts';
import { RubricError } from '../rubric/load.ts';

export const EXIT = { ok: 0, user: 2, internal: 3 } as const;

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

export interface Failure {
  exitCode: number;
  /** Lines for stderr, without newlines. */
  lines: string[];
}

export function describeFailure(e: unknown, debug: boolean): Failure {
  if (e instanceof UserError) return { exitCode: EXIT.user, lines: [`readiness: ${oneLine(e.message)}`] };
  if (e instanceof RubricError) return { exitCode: EXIT.user, lines: [`readiness: ${oneLine(e.message)}`] };
  if (e instanceof CommanderError) {
    return { exitCode: EXIT.user, lines: [`readiness: ${oneLine(e.message.replace(/^error:\s*/, ''))}`] };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  const message = oneLine(err.message) || err.name;
  if (debug) {
    return { exitCode: EXIT.internal, lines: [`readiness: internal error: ${message}`, ...(err.stack ?? '').split('\n')] };
  }
  return { exitCode: EXIT.internal, lines: [`readiness: internal error: ${message} (re-run with --debug for the stack)`] };
}
