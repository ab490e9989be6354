// Terraform and OpenTofu read as data: resources, data sources, providers (with default tags or
// labels), modules, variables and locals, from *.tf and *.tofu files (a `x.tofu` file replaces
// `x.tf` in the same folder, as OpenTofu does). Blocks come from the HCL reader in hcl.ts; nothing
// is evaluated except tag maps that are literal (or built from literal locals with merge()).
import type { RepoView } from '../core/detector.ts';
import type { FileRole } from '../core/types.ts';
import { expressionKeys, type HclAttribute, type HclBlock, parseHcl, unquote } from './hcl.ts';
import type { TagSet } from './iac-tags.ts';

export type { TagSet } from './iac-tags.ts';

export { expressionKeys, parseHcl, parseHclAttributes, type HclAttribute, type HclBlock } from './hcl.ts';
export { CFN_GLOBS, looksLikeCloudFormation, parseCloudFormation, type CfnResource, type CfnTemplate } from './cloudformation.ts';


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
  /** `count` or `for_each` expression: the block declares several instances. */
  repeat?: string;
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
  block: HclBlock;
  /** The `tags` (or `labels`) input passed to the module, resolved like a resource's tags. */
  tags?: TagSet;
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
// Tag maps.

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
  const pendingModules: { m: TfModule; raw: HclAttribute[]; dir: string }[] = [];
  for (const f of terraformSources(files)) {
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
          const repeat = bl.attributes.find((a) => a.name === 'count' || a.name === 'for_each');
          if (repeat) res.repeat = repeat.expr;
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
          const m: TfModule = { name: bl.labels[0], file: f.path, line: bl.line, text: bl.text, block: bl };
          const src = bl.attributes.find((a) => a.name === 'source');
          if (src) m.source = unquote(src.expr);
          model.modules.push(m);
          const inputs = bl.attributes.filter((a) => a.name === 'tags' || a.name === 'labels');
          if (inputs.length > 0) pendingModules.push({ m, raw: inputs, dir });
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
  for (const { m, raw, dir } of pendingModules) {
    const tags = resolveTags({ exprs: raw, blockKeys: [], dynamicBlock: false }, resolver(dir));
    if (tags) m.tags = tags;
  }
  for (const { p, raw, dir } of pendingProviders) {
    const tags = resolveTags({ exprs: raw, blockKeys: [], dynamicBlock: false }, resolver(dir));
    if (tags) p.defaultTags = tags;
  }
  return model;
}

/** Terraform/OpenTofu source files: *.tf and *.tofu. */
export const TF_GLOBS = ['**/*.tf', '**/*.tofu'] as const;

/** Modules that `terraform init` downloads (.terraform/modules) are copies of someone else's code. */
const DOWNLOADED = /(^|\/)\.terraform\//;

/**
 * The files Terraform/OpenTofu would read: *.tf and *.tofu outside .terraform/, where `x.tofu`
 * replaces `x.tf` of the same folder (OpenTofu's rule).
 */
function terraformSources<T extends { path: string }>(files: readonly T[]): T[] {
  const tofu = new Set(files.filter((f) => f.path.endsWith('.tofu')).map((f) => f.path.slice(0, -'.tofu'.length)));
  return files.filter((f) => {
    if (DOWNLOADED.test(f.path)) return false;
    if (f.path.endsWith('.tofu')) return true;
    return f.path.endsWith('.tf') && !tofu.has(f.path.slice(0, -'.tf'.length));
  });
}

/** Roles of files that may hold infrastructure code (tests, fixtures, examples, vendored copies do not). */
export const IAC_ROLES: readonly FileRole[] = ['iac', 'config', 'other', 'source'];

/** The repository's Terraform/OpenTofu code (the detector declares TF_GLOBS as contents). */
export function repoTerraform(repo: RepoView): TerraformModel {
  return readTerraform(repo.glob([...TF_GLOBS], IAC_ROLES).map((f) => ({ path: f.path, text: repo.text(f.path) ?? '' })));
}

/** The cloud provider a resource type belongs to (`aws_s3_bucket` -> `aws`). */
export function providerOfType(type: string): string {
  const i = type.indexOf('_');
  return i === -1 ? type : type.slice(0, i);
}

