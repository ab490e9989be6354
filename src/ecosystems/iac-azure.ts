// Azure infrastructure read as data: Bicep files and ARM (deploymentTemplate) JSON, each resource
// with its type (`Microsoft.Storage/storageAccounts`), line, tags and body. Bicep is read with the
// C-like comment rules (`//`, `/* */`) and balanced braces; a tag map given as a variable whose
// value is a literal object (or a union() of them) is followed. Existing resources (`existing`)
// are references, not definitions, and are skipped.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { RepoView } from '../core/detector.ts';
import { blankComments, lineAt, lineStarts } from '../util/text.ts';
import type { TagSet } from './iac-tags.ts';

export interface AzureResource {
  /** `bicep` or `arm`. */
  dialect: 'bicep' | 'arm';
  /** The Bicep symbol or the ARM name expression. */
  name: string;
  type: string;
  path: string;
  line: number;
  /** The resource body text (Bicep) or its JSON text (ARM), comments blanked. */
  body: string;
  tags?: TagSet;
}

export const AZURE_GLOBS = ['**/*.bicep', '**/azuredeploy*.json', '**/*.arm.json', '**/mainTemplate.json', '**/template.json', '**/{arm,azure,infra,infrastructure,templates,deploy}/**/*.json'] as const;

/** The index after the bracket matching the one at `i`, in comment-blanked Bicep (single-quoted strings). */
function matchBracket(b: string, i: number): number {
  let depth = 0;
  for (let j = i; j < b.length; j++) {
    const c = b[j]!;
    if (c === "'") {
      if (b.startsWith("'''", j)) {
        const end = b.indexOf("'''", j + 3);
        j = end === -1 ? b.length : end + 2;
        continue;
      }
      let k = j + 1;
      while (k < b.length && b[k] !== "'" && b[k] !== '\n') k += b[k] === '\\' ? 2 : 1;
      j = k;
      continue;
    }
    if ('{[('.includes(c)) depth++;
    else if ('}])'.includes(c) && --depth === 0) return j + 1;
  }
  return b.length;
}

/** Keys of a Bicep object literal `{ ... }` (identifier or quoted keys at its first level). */
function bicepObjectKeys(obj: string): string[] {
  const inner = obj.trim().slice(1, -1);
  const keys: string[] = [];
  let depth = 0;
  let lineStart = true;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c === '\n' || c === ',') {
      lineStart = true;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (depth === 0 && lineStart) {
      const m = /^(?:'([^'\n]+)'|([A-Za-z_][\w-]*))\s*:/.exec(inner.slice(i));
      if (m) keys.push((m[1] ?? m[2])!);
    }
    lineStart = false;
    if ("'".includes(c)) {
      const end = inner.indexOf("'", i + 1);
      i = end === -1 ? inner.length : end;
    } else if ('{[('.includes(c)) depth++;
    else if ('}])'.includes(c)) depth--;
  }
  return keys;
}

function bicepTagKeys(expr: string, vars: Map<string, string>, depth = 0): { keys: string[]; dynamic: boolean } {
  const e = expr.trim();
  if (depth > 5) return { keys: [], dynamic: true };
  if (e.startsWith('{')) return { keys: bicepObjectKeys(e), dynamic: false };
  const union = /^union\s*\(([\s\S]*)\)$/.exec(e);
  if (union) {
    const args: string[] = [];
    let start = 0;
    let d = 0;
    const body = union[1]!;
    for (let i = 0; i < body.length; i++) {
      const c = body[i]!;
      if ('{[('.includes(c)) d++;
      else if ('}])'.includes(c)) d--;
      else if (c === ',' && d === 0) {
        args.push(body.slice(start, i));
        start = i + 1;
      }
    }
    args.push(body.slice(start));
    const keys = new Set<string>();
    let dynamic = false;
    for (const a of args) {
      const r = bicepTagKeys(a, vars, depth + 1);
      r.keys.forEach((k) => keys.add(k));
      dynamic ||= r.dynamic;
    }
    return { keys: [...keys], dynamic };
  }
  const v = vars.get(e);
  if (v !== undefined) return bicepTagKeys(v, vars, depth + 1);
  return { keys: [], dynamic: true };
}

