// Infrastructure written in a general-purpose language, read as data: AWS CDK (TypeScript,
// JavaScript, Python, Java, C#, Go), CDK for Terraform and Pulumi (the same languages) constructs,
// each with its service, type, line and tags, plus the stack-wide tags a program applies
// (`Tags.of(app).add(...)`, Pulumi stack transformations, `aws:defaultTags` stack config). Only files
// of production code that import a CDK/Pulumi library are read; comments never count (patterns
// match comment-blanked text).
import { LineCounter, isMap, isScalar, parseDocument, type Node } from 'yaml';
import type { PatternSpec, RepoView } from '../core/detector.ts';
import type { Match } from '../core/types.ts';
import type { TagSet } from './iac-tags.ts';

export type IacFramework = 'cdk' | 'cdktf' | 'pulumi';
export type IacCloud = 'aws' | 'gcp' | 'azure' | 'kubernetes' | 'other';

export interface IacConstruct {
  framework: IacFramework;
  cloud: IacCloud;
  /** Normalised service module (`s3`, `ec2`, `storage`, `budgets`), '' when unknown. */
  service: string;
  /** The construct class without a `Cfn` prefix (`Bucket`, `Budget`). */
  type: string;
  /** `service.Type`, or `Type` when the service is unknown. */
  name: string;
  path: string;
  line: number;
  excerpt: string;
  /** The variable the construct is assigned to, when it is. */
  variable?: string;
  /** Tags (or labels) passed in the construct's arguments; undefined when none are. */
  tags?: TagSet;
}

export interface StackTags {
  framework: IacFramework;
  path: string;
  line: number;
  keys: string[];
  /** The construct variable tagged, or undefined for the whole app/stack. */
  target?: string;
  /** Provider default tags from Pulumi config apply to that cloud's resources only. */
  cloud?: IacCloud;
  /** Tags on a stack (`Tags.of(this)`): the constructs declared in the same file. */
  fileOnly?: boolean;
}

export interface IacCodeModel {
  constructs: IacConstruct[];
  /** Tags applied to a whole app/stack (or to one construct variable, `target`). */
  stackTags: StackTags[];
  /** Files that import a CDK/Pulumi library. */
  files: Set<string>;
}

const AFTER = String.raw`(?=([\s\S]{0,2000}))`;
const SCOPE = String.raw`(this|self|scope|stack|app|ctx|["'\x60])`;
const CODE_LANGS = ['typescript', 'javascript', 'python', 'go', 'java', 'csharp'] as const;
/** Only files that name a CDK/Pulumi library (their imports do) are searched for constructs. */
const LITERALS = ['aws-cdk', 'aws_cdk', 'awscdk', 'Amazon.CDK', 'pulumi', 'Pulumi', 'cdktf'];

