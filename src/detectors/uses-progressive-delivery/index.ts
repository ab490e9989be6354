import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole } from '../../core/types.ts';
import { CI_GLOBS, readCi, runnableJobs } from '../../ecosystems/ci.ts';
import { commandSegments } from '../../ecosystems/deploy-commands.ts';
import { HELM_PATTERNS, HELM_VALUES_GLOBS, helmGuards } from '../../ecosystems/kubernetes.ts';
import { CFN_GLOBS, parseCloudFormation, readTerraform } from '../../ecosystems/terraform.ts';
import { excerpt } from '../../util/text.ts';

/** CI deploy tasks and actions that release by canary or blue/green (their `strategy` input). */
const PROGRESSIVE_ACTION = /^(?:KubernetesManifest@\d|azure\/k8s-deploy@)/i;
const PROGRESSIVE_INPUT = /^strategy:\s*(canary|blue-green|bluegreen)\b/im;
/** Cloud Run traffic moved to a new revision a share at a time (`--to-revisions=rev=10`, `--to-tags=canary=5`). */
const TRAFFIC_SHIFT = /^gcloud\s+(?:beta\s+)?run\s+services\s+update-traffic\b.*--to-(?:revisions|tags)[= ]\S*=(?:[1-9]|[1-9]\d)(?:,|\s|$)/;

const IAC_ROLES: readonly FileRole[] = ['iac', 'config', 'other', 'source'];
const YAML = ['yaml'] as const;
const MANIFEST_ROLES = ['iac', 'config', 'other'] as const;

function get(o: unknown, ...path: string[]): unknown {
  let cur = o;
  for (const k of path) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  return cur;
}

const unquote = (s: string | undefined): string => (s ?? '').replace(/^"|"$/g, '');

