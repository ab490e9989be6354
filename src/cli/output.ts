// Where a report goes (stdout or --output FILE) and how it looks there (colour, width).
import { writeFile } from 'node:fs/promises';
import { MESSAGES, UserError } from '../errors/index.ts';
import type { CliIo } from './io.ts';

/** Width of reports that do not go to a terminal: files, pipes, CI logs. */
export const DEFAULT_WIDTH = 100;

/** Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org) or TERM=dumb. */
export function useColor(io: CliIo, toFile: boolean): boolean {
  if (toFile || io.stdout.isTTY !== true) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.env.TERM !== 'dumb';
}

export function reportWidth(io: CliIo, toFile: boolean): number {
  if (toFile || io.stdout.isTTY !== true) return DEFAULT_WIDTH;
  return io.stdout.columns && io.stdout.columns > 0 ? io.stdout.columns : DEFAULT_WIDTH;
}

/** Write the report to stdout, or to FILE with a note on stderr so stdout stays empty. */
export async function writeReport(io: CliIo, text: string, output: string | undefined): Promise<void> {
  if (output === undefined) {
    io.stdout.write(text);
    return;
  }
  try {
    await writeFile(output, text, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new UserError('output-unwritable', MESSAGES.outputUnwritable(output, why));
  }
  io.stderr.write(`readiness: report written to ${output}\n`);
}

/** Warnings go to stderr after the report, one line each. */
export function writeWarnings(io: CliIo, messages: readonly string[]): void {
  for (const m of messages) io.stderr.write(`warning: ${m.replace(/\s*\n\s*/g, ' ')}\n`);
}
