import { describe, expect, it, vi } from 'vitest';
import type { EngineEvent } from '../events/index.ts';
import { UserError } from '../errors/index.ts';
import type { CliIo } from './io.ts';
import { reportWidth, useColor } from './output.ts';
import { createProgress } from './progress.ts';
import { run } from './run.ts';

vi.mock(import('../engine/assess.ts'), async (original) => {
  const mod = await original();
  return {
    ...mod,
    assess: vi.fn(async (path: string) => {
      if (path === 'user-error') throw new UserError('path-not-found', 'path not found: user-error (give the folder)');
      throw new TypeError('cannot read properties of undefined\n(reading "x")');
    }),
  };
});

function io(over: Partial<{ stdoutTTY: boolean; stderrTTY: boolean; env: Record<string, string> }> = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (s: string) => out.push(s), isTTY: over.stdoutTTY ?? false, columns: 120 },
    stderr: { write: (s: string) => err.push(s), isTTY: over.stderrTTY ?? false, columns: 60 },
    env: over.env ?? {},
  };
}

describe('run: failures', () => {
  it('an unexpected error is one line, exit 3, and names --debug', async () => {
    const t = io();
    expect(await run(['assess', 'somewhere', '--progress', 'none'], t)).toBe(3);
    expect(t.err.join('')).toBe('readiness: internal error: cannot read properties of undefined (reading "x") (re-run with --debug for the stack)\n');
    expect(t.out).toEqual([]);
  });

  it('--debug prints the stack of an unexpected error', async () => {
    const t = io();
    expect(await run(['assess', 'somewhere', '--debug'], t)).toBe(3);
    const text = t.err.join('');
    expect(text.split('\n')[0]).toBe('readiness: internal error: cannot read properties of undefined (reading "x")');
    expect(text).toMatch(/^\s+at /m);
  });

  it('a user error is one line and exit 2', async () => {
    const t = io();
    expect(await run(['assess', 'user-error'], t)).toBe(2);
    expect(t.err.join('')).toBe('readiness: path not found: user-error (give the folder)\n');
  });

  it('usage errors are one line and exit 2, help and version exit 0', async () => {
    const t = io();
    expect(await run(['assess', '--jsn'], t)).toBe(2);
    expect(t.err.join('')).toBe("readiness: unknown option '--jsn' (Did you mean --json?)\n");
    const h = io();
    expect(await run(['help'], h)).toBe(0);
    expect(h.out.join('')).toContain('Examples:');
    const v = io();
    expect(await run(['-V'], v)).toBe(0);
    expect(v.out.join('')).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('output choices', () => {
  it('colours only on a terminal without NO_COLOR, never into a file', () => {
    expect(useColor(io({ stdoutTTY: true }), false)).toBe(true);
    expect(useColor(io({ stdoutTTY: false }), false)).toBe(false);
    expect(useColor(io({ stdoutTTY: true, env: { NO_COLOR: '1' } }), false)).toBe(false);
    expect(useColor(io({ stdoutTTY: true, env: { TERM: 'dumb' } }), false)).toBe(false);
    expect(useColor(io({ stdoutTTY: true }), true)).toBe(false);
  });

  it('uses the terminal width on a terminal and 100 columns elsewhere', () => {
    expect(reportWidth(io({ stdoutTTY: true }), false)).toBe(120);
    expect(reportWidth(io({ stdoutTTY: false }), false)).toBe(100);
    expect(reportWidth(io({ stdoutTTY: true }), true)).toBe(100);
  });
});

describe('progress', () => {
  const events: EngineEvent[] = [
    { type: 'scan:start', path: '.' },
    { type: 'scan:progress', phase: 'read', done: 1, total: 2 },
    { type: 'scan:done', files: 2, bytes: 10, ms: 3 },
    { type: 'assess:done', ms: 4 },
  ];

  it('ndjson writes one JSON event per line on stderr', () => {
    const t = io();
    const p = createProgress('ndjson', t);
    for (const e of events) p.onEvent(e);
    p.stop();
    expect(t.err.join('').trimEnd().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual(events);
    expect(t.out).toEqual([]);
  });

  it('auto draws one updating line on a terminal and clears it, and is silent elsewhere', () => {
    let now = 0;
    const t = io({ stderrTTY: true });
    const p = createProgress('auto', t, () => (now += 1000));
    for (const e of events) p.onEvent(e);
    p.stop();
    const text = t.err.join('');
    expect(text).toContain('\r\u001b[2Kreadiness: reading files 1/2');
    expect(text.endsWith('\r\u001b[2K')).toBe(true);
    expect(text).not.toContain('\n');
    const quiet = io({ stderrTTY: false });
    const q = createProgress('auto', quiet);
    for (const e of events) q.onEvent(e);
    q.stop();
    expect(quiet.err).toEqual([]);
  });
});
