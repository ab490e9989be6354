// Helpers shared by the manifest readers.
import { parse as parseToml } from 'smol-toml';

/** A TOML document as a table, or the one-line problem that stops reading it. */
export function parseTomlTable(text: string): Record<string, unknown> | string {
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch (e) {
    return `not valid TOML (${(e as Error).message.split('\n')[0]})`;
  }
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Replace a span with spaces, keeping newlines so offsets and lines stay valid. */
export function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

/** XML comments blanked, offsets kept. */
export function stripXmlComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, blank);
}

/**
 * A cheap well-formedness check for the simple XML shapes of build manifests: tags balance and
 * the root element is `root`. Returns a problem, or undefined when the shape is fine.
 */
export function xmlProblem(text: string, root: string): string | undefined {
  const stack: string[] = [];
  let first: string | undefined;
  const body = stripXmlComments(text).replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, blank);
  for (const m of body.matchAll(/<([/?!]?)([A-Za-z_][\w.:-]*)?((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const [, kind, name, rest] = m;
    if (kind === '?' || kind === '!' || !name) continue;
    if (kind === '/') {
      const open = stack.pop();
      if (open !== name) return `not well-formed XML (</${name}> closes ${open ? `<${open}>` : 'nothing'} at line ${lineAt(text, m.index)})`;
      continue;
    }
    first ??= name;
    if (!rest!.trimEnd().endsWith('/')) stack.push(name);
  }
  if (stack.length > 0) return `not well-formed XML (<${stack[stack.length - 1]}> is never closed)`;
  if (first !== root) return first ? `root element is <${first}>, expected <${root}>` : 'no XML element';
  return undefined;
}

/** An attribute's value in a tag's attribute text. */
export function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** PEP 503 name normalisation: `Django`, `django_extensions`, `zope.interface` → lower case, `-`. */
export function normalisePython(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * Whether a dependency group (Poetry group, PEP 735 group, optional-dependencies extra) is for
 * development: `dev`, `test`, `lint`, `docs`, `typing`, ... as a word of its name.
 */
export function devGroup(group: string): boolean {
  return group
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((w) => /^(?:dev|test|lint|doc|docs|documentation|typing|types|typecheck|mypy|format|formatting|fmt|style|qa|bench|benchmarks?|ci|coverage|cov|tox|nox|pre|precommit|check|checks)$|^(?:dev|test|lint)|tests?$/.test(w));
}

/** 1-based line of character offsets, by binary search: for many lookups in one large text. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * Lines of object keys in a JSON text that is known to be valid, in one pass. `want(path, key)`
 * chooses which keys to record: `path` is the chain of keys (array indices as strings) of the
 * object holding `key`. Returns `path/key` joined by NUL → 1-based line.
 */
export function jsonKeyLines(text: string, want: (path: readonly string[], key: string) => boolean): Map<string, number> {
  const out = new Map<string, number>();
  const path: string[] = [];
  // One frame per open container: object or array, and the next array index.
  const frames: { object: boolean; index: number; expectKey: boolean }[] = [];
  let key = '';
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34) {
      let j = i + 1;
      let escaped = false;
      while (j < text.length && text.charCodeAt(j) !== 34) {
        if (text.charCodeAt(j) === 92) {
          escaped = true;
          j++;
        }
        j++;
      }
      const top = frames[frames.length - 1];
      if (top?.object && top.expectKey) {
        key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        top.expectKey = false;
        if (want(path, key)) out.set([...path, key].join('\0'), line);
      }
      i = j;
    } else if (c === 123 || c === 91) {
      const top = frames[frames.length - 1];
      if (top) path.push(top.object ? key : String(top.index));
      frames.push({ object: c === 123, index: 0, expectKey: c === 123 });
    } else if (c === 125 || c === 93) {
      frames.pop();
      if (frames.length > 0) path.pop();
    } else if (c === 44) {
      const top = frames[frames.length - 1];
      if (top?.object) top.expectKey = true;
      else if (top) top.index++;
    }
  }
  return out;
}
