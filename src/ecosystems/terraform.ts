// Infrastructure code read as data: a tolerant HCL-lite reader for Terraform (*.tf) and a small
// CloudFormation/SAM template reader. Pure: text in, data out. Blocks are found by brace matching
// with strings, heredocs, interpolations and comments respected; nothing is evaluated except tag
// maps that are literal (or built from literal locals with merge()).
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { blankComments, lineAt, lineStarts } from '../util/text.ts';

/** Keys of a tag (or label) map, when they can be read without evaluating Terraform. */
export interface TagSet {
  keys: string[];
  /** Part of the map could not be read (a variable, a module output, a function other than merge). */
  dynamic: boolean;
  line: number;
}

export interface HclAttribute {
  name: string;
  /** The expression text, comments blanked. */
  expr: string;
  line: number;
}

export interface HclBlock {
  type: string;
  labels: string[];
  file: string;
  line: number;
  endLine: number;
  /** The block's original text, header to closing brace. */
  text: string;
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

export interface TfResource {
  type: string;
  name: string;
  file: string;
  line: number;
  endLine: number;
  text: string;
  block: HclBlock;
  /** Resolved tags (or labels for Google), undefined when the resource sets none. */
  tags?: TagSet;
  /** `provider = aws.alias` when given. */
  provider?: string;
}

export interface TfProvider {
  name: string;
  alias?: string;
  file: string;
  line: number;
  /** AWS `default_tags { tags = ... }` or Google `default_labels`. */
  defaultTags?: TagSet;
}

export interface TfModule {
  name: string;
  source?: string;
  file: string;
  line: number;
  text: string;
}

export interface TfVariable {
  name: string;
  file: string;
  line: number;
  hasDefault: boolean;
}

export interface TfLocal {
  name: string;
  expr: string;
  file: string;
  line: number;
}

export interface TerraformModel {
  files: string[];
  resources: TfResource[];
  dataSources: TfResource[];
  providers: TfProvider[];
  modules: TfModule[];
  variables: TfVariable[];
  locals: TfLocal[];
}

// ---------------------------------------------------------------------------------------------
// Scanning primitives over comment-blanked text (same offsets as the original).

const OPEN = '{[(';
const CLOSE = '}])';

/** `b[i]` is `"`: the index just after the closing quote (or the end of the line if unterminated). */
function skipString(b: string, i: number): number {
  let j = i + 1;
  const n = b.length;
  while (j < n) {
    const c = b[j]!;
    if (c === '\\') {
      j += 2;
      continue;
    }
    if (c === '"') return j + 1;
    if ((c === '$' || c === '%') && b[j + 1] === '{') {
      j = skipBrackets(b, j + 1);
      continue;
    }
    if (c === '\n') return j;
    j++;
  }
  return n;
}

const HEREDOC = /<<-?[ \t]*"?([A-Za-z_][\w-]*)"?[ \t]*\r?\n/y;

/** At `<<ID`: the index after the terminator line, or undefined when this is not a heredoc. */
function skipHeredoc(b: string, i: number): number | undefined {
  HEREDOC.lastIndex = i;
  const m = HEREDOC.exec(b);
  if (!m) return undefined;
  const term = new RegExp(`^[ \\t]*${m[1]}[ \\t]*\\r?$`, 'm');
  const rest = b.slice(i + m[0].length);
  const t = term.exec(rest);
  if (!t) return b.length;
  return i + m[0].length + t.index + t[0].length;
}

/** `b[i]` is an opening bracket: the index just after its match (or the end of the text). */
function skipBrackets(b: string, i: number): number {
  let depth = 0;
  let j = i;
  const n = b.length;
  while (j < n) {
    const c = b[j]!;
    if (c === '"') {
      j = skipString(b, j);
      continue;
    }
    if (c === '<' && b[j + 1] === '<') {
      const h = skipHeredoc(b, j);
      if (h !== undefined) {
        j = h;
        continue;
      }
    }
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return n;
}

/** The end of an expression starting at `i`: a newline (or comma) outside brackets, or `to`. */
function skipExpr(b: string, i: number, to: number, stopAtComma = false): number {
  let j = i;
  while (j < to) {
    const c = b[j]!;
    if (c === '\n' || (stopAtComma && c === ',')) {
      // An operator at the end of a line continues the expression on the next one.
      const before = b.slice(i, j).trimEnd();
      if (c === '\n' && /(?:[?:+\-*/&|=<>!]|&&|\|\|)$/.test(before) && before.length > 0) {
        j++;
        continue;
      }
      return j;
    }
    if (c === '"') {
      j = skipString(b, j);
      continue;
    }
    if (c === '<' && b[j + 1] === '<') {
      const h = skipHeredoc(b, j);
      if (h !== undefined) {
        j = h;
        continue;
      }
    }
    if (OPEN.includes(c)) {
      j = skipBrackets(b, j);
      continue;
    }
    if (CLOSE.includes(c)) return j;
    j++;
  }
  return Math.min(j, to);
}

const IDENT = /[A-Za-z_][\w-]*/y;

function readIdent(b: string, i: number): string | undefined {
  IDENT.lastIndex = i;
  const m = IDENT.exec(b);
  return m ? m[0] : undefined;
}

function skipSpaces(b: string, i: number): number {
  while (i < b.length && (b[i] === ' ' || b[i] === '\t' || b[i] === '\r')) i++;
  return i;
}

interface Ctx {
  src: string;
  b: string;
  file: string;
  starts: number[];
}

function parseBody(ctx: Ctx, from: number, to: number): { attributes: HclAttribute[]; blocks: HclBlock[] } {
  const { b, src } = ctx;
  const attributes: HclAttribute[] = [];
  const blocks: HclBlock[] = [];
  let i = from;
  while (i < to) {
    const c = b[i]!;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === ',' || c === ';') {
      i++;
      continue;
    }
    const name = readIdent(b, i);
    if (!name) {
      const nl = b.indexOf('\n', i);
      i = nl === -1 || nl >= to ? to : nl + 1;
      continue;
    }
    let j = skipSpaces(b, i + name.length);
    if (b[j] === '=' && b[j + 1] !== '=') {
      const end = skipExpr(b, j + 1, to);
      attributes.push({ name, expr: b.slice(j + 1, end).trim(), line: lineAt(ctx.starts, i) });
      i = Math.max(end, j + 1);
      continue;
    }
    const labels: string[] = [];
    for (;;) {
      if (b[j] === '"') {
        const k = skipString(b, j);
        labels.push(src.slice(j + 1, Math.max(j + 1, k - 1)));
        j = skipSpaces(b, k);
        continue;
      }
      const id = b[j] === '{' ? undefined : readIdent(b, j);
      if (id) {
        labels.push(id);
        j = skipSpaces(b, j + id.length);
        continue;
      }
      break;
    }
    if (b[j] === '{') {
      const end = Math.min(skipBrackets(b, j), to + 1);
      const inner = parseBody(ctx, j + 1, Math.max(j + 1, end - 1));
      blocks.push({
        type: name,
        labels,
        file: ctx.file,
        line: lineAt(ctx.starts, i),
        endLine: lineAt(ctx.starts, Math.max(i, end - 1)),
        text: src.slice(i, end),
        ...inner,
      });
      i = end;
      continue;
    }
    const nl = b.indexOf('\n', j);
    i = nl === -1 || nl >= to ? to : nl + 1;
  }
  return { attributes, blocks };
}

/** Top-level blocks of one HCL file (attributes at the top level, as in tfvars, are ignored). */
export function parseHcl(file: string, text: string): HclBlock[] {
  const b = blankComments(text, 'hcl');
  return parseBody({ src: text, b, file, starts: lineStarts(text) }, 0, b.length).blocks;
}

/** Top-level `key = value` pairs of an HCL file (tfvars). */
export function parseHclAttributes(file: string, text: string): HclAttribute[] {
  const b = blankComments(text, 'hcl');
  return parseBody({ src: text, b, file, starts: lineStarts(text) }, 0, b.length).attributes;
}

// ---------------------------------------------------------------------------------------------
// Tag maps.

interface KeysResult {
  keys: string[];
  dynamic: boolean;
}

function unquote(s: string): string {
  const t = s.trim();
  return t.startsWith('"') && t.endsWith('"') && t.length >= 2 ? t.slice(1, -1) : t;
}

/** Keys of an object literal's content (between the braces). */
function objectKeys(inner: string): KeysResult {
  const keys: string[] = [];
  let dynamic = false;
  let i = 0;
  const n = inner.length;
  while (i < n) {
    const c = inner[i]!;
    if (/[\s,]/.test(c)) {
      i++;
      continue;
    }
    let key: string | undefined;
    let j = i;
    if (c === '"') {
      j = skipString(inner, i);
      const raw = inner.slice(i + 1, j - 1);
      if (raw.includes('${')) dynamic = true;
      else key = raw;
    } else if (c === '(') {
      j = skipBrackets(inner, i);
      dynamic = true;
    } else {
      const id = /[^\s=:,]+/y;
      id.lastIndex = i;
      const m = id.exec(inner);
      if (!m) break;
      key = m[0];
      j = i + m[0].length;
      if (/[.[(]/.test(key)) {
        // `for` expressions and references are not literal keys.
        dynamic = true;
        key = undefined;
      }
    }
    j = skipSpaces(inner, j);
    if (inner[j] !== '=' && inner[j] !== ':') {
      // Not a `key = value` entry (a `for` expression, say): give up on literal keys.
      return { keys, dynamic: true };
    }
    if (key !== undefined) keys.push(key);
    const end = skipExpr(inner, j + 1, n, true);
    i = Math.max(end, j + 1);
  }
  return { keys, dynamic };
}

function splitArgs(inner: string): string[] {
  const out: string[] = [];
  let i = 0;
  let start = 0;
  const n = inner.length;
  while (i < n) {
    const c = inner[i]!;
    if (c === '"') {
      i = skipString(inner, i);
      continue;
    }
    if (OPEN.includes(c)) {
      i = skipBrackets(inner, i);
      continue;
    }
    if (c === ',') {
      out.push(inner.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  out.push(inner.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Keys of a tag-map expression: literal objects, merge(), tomap() and locals are followed. */
export function expressionKeys(expr: string, resolveLocal: (name: string) => string | undefined = () => undefined, depth = 0): KeysResult {
  const e = expr.trim();
  if (depth > 8 || e.length === 0) return { keys: [], dynamic: true };
  if (e.startsWith('{') && skipBrackets(e, 0) === e.length) return objectKeys(e.slice(1, -1));
  const call = /^(merge|tomap)\s*\(/.exec(e);
  if (call && skipBrackets(e, call[0].length - 1) === e.length) {
    const args = splitArgs(e.slice(call[0].length, -1));
    const keys = new Set<string>();
    let dynamic = false;
    for (const a of args) {
      const r = expressionKeys(a, resolveLocal, depth + 1);
      r.keys.forEach((k) => keys.add(k));
      dynamic ||= r.dynamic;
    }
    return { keys: [...keys], dynamic };
  }
  const local = /^local\.([\w-]+)$/.exec(e);
  if (local) {
    const v = resolveLocal(local[1]!);
    if (v !== undefined) return expressionKeys(v, resolveLocal, depth + 1);
  }
  if (e === 'null' || e === '{}') return { keys: [], dynamic: false };
  return { keys: [], dynamic: true };
}

const TAG_ATTRIBUTES = new Set(['tags', 'labels', 'user_labels', 'resource_labels']);

interface RawTags {
  exprs: HclAttribute[];
  /** Keys from nested `tag { key = "..." }` blocks. */
  blockKeys: string[];
  blockLine?: number;
  dynamicBlock: boolean;
}

function rawTags(block: HclBlock): RawTags {
  const out: RawTags = { exprs: [], blockKeys: [], dynamicBlock: false };
  const visit = (bl: HclBlock, depth: number): void => {
    for (const a of bl.attributes) if (TAG_ATTRIBUTES.has(a.name)) out.exprs.push(a);
    for (const child of bl.blocks) {
      if (child.type === 'tag') {
        const key = child.attributes.find((a) => a.name === 'key');
        if (key) {
          out.blockKeys.push(unquote(key.expr));
          out.blockLine ??= child.line;
        }
      } else if (child.type === 'dynamic' && (child.labels[0] === 'tag' || child.labels[0] === 'tags')) {
        out.dynamicBlock = true;
        out.blockLine ??= child.line;
      } else if (depth < 2 && !['lifecycle', 'provisioner', 'connection', 'default_tags'].includes(child.type)) {
        visit(child, depth + 1);
      }
    }
  };
  visit(block, 0);
  return out;
}

function resolveTags(raw: RawTags, resolveLocal: (name: string) => string | undefined): TagSet | undefined {
  if (raw.exprs.length === 0 && raw.blockKeys.length === 0 && !raw.dynamicBlock) return undefined;
  const keys = new Set<string>(raw.blockKeys);
  let dynamic = raw.dynamicBlock;
  let line = raw.blockLine ?? Number.MAX_SAFE_INTEGER;
  for (const a of raw.exprs) {
    const r = expressionKeys(a.expr, resolveLocal);
    r.keys.forEach((k) => keys.add(k));
    dynamic ||= r.dynamic;
    line = Math.min(line, a.line);
  }
  return { keys: [...keys], dynamic, line };
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}

// ---------------------------------------------------------------------------------------------
// The model.

const cache = new Map<string, HclBlock[]>();

function parseCached(path: string, text: string): HclBlock[] {
  const key = `${path}\0${text}`;
  let blocks = cache.get(key);
  if (!blocks) {
    if (cache.size > 5000) cache.clear();
    blocks = parseHcl(path, text);
    cache.set(key, blocks);
  }
  return blocks;
}

/**
 * Read Terraform files into resources, providers, modules, variables and locals. Tag maps are
 * resolved with the locals of the same directory (a Terraform module).
 */
export function readTerraform(files: readonly { path: string; text: string }[]): TerraformModel {
  const model: TerraformModel = { files: [], resources: [], dataSources: [], providers: [], modules: [], variables: [], locals: [] };
  const pending: { res: TfResource; raw: RawTags; dir: string }[] = [];
  const pendingProviders: { p: TfProvider; raw: HclAttribute[]; dir: string }[] = [];
  for (const f of files) {
    if (!f.path.endsWith('.tf')) continue;
    model.files.push(f.path);
    const dir = dirOf(f.path);
    for (const bl of parseCached(f.path, f.text)) {
      switch (bl.type) {
        case 'resource':
        case 'data': {
          if (bl.labels.length < 2) break;
          const res: TfResource = {
            type: bl.labels[0]!,
            name: bl.labels[1]!,
            file: f.path,
            line: bl.line,
            endLine: bl.endLine,
            text: bl.text,
            block: bl,
          };
          const prov = bl.attributes.find((a) => a.name === 'provider');
          if (prov) res.provider = prov.expr;
          if (bl.type === 'resource') {
            model.resources.push(res);
            pending.push({ res, raw: rawTags(bl), dir });
          } else model.dataSources.push(res);
          break;
        }
        case 'provider': {
          if (!bl.labels[0]) break;
          const p: TfProvider = { name: bl.labels[0], file: f.path, line: bl.line };
          const alias = bl.attributes.find((a) => a.name === 'alias');
          if (alias) p.alias = unquote(alias.expr);
          const exprs: HclAttribute[] = [];
          for (const dt of bl.blocks.filter((c) => c.type === 'default_tags')) exprs.push(...dt.attributes.filter((a) => a.name === 'tags'));
          exprs.push(...bl.attributes.filter((a) => a.name === 'default_labels'));
          model.providers.push(p);
          pendingProviders.push({ p, raw: exprs, dir });
          break;
        }
        case 'module': {
          if (!bl.labels[0]) break;
          const m: TfModule = { name: bl.labels[0], file: f.path, line: bl.line, text: bl.text };
          const src = bl.attributes.find((a) => a.name === 'source');
          if (src) m.source = unquote(src.expr);
          model.modules.push(m);
          break;
        }
        case 'variable':
          if (bl.labels[0]) {
            model.variables.push({ name: bl.labels[0], file: f.path, line: bl.line, hasDefault: bl.attributes.some((a) => a.name === 'default') });
          }
          break;
        case 'locals':
          for (const a of bl.attributes) model.locals.push({ name: a.name, expr: a.expr, file: f.path, line: a.line });
          break;
        default:
          break;
      }
    }
  }
  const localsByDir = new Map<string, Map<string, string>>();
  for (const l of model.locals) {
    const dir = dirOf(l.file);
    let m = localsByDir.get(dir);
    if (!m) localsByDir.set(dir, (m = new Map()));
    m.set(l.name, l.expr);
  }
  const resolver = (dir: string) => (name: string) => localsByDir.get(dir)?.get(name);
  for (const { res, raw, dir } of pending) {
    const tags = resolveTags(raw, resolver(dir));
    if (tags) res.tags = tags;
  }
  for (const { p, raw, dir } of pendingProviders) {
    const tags = resolveTags({ exprs: raw, blockKeys: [], dynamicBlock: false }, resolver(dir));
    if (tags) p.defaultTags = tags;
  }
  return model;
}

/** The cloud provider a resource type belongs to (`aws_s3_bucket` -> `aws`). */
export function providerOfType(type: string): string {
  const i = type.indexOf('_');
  return i === -1 ? type : type.slice(0, i);
}

// ---------------------------------------------------------------------------------------------
// CloudFormation / SAM templates.

export interface CfnResource {
  logicalId: string;
  type: string;
  file: string;
  line: number;
  tags?: TagSet;
  /** The resource's Properties as plain data (intrinsic functions become their argument). */
  properties: Record<string, unknown>;
}

export interface CfnTemplate {
  file: string;
  resources: CfnResource[];
  /** SAM `Globals: Function: Tags`, which apply to every AWS::Serverless::Function. */
  functionGlobalTags?: TagSet;
}

/** Cheap test before parsing: a template declares its format version, SAM, or AWS:: types. */
export function looksLikeCloudFormation(text: string): boolean {
  if (/AWSTemplateFormatVersion|Transform['"]?\s*:\s*['"]?AWS::Serverless/.test(text)) return true;
  return /(^|\n)\s*["']?Resources["']?\s*:/.test(text) && /["']?Type["']?\s*:\s*["']?AWS::\w+::\w+/.test(text);
}

function tagsFromNode(node: unknown, line: number): TagSet {
  const keys: string[] = [];
  let dynamic = false;
  const intrinsic = (n: unknown): boolean =>
    (isScalar(n) && typeof n.tag === 'string' && n.tag.startsWith('!')) ||
    ((isMap(n) || isSeq(n)) && typeof (n as { tag?: string }).tag === 'string' && (n as { tag?: string }).tag!.startsWith('!')) ||
    (isMap(n) && n.items.length === 1 && /^(Ref|Fn::\w+)$/.test(String((n.items[0]!.key as { value?: unknown })?.value ?? '')));
  if (intrinsic(node)) return { keys, dynamic: true, line };
  if (isSeq(node)) {
    for (const item of node.items) {
      if (!isMap(item)) {
        dynamic = true;
        continue;
      }
      const k = item.get('Key', true);
      if (isScalar(k) && !intrinsic(k) && k.value !== null) keys.push(String(k.value));
      else dynamic = true;
    }
  } else if (isMap(node)) {
    for (const pair of node.items) {
      const k = pair.key;
      if (isScalar(k) && k.value !== null) keys.push(String(k.value));
    }
  } else dynamic = true;
  return { keys, dynamic, line };
}

/** Resources of a CloudFormation or SAM template (YAML or JSON); undefined when it is not one. */
export function parseCloudFormation(file: string, text: string): CfnTemplate | undefined {
  if (!looksLikeCloudFormation(text)) return undefined;
  const lc = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, prettyErrors: false });
  } catch {
    return undefined;
  }
  if (doc.errors.length > 0) return undefined;
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const resNode = root.get('Resources', true);
  if (!isMap(resNode)) return undefined;
  const lineOf = (n: unknown): number => {
    const r = (n as Node | undefined)?.range;
    return r ? lc.linePos(r[0]).line : 1;
  };
  const tpl: CfnTemplate = { file, resources: [] };
  const globalTags = (root.getIn(['Globals', 'Function'], true) as unknown);
  if (isMap(globalTags)) {
    const pair = globalTags.items.find((p) => isScalar(p.key) && p.key.value === 'Tags');
    if (pair) tpl.functionGlobalTags = tagsFromNode(pair.value, lineOf(pair.key));
  }
  for (const pair of resNode.items) {
    if (!isScalar(pair.key) || !isMap(pair.value)) continue;
    const type = pair.value.get('Type');
    if (typeof type !== 'string') continue;
    const propsNode = pair.value.get('Properties', true);
    const res: CfnResource = {
      logicalId: String(pair.key.value),
      type,
      file,
      line: lineOf(pair.key),
      properties: isMap(propsNode) ? ((propsNode.toJS(doc) as Record<string, unknown>) ?? {}) : {},
    };
    if (isMap(propsNode)) {
      const tagPair = propsNode.items.find((p) => isScalar(p.key) && p.key.value === 'Tags');
      if (tagPair) res.tags = tagsFromNode(tagPair.value, lineOf(tagPair.key));
    }
    tpl.resources.push(res);
  }
  return tpl;
}

/** Globs of files that may hold CloudFormation templates (detectors declare them as contents). */
export const CFN_GLOBS = [
  '**/template.{yml,yaml,json}',
  '**/*.template',
  '**/*.template.{yml,yaml,json}',
  '**/*-template.{yml,yaml,json}',
  '**/*_template.{yml,yaml,json}',
  '**/*cloudformation*.{yml,yaml,json}',
  '**/*cfn*.{yml,yaml,json}',
  '**/*stack*.{yml,yaml,json}',
  '**/{cloudformation,cfn,infra,infrastructure,aws,stacks,templates}/**/*.{yml,yaml,json}',
  '**/serverless.{yml,yaml}',
] as const;
