// Feature-gated templates: one text describes every version of a file.
//   @@id@@text      the line (everything after the marker, verbatim) is kept when `id` is present
//   @@!id@@text     the line is kept when feature `id` is absent (what the line was before)
//   @@{id  ...  @@}  a block kept when `id` is present (`@@{!id` when absent); blocks nest
import type { State } from './timeline.ts';

export function gate(template: string, s: State | ReadonlySet<string>): string {
  const has = (id: string): boolean => {
    const features = s instanceof Set ? s : (s as State).features;
    return id.startsWith('!') ? !features.has(id.slice(1)) : features.has(id);
  };
  const out: string[] = [];
  const stack: boolean[] = [];
  const visible = (): boolean => stack.every(Boolean);
  for (const line of template.split('\n')) {
    const open = /^\s*@@\{(!?[\w:.-]+)\s*$/.exec(line);
    if (open) {
      stack.push(has(open[1]!));
      continue;
    }
    if (/^\s*@@\}\s*$/.test(line)) {
      if (stack.length === 0) throw new Error('gate: unbalanced @@}');
      stack.pop();
      continue;
    }
    if (!visible()) continue;
    const single = /^(\s*)@@(!?[\w:.-]+)@@(.*)$/.exec(line);
    if (single) {
      if (has(single[2]!)) out.push(single[1]! + single[3]!);
      continue;
    }
    out.push(line);
  }
  if (stack.length > 0) throw new Error('gate: unclosed @@{');
  return out.join('\n');
}

/** Every feature id a template mentions (to check plans against templates). */
export function gateIds(template: string): Set<string> {
  const ids = new Set<string>();
  for (const m of template.matchAll(/^\s*@@\{!?([\w:.-]+)\s*$|^\s*@@!?([\w:.-]+)@@/gm)) ids.add((m[1] ?? m[2])!);
  return ids;
}
