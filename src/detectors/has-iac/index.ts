import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';

/** Kubernetes (and common controller) kinds: a YAML with apiVersion and one of these is a manifest. */
const K8S_KINDS = 'Deployment|StatefulSet|DaemonSet|ReplicaSet|Pod|Service|Ingress|IngressClass|ConfigMap|Secret|CronJob|Job|Namespace|PersistentVolumeClaim|PersistentVolume|StorageClass|HorizontalPodAutoscaler|PodDisruptionBudget|ServiceAccount|Role|RoleBinding|ClusterRole|ClusterRoleBinding|NetworkPolicy|Gateway|HTTPRoute|VirtualService|DestinationRule|Application|ApplicationSet|HelmRelease|Rollout|ServiceMonitor|PodMonitor|PrometheusRule|Certificate|ClusterIssuer|ExternalSecret|SealedSecret|ScaledObject';

function toolOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === 'terragrunt.hcl') return 'Terragrunt';
  if (name.endsWith('.pkr.hcl')) return 'Packer';
  if (/\.(tf|tfvars)$/.test(name) || /\.hcl$/.test(name)) return 'Terraform';
  if (name.endsWith('.bicep')) return 'Bicep';
  if (/^Pulumi(\.[\w-]+)?\.ya?ml$/.test(name)) return 'Pulumi';
  if (name === 'cdk.json') return 'AWS CDK';
  if (name === 'Chart.yaml' || /(^|\/)(charts|helm)\//.test(path)) return 'Helm';
  if (/^kustomization\.ya?ml$/.test(name)) return 'Kustomize';
  if (/^serverless\.ya?ml$/.test(name)) return 'Serverless Framework';
  if (/cloudformation|template\.ya?ml$/.test(name)) return 'CloudFormation';
  if (/(^|\/)ansible\//.test(path)) return 'Ansible';
  if (/(^|\/)(k8s|kubernetes|manifests)\//.test(path)) return 'Kubernetes';
  return 'infrastructure config';
}

const ROLES = ['config', 'other', 'iac'] as const;
const HCL_ROLES: ReadonlySet<string> = new Set(ROLES);
/** HCL outside Terraform folders: Terragrunt configs, Packer templates, Nomad jobs. */
const HCL_IAC = /(^|\/)(terragrunt|root)\.hcl$|\.pkr\.hcl$|\.nomad(\.hcl)?$/;

export default defineDetector({
  id: 'has-iac',
  pillar: 'iac',
  question: 'Is infrastructure defined as code in the repository?',
  rationale: 'Without IaC, environments diverge invisibly and rebuilding one after a disaster is guesswork.',
  measures: {
    'iac-files': { unit: 'files', description: 'Infrastructure-as-code files (Terraform, CloudFormation, Pulumi, CDK, Bicep, ARM, Helm, Kustomize, Ansible, Kubernetes manifests)' },
  },
  patterns: {
    cfn: { regex: /AWSTemplateFormatVersion|["']?Transform["']?\s*:\s*["']?AWS::Serverless/, literals: ['AWSTemplateFormatVersion', 'AWS::Serverless'], languages: ['yaml', 'json'], roles: ROLES, maxPerFile: 1 },
    arm: { regex: /"\$schema"\s*:\s*"https?:\/\/schema\.management\.azure\.com\/schemas\/[^"]*deploymentTemplate\.json/, literals: ['deploymentTemplate'], languages: ['json'], roles: ROLES, maxPerFile: 1 },
    ansible: { regex: /^-\s+(?:name:[^\n]*\n\s+)?hosts:\s*\S[\s\S]*?^\s+(?:tasks|roles):/m, literals: ['hosts:'], languages: ['yaml'], roles: ROLES, maxPerFile: 1 },
    k8sApi: { regex: /^apiVersion:\s*["']?(?!backstage\.io|kind\.x-k8s\.io)[\w.-]+(?:\/[\w.-]+)?["']?\s*$/m, literals: ['apiVersion'], languages: ['yaml'], roles: ROLES, maxPerFile: 1 },
    k8sKind: { regex: new RegExp(`^kind:\\s*["']?(${K8S_KINDS})["']?\\s*$`, 'm'), literals: ['kind:'], languages: ['yaml'], roles: ROLES, maxPerFile: 1 },
  },
  detect({ repo, matches }) {
    const files = new Map<string, { tool: string; line?: number }>();
    for (const f of repo.files) {
      if (f.role === 'iac') files.set(f.path, { tool: toolOf(f.path) });
      else if (HCL_ROLES.has(f.role) && HCL_IAC.test(f.path)) files.set(f.path, { tool: /terragrunt|(^|\/)(env|account|region|root)\.hcl$/.test(f.path) ? 'Terragrunt' : /\.pkr\.hcl$/.test(f.path) ? 'Packer' : 'Nomad' });
    }
    const add = (path: string, tool: string, line?: number): void => {
      if (!files.has(path)) files.set(path, line === undefined ? { tool } : { tool, line });
    };
    for (const m of matches('cfn')) add(m.path, /Serverless/.test(m.text) ? 'AWS SAM' : 'CloudFormation', m.line);
    for (const m of matches('arm')) add(m.path, 'ARM template', m.line);
    for (const m of matches('ansible')) add(m.path, 'Ansible', m.line);
    const apis = new Set(matches('k8sApi').map((m) => m.path));
    for (const m of matches('k8sKind')) if (apis.has(m.path)) add(m.path, 'Kubernetes', m.line);
    // .terraform.lock.hcl and the like are lock files, not code.
    for (const p of [...files.keys()]) if (/(^|\/)\.terraform(\.lock\.hcl$|\/)/.test(p)) files.delete(p);

    const measures = { 'iac-files': { value: files.size, unit: 'files' } };
    if (files.size === 0) return no('No infrastructure code (Terraform, CloudFormation, Pulumi, CDK, Bicep, ARM, Helm, Kustomize, Ansible, Kubernetes manifests).', [], measures);
    const sorted = [...files].sort((a, b) => a[0].localeCompare(b[0]));
    const evidence: EvidenceItem[] = sorted.slice(0, 10).map(([path, f]) => (f.line ? { path, line: f.line, note: f.tool } : { path, note: f.tool }));
    const tools = [...new Set(sorted.map(([, f]) => f.tool))];
    return yes(`${files.size} infrastructure-as-code files (${tools.join(', ')}).`, evidence, measures);
  },
});

