// Layout helpers for the text reporters: display width (wide and combining characters), padding,
// word wrapping and truncation that never split a character, and ANSI styles that vanish
// entirely when colour is off, so uncoloured output is byte-for-byte plain text.

/** What every text reporter takes besides its data. */
export interface TextOptions {
  /** Emit ANSI colours (the CLI decides: TTY and NO_COLOR unset). */
  color: boolean;
  /** Columns available; lines are wrapped or truncated to fit. */
  width: number;
}

/** Below this width layouts stop adapting and lines may exceed the width. */
export const MIN_WIDTH = 40;

const ANSI = /\u001b\[[0-9;]*m/g;
const COMBINING = /[\p{M}\u200b-\u200f\ufe00-\ufe0f]/u;

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

function charWidth(ch: string): number {
  if (COMBINING.test(ch)) return 0;
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  return isWide(cp) ? 2 : 1;
}

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

/** Columns a string occupies in a terminal (ANSI codes excluded). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of stripAnsi(s)) w += charWidth(ch);
  return w;
}

export function padEnd(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

export function padStart(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : ' '.repeat(width - w) + s;
}

/** Cut plain text to at most `width` columns, ending with `…` when something was cut. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  if (width <= 0) return '';
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/** Split a word longer than the width into pieces that fit. */
function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let cur = '';
  let w = 0;
  for (const ch of word) {
    const cw = charWidth(ch);
    if (w + cw > width && cur) {
      pieces.push(cur);
      cur = '';
      w = 0;
    }
    cur += ch;
    w += cw;
  }
  if (cur) pieces.push(cur);
  return pieces;
}

/**
 * Word-wrap plain text: the first line starts with `first`, the following ones with `rest`
 * (usually spaces of the same width). Every line fits in `width` unless a prefix alone does not.
 */
export function wrap(text: string, width: number, first = '', rest = ' '.repeat(displayWidth(first))): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    const words = para.split(/\s+/).filter((w) => w.length > 0);
    let line = '';
    let lineW = 0;
    const prefix = (): string => (lines.length === 0 ? first : rest);
    let room = Math.max(1, width - displayWidth(prefix()));
    const flush = (): void => {
      lines.push(prefix() + line);
      line = '';
      lineW = 0;
      room = Math.max(1, width - displayWidth(rest));
    };
    for (const word of words) {
      const ww = displayWidth(word);
      if (line && lineW + 1 + ww <= room) {
        line += ` ${word}`;
        lineW += 1 + ww;
        continue;
      }
      if (line) flush();
      if (ww <= room) {
        line = word;
        lineW = ww;
        continue;
      }
      const pieces = breakWord(word, room);
      for (const [i, piece] of pieces.entries()) {
        line = piece;
        lineW = displayWidth(piece);
        if (i < pieces.length - 1) flush();
      }
    }
    lines.push(prefix() + line);
  }
  return lines.map((l) => l.replace(/\s+$/, ''));
}

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  magenta(s: string): string;
}

function sgr(open: number, close: number): (s: string) => string {
  return (s) => (s ? `\u001b[${open}m${s}\u001b[${close}m` : s);
}

const PLAIN: Style = {
  bold: (s) => s,
  dim: (s) => s,
  red: (s) => s,
  green: (s) => s,
  yellow: (s) => s,
  cyan: (s) => s,
  magenta: (s) => s,
};

const COLORED: Style = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  cyan: sgr(36, 39),
  magenta: sgr(35, 39),
};

export function styles(color: boolean): Style {
  return color ? COLORED : PLAIN;
}

/** Spaces at the end of a line, also when closing ANSI codes follow them. */
const TRAILING_SPACE = /[ \t]+((?:\u001b\[[0-9;]*m)*)$/;

/** Join lines into a report: one trailing newline, no trailing spaces. */
export function joinLines(lines: readonly string[]): string {
  return `${lines.map((l) => l.replace(TRAILING_SPACE, '$1')).join('\n')}\n`;
}

/** A signed integer as text: `+2`, `0`, `-1`. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
