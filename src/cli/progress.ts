// Progress listeners: the engine emits typed events, the CLI shows them on stderr only, never on
// the report stream. auto: one updating line on a terminal, nothing otherwise; ndjson: one JSON
// event per line (for tools that wrap the CLI); none: silence.
import type { EngineEvent, EventSink } from '../events/index.ts';
import type { CliIo } from './io.ts';

export const PROGRESS_MODES = ['auto', 'none', 'ndjson'] as const;
export type ProgressMode = (typeof PROGRESS_MODES)[number];

export interface Progress {
  onEvent: EventSink;
  /** Clear the progress line; call before anything else is written. Idempotent. */
  stop(): void;
}

const CLEAR = '\r\u001b[2K';
/** At most one redraw per interval, except when the phase changes. */
const REDRAW_MS = 80;

export function describeEvent(e: EngineEvent): string {
  switch (e.type) {
    case 'scan:start':
      return `scanning ${e.path}`;
    case 'scan:progress':
      if (e.phase === 'inventory') return 'listing files';
      if (e.phase === 'history') return 'reading git history';
      return `reading files ${e.done}/${e.total}`;
    case 'scan:done':
      return `running detectors (${e.files} files scanned)`;
    case 'detector:error':
      return `detector ${e.detector} failed`;
    case 'assess:done':
      return 'done';
  }
}

function lineProgress(io: CliIo, now: () => number): Progress {
  let shown = false;
  let last = 0;
  let lastPhase = '';
  const stop = (): void => {
    if (shown) io.stderr.write(CLEAR);
    shown = false;
  };
  return {
    onEvent(e) {
      if (e.type === 'assess:done') return stop();
      const phase = e.type === 'scan:progress' ? `${e.type}:${e.phase}` : e.type;
      const t = now();
      if (phase === lastPhase && t - last < REDRAW_MS) return;
      last = t;
      lastPhase = phase;
      const cols = io.stderr.columns && io.stderr.columns > 10 ? io.stderr.columns : 80;
      const text = `readiness: ${describeEvent(e)}`;
      io.stderr.write(CLEAR + (text.length >= cols ? `${text.slice(0, cols - 2)}…` : text));
      shown = true;
    },
    stop,
  };
}

export function createProgress(mode: ProgressMode, io: CliIo, now: () => number = Date.now): Progress {
  if (mode === 'ndjson') {
    return { onEvent: (e) => void io.stderr.write(`${JSON.stringify(e)}\n`), stop: () => undefined };
  }
  if (mode === 'auto' && io.stderr.isTTY === true) return lineProgress(io, now);
  return { onEvent: () => undefined, stop: () => undefined };
}
