// Helpers shared by the manifest readers.

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