/** Resources declared in a Bicep file. */
export function parseBicep(path: string, text: string): AzureResource[] {
  const b = blankComments(text, 'java');
  const starts = lineStarts(text);
  const vars = new Map<string, string>();
  for (const m of b.matchAll(/^var\s+(\w+)\s*=\s*/gm)) {
    const at = m.index + m[0].length;
    const end = '{(['.includes(b[at] ?? '') ? matchBracket(b, at) : b.indexOf('\n', at) === -1 ? b.length : b.indexOf('\n', at);
    vars.set(m[1]!, b.slice(at, end));
  }
  // Parameters with a literal object default are as good as variables for tags.
  for (const m of b.matchAll(/^param\s+(\w+)\s+object\s*=\s*(?=\{)/gm)) {
    const at = m.index + m[0].length;
    vars.set(m[1]!, b.slice(at, matchBracket(b, at)));
  }
  const out: AzureResource[] = [];
  for (const m of b.matchAll(/^[ \t]*resource\s+(\w+)\s+'([\w.]+\/[\w./]+)(?:@[\w.-]+)?'\s+(existing\s+)?=\s*/gm)) {
    if (m[3]) continue;
    let at = m.index + m[0].length;
    const cond = /^(?:if\s*\(|\[\s*for\b)/.exec(b.slice(at));
    if (cond) {
      const open = b.indexOf('{', at);
      if (open === -1) continue;
      at = open;
    }
    if (b[at] !== '{') continue;
    const body = b.slice(at, matchBracket(b, at));
    const res: AzureResource = { dialect: 'bicep', name: m[1]!, type: m[2]!, path, line: lineAt(starts, m.index + (m[0].length - m[0].trimStart().length)), body };
    const tagsAt = /^[ \t]*tags\s*:\s*/m.exec(body);
    if (tagsAt) {
      const from = tagsAt.index + tagsAt[0].length;
      const end = '{(['.includes(body[from] ?? '') ? matchBracket(body, from) : /^union\s*\(/.test(body.slice(from)) ? matchBracket(body, body.indexOf('(', from)) : (body.indexOf('\n', from) + 1 || body.length) - 1;
      const r = bicepTagKeys(body.slice(from, end), vars);
      res.tags = { ...r, line: lineAt(starts, at + tagsAt.index + (tagsAt[0].length - tagsAt[0].trimStart().length)) };
    }
    out.push(res);
  }
  return out;
}

const ARM_SCHEMA = /schema\.management\.azure\.com\/schemas\/[^"]*deploymentTemplate\.json/;

/** Resources of an ARM deployment template (nested `resources` included); [] when it is not one. */
export function parseArm(path: string, text: string): AzureResource[] {
  if (!ARM_SCHEMA.test(text)) return [];
  const lc = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  } catch {
    return [];
  }
  if (doc.errors.length > 0) return [];
  const out: AzureResource[] = [];
  const lineOf = (n: unknown): number => {
    const r = (n as Node | undefined)?.range;
    return r ? lc.linePos(r[0]).line : 1;
  };
  const visit = (list: unknown, parentType?: string): void => {
    if (!isSeq(list)) return;
    for (const item of list.items) {
      if (!isMap(item)) continue;
      const rawType = item.get('type');
      if (typeof rawType !== 'string') continue;
      const type = parentType && !rawType.includes('/') ? `${parentType}/${rawType}` : rawType;
      const tagsPair = item.items.find((p) => isScalar(p.key) && p.key.value === 'tags');
      const res: AzureResource = { dialect: 'arm', name: String(item.get('name') ?? ''), type, path, line: lineOf(item), body: JSON.stringify(item.toJSON()) };
      if (tagsPair) {
        const v = tagsPair.value;
        res.tags = isMap(v)
          ? { keys: v.items.map((p) => String((p.key as { value?: unknown })?.value ?? '')).filter((k) => !k.startsWith('[')), dynamic: v.items.some((p) => String((p.key as { value?: unknown })?.value ?? '').startsWith('[')), line: lineOf(tagsPair.key) }
          : { keys: [], dynamic: true, line: lineOf(tagsPair.key) };
      }
      out.push(res);
      visit(item.get('resources', true), type);
    }
  };
  const root = doc.contents;
  if (isMap(root)) visit(root.get('resources', true));
  return out;
}

/** Bicep and ARM resources of the repository's production IaC (the detector declares AZURE_GLOBS as contents). */
export function readAzureTemplates(repo: RepoView): AzureResource[] {
  const out: AzureResource[] = [];
  for (const f of repo.glob([...AZURE_GLOBS], ['iac', 'config', 'other'])) {
    const text = repo.text(f.path);
    if (!text) continue;
    out.push(...(f.path.endsWith('.bicep') ? parseBicep(f.path, text) : parseArm(f.path, text)));
  }
  return out;
}
