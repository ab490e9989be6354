// Kubernetes manifests and Helm charts as data: which chart a file belongs to, values read from
// values files, and whether the `{{ if .Values... }}` guards around a manifest hold.
import type { PatternSpec, RepoView } from '../core/detector.ts';
import type { Match } from '../core/types.ts';

/** Where deployment manifests (Kubernetes, Helm templates and values, compose) live: YAML outside production code. */
export const YAML_MANIFESTS = { roles: ['iac', 'config', 'other'] as const, languages: ['yaml'] as const };

/** `---` lines between the documents of a multi-document YAML file (for yamlDocumentKey). */
export const YAML_DOC_SEPARATOR = { regex: /^---/m, literals: ['---'], ...YAML_MANIFESTS, maxPerFile: 1000 } satisfies PatternSpec;

/** A key naming the YAML document a match is in, given the `---` separator matches of its file. */
export function yamlDocumentKey(separators: readonly Match[]): (m: Match) => string {
  return (m) => `${m.path}#${separators.filter((s) => s.path === m.path && s.line <= m.line).length}`;
}

/** Helm values files; detectors calling helmGuardsHold declare these as `contents`. */
export const HELM_VALUES_GLOBS = ['**/values*.yaml', '**/values*.yml'];

/** Patterns for helmGuardsHold and autoscalingValuesOutsideCharts (spread into a detector's `patterns`). */
export const HELM_PATTERNS = {
  // Helm templates render a manifest only when their `{{ if .Values... }}` guards hold.
  helmIf: { regex: /\{\{-?\s*if\s+(.*?)\s*-?\}\}/, literals: ['{{'], ...YAML_MANIFESTS, maxPerFile: 50 },
  valuesAutoscaling: {
    regex: /^([ \t]*)autoscaling:[ \t]*\n(?:\1[ \t]+[^\n]*\n|[ \t]*\n){0,8}?\1[ \t]+enabled:[ \t]*true\b/m,
    literals: ['autoscaling:'],
    ...YAML_MANIFESTS,
  },
} satisfies Record<string, PatternSpec>;

/** The scalar at a dotted path of a plain YAML map (block style, no anchors), or undefined. */
export function yamlValue(text: string, path: readonly string[]): string | undefined {
  const stack: { indent: number; key: string }[] = [];
  for (const raw of text.split('\n')) {
    const m = /^([ \t]*)(?:"([^"]+)"|'([^']+)'|([\w.-]+))[ \t]*:(?:[ \t]+(.*))?$/.exec(raw.replace(/\s+#.*$/, '').trimEnd());
    if (!m) continue;
    const indent = m[1]!.length;
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    stack.push({ indent, key: m[2] ?? m[3] ?? m[4]! });
    if (stack.length === path.length && stack.every((s, i) => s.key === path[i])) return (m[5] ?? '').trim().replace(/^["']|["']$/g, '');
  }
  return undefined;
}

const dirOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/** The local Helm chart a file belongs to (the nearest folder with a Chart.yaml), if any. */
export function chartOf(repo: RepoView, path: string): string | undefined {
  for (let dir = dirOf(path); ; dir = dirOf(dir)) {
    if (repo.file(dir ? `${dir}/Chart.yaml` : 'Chart.yaml')) return dir;
    if (!dir) return undefined;
  }
}

/**
 * Whether the `{{ if .Values.x.enabled }}` guards above a manifest line hold in the chart's values
 * (or in values files kept outside any chart). Guards that are not plain `and`s of values fail.
 */
export function helmGuardsHold(repo: RepoView, guards: readonly Match[], target: Match): boolean {
  const conditions = guards.filter((g) => g.path === target.path && g.line < target.line && (g.groups[0] ?? '').includes('.Values.'));
  if (conditions.length === 0) return true;
  const chart = chartOf(repo, target.path) ?? (target.path.includes('/templates/') ? target.path.slice(0, target.path.indexOf('/templates/')) : dirOf(target.path));
  const values = repo
    .glob(HELM_VALUES_GLOBS, ['iac', 'config', 'other'])
    .filter((f) => f.path.startsWith(chart ? `${chart}/` : '') || chartOf(repo, f.path) === undefined)
    .map((f) => repo.text(f.path) ?? '');
  return conditions.every((c) => {
    const tokens = (c.groups[0] ?? '').replace(/[()]/g, ' ').trim().split(/\s+/);
    if (tokens.some((t) => t !== 'and' && !t.startsWith('.Values.'))) return false;
    return tokens
      .filter((t) => t.startsWith('.Values.'))
      .every((t) => values.some((v) => /^(?:true|yes|on)$/i.test(yamlValue(v, t.slice('.Values.'.length).split('.')) ?? '')));
  });
}

/**
 * Values enabling autoscaling (`valuesAutoscaling` matches) count on their own only outside a
 * local chart (e.g. overrides of a remote chart); a local chart's values count through its
 * guarded templates.
 */
export function autoscalingValuesOutsideCharts(repo: RepoView, enabled: readonly Match[]): Match[] {
  return enabled.filter((e) => chartOf(repo, e.path) === undefined);
}