/** Patterns a detector spreads into its own (`patterns: { ...IAC_CODE_PATTERNS }`). Groups: variable, class, first argument, text after. */
export const IAC_CODE_PATTERNS = {
  iacNewJs: {
    regex: new RegExp(String.raw`(?:\b(?:const|let|var)\s+(\w+)\s*(?::\s*[\w.<>]+\s*)?=\s*|\bthis\.(\w+)\s*=\s*)?\bnew\s+((?:[\w$]+\.)*[A-Z][\w$]*)()\s*\(\s*${SCOPE}${AFTER}`),
    literals: LITERALS,
    languages: ['typescript', 'javascript'],
    maxPerFile: 400,
  },
  iacCallPy: {
    regex: new RegExp(String.raw`(?:^[ \t]*(?:self\.)?(\w+)\s*=\s*)?()\b((?:\w+\.)*[A-Z]\w*)()\(\s*${SCOPE}${AFTER}`, 'm'),
    literals: LITERALS,
    languages: ['python'],
    maxPerFile: 400,
  },
  iacNewGo: {
    regex: new RegExp(String.raw`(?:\b(\w+)(?:\s*,\s*\w+)?\s*:?=\s*)?()\b(\w+\.New[A-Z]\w*)()\(\s*${SCOPE}${AFTER}`),
    literals: LITERALS,
    languages: ['go'],
    maxPerFile: 400,
  },
  iacNewJvm: {
    regex: new RegExp(String.raw`(?:\b(\w+)\s*=\s*)?()(?:\bnew\s+((?:\w+\.)*[A-Z]\w*)\s*\(|\b((?:\w+\.)*[A-Z]\w*)\.Builder\.create\()\s*${SCOPE}${AFTER}`),
    literals: LITERALS,
    languages: ['java', 'kotlin', 'csharp'],
    maxPerFile: 400,
  },
  /** CDK `Tags.of(x).add("team", ...)` in every language (Go: `awscdk.Tags_Of(x).Add(jsii.String("team"), ...)`). */
  iacTagsOf: {
    regex: /\bTags(?:\.of|\.Of|_Of)\(\s*([\w.]+)\s*\)\s*\.\s*(?:add|Add)\(\s*(?:jsii\.String\(\s*)?["']([^"'\n]+)["']/,
    literals: ['Tags.of', 'Tags.Of', 'Tags_Of'],
    languages: CODE_LANGS,
    maxPerFile: 50,
  },
  /** Pulumi stack transformations that add tags to every resource. */
  iacTransform: {
    regex: new RegExp(String.raw`\b(?:registerStackTransformation|registerResourceTransform|register_stack_transformation|register_resource_transform|RegisterStackTransformation|RegisterResourceTransform|AddResourceTransform)\b${AFTER}`),
    literals: ['ransform'],
    languages: CODE_LANGS,
    maxPerFile: 5,
  },
} satisfies Record<string, PatternSpec>;

export const IAC_CODE_CONTENTS = ['**/Pulumi.yaml', '**/Pulumi.yml', '**/Pulumi.*.yaml', '**/Pulumi.*.yml'] as const;

function frameworkOf(specifier: string): IacFramework | undefined {
  if (/cdktf/i.test(specifier)) return 'cdktf';
  if (/aws-cdk|aws_cdk|awscdk|^Amazon\.CDK|^software\.amazon\.awscdk/i.test(specifier)) return 'cdk';
  if (/pulumi/i.test(specifier)) return 'pulumi';
  return undefined;
}

function cloudOfSpecifier(s: string): IacCloud | undefined {
  if (/aws|awscdk|Amazon\.CDK/i.test(s)) return 'aws';
  if (/gcp|google/i.test(s)) return 'gcp';
  if (/azure/i.test(s)) return 'azure';
  if (/kubernetes|k8s/i.test(s)) return 'kubernetes';
  return undefined;
}

/** `aws_s3`, `awss3`, `AWS.S3`, `aws-s3` -> `s3`; `ecs_patterns` -> `ecspatterns`. */
export function normaliseService(s: string): string {
  return s.toLowerCase().replace(/^(?:amazon\.cdk\.)?aws[-_.]?(?=[a-z0-9])/, '').replace(/[^a-z0-9]/g, '');
}

/** The service module an import specifier names (`aws-cdk-lib/aws-s3`, `software.amazon.awscdk.services.s3.Bucket`, `pulumi_aws.s3`). */
function serviceOfSpecifier(spec: string, cls?: string): string | undefined {
  let s = spec;
  if (cls && s.endsWith(`.${cls}`)) s = s.slice(0, -cls.length - 1);
  const parts = s.split(/[/.]/).filter((p) => p && !/^v\d+$|^sdk$|^go$|^services$|^lib$/.test(p));
  const last = parts[parts.length - 1];
  if (!last || /^(?:aws-cdk-lib|awscdk|aws_cdk|cdk|pulumi|pulumi_aws|pulumi-aws|aws|gcp|azure|com|software|amazon|Amazon|CDK|Pulumi|github\.com)$/i.test(last)) return undefined;
  return normaliseService(last);
}

const NOT_RESOURCES = /^(?:App|Stack|Stage|NestedStack|CfnOutput|CfnParameter|CfnCondition|Duration|Size|RemovalPolicy|Tags|Tag|Construct|Config|StackReference|Output|Provider|ComponentResource|Asset|FileAsset|Environment|PolicyStatement|PolicyDocument|Error|Map|Set|Date|Promise|Array|Object|String|Number|Boolean|RegExp|URL|Buffer)$/;

/** The end of a call whose `(` came just before `text` (strings respected), or the whole text. */
function callText(text: string): string {
  let depth = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === '`') {
      const close = text.indexOf(c, i + 1);
      if (close === -1) return text;
      i = close;
      continue;
    }
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c) && --depth === 0) return text.slice(0, i);
  }
  return text;
}

/** A balanced value starting at `i` (an identifier chain, then any brackets): its text. */
function valueAt(text: string, i: number): string {
  let j = i;
  while (j < text.length && /[\w.$]/.test(text[j]!)) j++;
  while (j < text.length && /\s/.test(text[j]!) && text[j] !== '\n') j++;
  if (j < text.length && '([{'.includes(text[j]!)) return text.slice(i, j + 2 + callText(text.slice(j + 1)).length);
  return text.slice(i, j);
}

