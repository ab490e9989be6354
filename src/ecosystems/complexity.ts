// Cyclomatic complexity of one source file, counted lizard-style on code whose comments are
// blanked, skipping string literals: every decision point (if, loops, case/when,
// catch/except/rescue, && and ||, the ternary `?`, Python and Ruby `and`/`or`) adds 1, every
// function adds 1. `?.` and `??` are not decisions. A counter over text, not a parser: cheap
// enough to run on every production file in the scan pass (regexes with word boundaries and a
// literal first character, checked afterwards, are several times faster than look-behinds).
// Known approximations: regex literals and JSX text are not skipped, Kotlin `when` counts once
// whatever its branches, and lambdas count only in JS/TS (arrows) and PHP (`fn`).
import type { FileComplexity, Language } from '../core/types.ts';

interface Decisions {
  /** Group 1: a keyword; group 2: a ternary `?`; else an operator (`&&`, `||`). */
  regex: RegExp;
  /** Characters that may not touch a keyword: `x.if`, `$if`, Ruby `if:` (a hash key) and `:if`. */
  before: string;
  after: string;
}

interface FunctionRule {
  regex: RegExp;
  /**
   * Where the function's body is: at the end of the match (`{` or `=>`), found by scanning the
   * signature after the match, after an arrow, by Python indentation, or not delimited.
   */
  body: 'match-end' | 'scan' | 'arrow' | 'indent' | 'none';
  /** Count the match only when a body follows (otherwise a type, an overload, an abstract method). */
  needsBody?: boolean;
  /** Reject matches that only look like functions (keywords, type arrows). */
  accept?: (m: RegExpExecArray, code: string) => boolean;
}

interface Syntax {
  /** Characters that open a string literal (as in blankComments; `"""` and `'''` too). */
  quotes: string;
  decisions: Decisions;
  functions: readonly FunctionRule[];
  /** Extra character that ends a signature scan: `\n` for Go, `=` (expression body) for Kotlin. */
  scanStop?: '\n' | '=';
}

/**
 * `a ? b : c`: a question mark followed by white space and (checked after the match) preceded by
 * white space, `)` or `]`; never `?.`, `??`, `x?: T`, `int?`, `<?>`.
 */
const TERNARY = String.raw`(\?)\s`;
const BEFORE_TERNARY = ' \t\r\n)]';
/** ... nor a Java wildcard after a comma (`Map<K, ? extends V>`). */
const WILDCARD = /\?\s+(?:extends|super)\b/y;
const AND_OR = String.raw`&&|\|\|`;

function decisions(words: readonly string[], ops: string, before = '.$', after = '$'): Decisions {
  return { regex: new RegExp(`\\b(${words.join('|')})\\b${ops ? `|${ops}` : ''}`, 'g'), before, after };
}

/** Names a method-shaped match must not have: statements that look like `name(...) {`. */
const STATEMENTS = new Set(['if', 'for', 'foreach', 'while', 'switch', 'catch', 'function', 'return', 'with', 'do', 'else', 'try', 'finally', 'using', 'lock', 'fixed', 'synchronized', 'when', 'new', 'throw', 'await', 'typeof', 'sizeof', 'nameof', 'checked', 'unchecked', 'super', 'this']);
/** Words before a name that make `Word Name(...) {` something other than a method declaration. */
const NOT_A_METHOD_BEFORE = new Set(['new', 'return', 'throw', 'else', 'await', 'yield', 'case', 'in', 'of', 'is', 'as', 'record', 'class', 'interface', 'enum', 'struct', 'goto']);

/** TypeScript function types (`(x: T) => void`) are not functions: what follows the arrow is a type. */
const TYPE_AFTER_ARROW = /\s*(?:(?:void|never|unknown|any|string|number|boolean|bigint|symbol|object|asserts)\b(?![$.(])|[A-Z][\w$]*\s*(?:<|\[\]|[;,)|&]|\n|$))/y;

