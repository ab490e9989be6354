import { defineDetector, fromMatch, no, yes, type RepoView } from '../../core/detector.ts';
import type { EvidenceItem, Match } from '../../core/types.ts';

const MANIFESTS = { roles: ['iac', 'config', 'other'] as const, languages: ['yaml'] as const };

// --- Helm guards (shared verbatim by has-horizontal-scaling-config and autoscales-on-metrics) ---

/** The scalar at a dotted path of a plain YAML map (block style, no anchors), or undefined. */
function yamlValue(text: string, path: readonly string[]): string | undefined {
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
function chartOf(repo: RepoView, path: string): string | undefined {
  for (let dir = dirOf(path); ; dir = dirOf(dir)) {
    if (repo.file(dir ? `${dir}/Chart.yaml` : 'Chart.yaml')) return dir;
    if (!dir) return undefined;
  }
}

/**
 * Whether the `{{ if .Values.x.enabled }}` guards above a manifest line hold in the chart's values
 * (or in values files kept outside any chart). Guards that are not plain `and`s of values fail.
 */
function helmGuardsHold(repo: RepoView, guards: readonly Match[], target: Match): boolean {
  const conditions = guards.filter((g) => g.path === target.path && g.line < target.line && (g.groups[0] ?? '').includes('.Values.'));
  if (conditions.length === 0) return true;
  const chart = chartOf(repo, target.path) ?? (target.path.includes('/templates/') ? target.path.slice(0, target.path.indexOf('/templates/')) : dirOf(target.path));
  const values = repo
    .glob(VALUES_GLOBS, ['iac', 'config', 'other'])
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

const VALUES_GLOBS = ['**/values*.yaml', '**/values*.yml'];

// --- end of Helm guards ---

export default defineDetector({
  id: 'autoscales-on-metrics',
  pillar: 'scalability',
  question: 'Is autoscaling on measured signals configured (HPA, KEDA, target-tracking policies, cloud autoscalers)?',
  rationale: 'Scaling on CPU, latency or queue depth follows real load; a fixed instance count is either wasted money or an outage at peak.',
  patterns: {
    k8sAutoscaler: {
      regex: /^[ \t]*kind:[ \t]*["']?(HorizontalPodAutoscaler|ScaledObject|ScaledJob)\b/m,
      literals: ['HorizontalPodAutoscaler', 'ScaledObject', 'ScaledJob'],
      ...MANIFESTS,
    },
    // Helm templates render a manifest only when their `{{ if .Values... }}` guards hold.
    helmIf: { regex: /\{\{-?\s*if\s+(.*?)\s*-?\}\}/, literals: ['{{'], ...MANIFESTS, maxPerFile: 50 },
    valuesAutoscaling: {
      regex: /^([ \t]*)autoscaling:[ \t]*\n(?:\1[ \t]+[^\n]*\n|[ \t]*\n){0,8}?\1[ \t]+enabled:[ \t]*true\b/m,
      literals: ['autoscaling:'],
      ...MANIFESTS,
    },
    tfAutoscaling: {
      regex: /^[ \t]*resource[ \t]+"(aws_appautoscaling_policy|aws_autoscaling_policy|google_compute_autoscaler|google_compute_region_autoscaler|azurerm_monitor_autoscale_setting)"/m,
      literals: ['resource'],
      roles: ['iac'],
      languages: ['hcl'],
    },
    cfnAutoscaling: {
      regex: /AWS::ApplicationAutoScaling::ScalingPolicy|AWS::AutoScaling::ScalingPolicy/,
      literals: ['AutoScaling::ScalingPolicy'],
      roles: ['iac', 'config'],
      languages: ['yaml', 'json'],
    },
    knative: {
      regex: /autoscaling\.knative\.dev\/(?:target|metric|class|min-?[Ss]cale|max-?[Ss]cale)\b/,
      literals: ['autoscaling.knative.dev/'],
      roles: ['iac', 'config', 'other'],
      languages: ['yaml', 'hcl'],
      maxPerFile: 1,
    },
  },
  contents: VALUES_GLOBS,
  detect({ repo, matches }) {
    const enabled = matches('valuesAutoscaling');
    // Values enabling autoscaling count on their own only outside a local chart (e.g. overrides of
    // a remote chart); a local chart's values count through its guarded templates.
    const enabledValues = enabled.filter((e) => chartOf(repo, e.path) === undefined);
    const guards = matches('helmIf');
    const evidence: EvidenceItem[] = [
      ...matches('k8sAutoscaler').filter((m) => helmGuardsHold(repo, guards, m)).map((m) => fromMatch(m, `${m.groups[0]}`)),
      ...enabledValues.map((m) => fromMatch(m, 'autoscaling enabled (Helm values)')),
      ...matches('tfAutoscaling').map((m) => fromMatch(m, `${m.groups[0]}`)),
      ...matches('cfnAutoscaling').map((m) => fromMatch(m, 'CloudFormation scaling policy')),
      ...matches('knative').map((m) => fromMatch(m, 'Knative / Cloud Run autoscaling')),
    ];
    if (evidence.length === 0) return no('No autoscaling on measured signals (HPA, KEDA, scaling policies, cloud autoscalers) is configured.');
    evidence.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)));
    return yes(`Autoscaling on measured signals is configured at ${evidence.length} place(s).`, evidence.slice(0, 10));
  },
});
