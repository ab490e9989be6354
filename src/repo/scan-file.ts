// Processing of one file in the single content pass. Pure apart from the one read; runs in
// worker threads, so everything it takes and returns is structured-clone data.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileComplexity, Language } from '../core/types.ts';
import { measureComplexity } from '../ecosystems/complexity.ts';
import { extractImports, extractScriptImports } from '../ecosystems/imports.ts';
import { LiteralIndex } from '../util/literals.ts';
import { blankComments, countLines, excerpt, lineAt, lineStarts, lineText } from '../util/text.ts';

export interface CompiledPattern {
  key: string;
  source: string;
  flags: string;
  literals: readonly string[];
  code: boolean | 'strict';
  maxPerFile: number;
}

export interface FileTask {
  path: string;
  language: Language;
  size: number;
  /** Indexes into the plan's patterns that apply to this file. */
  patterns: number[];
  keepText: boolean;
  hash: boolean;
  imports: boolean;
  /** Production source in a language the complexity counter knows: count complexity; JS/TS imports are parsed with oxc. */
  source: boolean;
}

/** [pattern index, line, matched text, groups, excerpt] */
export type RawMatch = [number, number, string, (string | undefined)[], string];

export interface FileOutcome {
  path: string;
  lines?: number;
  binary?: boolean;
  blob?: string;
  text?: string;
  matches: RawMatch[];
  imports: [specifier: string, line: number, excerpt: string, typeOnly?: true][];
  complexity?: FileComplexity;
  nonUtf8?: boolean;
  skipped?: 'too-large' | 'unreadable';
}

/** Files above this are counted for lines but not searched: nothing hand-written is this big. */
export const MAX_SEARCH_BYTES = 8 * 1024 * 1024;
/** Files above this are not read at all. */
export const MAX_READ_BYTES = 256 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: false });
const strict = new TextDecoder('utf-8', { fatal: true });

function countNewlines(buf: Buffer): number {
  let n = 0;
  let i = buf.indexOf(10);
  while (i !== -1) {
    n++;
    i = buf.indexOf(10, i + 1);
  }
  return buf.length > 0 && buf[buf.length - 1] !== 10 ? n + 1 : n;
}

export interface CompiledPlan {
  regexes: RegExp[];
  /** Every distinct literal of the plan, searched once per file. */
  literals: LiteralIndex;
  /** Per pattern, the indexes of its literals in `literals` (empty: no prefilter). */
  literalIds: number[][];
}

export function compilePatterns(plan: readonly CompiledPattern[]): CompiledPlan {
  const unique = [...new Set(plan.flatMap((p) => p.literals))];
  const id = new Map(unique.map((l, i) => [l, i] as const));
  return {
    regexes: plan.map((p) => new RegExp(p.source, p.flags.includes('g') ? p.flags : `${p.flags}g`)),
    literals: new LiteralIndex(unique),
    literalIds: plan.map((p) => p.literals.map((l) => id.get(l)!)),
  };
}

export async function scanFile(
  root: string,
  task: FileTask,
  plan: readonly CompiledPattern[],
  compiled: CompiledPlan,
): Promise<FileOutcome> {
  const out: FileOutcome = { path: task.path, matches: [], imports: [] };
  if (task.size > MAX_READ_BYTES) {
    out.skipped = 'too-large';
    return out;
  }
  let buf: Buffer;
  try {
    buf = await readFile(join(root, task.path));
  } catch {
    out.skipped = 'unreadable';
    return out;
  }
  if (task.hash) {
    out.blob = createHash('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex');
  }
  const head = buf.subarray(0, 8000);
  if (head.includes(0)) {
    out.binary = true;
    return out;
  }
  if (buf.length > MAX_SEARCH_BYTES) {
    out.lines = countNewlines(buf);
    out.skipped = 'too-large';
    return out;
  }
  let text: string;
  try {
    text = strict.decode(buf);
  } catch {
    text = decoder.decode(buf);
    out.nonUtf8 = true;
  }
  out.lines = countLines(text);
  if (task.keepText) out.text = text;
  if (task.patterns.length === 0 && !task.imports && !task.source) return out;

  let code: string | undefined;
  let strictCode: string | undefined;
  const codeText = (): string => (code ??= blankComments(text, task.language));
  const strictText = (): string => (strictCode ??= blankComments(text, task.language, true));
  let starts: number[] | undefined;
  const lineOf = (offset: number): number => lineAt((starts ??= lineStarts(text)), offset);
  const lineExcerpt = (line: number): string => excerpt(lineText(text, (starts ??= lineStarts(text)), line));

  // Which literals the file contains, found in one pass for all patterns.
  const present = task.patterns.some((i) => compiled.literalIds[i]!.length > 0) ? compiled.literals.find(text) : undefined;
  for (const idx of task.patterns) {
    const p = plan[idx]!;
    const ids = compiled.literalIds[idx]!;
    if (ids.length > 0 && !ids.some((i) => present!.has(i))) continue;
    const re = compiled.regexes[idx]!;
    const hay = p.code === 'strict' ? strictText() : p.code ? codeText() : text;
    re.lastIndex = 0;
    let count = 0;
    for (const m of hay.matchAll(re)) {
      // A match that starts with white space (`^\s*` under the m flag can swallow blank lines)
      // belongs to the line of its first visible character.
      const lead = m[0].length - m[0].trimStart().length;
      const line = lineOf(m.index + (lead < m[0].length ? lead : 0));
      // Report the original text of the match, not the blanked copy.
      const original = text.slice(m.index, m.index + m[0].length);
      out.matches.push([idx, line, original, m.slice(1), lineExcerpt(line)]);
      if (++count >= p.maxPerFile) break;
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  if (task.imports) {
    // Production JS/TS is parsed (type-only imports marked); tests and parse failures use regexes.
    const script = task.source && (task.language === 'javascript' || task.language === 'typescript');
    const found = (script ? extractScriptImports(task.path, text, codeText()) : undefined) ?? extractImports(task.language, codeText());
    for (const imp of found) {
      const line = lineOf(imp.offset);
      out.imports.push(imp.typeOnly ? [imp.specifier, line, lineExcerpt(line), true] : [imp.specifier, line, lineExcerpt(line)]);
    }
  }
  if (task.source) {
    const complexity = measureComplexity(task.language, codeText());
    if (complexity) out.complexity = complexity;
  }
  return out;
}
