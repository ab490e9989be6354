// Small pure helpers over text: comment blanking that keeps line numbers, line lookup, excerpts.
import type { Language } from '../core/types.ts';
import { maskSecrets } from '../core/secrets.ts';

type CommentStyle = { line: readonly string[]; block: boolean; strings: string };

const C_LIKE: CommentStyle = { line: ['//'], block: true, strings: `'"\`` };
const STYLES: Partial<Record<Language, CommentStyle>> = {
  javascript: C_LIKE,
  typescript: C_LIKE,
  go: C_LIKE,
  java: C_LIKE,
  kotlin: C_LIKE,
  csharp: { line: ['//'], block: true, strings: `'"` },
  php: { line: ['//', '#'], block: true, strings: `'"` },
  hcl: { line: ['//', '#'], block: true, strings: `"` },
  python: { line: ['#'], block: false, strings: `'"` },
  ruby: { line: ['#'], block: false, strings: `'"` },
  shell: { line: ['#'], block: false, strings: `'"` },
  dockerfile: { line: ['#'], block: false, strings: '' },
  yaml: { line: ['#'], block: false, strings: `'"` },
  toml: { line: ['#'], block: false, strings: `'"` },
  sql: { line: ['--'], block: true, strings: `'` },
};

/**
 * Replace comments with spaces, keeping every newline and every string literal, so matches in
 * the result have the same offsets and lines as in the original. Commented-out code never counts.
 * With `blankStrings`, string contents are blanked too (for patterns about calls, not values).
 */
export function blankComments(text: string, language: Language, blankStrings = false): string {
  const style = STYLES[language];
  if (!style) return text;
  const n = text.length;
  // Jump from one character that can open a string or a comment to the next, natively.
  const openers = new Set([...style.strings, ...(style.block ? ['/'] : []), ...style.line.map((m) => m[0]!)]);
  const next = new RegExp(`[${[...openers].map((c) => `\\${c}`).join('')}]`, 'g');
  const out: string[] = [];
  let kept = 0;
  const blank = (from: number, to: number): void => {
    if (to <= from) return;
    out.push(text.slice(kept, from), text.slice(from, to).replace(/[^\r\n]/g, ' '));
    kept = to;
  };
  let i = 0;
  while (i < n) {
    next.lastIndex = i;
    const hit = next.exec(text);
    if (!hit) break;
    i = hit.index;
    const ch = text[i]!;
    if (style.strings.includes(ch)) {
      // Skip a string literal (escapes honoured; only template and triple quotes span lines).
      const triple = (ch === '"' || ch === "'") && text.startsWith(ch.repeat(3), i);
      const close = triple ? ch.repeat(3) : ch;
      let j = i + close.length;
      while (j < n) {
        const c = text[j]!;
        if (c === '\\') {
          j += 2;
          continue;
        }
        if (!triple && c === '\n' && ch !== '`') break;
        if (text.startsWith(close, j)) {
          j += close.length;
          break;
        }
        j++;
      }
      // Keep the quotes, blank what is between them (code quoted inside tests is not code).
      if (blankStrings) blank(i + close.length, Math.max(i + close.length, j - close.length));
      i = j;
      continue;
    }
    if (style.block && ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      blank(i, stop);
      i = stop;
      continue;
    }
    let isLine = false;
    for (const marker of style.line) {
      if (text.startsWith(marker, i)) {
        // `#` inside a word (e.g. C# or a URL fragment) is not a comment in hash languages.
        if (marker === '#' && i > 0 && /[\w$]/.test(text[i - 1]!) && language !== 'shell') break;
        // `//` preceded by `:` is a URL in a string-less context (e.g. YAML-free C-like code).
        if (marker === '//' && text[i - 1] === ':') break;
        isLine = true;
        break;
      }
    }
    if (isLine) {
      let end = text.indexOf('\n', i);
      if (end === -1) end = n;
      blank(i, end);
      i = end;
      continue;
    }
    i++;
  }
  if (kept === 0) return text;
  out.push(text.slice(kept));
  return out.join('');
}

/** Offsets where each line starts; line numbers are 1-based. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  let idx = text.indexOf('\n');
  while (idx !== -1) {
    starts.push(idx + 1);
    idx = text.indexOf('\n', idx + 1);
  }
  return starts;
}

export function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export const EXCERPT_MAX = 160;

/** One line, trimmed, shortened, secrets masked: safe to print anywhere. */
export function excerpt(line: string): string {
  const t = maskSecrets(line.trim());
  return t.length > EXCERPT_MAX ? `${t.slice(0, EXCERPT_MAX - 1)}…` : t;
}

export function lineText(text: string, starts: readonly number[], line: number): string {
  const from = starts[line - 1] ?? 0;
  const next = starts[line];
  const to = next === undefined ? text.length : next - 1;
  return text.slice(from, to).replace(/\r$/, '');
}

/** Count lines the way editors number them: a trailing newline does not start a new line. */
export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let count = 1;
  let idx = text.indexOf('\n');
  while (idx !== -1) {
    if (idx < text.length - 1) count++;
    idx = text.indexOf('\n', idx + 1);
  }
  return count;
}

/** "1 pillar", "3 pillars": a count with its noun. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