/** The end of a JS method signature: `) {` or `): Type {`; the head before its `(` is checked. */
const JS_METHOD_END = /\)[ \t]*(?::[^{;=\n]+)?\{/g;
/** What may precede a method's `(` on its line: modifiers, a name, type parameters. */
const JS_METHOD_HEAD = /^[ \t]*(?:(?:public|private|protected|static|async|override|readonly|abstract|declare|get|set)[ \t]+)*\*?[ \t]*(#?[\w$]+)[ \t]*(?:<[^>\n]*>)?[ \t]*$/;

/** The `(` that opens the parenthesis closing at `close`, or -1. */
function openingParen(code: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0 && i > close - 2000; i--) {
    const c = code.charCodeAt(i);
    if (c === 41) depth++;
    else if (c === 40 && --depth === 0) return i;
  }
  return -1;
}

function jsMethod(m: RegExpExecArray, code: string): boolean {
  const open = openingParen(code, m.index);
  if (open < 0) return false;
  const head = JS_METHOD_HEAD.exec(code.slice(code.lastIndexOf('\n', open) + 1, open));
  return head !== null && !STATEMENTS.has(head[1]!);
}

/** Java and C# methods and constructors: `modifiers Type name(params) [throws X] {` or `=> expr;`. */
const C_METHOD = /\n[ \t]*(?:[\w$<>[\],.?@]+[ \t]+)*?([\w$<>[\],.?@]+)[ \t]+([\w$]+)[ \t]*\([^(){};]*\)[\s\w.,:<>[\]]*?(\{|=>)/g;

/** Only white space (and `async`) before a Python `def` on its line. */
function atLineStart(m: RegExpExecArray, code: string): boolean {
  return /^[ \t]*(?:async[ \t]+)?$/.test(code.slice(code.lastIndexOf('\n', m.index) + 1, m.index));
}

const notAfter = (chars: string) => (m: RegExpExecArray, code: string): boolean => !chars.includes(code[m.index - 1] ?? ' ');

const jsFunctions = (typescript: boolean): FunctionRule[] => [
  { regex: /\bfunction\b/g, body: 'scan', needsBody: true, accept: notAfter('.$') },
  {
    regex: /=>/g,
    body: 'arrow',
    ...(typescript ? { accept: (m: RegExpExecArray, code: string) => !sticky(TYPE_AFTER_ARROW, code, m.index + 2) } : {}),
  },
  { regex: JS_METHOD_END, body: 'match-end', accept: jsMethod },
];

const cMethods: FunctionRule = {
  regex: C_METHOD,
  body: 'match-end',
  accept: (m) => !STATEMENTS.has(m[2]!) && !NOT_A_METHOD_BEFORE.has(m[1]!),
};

const C_LIKE = ['if', 'for', 'while', 'case', 'catch'];
const JS_QUOTES = "'\"`";
const PLAIN_QUOTES = `'"`;

const SYNTAX: Partial<Record<Language, Syntax>> = {
  javascript: { quotes: JS_QUOTES, decisions: decisions(C_LIKE, `${AND_OR}|${TERNARY}`), functions: jsFunctions(false) },
  typescript: { quotes: JS_QUOTES, decisions: decisions(C_LIKE, `${AND_OR}|${TERNARY}`), functions: jsFunctions(true) },
  java: { quotes: JS_QUOTES, decisions: decisions(C_LIKE, `${AND_OR}|${TERNARY}`), functions: [cMethods] },
  csharp: { quotes: PLAIN_QUOTES, decisions: decisions([...C_LIKE, 'foreach'], `${AND_OR}|${TERNARY}`), functions: [cMethods] },
  kotlin: {
    quotes: JS_QUOTES,
    decisions: decisions(['if', 'for', 'while', 'catch', 'when'], AND_OR),
    functions: [{ regex: /\bfun\b/g, body: 'scan', needsBody: true, accept: notAfter('.$') }],
    scanStop: '=',
  },
  go: {
    quotes: JS_QUOTES,
    decisions: decisions(['if', 'for', 'case'], AND_OR),
    functions: [{ regex: /\bfunc\b/g, body: 'scan', needsBody: true, accept: notAfter('.') }],
    scanStop: '\n',
  },
  python: {
    quotes: PLAIN_QUOTES,
    decisions: decisions(['if', 'elif', 'for', 'while', 'except', 'and', 'or'], '', '.', ''),
    functions: [{ regex: /\bdef[ \t]+\w+/g, body: 'indent', accept: atLineStart }],
  },
  ruby: {
    quotes: PLAIN_QUOTES,
    decisions: decisions(['if', 'elsif', 'unless', 'while', 'until', 'for', 'when', 'rescue', 'and', 'or'], `${AND_OR}|${TERNARY}`, '.$:@', '$?!:'),
    functions: [{ regex: /\bdef[ \t]+[\w.?!=[\]]+/g, body: 'none', accept: notAfter('.:@$') }],
  },
  php: {
    quotes: PLAIN_QUOTES,
    decisions: decisions(['if', 'elseif', 'for', 'foreach', 'while', 'case', 'catch', 'and', 'or'], `${AND_OR}|${TERNARY}`, '$>\\:'),
    functions: [
      { regex: /\bfunction\b/g, body: 'scan', needsBody: true, accept: notAfter('$>:\\') },
      { regex: /\bfn[ \t]*\(/g, body: 'none', accept: notAfter('$>:\\') },
    ],
  },
};

/** Whether a sticky regex matches at an offset (no slice of the code). */
function sticky(re: RegExp, code: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(code);
}

/** Languages the counter knows. */
export function hasComplexityRules(language: Language): boolean {
  return SYNTAX[language] !== undefined;
}

const literals = new Map<string, RegExp>();
/**
 * One regex for every string literal of a quote set, loops unrolled: triple quotes (to their
 * close or the end), templates (across lines), and single-line strings (to their close or the end
 * of the line), escapes honoured, as blankComments reads them.
 */
function literalRegex(quotes: string): RegExp {
  let re = literals.get(quotes);
  if (!re) {
    const alternatives: string[] = [];
    for (const q of quotes) {
      if (q === '"' || q === "'") alternatives.push(`${q}{3}[^\\\\${q}]*(?:(?:\\\\[\\s\\S]|${q}(?!${q}${q}))[^\\\\${q}]*)*(?:${q}{3})?`);
      alternatives.push(q === '`' ? '`[^`\\\\]*(?:\\\\[\\s\\S][^`\\\\]*)*`?' : `${q}[^${q}\\\\\\n]*(?:\\\\[\\s\\S][^${q}\\\\\\n]*)*${q}?`);
    }
    literals.set(quotes, (re = new RegExp(alternatives.join('|'), 'g')));
  }
  return re;
}

/** String literals of comment-blanked code, as sorted [start, end) pairs flattened into one array. */
export function stringRanges(code: string, quotes: string): number[] {
  const out: number[] = [];
  const re = literalRegex(quotes);
  re.lastIndex = 0;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push(m.index, m.index + m[0].length);
  return out;
}

/** A cursor over sorted string ranges for ascending offsets: is this offset inside a string? */
function stringCursor(ranges: readonly number[]): (offset: number) => boolean {
  let r = 0;
  return (offset) => {
    while (r < ranges.length && ranges[r + 1]! <= offset) r += 2;
    return r < ranges.length && ranges[r]! <= offset;
  };
}

/** Whether an offset is inside a string, for offsets in any order. */
export function inString(ranges: readonly number[], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid * 2 + 1]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo * 2 < ranges.length && ranges[lo * 2]! <= offset;
}

/** Where a signature's body opens, scanning from `from`; 'expression' for `= expr` bodies. */
function scanForBody(code: string, from: number, stop: Syntax['scanStop']): number | 'expression' | undefined {
  let depth = 0;
  const end = Math.min(code.length, from + 4000);
  for (let i = from; i < end; i++) {
    const c = code.charCodeAt(i);
    if (c === 40 || c === 91) depth++; // ( [
    else if (c === 41 || c === 93) { // ) ]
      if (--depth < 0) return undefined;
    } else if (depth === 0) {
      if (c === 123) return i; // {
      if (c === 59) return undefined; // ;
      if (stop === '\n' && c === 10) return undefined;
      if (stop === '=' && c === 61 && code[i + 1] !== '=' && code[i + 1] !== '>' && !'!<>='.includes(code[i - 1] ?? '')) return 'expression';
    }
  }
  return undefined;
}

/** The matching `}` of each wanted `{` (the end of the code when unbalanced), braces in strings skipped. */
function matchBraces(code: string, ranges: readonly number[], wanted: ReadonlySet<number>): Map<number, number> {
  const close = new Map<number, number>();
  const stack: number[] = [];
  const quoted = stringCursor(ranges);
  let open = code.indexOf('{');
  let shut = code.indexOf('}');
  while (open !== -1 || shut !== -1) {
    if (open !== -1 && (shut === -1 || open < shut)) {
      if (!quoted(open)) stack.push(open);
      open = code.indexOf('{', open + 1);
    } else {
      if (!quoted(shut)) {
        const o = stack.pop();
        if (o !== undefined && wanted.has(o)) close.set(o, shut);
      }
      shut = code.indexOf('}', shut + 1);
    }
  }
  return close;
}

function indentAt(code: string, start: number): number {
  let i = start;
  while (code[i] === ' ' || code[i] === '\t') i++;
  return i - start;
}

/** Python: a function runs from `def` to the first later non-blank line indented no deeper. */
function indentedExtent(code: string, ranges: readonly number[], start: number, matchEnd: number): number {
  const lineStart = code.lastIndexOf('\n', start - 1) + 1;
  const indent = indentAt(code, lineStart);
  // The signature ends at the `:` outside brackets; its line may be a continuation.
  let depth = 0;
  let i = matchEnd;
  for (; i < code.length; i++) {
    const c = code[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ':' && depth <= 0) break;
  }
  let line = code.indexOf('\n', i);
  while (line !== -1) {
    const next = line + 1;
    const width = indentAt(code, next);
    const c = code[next + width];
    // Blank lines and lines inside a multi-line string do not end a body.
    if (c !== undefined && c !== '\n' && c !== '\r' && width <= indent && !inString(ranges, next)) return next;
    line = code.indexOf('\n', next);
  }
  return code.length;
}

/**
 * Functions, decision points and the most complex function of a file. `code` is the file's text
 * with comments blanked (`blankComments(text, language)`); string literals are skipped here.
 * Undefined for languages without rules.
 */
export function measureComplexity(language: Language, code: string): FileComplexity | undefined {
  const syntax = SYNTAX[language];
  if (!syntax) return undefined;
  const ranges = stringRanges(code, syntax.quotes);
  const decisions: number[] = [];
  const quoted = stringCursor(ranges);
  const { regex, before, after } = syntax.decisions;
  regex.lastIndex = 0;
  for (let m = regex.exec(code); m; m = regex.exec(code)) {
    const at = m.index;
    if (m[1] !== undefined) {
      if (before.includes(code[at - 1] || ' ') || after.includes(code[at + m[1].length] || ' ')) continue;
    } else if (m[2] !== undefined) {
      if (!BEFORE_TERNARY.includes(code[at - 1] || '?') || sticky(WILDCARD, code, at)) continue;
    }
    if (!quoted(at)) decisions.push(at);
  }

  /** Delimited bodies as [start, end), keyed by start so one body counts once; -1: a `{` body to close. */
  const extents = new Map<number, number>();
  let undelimited = 0;
  for (const rule of syntax.functions) {
    rule.regex.lastIndex = 0;
    for (let m = rule.regex.exec(code); m; m = rule.regex.exec(code)) {
      if (inString(ranges, m.index + m[0].length - 1) || (rule.accept && !rule.accept(m, code))) continue;
      const end = m.index + m[0].length;
      let open: number | 'expression' | undefined;
      if (rule.body === 'match-end') open = code[end - 1] === '{' ? end - 1 : 'expression';
      else if (rule.body === 'scan') open = scanForBody(code, end, syntax.scanStop);
      else if (rule.body === 'arrow') {
        let at = end;
        while (at < code.length && code.charCodeAt(at) <= 32) at++;
        open = code.charCodeAt(at) === 123 ? at : 'expression';
      } else if (rule.body === 'indent') {
        if (!extents.has(m.index)) extents.set(m.index, indentedExtent(code, ranges, m.index, end));
        continue;
      } else open = 'expression';
      if (open === undefined) {
        if (!rule.needsBody) undelimited++;
        continue;
      }
      if (open === 'expression') undelimited++;
      else if (!extents.has(open)) extents.set(open, -1);
    }
  }
  const braced = new Set([...extents].filter(([, end]) => end === -1).map(([start]) => start));
  if (braced.size > 0) {
    const close = matchBraces(code, ranges, braced);
    for (const open of braced) extents.set(open, close.get(open) ?? code.length);
  }

  const functions = extents.size + undelimited;
  const result: FileComplexity = { functions, decisions: decisions.length };
  if (extents.size === 0) return result;

  // Each decision belongs to the innermost delimited function around it.
  const bodies = [...extents].sort((a, b) => a[0] - b[0]);
  const own = new Array<number>(bodies.length).fill(0);
  const stack: number[] = [];
  let next = 0;
  for (const d of decisions) {
    while (next < bodies.length && bodies[next]![0] < d) {
      while (stack.length > 0 && bodies[stack.at(-1)!]![1] <= bodies[next]![0]) stack.pop();
      stack.push(next++);
    }
    while (stack.length > 0 && bodies[stack.at(-1)!]![1] <= d) stack.pop();
    const inner = stack.at(-1);
    if (inner !== undefined) own[inner]!++;
  }
  result.maxFunction = 1 + Math.max(...own);
  return result;
}