/** Keys of a tag map written in any of the languages (object/dict literals, Go maps, C# pairs, Java Map.of, CDK L1 `{key, value}` lists). */
export function codeMapKeys(value: string): { keys: string[]; dynamic: boolean } {
  const v = value.trim();
  if (!/[([{]/.test(v)) return { keys: [], dynamic: true };
  const keys = new Set<string>();
  for (const m of v.matchAll(/\bkey\s*[:=]\s*(?:jsii\.String\(\s*)?["']([^"'\n]+)["']/gi)) keys.add(m[1]!);
  // `"k": v`, `"k" => v`, `("k") = v`; C# collection pairs `{ "k", "v" }`; Java `Map.of("k", "v", ...)` (even arguments).
  for (const m of v.matchAll(/["']([^"'\n]+)["']\s*\)?\s*(?::|=>|=(?!=))/g)) keys.add(m[1]!);
  for (const m of v.matchAll(/\{\s*["']([^"'\n]+)["']\s*,/g)) keys.add(m[1]!);
  for (const m of v.matchAll(/\bMap\.of(?:Entries)?\(([^)]*)\)/g)) {
    [...m[1]!.matchAll(/["']([^"'\n]*)["']/g)].forEach((s, i) => {
      if (i % 2 === 0) keys.add(s[1]!);
    });
  }
  for (const m of v.matchAll(/(?:^|[{(,\s])([A-Za-z_]\w*)\s*(?::(?!:)|=(?![=>]))/g)) if (!/^(?:key|value|tags|labels|Key|Value)$/.test(m[1]!)) keys.add(m[1]!);
  const dynamic = /\.\.\.|\*\*\w/.test(v) || keys.size === 0;
  return { keys: [...keys], dynamic };
}

const TAGS_ARG = /\b(?:tags|Tags|labels|Labels|userLabels|user_labels)\b\s*(?::(?!:)|=(?![=>])|\()\s*/g;

function tagsOfCall(call: string, line: number): TagSet | undefined {
  TAGS_ARG.lastIndex = 0;
  const m = TAGS_ARG.exec(call);
  if (!m) return undefined;
  const value = valueAt(call, m.index + m[0].length);
  const lineOffset = call.slice(0, m.index).split('\n').length - 1;
  return { ...codeMapKeys(value), line: line + lineOffset };
}

function importsByFile(repo: RepoView): Map<string, { spec: string; excerpt: string }[]> {
  const by = new Map<string, { spec: string; excerpt: string }[]>();
  for (const s of repo.imports()) {
    if (s.role !== 'source' || !frameworkOf(s.specifier)) continue;
    let list = by.get(s.path);
    if (!list) by.set(s.path, (list = []));
    list.push({ spec: s.specifier, excerpt: s.excerpt });
  }
  return by;
}

/**
 * CDK/Pulumi constructs and stack-wide tags of production code. The detector spreads
 * IAC_CODE_PATTERNS into its patterns and IAC_CODE_CONTENTS into its contents.
 */
export function readIacCode(repo: RepoView, matches: (name: string) => readonly Match[]): IacCodeModel {
  const imports = importsByFile(repo);
  const model: IacCodeModel = { constructs: [], stackTags: [], files: new Set(imports.keys()) };
  for (const pattern of ['iacNewJs', 'iacCallPy', 'iacNewGo', 'iacNewJvm']) {
    for (const m of matches(pattern)) {
      const imps = imports.get(m.path);
      if (!imps) continue;
      const [v1, v2, c1, c2, first, rest] = m.groups;
      let cls = (c1 ?? c2)!;
      if (pattern === 'iacNewGo') cls = cls.replace('.New', '.');
      if (first === 'ctx' && pattern !== 'iacNewGo') continue;
      const parts = cls.split('.');
      const rawType = parts[parts.length - 1]!;
      if (NOT_RESOURCES.test(rawType)) continue;
      const type = rawType.replace(/^Cfn(?=[A-Z])/, '');
      const qualifier = parts.slice(0, -1);
      const frameworks = imps.map((i) => frameworkOf(i.spec)!);
      const framework: IacFramework = frameworks.includes('pulumi') && (first === '"' || first === "'" || first === '`' || first === 'ctx') ? 'pulumi' : frameworks.includes('cdktf') ? 'cdktf' : frameworks.includes('cdk') ? 'cdk' : 'pulumi';
      let service = '';
      let cloud: IacCloud | undefined;
      if (qualifier.length > 0) {
        // `k8s.apps.v1.Deployment`: the service is the segment before the version.
        service = normaliseService([...qualifier].reverse().find((q) => !/^v\d\w*$/.test(q)) ?? '');
        const head = qualifier[0]!.toLowerCase();
        if (qualifier.length > 1) cloud = /^aws/.test(head) ? 'aws' : /^gcp|^google/.test(head) ? 'gcp' : /^azure/.test(head) ? 'azure' : /^(?:k8s|kubernetes)$/.test(head) ? 'kubernetes' : undefined;
        if (/^(?:cdk|awscdk|pulumi|cdktf|constructs)$/.test(service)) continue;
        // `alias.Type`, `alias.module.Type`: the alias must be an imported module (not `logging.Formatter` or `np.random.Generator` in the same file).
        const alias = qualifier[0]!.replace(/[$]/g, '\\$');
        const imp = imps.find((i) => new RegExp(`(?:^|[^\\w$])${alias}(?![\\w$])`).test(`${i.spec} ${i.excerpt}`));
        if (!imp) continue;
        if (qualifier.length === 1) {
          // Go `appsv1 ".../kubernetes/apps/v1"`: the module path names the service, not the alias.
          const fromSpec = serviceOfSpecifier(imp.spec);
          if (fromSpec && !/^(?:aws|gcp|azure|kubernetes)$/.test(fromSpec)) service = fromSpec;
        }
      } else {
        // An unqualified class: the import that names it (Java, TypeScript named imports), else the only service imported (C# `using`).
        const named = imps.find((i) => i.spec.endsWith(`.${rawType}`) || new RegExp(`(?:^|[^\\w$])${rawType.replace(/[$]/g, '\\$')}(?![\\w$])`).test(i.excerpt));
        const services = [...new Set(imps.map((i) => serviceOfSpecifier(i.spec)).filter((s): s is string => !!s))];
        service = (named && serviceOfSpecifier(named.spec, rawType)) ?? (services.length === 1 ? services[0]! : '');
        if (named) cloud = cloudOfSpecifier(named.spec);
      }
      cloud ??= imps.map((i) => cloudOfSpecifier(i.spec)).find((c) => c !== undefined) ?? 'other';
      if (framework === 'cdk') cloud = 'aws';
      // CDKTF classes are named after the Terraform type (`S3Bucket`): the module path adds nothing.
      if (framework === 'cdktf') service = '';
      const call = callText(rest ?? '');
      const c: IacConstruct = { framework, cloud, service, type, name: service ? `${service}.${type}` : type, path: m.path, line: m.line, excerpt: m.excerpt };
      const variable = v1 || v2;
      if (variable && variable !== '_') c.variable = variable;
      const tags = tagsOfCall(call, m.line);
      if (tags) c.tags = tags;
      model.constructs.push(c);
    }
  }
  for (const m of matches('iacTagsOf')) {
    if (!imports.has(m.path)) continue;
    const target = m.groups[0]!;
    const last = target.split('.').pop()!;
    // `Tags.of(app)`: every stack of the app; `Tags.of(this)` in a stack: the constructs of that file; else one construct.
    const app = /^app$|App$/.test(last);
    const file = /^(?:this|self|scope|stack)$|Stack$/.test(last);
    model.stackTags.push({ framework: 'cdk', path: m.path, line: m.line, keys: [m.groups[1]!], ...(app ? {} : file ? { fileOnly: true } : { target }) });
  }
  for (const m of matches('iacTransform')) {
    if (!imports.has(m.path)) continue;
    const after = m.groups[0] ?? '';
    const t = tagsOfCall(after.slice(0, 1500), m.line);
    if (t && t.keys.length > 0) model.stackTags.push({ framework: 'pulumi', path: m.path, line: t.line, keys: t.keys });
  }
  model.stackTags.push(...pulumiDefaultTags(repo));
  const yamlResources = pulumiYamlResources(repo);
  model.constructs.push(...yamlResources);
  for (const c of yamlResources) model.files.add(c.path);
  return model;
}

/**
 * Provider default tags/labels in Pulumi config (`aws:defaultTags`, `gcp:defaultLabels`): in the
 * project file (Pulumi.yaml) they hold for every stack; in stack files only when every stack sets them.
 */
export function pulumiDefaultTags(repo: RepoView): StackTags[] {
  const read = (path: string): StackTags | undefined => {
    const text = repo.text(path);
    if (!text) return undefined;
    let doc;
    try {
      doc = parseDocument(text);
    } catch {
      return undefined;
    }
    const config = doc.get('config', true);
    if (!isMap(config)) return undefined;
    for (const pair of config.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!/^(?:aws:defaultTags|gcp:defaultLabels|google-native:defaultLabels)$/.test(key)) continue;
      let v: unknown = pair.value && typeof pair.value === 'object' && 'toJSON' in pair.value ? (pair.value as { toJSON(): unknown }).toJSON() : undefined;
      if (v && typeof v === 'object' && 'value' in v) v = (v as { value: unknown }).value;
      if (v && typeof v === 'object' && 'tags' in v) v = (v as { tags: unknown }).tags;
      if (!v || typeof v !== 'object') continue;
      const line = text.slice(0, (pair.key as { range?: number[] }).range?.[0] ?? 0).split('\n').length;
      return { framework: 'pulumi', path, line, keys: Object.keys(v), cloud: key.startsWith('aws') ? 'aws' : 'gcp' };
    }
    return undefined;
  };
  const projects = repo.glob(['**/Pulumi.yaml', '**/Pulumi.yml'], ['iac', 'config', 'other']);
  const out: StackTags[] = [];
  for (const p of projects) {
    const dir = p.path.slice(0, p.path.lastIndexOf('/') + 1);
    const own = read(p.path);
    if (own) {
      out.push(own);
      continue;
    }
    const stacks = repo.glob([`${dir}Pulumi.*.yaml`, `${dir}Pulumi.*.yml`], ['iac', 'config', 'other']).filter((f) => f.path.slice(dir.length).indexOf('/') === -1);
    const tagged = stacks.map((s) => read(s.path));
    if (stacks.length > 0 && tagged.every((t) => t !== undefined)) {
      const keys = tagged.map((t) => t!.keys).reduce((a, b) => a.filter((k) => b.includes(k)));
      out.push({ ...tagged[0]!, keys });
    }
  }
  return out;
}

/** `aws:s3/bucketV2:BucketV2` -> cloud, service, type. */
function pulumiToken(token: string): { cloud: IacCloud; service: string; type: string } | undefined {
  const [pkg, mod, type] = token.split(':');
  if (!pkg || !mod || !type) return undefined;
  const cloud: IacCloud = /^aws/.test(pkg) ? 'aws' : /^(?:gcp|google)/.test(pkg) ? 'gcp' : /^azure/.test(pkg) ? 'azure' : pkg === 'kubernetes' ? 'kubernetes' : 'other';
  return { cloud, service: normaliseService(mod.split('/')[0]!), type };
}

/** Resources of Pulumi YAML programs (`runtime: yaml`, a `resources:` map in Pulumi.yaml). */
export function pulumiYamlResources(repo: RepoView): IacConstruct[] {
  const out: IacConstruct[] = [];
  for (const f of repo.glob(['**/Pulumi.yaml', '**/Pulumi.yml'], ['iac', 'config', 'other'])) {
    const text = repo.text(f.path);
    if (!text || !/^resources\s*:/m.test(text)) continue;
    const lc = new LineCounter();
    let doc;
    try {
      doc = parseDocument(text, { lineCounter: lc });
    } catch {
      continue;
    }
    const resources = doc.get('resources', true);
    if (!isMap(resources)) continue;
    const lineOf = (n: unknown): number => {
      const r = (n as Node | undefined)?.range;
      return r ? lc.linePos(r[0]).line : 1;
    };
    for (const pair of resources.items) {
      if (!isMap(pair.value)) continue;
      const token = pair.value.get('type');
      const t = typeof token === 'string' ? pulumiToken(token) : undefined;
      if (!t) continue;
      const c: IacConstruct = { framework: 'pulumi', cloud: t.cloud, service: t.service, type: t.type, name: `${t.service}.${t.type}`, path: f.path, line: lineOf(pair.key), excerpt: `${String((pair.key as { value?: unknown }).value)}: ${token}` };
      const props = pair.value.get('properties', true);
      if (isMap(props)) {
        const tagPair = props.items.find((p) => isScalar(p.key) && /^(?:tags|labels)$/.test(String(p.key.value)));
        if (tagPair) {
          const v = tagPair.value;
          c.tags = isMap(v)
            ? { keys: v.items.map((p) => String((p.key as { value?: unknown })?.value ?? '')), dynamic: false, line: lineOf(tagPair.key) }
            : { keys: [], dynamic: true, line: lineOf(tagPair.key) };
        }
      }
      out.push(c);
    }
  }
  return out;
}
