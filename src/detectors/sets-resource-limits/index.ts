import { defineDetector, fromMatch, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { groupBy, YAML_MANIFESTS, YAML_DOC_SEPARATOR, yamlDocumentKey } from '../../ecosystems/kubernetes.ts';

const TF = { roles: ['iac'] as const, languages: ['hcl'] as const };
const COMPOSE = /(^|\/)(docker-)?compose[^/]*\.ya?ml$/;
const VALUES = /(^|\/)values[^/]*\.ya?ml$/;

export default defineDetector({
  id: 'sets-resource-limits',
  pillar: 'scalability',
  question: 'Do workloads declare resource requests or limits (Kubernetes resources, ECS task cpu/memory, compose limits)?',
  rationale: 'Requests and limits let the scheduler pack and scale workloads predictably, and stop one runaway process from starving its neighbours.',
  measures: { 'workloads-with-limits': { unit: 'workloads', description: 'Workload definitions that declare CPU/memory requests or limits' } },
  patterns: {
    workloadKind: {
      regex: /^[ \t]*kind:[ \t]*["']?(Deployment|StatefulSet|DaemonSet|Job|CronJob|Pod|ReplicaSet|Rollout)["']?[ \t]*$/m,
      literals: ['kind:'],
      ...YAML_MANIFESTS,
      maxPerFile: 500,
    },
    docSeparator: YAML_DOC_SEPARATOR,
    // `resources:` followed by `limits:` / `requests:` (k8s, Helm values) or `limits:` / `reservations:` (compose).
    resources: {
      regex: /^([ \t]*)resources:[ \t]*\n(?:[ \t]*\n)*\1[ \t]+(?:limits|requests|reservations):/m,
      literals: ['resources:'],
      ...YAML_MANIFESTS,
      maxPerFile: 500,
    },
    // Helm templates that take resources from values: `resources: {{ toYaml .Values.resources }}`.
    resourcesTemplated: {
      regex: /^([ \t]*)resources:[ \t]*(?:\{\{|\n(?:[ \t]*\n)*[ \t]*\{\{)/m,
      literals: ['resources:'],
      ...YAML_MANIFESTS,
      maxPerFile: 500,
    },
    composeLimits: { regex: /^[ \t]*(?:mem_limit|cpus|mem_reservation):/m, literals: ['mem_limit', 'cpus', 'mem_reservation'], ...YAML_MANIFESTS, maxPerFile: 500 },
    ecsTask: { regex: /^[ \t]*resource[ \t]+"aws_ecs_task_definition"[ \t]+"([\w-]+)"/m, literals: ['aws_ecs_task_definition'], ...TF, maxPerFile: 500 },
    tfBlock: {
      regex: /^(?:resource|data|module|variable|output|locals|provider|terraform)\b/m,
      literals: ['resource', 'data', 'module', 'variable', 'output', 'locals', 'provider', 'terraform'],
      ...TF,
      maxPerFile: 4000,
    },
    tfCpuMemory: { regex: /["']?\b(?:cpu|memory|memoryReservation)["']?\s*[=:]\s*["']?\d/, literals: ['cpu', 'memory'], ...TF, maxPerFile: 1000 },
    // kubernetes_deployment / Cloud Run: resources { limits = { ... } }
    tfResources: { regex: /\bresources\s*\{[^}]*?\b(?:limits|requests)\s*[={]/, literals: ['resources'], ...TF, maxPerFile: 500 },
  },
  detect({ matches }) {
    const withLimits: EvidenceItem[] = [];
    const without: EvidenceItem[] = [];
    const docOf = yamlDocumentKey(matches('docSeparator'));

    // Kubernetes manifests: one workload per YAML document.
    // Templated resources come from Helm values, which are counted where they declare limits.
    const resourceDocs = new Set(matches('resources').map(docOf));
    const templatedDocs = new Set(matches('resourcesTemplated').map(docOf));
    for (const m of matches('workloadKind')) {
      if (resourceDocs.has(docOf(m))) withLimits.push(fromMatch(m, `${m.groups[0]} with resources`));
      else if (!templatedDocs.has(docOf(m))) without.push(fromMatch(m, `${m.groups[0]} without resources`));
    }
    const workloadPaths = new Set(matches('workloadKind').map((m) => m.path));
    // Helm values and compose files: each resources block is one workload's limits. Compose files
    // without limits are not held against the platform: most only run development stacks.
    for (const m of matches('resources')) {
      if (workloadPaths.has(m.path)) continue;
      if (VALUES.test(m.path) || COMPOSE.test(m.path)) withLimits.push(fromMatch(m, 'resources declared'));
    }
    const composeWithLimits = new Set(withLimits.map((e) => e.path).filter((p) => COMPOSE.test(p)));
    for (const m of matches('composeLimits')) {
      if (!COMPOSE.test(m.path) || composeWithLimits.has(m.path)) continue;
      composeWithLimits.add(m.path);
      withLimits.push(fromMatch(m, 'container limits declared'));
    }
    // Terraform: ECS task definitions with cpu/memory, resources blocks of k8s/Cloud Run resources.
    // Indexed by path once: each task looks only at its own file's blocks and cpu/memory lines.
    const blocksByPath = groupBy(matches('tfBlock'), (b) => b.path);
    const cpuMemoryByPath = groupBy(matches('tfCpuMemory'), (c) => c.path);
    for (const t of matches('ecsTask')) {
      let end = Infinity;
      for (const b of blocksByPath.get(t.path) ?? []) if (b.line > t.line && b.line < end) end = b.line;
      if ((cpuMemoryByPath.get(t.path) ?? []).some((c) => c.line > t.line && c.line < end)) withLimits.push(fromMatch(t, `ECS task ${t.groups[0]} with cpu/memory`));
      else without.push(fromMatch(t, `ECS task ${t.groups[0]} without cpu/memory`));
    }
    withLimits.push(...matches('tfResources').map((m) => fromMatch(m, 'resource limits declared')));

    const measures = { 'workloads-with-limits': { value: withLimits.length, unit: 'workloads' } };
    const sortLoc = (a: EvidenceItem, b: EvidenceItem): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0));
    if (withLimits.length > 0) {
      const of = without.length > 0 ? ` (${without.length} without)` : '';
      return yes(`${withLimits.length} workload definition(s) declare resource requests/limits${of}.`, withLimits.sort(sortLoc).slice(0, 10), measures);
    }
    if (without.length > 0) return no(`${without.length} workload definition(s) declare no resource requests or limits.`, without.sort(sortLoc).slice(0, 10), measures);
    return unknown('No workload definitions (Kubernetes, ECS, compose) found to check for resource limits.');
  },
});