export default defineDetector({
  id: 'uses-progressive-delivery',
  pillar: 'cicd',
  question: 'Are releases rolled out progressively (canary or blue-green) rather than all at once?',
  rationale: 'Shifting a small share of traffic first limits the blast radius of a bad release to a few users for a few minutes.',
  patterns: {
    kind: { regex: /^kind:\s*["']?(Rollout|Canary|VirtualService|TrafficSplit|HTTPRoute)["']?\s*$/m, literals: ['Rollout', 'Canary', 'VirtualService', 'TrafficSplit', 'HTTPRoute'], languages: YAML, roles: MANIFEST_ROLES, maxPerFile: 3 },
    api: { regex: /^apiVersion:\s*["']?(argoproj\.io|flagger\.app)\//m, literals: ['argoproj.io', 'flagger.app'], languages: YAML, roles: MANIFEST_ROLES, maxPerFile: 1 },
    strategy: { regex: /^\s+(canary|blueGreen):\s*$/m, literals: ['canary', 'blueGreen'], languages: YAML, roles: MANIFEST_ROLES, maxPerFile: 1 },
    weight: { regex: /^\s*-?\s*weight:\s*\S+/m, literals: ['weight'], languages: YAML, roles: MANIFEST_ROLES, maxPerFile: 10 },
    nginxCanary: { regex: /nginx\.ingress\.kubernetes\.io\/canary["']?\s*:\s*["']?true/, literals: ['ingress.kubernetes.io/canary'], languages: YAML, roles: MANIFEST_ROLES, maxPerFile: 1 },
    spinnaker: { regex: /["']?type["']?\s*:\s*["']?kayentaCanary|["']canaryConfigId["']\s*:/, literals: ['kayentaCanary', 'canaryConfigId'], languages: ['json', 'yaml'], roles: MANIFEST_ROLES, maxPerFile: 1 },
    // CDK in TypeScript, Python, Java, C# (`LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES`) and Go (`LambdaDeploymentConfig_CANARY_...()`).
    cdk: {
      regex: /\b(?:Lambda|Ecs)?DeploymentConfig[._](?:CANARY|LINEAR)_\w+/,
      literals: ['DeploymentConfig'],
      languages: ['typescript', 'javascript', 'python', 'java', 'kotlin', 'csharp', 'go'],
      maxPerFile: 1,
    },
    // Azure Pipelines deployment jobs with the canary strategy.
    azureCanary: { regex: /^[ \t]+canary:[ \t]*\n[ \t]+increments:/m, literals: ['canary:'], paths: ['azure-pipelines.yml', 'azure-pipelines.yaml'], roles: ['ci', 'config', 'other'], maxPerFile: 1 },
    ...HELM_PATTERNS,
  },
  contents: ['**/*.tf', ...CFN_GLOBS, ...CI_GLOBS, ...HELM_VALUES_GLOBS],
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const how = new Set<string>();
    const hit = (e: EvidenceItem, kind: string): void => {
      evidence.push(e);
      how.add(kind);
    };
    const api = new Map(matches('api').map((m) => [m.path, m.groups[0]!] as const));
    const strategies = new Map(matches('strategy').map((m) => [m.path, m.groups[0]!] as const));
    const weights = new Map<string, number>();
    for (const m of matches('weight')) weights.set(m.path, (weights.get(m.path) ?? 0) + 1);
    // A manifest in a Helm template counts when its `{{ if .Values... }}` guards hold.
    const guardsHold = helmGuards(repo, matches('helmIf'));
    for (const m of matches('kind')) {
      if (!guardsHold(m)) continue;
      const k = m.groups[0]!;
      if (k === 'Rollout' && api.get(m.path) === 'argoproj.io' && strategies.has(m.path)) hit(fromMatch(m, `Argo Rollout (${strategies.get(m.path)})`), 'Argo Rollouts');
      else if (k === 'Canary' && api.get(m.path) === 'flagger.app') hit(fromMatch(m, 'Flagger canary'), 'Flagger');
      else if (['VirtualService', 'TrafficSplit', 'HTTPRoute'].includes(k) && (weights.get(m.path) ?? 0) >= 2) hit(fromMatch(m, `${k} splits traffic by weight`), 'weighted routing');
    }
    for (const m of matches('nginxCanary')) hit(fromMatch(m, 'NGINX canary ingress'), 'NGINX canary');
    for (const m of matches('spinnaker')) hit(fromMatch(m, 'Spinnaker/Kayenta canary analysis'), 'Spinnaker canary');
    for (const m of matches('cdk')) hit(fromMatch(m, 'CodeDeploy canary/linear config (CDK)'), 'CodeDeploy canary');

    // Pipelines that can run: canary/blue-green deploy tasks, Cloud Run traffic shifting, Azure canary strategies.
    const jobs = runnableJobs(readCi(repo));
    for (const job of jobs) {
      for (const step of job.steps) {
        const strategy = step.uses && PROGRESSIVE_ACTION.test(step.uses) ? PROGRESSIVE_INPUT.exec(step.text)?.[1] : undefined;
        if (strategy) hit({ path: job.file, line: step.line, excerpt: excerpt(`uses: ${step.uses}`), note: `${strategy} release by ${step.uses} in job ${job.name}` }, `${strategy} deploy task`);
        const shift = step.uses ? undefined : commandSegments(step.text).find((c) => TRAFFIC_SHIFT.test(c));
        if (shift) hit({ path: job.file, line: step.line, excerpt: excerpt(shift), note: `Cloud Run traffic shifted to the new revision gradually (job ${job.name})` }, 'Cloud Run traffic shifting');
      }
    }
    const ciFiles = new Set(jobs.map((j) => j.file));
    for (const m of matches('azureCanary')) if (ciFiles.has(m.path)) hit(fromMatch(m, 'Azure deployment job with the canary strategy'), 'Azure canary strategy');

    const tfFiles = repo.glob('**/*.tf', IAC_ROLES).map((f) => ({ path: f.path, text: repo.text(f.path) ?? '' }));
    for (const r of readTerraform(tfFiles).resources) {
      const attr = (blockType: string, name: string): { expr: string; line: number } | undefined => {
        const b = blockType ? r.block.blocks.find((x) => x.type === blockType) : r.block;
        return b?.attributes.find((a) => a.name === name);
      };
      const dt = attr('deployment_style', 'deployment_type');
      if (r.type === 'aws_codedeploy_deployment_group' && unquote(dt?.expr) === 'BLUE_GREEN') hit({ path: r.file, line: dt!.line, note: `CodeDeploy blue/green for ${r.name}` }, 'CodeDeploy blue/green');
      const cfg = attr('', 'deployment_config_name');
      if (cfg && /CodeDeployDefault\.\w*(?:Canary|Linear)/i.test(cfg.expr)) hit({ path: r.file, line: cfg.line, note: `CodeDeploy ${unquote(cfg.expr)}` }, 'CodeDeploy canary');
      const tr = r.block.blocks.find((b) => b.type === 'traffic_routing_config');
      const trType = tr?.attributes.find((a) => a.name === 'type');
      if (r.type === 'aws_codedeploy_deployment_config' && trType && /TimeBased(?:Canary|Linear)/.test(trType.expr)) hit({ path: r.file, line: trType.line, note: `CodeDeploy ${unquote(trType.expr)}` }, 'CodeDeploy canary');
      const ctl = attr('deployment_controller', 'type');
      if (r.type === 'aws_ecs_service' && unquote(ctl?.expr) === 'CODE_DEPLOY') hit({ path: r.file, line: ctl!.line, note: `ECS blue/green via CodeDeploy for ${r.name}` }, 'ECS blue/green');
      const strat = attr('deployment_configuration', 'strategy');
      if (r.type === 'aws_ecs_service' && /^(BLUE_GREEN|CANARY|LINEAR)$/.test(unquote(strat?.expr))) hit({ path: r.file, line: strat!.line, note: `ECS ${unquote(strat!.expr)} deployment for ${r.name}` }, 'ECS blue/green');
      const rc = r.block.blocks.find((b) => b.type === 'routing_config');
      if (r.type === 'aws_lambda_alias' && rc?.attributes.some((a) => a.name === 'additional_version_weights')) hit({ path: r.file, line: rc.line, note: `Lambda alias ${r.name} shifts traffic between versions` }, 'Lambda traffic shifting');
    }
    for (const f of repo.glob([...CFN_GLOBS], IAC_ROLES)) {
      for (const r of parseCloudFormation(f.path, repo.text(f.path) ?? '')?.resources ?? []) {
        const p = r.properties;
        const pref = get(p, 'DeploymentPreference', 'Type');
        if (typeof pref === 'string' && /Canary|Linear/.test(pref)) hit({ path: r.file, line: r.line, note: `SAM ${pref} for ${r.logicalId}` }, 'CodeDeploy canary');
        if (r.type === 'AWS::CodeDeploy::DeploymentGroup' && get(p, 'DeploymentStyle', 'DeploymentType') === 'BLUE_GREEN') hit({ path: r.file, line: r.line, note: `CodeDeploy blue/green for ${r.logicalId}` }, 'CodeDeploy blue/green');
        if (r.type === 'AWS::ECS::Service' && get(p, 'DeploymentController', 'Type') === 'CODE_DEPLOY') hit({ path: r.file, line: r.line, note: `ECS blue/green via CodeDeploy for ${r.logicalId}` }, 'ECS blue/green');
        if (r.type === 'AWS::Lambda::Alias' && get(p, 'RoutingConfig', 'AdditionalVersionWeights') !== undefined) hit({ path: r.file, line: r.line, note: `Lambda alias ${r.logicalId} shifts traffic` }, 'Lambda traffic shifting');
        if (r.type === 'AWS::CodeDeploy::DeploymentConfig' && /TimeBased(?:Canary|Linear)/.test(String(get(p, 'TrafficRoutingConfig', 'Type') ?? ''))) hit({ path: r.file, line: r.line, note: `CodeDeploy canary config ${r.logicalId}` }, 'CodeDeploy canary');
      }
    }
    if (evidence.length === 0) return no('No canary or blue-green delivery (Argo Rollouts, Flagger, CodeDeploy, weighted routing, Lambda traffic shifting) is configured.');
    return yes(`Progressive delivery in place (${[...how].join(', ')}).`, evidence.slice(0, 10));
  },
});
