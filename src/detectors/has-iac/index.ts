import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { parseHcl } from '../../ecosystems/hcl.ts';
import { IAC_CODE_PATTERNS, IAC_CONTENTS, readIac } from '../../ecosystems/iac.ts';

/** Kubernetes (and common controller) kinds: a YAML with apiVersion and one of these is a manifest. */
const K8S_KINDS = 'Deployment|StatefulSet|DaemonSet|ReplicaSet|Pod|Service|Ingress|IngressClass|ConfigMap|Secret|CronJob|Job|Namespace|PersistentVolumeClaim|PersistentVolume|StorageClass|HorizontalPodAutoscaler|PodDisruptionBudget|ServiceAccount|Role|RoleBinding|ClusterRole|ClusterRoleBinding|NetworkPolicy|Gateway|HTTPRoute|VirtualService|DestinationRule|Application|ApplicationSet|HelmRelease|Rollout|ServiceMonitor|PodMonitor|PrometheusRule|Certificate|ClusterIssuer|ExternalSecret|SealedSecret|ScaledObject';

/** Files that are IaC by their name alone (their format says so). */
function toolByName(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === 'terragrunt.hcl') return 'Terragrunt';
  if (name.endsWith('.pkr.hcl')) return 'Packer';
  if (/\.nomad(\.hcl)?$/.test(name)) return 'Nomad';
  if (/\.tfvars(\.json)?$/.test(name)) return 'Terraform';
  if (name.endsWith('.bicep')) return 'Bicep';
  if (/^Pulumi(\.[\w-]+)?\.ya?ml$/.test(name)) return 'Pulumi';
  if (name === 'cdk.json') return 'AWS CDK';
  if (name === 'Chart.yaml' || /(^|\/)(charts|helm)\/[^/]+\/(templates\/|values[^/]*\.ya?ml$)/.test(path)) return 'Helm';
  if (/^kustomization\.ya?ml$/.test(name)) return 'Kustomize';
  if (/^serverless\.ya?ml$/.test(name)) return 'Serverless Framework';
  return undefined;
}

const ROLES = ['config', 'other', 'iac'] as const;
const ROLE_SET: ReadonlySet<string> = new Set(ROLES);
/** `terraform init` downloads modules and providers into .terraform/: copies, not the team's code. */
const DOWNLOADED = /(^|\/)\.(terraform|terragrunt-cache)(\/|\.lock\.hcl$)/;

