// Kubernetes manifests and Helm charts as data: which chart a file belongs to, values read from
// values files, and whether the `{{ if .Values... }}` guards around a manifest hold.
import type { PatternSpec, RepoView } from '../core/detector.ts';
import type { Match } from '../core/types.ts';

/** Where deployment manifests (Kubernetes, Helm templates and values, compose) live: YAML outside production code. */
export const YAML_MANIFESTS = { roles: ['iac', 'config', 'other'] as const, languages: ['yaml'] as const };

/** `---` lines between the documents of a multi-document YAML file (for yamlDocumentKey). */
export const YAML_DOC_SEPARATOR = { regex: /^---/m, literals: ['---'], ...YAML_MANIFESTS, maxPerFile: 1000 } satisfies PatternSpec;

/**
 * A key naming the YAML document a match is in, given the `---` separator matches of its file.
 * Separators are indexed by path once, so keying n matches costs O(n log s), not O(n * s).
 */
export function yamlDocumentKey(separators: readonly Match[]): (m: Match) => string {
  const linesByPath = new Map<string, number[]>();
  for (const s of separators) {
    const lines = linesByPath.get(s.path);
    if (lines) lines.push(s.line);
    else linesByPath.set(s.path, [s.line]);
  }
  for (const lines of linesByPath.values()) lines.sort((a, b) => a - b);
  return (m) => `${m.path}#${countAtOrBefore(linesByPath.get(m.path), m.line)}`;
}

/** How many of the sorted `lines` are <= line (binary search). */
function countAtOrBefore(lines: readonly number[] | undefined, line: number): number {
  if (!lines) return 0;
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lines[mid]! <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Group items by a key, keeping their order (build once, then look up per path instead of filtering). */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = out.get(k);
    if (group) group.push(item);
    else out.set(k, [item]);
  }
  return out;
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
  return yamlScalars(text).get(JSON.stringify(path));
}

/**
 * Every key path of a plain YAML map (block style, no anchors) with its scalar, parsed in one pass:
 * keys are `JSON.stringify(path)`; where a path repeats, the first occurrence wins (as in yamlValue).
 * Parse a file once and look paths up, rather than calling yamlValue per path.
 */
export function yamlScalars(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const stack: { indent: number; key: string }[] = [];
  for (const raw of text.split('\n')) {
    const m = /^([ \t]*)(?:"([^"]+)"|'([^']+)'|([\w.-]+))[ \t]*:(?:[ \t]+(.*))?$/.exec(raw.replace(/\s+#.*$/, '').trimEnd());
    if (!m) continue;
    const indent = m[1]!.length;
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    stack.push({ indent, key: m[2] ?? m[3] ?? m[4]! });
    const key = JSON.stringify(stack.map((s) => s.key));
    if (!out.has(key)) out.set(key, (m[5] ?? '').trim().replace(/^["']|["']$/g, ''));
  }
  return out;
}

const dirOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/** The local Helm chart a file belongs to (the nearest folder with a Chart.yaml), if any. */
export function chartOf(repo: RepoView, path: string): string | undefined {
  return chartResolver(repo)(path);
}

/** chartOf for many paths: memoised per folder, so each folder's Chart.yaml lookup happens once. */
export function chartResolver(repo: RepoView): (path: string) => string | undefined {
  const byDir = new Map<string, string | undefined>();
  const chartOfDir = (dir: string): string | undefined => {
    if (byDir.has(dir)) return byDir.get(dir);
    const chart = repo.file(dir ? `${dir}/Chart.yaml` : 'Chart.yaml') ? dir : dir ? chartOfDir(dirOf(dir)) : undefined;
    byDir.set(dir, chart);
    return chart;
  };
  return (path) => chartOfDir(dirOf(path));
}

/**
 * Whether the `{{ if .Values.x.enabled }}` guards above a manifest line hold in the chart's values
 * (or in values files kept outside any chart). Guards that are not plain `and`s of values fail.
 * For many targets use helmGuards, which indexes the guards and values files once.
 */
export function helmGuardsHold(repo: RepoView, guards: readonly Match[], target: Match): boolean {
  return helmGuards(repo, guards)(target);
}

/**
 * helmGuardsHold for many targets: guards are indexed by path, the values files are globbed and
 * parsed once, and each chart's verdict on a condition is memoised.
 */
export function helmGuards(repo: RepoView, guards: readonly Match[]): (target: Match) => boolean {
  const conditionsByPath = groupBy(
    guards.filter((g) => (g.groups[0] ?? '').includes('.Values.')),
    (g) => g.path,
  );
  const chartOfPath = chartResolver(repo);
  let valuesFiles: { path: string; outsideCharts: boolean; scalars: () => Map<string, string> }[] | undefined;
  const valuesOf = (): NonNullable<typeof valuesFiles> => {
    valuesFiles ??= repo.glob(HELM_VALUES_GLOBS, ['iac', 'config', 'other']).map((f) => {
      let scalars: Map<string, string> | undefined;
      return { path: f.path, outsideCharts: chartOfPath(f.path) === undefined, scalars: () => (scalars ??= yamlScalars(repo.text(f.path) ?? '')) };
    });
    return valuesFiles;
  };
  const valuesByChart = new Map<string, ReturnType<typeof valuesOf>>();
  const verdicts = new Map<string, boolean>();
  const conditionHolds = (chart: string, condition: string): boolean => {
    const memo = `${chart}\n${condition}`;
    const known = verdicts.get(memo);
    if (known !== undefined) return known;
    let values = valuesByChart.get(chart);
    if (!values) {
      values = valuesOf().filter((f) => f.path.startsWith(chart ? `${chart}/` : '') || f.outsideCharts);
      valuesByChart.set(chart, values);
    }
    const tokens = condition.replace(/[()]/g, ' ').trim().split(/\s+/);
    const holds =
      !tokens.some((t) => t !== 'and' && !t.startsWith('.Values.')) &&
      tokens
        .filter((t) => t.startsWith('.Values.'))
        .every((t) => {
          const key = JSON.stringify(t.slice('.Values.'.length).split('.'));
          return values.some((v) => /^(?:true|yes|on)$/i.test(v.scalars().get(key) ?? ''));
        });
    verdicts.set(memo, holds);
    return holds;
  };
  return (target) => {
    const conditions = (conditionsByPath.get(target.path) ?? []).filter((g) => g.line < target.line);
    if (conditions.length === 0) return true;
    const chart = chartOfPath(target.path) ?? (target.path.includes('/templates/') ? target.path.slice(0, target.path.indexOf('/templates/')) : dirOf(target.path));
    return conditions.every((c) => conditionHolds(chart, c.groups[0] ?? ''));
  };
}

/**
 * Values enabling autoscaling (`valuesAutoscaling` matches) count on their own only outside a
 * local chart (e.g. overrides of a remote chart); a local chart's values count through its
 * guarded templates.
 */
export function autoscalingValuesOutsideCharts(repo: RepoView, enabled: readonly Match[]): Match[] {
  const chartOfPath = chartResolver(repo);
  return enabled.filter((e) => chartOfPath(e.path) === undefined);
}
