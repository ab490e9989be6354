import { defineDetector, fromMatch, no, yes, type RepoView } from '../../core/detector.ts';
import type { EvidenceItem, Match } from '../../core/types.ts';

const MANIFESTS = { roles: ['iac', 'config', 'other'] as const, languages: ['yaml'] as const };
const TF = { roles: ['iac'] as const, languages: ['hcl'] as const };
const COMPOSE = /(^|\/)(docker-)?compose[^/]*\.ya?ml$/;
const atLeastTwo = (m: Match): boolean => Number(m.groups[0]) >= 2;

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
  id: 'has-horizontal-scaling-config',
  pillar: 'scalability',
  question: 'Is the platform configured to run on more than one host or process (replicas >= 2, autoscaler, ECS desired count, PM2 cluster, ASG minimum)?',
  rationale: 'Running two or more instances is what proves the service scales out, and keeps it up while one instance restarts.',
  patterns: {
    replicas: { regex: /^[ \t]*replicas:[ \t]*["']?(\d+)/m, literals: ['replicas:'], ...MANIFESTS, maxPerFile: 200 },
    workloadKind: { regex: /^[ \t]*kind:[ \t]*["']?(?:Deployment|StatefulSet|ReplicaSet|Rollout)\b/m, literals: ['kind:'], ...MANIFESTS, maxPerFile: 200 },
    docSeparator: { regex: /^---/m, literals: ['---'], ...MANIFESTS, maxPerFile: 1000 },
    replicaCount: { regex: /^[ \t]*replicaCount:[ \t]*["']?(\d+)/m, literals: ['replicaCount:'], ...MANIFESTS, maxPerFile: 200 },
    autoscalerKind: { regex: /^[ \t]*kind:[ \t]*["']?(HorizontalPodAutoscaler|ScaledObject)\b/m, literals: ['HorizontalPodAutoscaler', 'ScaledObject'], ...MANIFESTS },
    // Helm templates render a manifest only when their `{{ if .Values... }}` guards hold.
    helmIf: { regex: /\{\{-?\s*if\s+(.*?)\s*-?\}\}/, literals: ['{{'], ...MANIFESTS, maxPerFile: 50 },
    valuesAutoscaling: {
      regex: /^([ \t]*)autoscaling:[ \t]*\n(?:\1[ \t]+[^\n]*\n|[ \t]*\n){0,8}?\1[ \t]+enabled:[ \t]*true\b/m,
      literals: ['autoscaling:'],
      ...MANIFESTS,
    },
    tfCount: {
      regex: /\b(?:desired_count|min_size|min_capacity|min_instance_count|min_node_count|min_replicas|min_instances)\s*=\s*(\d+)/,
      literals: ['desired_count', 'min_size', 'min_capacity', 'min_instance_count', 'min_node_count', 'min_replicas', 'min_instances'],
      ...TF,
      maxPerFile: 200,
    },
    cfnCount: { regex: /\b(?:DesiredCount|MinSize|MinCapacity)["']?\s*:\s*["']?(\d+)/, literals: ['DesiredCount', 'MinSize', 'MinCapacity'], roles: ['iac', 'config'], languages: ['yaml', 'json'] },
    knativeMin: {
      regex: /autoscaling\.knative\.dev\/min-?[Ss]cale["']?\s*[:=]\s*["']?(\d+)|--min-instances[= ](\d+)/,
      literals: ['autoscaling.knative.dev/min', '--min-instances'],
      roles: ['iac', 'config', 'other', 'ci', 'source'],
    },
    pm2: {
      regex: /\bexec_mode["']?\s*:\s*['"]cluster(?:_mode)?['"]|\binstances["']?\s*:\s*(?:['"](?:max|-1|0)['"]|-1\b|0\b|[2-9]|\d{2,})|\bpm2(?:-runtime)?\s+start\b[^\n]*\s-i\s+(?:max|-1|0\b|[2-9]|\d{2,})/,
      literals: ['exec_mode', 'instances', 'pm2'],
      roles: ['source', 'config', 'other'],
      paths: ['**/ecosystem*.config.*', '**/ecosystem*.json', '**/pm2*.json', '**/pm2*.y*ml', '**/process*.json', '**/Dockerfile*', '**/package.json', '**/Procfile'],
    },
    herokuFormation: { regex: /"quantity"\s*:\s*(\d+)/, literals: ['quantity'], roles: ['config', 'other'], paths: ['**/app.json'] },
    flyMachines: { regex: /\bmin_machines_running\s*=\s*(\d+)/, literals: ['min_machines_running'], roles: ['config', 'other'], paths: ['**/fly.toml'] },
  },
  contents: VALUES_GLOBS,
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const guards = matches('helmIf');
    // `replicas:` counts inside a YAML document (between `---` lines) whose kind is a workload.
    const separators = matches('docSeparator');
    const docOf = (m: Match): string => `${m.path}#${separators.filter((s) => s.path === m.path && s.line <= m.line).length}`;
    const workloadDocs = new Set(matches('workloadKind').map(docOf));
    evidence.push(
      ...matches('replicas')
        .filter((m) => atLeastTwo(m) && (workloadDocs.has(docOf(m)) || COMPOSE.test(m.path)) && helmGuardsHold(repo, guards, m))
        .map((m) => fromMatch(m, `${m.groups[0]} replicas`)),
    );
    evidence.push(...matches('replicaCount').filter(atLeastTwo).map((m) => fromMatch(m, `${m.groups[0]} replicas (Helm values)`)));
    const enabled = matches('valuesAutoscaling');
    // Values enabling autoscaling count on their own only outside a local chart (e.g. overrides of
    // a remote chart); a local chart's values count through its guarded templates.
    const enabledValues = enabled.filter((e) => chartOf(repo, e.path) === undefined);
    evidence.push(...matches('autoscalerKind').filter((m) => helmGuardsHold(repo, guards, m)).map((m) => fromMatch(m, `${m.groups[0]}`)));
    evidence.push(...enabledValues.map((m) => fromMatch(m, 'autoscaling enabled (Helm values)')));
    evidence.push(...[...matches('tfCount'), ...matches('cfnCount')].filter(atLeastTwo).map((m) => fromMatch(m, `${m.groups[0]} instances/tasks`)));
    evidence.push(...matches('knativeMin').filter((m) => Number(m.groups[0] ?? m.groups[1]) >= 2).map((m) => fromMatch(m, 'minimum instances >= 2')));
    evidence.push(...matches('pm2').map((m) => fromMatch(m, 'PM2 cluster mode')));
    evidence.push(...[...matches('herokuFormation'), ...matches('flyMachines')].filter(atLeastTwo).map((m) => fromMatch(m, `${m.groups[0]} instances`)));
    if (evidence.length === 0) return no('No configuration runs the service on two or more hosts or processes.');
    const seen = new Set<string>();
    const unique = evidence
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)))
      .filter((e) => !seen.has(`${e.path}:${e.line}`) && seen.add(`${e.path}:${e.line}`));
    return yes(`Configured to run more than one instance at ${unique.length} place(s).`, unique.slice(0, 10));
  },
});