export default defineDetector({
  id: 'has-iac',
  pillar: 'iac',
  question: 'Is infrastructure defined as code in the repository?',
  rationale: 'Without IaC, environments diverge invisibly and rebuilding one after a disaster is guesswork.',
  measures: {
    'iac-files': { unit: 'files', description: 'Infrastructure-as-code files (Terraform/OpenTofu, CloudFormation, Pulumi, CDK, Bicep, ARM, Helm, Kustomize, Ansible, Kubernetes manifests)' },
  },
  patterns: {
    cfn: { regex: /AWSTemplateFormatVersion|["']?Transform["']?\s*:\s*["']?AWS::Serverless/, literals: ['AWSTemplateFormatVersion', 'AWS::Serverless'], languages: ['yaml', 'json'], roles: ROLES, maxPerFile: 1 },
    arm: { regex: /"\$schema"\s*:\s*"https?:\/\/schema\.management\.azure\.com\/schemas\/[^"]*deploymentTemplate\.json/, literals: ['deploymentTemplate'], languages: ['json'], roles: ROLES, maxPerFile: 1 },
    ansible: { regex: /^-\s+(?:name:[^\n]*\n\s+)?hosts:\s*\S[\s\S]*?^\s+(?:tasks|roles):/m, literals: ['hosts:'], languages: ['yaml'], roles: ROLES, maxPerFile: 1 },
    k8sApi: { regex: /^apiVersion:\s*["']?(?!backstage\.io|kind\.x-k8s\.io)[\w.-]+(?:\/[\w.-]+)?["']?\s*$/m, literals: ['apiVersion'], languages: ['yaml'], roles: ROLES, maxPerFile: 1 },
    k8sKind: { regex: new RegExp(`^kind:\\s*["']?(${K8S_KINDS})["']?\\s*$`, 'm'), literals: ['kind:'], languages: ['yaml'], roles: ROLES, maxPerFile: 1 },
    ...IAC_CODE_PATTERNS,
  },
  contents: [...IAC_CONTENTS, '**/*.hcl'],
  detect({ repo, matches }) {
    const files = new Map<string, { tool: string; line?: number }>();
    const add = (path: string, tool: string, line?: number): void => {
      if (!files.has(path) && !DOWNLOADED.test(path)) files.set(path, line === undefined ? { tool } : { tool, line });
    };
    // Terraform/OpenTofu: a file counts when it declares a block (a file of comments declares nothing).
    const model = readIac(repo, matches);
    for (const path of model.terraform.files) {
      const first = parseHcl(path, repo.text(path) ?? '')[0];
      if (first) add(path, path.endsWith('.tofu') ? 'OpenTofu' : 'Terraform', first.line);
    }
    for (const f of repo.files) {
      if (!ROLE_SET.has(f.role)) continue;
      const tool = toolByName(f.path);
      if (!tool) continue;
      if (/\.hcl$/.test(f.path) && parseHcl(f.path, repo.text(f.path) ?? '').length === 0 && !/=/.test(repo.text(f.path) ?? '')) continue;
      add(f.path, tool);
    }
    for (const t of model.cfn) if (t.resources.length > 0) add(t.file, /AWS::Serverless/.test(t.resources.map((r) => r.type).join(' ')) ? 'AWS SAM' : 'CloudFormation', t.resources[0]!.line);
    for (const m of matches('cfn')) add(m.path, /Serverless/.test(m.text) ? 'AWS SAM' : 'CloudFormation', m.line);
    for (const r of model.azure) add(r.path, r.dialect === 'bicep' ? 'Bicep' : 'ARM template', r.line);
    for (const m of matches('arm')) add(m.path, 'ARM template', m.line);
    for (const m of matches('ansible')) add(m.path, 'Ansible', m.line);
    const apis = new Set(matches('k8sApi').map((m) => m.path));
    for (const m of matches('k8sKind')) if (apis.has(m.path)) add(m.path, 'Kubernetes', m.line);
    // CDK / CDKTF / Pulumi programs: production code that declares cloud resources.
    for (const c of model.code.constructs) add(c.path, c.framework === 'pulumi' ? 'Pulumi' : c.framework === 'cdktf' ? 'CDK for Terraform' : 'AWS CDK', c.line);

    const measures = { 'iac-files': { value: files.size, unit: 'files' } };
    if (files.size === 0) return no('No infrastructure code (Terraform/OpenTofu, CloudFormation, Pulumi, CDK, Bicep, ARM, Helm, Kustomize, Ansible, Kubernetes manifests).', [], measures);
    const sorted = [...files].sort((a, b) => a[0].localeCompare(b[0]));
    // Evidence shows every tool before a second file of any one tool (a Helm chart's ten templates would hide the Terraform).
    const rank = new Map<string, number>();
    const ranked = sorted.map(([path, f]) => {
      const n = rank.get(f.tool) ?? 0;
      rank.set(f.tool, n + 1);
      return { path, f, n };
    });
    ranked.sort((a, b) => a.n - b.n || a.path.localeCompare(b.path));
    const evidence: EvidenceItem[] = ranked.slice(0, 10).map(({ path, f }) => (f.line ? { path, line: f.line, note: f.tool } : { path, note: f.tool }));
    const tools = [...new Set(sorted.map(([, f]) => f.tool))];
    return yes(`${files.size} infrastructure-as-code files (${tools.join(', ')}).`, evidence, measures);
  },
});
