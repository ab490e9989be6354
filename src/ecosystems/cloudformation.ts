// CloudFormation and SAM templates (YAML or JSON) read as data: each resource's logical id, type,
// line, tags and properties. The short-form intrinsic functions (`!Ref`, `!Sub`, `!GetAtt` ...) are
// custom YAML tags: they are read as their long form (`{ Ref: x }`, `{ 'Fn::Sub': ... }`), so a
// template parses without warnings and an intrinsic value is recognisable as one.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type Tags } from 'yaml';
import type { TagSet } from './iac-tags.ts';

const INTRINSICS = ['Ref', 'Condition', 'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform', 'If', 'Equals', 'And', 'Or', 'Not', 'Length', 'ToJsonString'];

function longForm(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/** Custom tags for the `yaml` package: each intrinsic as a scalar, a sequence or a mapping. */
export const CFN_YAML_TAGS: Tags = INTRINSICS.flatMap((name) => [
  { tag: `!${name}`, resolve: (s: string) => ({ [longForm(name)]: name === 'GetAtt' ? s.split('.') : s }) },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (seq: { toJSON(): unknown }) => ({ [longForm(name)]: seq.toJSON() }) },
  { tag: `!${name}`, collection: 'map' as const, resolve: (map: { toJSON(): unknown }) => ({ [longForm(name)]: map.toJSON() }) },
]) as unknown as Tags;

/** A long-form intrinsic (`{ Ref: x }`, `{ 'Fn::Sub': ... }`): a value only known at deploy time. */
export function isIntrinsic(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && /^(?:Ref|Condition|Fn::\w+)$/.test(keys[0]!);
}

export interface CfnResource {
  logicalId: string;
  type: string;
  file: string;
  line: number;
  tags?: TagSet;
  /** The resource's Properties as plain data (intrinsic functions in their long form, `{ Ref: x }`). */
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
    (isScalar(n) && (isIntrinsic(n.value) || (typeof n.tag === 'string' && n.tag.startsWith('!')))) ||
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
    doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, prettyErrors: false, customTags: CFN_YAML_TAGS });
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
