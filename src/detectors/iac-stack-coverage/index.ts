import { defineDetector, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem, Measure } from '../../core/types.ts';
import { IAC_CODE_PATTERNS, IAC_CONTENTS, constructTerraformType, readIac } from '../../ecosystems/iac.ts';
import { AZURE_LAYERS, CFN_LAYERS, CODE_LAYERS, K8S_LAYERS, LAYERS, MODULE_LAYERS, TF_LAYERS, layerOf, type Layer } from '../../ecosystems/iac-layers.ts';
import { IAC_ROLES } from '../../ecosystems/terraform.ts';

const MANIFEST_ROLES = ['iac', 'config', 'other'] as const;

export default defineDetector({
  id: 'iac-stack-coverage',
  pillar: 'iac',
  question: 'Which layers of the stack (compute, network, data, observability) does infrastructure code define?',
  rationale: 'IaC for only part of the stack leaves the rest hand-built: the part nobody can rebuild after a disaster.',
  measures: {
    'layers-covered': { unit: 'layers', description: 'Layers (compute, network, data, observability) with at least one IaC resource (0-4)' },
    'compute-resources': { unit: 'resources', description: 'Compute resources in IaC' },
    'network-resources': { unit: 'resources', description: 'Network resources in IaC' },
    'data-resources': { unit: 'resources', description: 'Data-store resources in IaC' },
    'observability-resources': { unit: 'resources', description: 'Monitoring, logging and alerting resources in IaC' },
  },
  patterns: {
    k8sKind: { regex: /^kind:\s*["']?(\w+)["']?\s*$/m, literals: ['kind:'], languages: ['yaml'], roles: MANIFEST_ROLES, maxPerFile: 20 },
    k8sApi: { regex: /^apiVersion:\s*["']?(?!backstage\.io)[\w.-]+(?:\/[\w.-]+)?["']?\s*$/m, literals: ['apiVersion'], languages: ['yaml'], roles: MANIFEST_ROLES, maxPerFile: 1 },
    ...IAC_CODE_PATTERNS,
  },
  contents: [...IAC_CONTENTS, '**/terragrunt.hcl'],
  detect({ repo, matches }) {
    const found: Record<Layer, EvidenceItem[]> = { compute: [], network: [], data: [], observability: [] };
    const model = readIac(repo, matches);
    const tf = model.terraform;
    let iac = tf.resources.length > 0 || tf.modules.length > 0 || model.cfn.length > 0 || model.azure.length > 0 || model.code.constructs.length > 0;
    const add = (l: Layer | undefined, e: EvidenceItem): void => {
      if (l) found[l].push(e);
    };
    for (const r of tf.resources) add(layerOf(TF_LAYERS, r.type), { path: r.file, line: r.line, note: `${r.type}.${r.name}` });
    for (const t of model.cfn) for (const r of t.resources) add(layerOf(CFN_LAYERS, r.type), { path: r.file, line: r.line, note: `${r.type} ${r.logicalId}` });
    for (const r of model.azure) add(layerOf(AZURE_LAYERS, r.type), { path: r.path, line: r.line, note: `${r.type} ${r.name}` });
    for (const c of model.code.constructs) {
      const tfType = c.framework === 'cdktf' ? constructTerraformType(c) : undefined;
      const l = tfType ? layerOf(TF_LAYERS, tfType) : layerOf(CODE_LAYERS, c.name);
      add(l, { path: c.path, line: c.line, excerpt: c.excerpt, note: `${c.framework === 'pulumi' ? 'Pulumi' : c.framework === 'cdktf' ? 'CDKTF' : 'CDK'} ${c.name}` });
    }
    // Remote modules: their resources live elsewhere, so their source names the layer.
    const remote: { path: string; line: number; words: string; label: string }[] = [];
    for (const mod of tf.modules) {
      if (!mod.source || /^\.\.?\//.test(mod.source)) continue;
      remote.push({ path: mod.file, line: mod.line, words: `${mod.source} ${mod.name}`, label: `module ${mod.name} (${mod.source})` });
    }
    for (const f of repo.glob('**/terragrunt.hcl', IAC_ROLES)) {
      if (/(^|\/)\.terragrunt-cache\//.test(f.path)) continue;
      const src = /^\s*source\s*=\s*"([^"]+)"/m.exec(repo.text(f.path) ?? '');
      const dir = f.path.split('/').slice(-2, -1)[0] ?? '';
      iac = true;
      remote.push({ path: f.path, line: 1, words: `${src?.[1] ?? ''} ${dir}`, label: `Terragrunt unit ${dir}` });
    }
    for (const r of remote) add(LAYERS.find((x) => MODULE_LAYERS[x].test(r.words)), { path: r.path, line: r.line, note: r.label });
    const manifests = new Set(matches('k8sApi').map((m) => m.path));
    for (const m of matches('k8sKind')) {
      if (!manifests.has(m.path)) continue;
      const l = layerOf(K8S_LAYERS, m.groups[0]!);
      if (!l) continue;
      iac = true;
      found[l].push({ path: m.path, line: m.line, excerpt: m.excerpt, note: `Kubernetes ${m.groups[0]}` });
    }
    if (!iac) return unknown('No infrastructure code, so no layer is covered by IaC.');
    const covered = LAYERS.filter((l) => found[l].length > 0);
    const measures: Record<string, Measure> = { 'layers-covered': { value: covered.length, unit: 'layers' } };
    for (const l of LAYERS) measures[`${l}-resources`] = { value: found[l].length, unit: 'resources' };
    const evidence = covered.flatMap((l) => found[l].slice(0, 2).map((e) => ({ ...e, note: `${l}: ${e.note}` }))).slice(0, 10);
    if (covered.length === 0) return no('Infrastructure code defines no compute, network, data or observability resources.', [], measures);
    const missing = LAYERS.filter((l) => !covered.includes(l));
    return yes(`IaC covers ${covered.join(', ')}${missing.length > 0 ? ` (not ${missing.join(', ')})` : ''}.`, evidence, measures);
  },
});
