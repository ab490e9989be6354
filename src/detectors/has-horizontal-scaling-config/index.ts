import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, Match } from '../../core/types.ts';
import { autoscalingValuesOutsideCharts, HELM_PATTERNS, HELM_VALUES_GLOBS, helmGuards, YAML_MANIFESTS, YAML_DOC_SEPARATOR, yamlDocumentKey } from '../../ecosystems/kubernetes.ts';

const TF = { roles: ['iac'] as const, languages: ['hcl'] as const };
const COMPOSE = /(^|\/)(docker-)?compose[^/]*\.ya?ml$/;
const atLeastTwo = (m: Match): boolean => Number(m.groups[0]) >= 2;

export default defineDetector({
  id: 'has-horizontal-scaling-config',
  pillar: 'scalability',
  question: 'Is the platform configured to run on more than one host or process (replicas >= 2, autoscaler, ECS desired count, PM2 cluster, ASG minimum)?',
  rationale: 'Running two or more instances is what proves the service scales out, and keeps it up while one instance restarts.',
  patterns: {
    replicas: { regex: /^[ \t]*replicas:[ \t]*["']?(\d+)/m, literals: ['replicas:'], ...YAML_MANIFESTS, maxPerFile: 200 },
    workloadKind: { regex: /^[ \t]*kind:[ \t]*["']?(?:Deployment|StatefulSet|ReplicaSet|Rollout)\b/m, literals: ['kind:'], ...YAML_MANIFESTS, maxPerFile: 200 },
    docSeparator: YAML_DOC_SEPARATOR,
    replicaCount: { regex: /^[ \t]*replicaCount:[ \t]*["']?(\d+)/m, literals: ['replicaCount:'], ...YAML_MANIFESTS, maxPerFile: 200 },
    autoscalerKind: { regex: /^[ \t]*kind:[ \t]*["']?(HorizontalPodAutoscaler|ScaledObject)\b/m, literals: ['HorizontalPodAutoscaler', 'ScaledObject'], ...YAML_MANIFESTS },
    // Helm templates render a manifest only when their `{{ if .Values... }}` guards hold.
    ...HELM_PATTERNS,
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
  contents: HELM_VALUES_GLOBS,
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const guardsHold = helmGuards(repo, matches('helmIf'));
    // `replicas:` counts inside a YAML document (between `---` lines) whose kind is a workload.
    const docOf = yamlDocumentKey(matches('docSeparator'));
    const workloadDocs = new Set(matches('workloadKind').map(docOf));
    evidence.push(
      ...matches('replicas')
        .filter((m) => atLeastTwo(m) && (workloadDocs.has(docOf(m)) || COMPOSE.test(m.path)) && guardsHold(m))
        .map((m) => fromMatch(m, `${m.groups[0]} replicas`)),
    );
    evidence.push(...matches('replicaCount').filter(atLeastTwo).map((m) => fromMatch(m, `${m.groups[0]} replicas (Helm values)`)));
    const enabledValues = autoscalingValuesOutsideCharts(repo, matches('valuesAutoscaling'));
    evidence.push(...matches('autoscalerKind').filter(guardsHold).map((m) => fromMatch(m, `${m.groups[0]}`)));
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
