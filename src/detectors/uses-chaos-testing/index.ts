import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { Match } from '../../core/types.ts';

/** Chaos experiments live in manifests, IaC, CI and test suites; never in prose or fixtures. */
const ROLES = ['config', 'iac', 'other', 'ci', 'source', 'test'] as const;
/** A declared package is not an experiment: manifests and lockfiles never count. */
const MANIFEST = /(^|\/)(package(-lock)?\.json|yarn\.lock|pnpm-lock\.yaml|requirements[^/]*\.txt|pyproject\.toml|poetry\.lock|go\.(mod|sum)|Gemfile(\.lock)?|pom\.xml|build\.gradle(\.kts)?)$/;

export default defineDetector({
  id: 'uses-chaos-testing',
  pillar: 'reliability',
  question: 'Are chaos experiments defined (Chaos Mesh, LitmusChaos, AWS FIS, Azure Chaos Studio, Toxiproxy, Gremlin, Chaos Monkey)?',
  rationale: 'Injecting failures on purpose shows whether timeouts, retries, breakers and failover work before a real outage does.',
  patterns: {
    chaosMesh: { regex: /^[ \t]*apiVersion:[ \t]*["']?chaos-mesh\.org\//m, literals: ['chaos-mesh.org'], roles: ROLES, languages: ['yaml'], maxPerFile: 5 },
    chaosKind: {
      regex:
        /^[ \t]*kind:[ \t]*["']?(PodChaos|NetworkChaos|StressChaos|IOChaos|TimeChaos|KernelChaos|DNSChaos|HTTPChaos|JVMChaos|AWSChaos|GCPChaos|AzureChaos|BlockChaos|PhysicalMachineChaos|ChaosEngine|ChaosExperiment|ChaosSchedule)\b/m,
      literals: ['Chaos'],
      roles: ROLES,
      languages: ['yaml'],
      maxPerFile: 5,
    },
    cloudFault: {
      regex: /\bresource[ \t]+"(aws_fis_experiment_template|azurerm_chaos_studio_experiment)"|AWS::FIS::ExperimentTemplate|Microsoft\.Chaos\/experiments/,
      literals: ['aws_fis_experiment_template', 'azurerm_chaos_studio_experiment', 'AWS::FIS', 'Microsoft.Chaos'],
      roles: ROLES,
    },
    toxiproxy: {
      regex: /toxiproxy-node-client|@testcontainers\/toxiproxy|ToxiproxyContainer|\bToxiproxy(?:Client)?\s*\(|shopify\/toxiproxy|\bfrom\s+toxiproxy\s+import\b|^[ \t]*import\s+toxiproxy\b|github\.com\/Shopify\/toxiproxy/im,
      literals: ['toxiproxy', 'Toxiproxy'],
      roles: ROLES,
      maxPerFile: 3,
    },
    chaosTools: {
      regex:
        /\bchaos\.monkey\.enabled\s*[=:]\s*true|\bkube-monkey\/enabled\b|["']?steady-state-hypothesis["']?\s*:|\bsteadybit\/[\w-]+|\bsteadybit\s+experiment\b|\bapi\.gremlin\.com\b|\bgremlin\s+attack(?:-container)?\b|\bgaiaadm\/pumba\b|\bpumba\s+(?:netem|kill|pause|stop|rm)\b/,
      literals: ['chaos.monkey', 'kube-monkey', 'steady-state-hypothesis', 'steadybit', 'gremlin', 'pumba'],
      roles: ROLES,
      maxPerFile: 3,
    },
    // Chaos Monkey for Spring Boot is off unless enabled: the declared starter alone injects nothing.
    chaosMonkeyYaml: {
      regex: /^([ \t]*)chaos:[ \t]*\n\1[ \t]+monkey:[ \t]*\n(?:\1[ \t]+[^\n]*\n){0,6}?\1[ \t]+enabled:[ \t]*["']?true\b/m,
      literals: ['chaos:'],
      roles: ROLES,
      languages: ['yaml'],
      maxPerFile: 1,
    },
  },
  detect({ matches }) {
    const found: { m: Match; note: string }[] = [
      ...matches('chaosMesh').map((m) => ({ m, note: 'Chaos Mesh resource' })),
      ...matches('chaosKind').map((m) => ({ m, note: `${m.groups[0]} experiment` })),
      ...matches('cloudFault').map((m) => ({ m, note: 'cloud fault-injection experiment' })),
      ...matches('toxiproxy').map((m) => ({ m, note: 'Toxiproxy fault injection' })),
      ...matches('chaosTools').map((m) => ({ m, note: 'chaos tooling' })),
      ...matches('chaosMonkeyYaml').map((m) => ({ m, note: 'Chaos Monkey for Spring Boot enabled' })),
    ];
    // One item per line (a Chaos Mesh document matches both its apiVersion and its kind).
    const seen = new Set<string>();
    const unique = found
      .sort((a, b) => (a.m.path < b.m.path ? -1 : a.m.path > b.m.path ? 1 : a.m.line - b.m.line))
      .filter(({ m }) => !MANIFEST.test(m.path))
      .filter(({ m }) => !seen.has(`${m.path}:${m.line}`) && seen.add(`${m.path}:${m.line}`));
    if (unique.length === 0) return no('No chaos experiments or fault-injection tooling found.');
    const files = new Set(unique.map((f) => f.m.path)).size;
    return yes(`Chaos experiments defined in ${files} file(s).`, unique.slice(0, 10).map((f) => fromMatch(f.m, f.note)));
  },
});
