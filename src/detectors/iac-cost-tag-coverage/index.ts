import { defineDetector, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, readCi } from '../../ecosystems/ci.ts';
import { IAC_CODE_PATTERNS, IAC_CONTENTS, iacResources, readIac, type IacResource } from '../../ecosystems/iac.ts';
import type { StackTags } from '../../ecosystems/iac-code.ts';
import { isCostKey, tagVerdict, type TagVerdict } from '../../ecosystems/iac-tags.ts';
import { providerOfType, type TfProvider, type TfResource } from '../../ecosystems/terraform.ts';

const dirOf = (p: string): string => p.slice(0, Math.max(0, p.lastIndexOf('/')));

/** A CloudFormation/SAM deploy with stack-level tags (`--tags team=x`, `--tags Key=team,Value=x`), which apply to every resource of the stack. */
const STACK_DEPLOY = /\b(?:aws\s+cloudformation\s+(?:deploy|create-stack|update-stack)|sam\s+deploy)\b[^\n]*?\s--tags\s+([^\n]+)/;

/** Tag keys of a `--tags` argument or a samconfig `tags` value. */
function stackTagKeys(arg: string): string[] {
  return [...arg.matchAll(/(?:^|[\s,"'])(?:Key=)?([A-Za-z][\w:./-]*)=/g)].map((m) => m[1]!).filter((k) => k !== 'Key' && k !== 'Value');
}

export default defineDetector({
  id: 'iac-cost-tag-coverage',
  pillar: 'finops',
  question: 'Do all taggable cloud resources in IaC carry a cost-allocation tag (team, service, cost centre, environment)?',
  rationale: 'Untagged resources turn into an unattributed share of the cloud bill that nobody owns or optimises.',
  measures: {
    'taggable-resources': { unit: 'resources', description: 'IaC resources of taggable types (Terraform/OpenTofu, CloudFormation, Bicep/ARM, CDK, Pulumi) and registry-module calls given a tags input, whose tags could be read' },
    'tagged-resources': { unit: 'resources', description: 'Taggable resources with a cost-allocation tag (directly, via provider default tags, SAM globals or app-wide CDK/Pulumi tags)' },
    'tagged-share': { unit: '%', description: 'tagged-resources / taggable-resources, rounded percent' },
  },
  patterns: { ...IAC_CODE_PATTERNS },
  contents: [...IAC_CONTENTS, ...CI_GLOBS, '**/samconfig.toml'],
  detect({ repo, matches }) {
    const model = readIac(repo, matches);
    // Stack-level tags given at deploy time (CI or samconfig.toml) tag every CloudFormation resource.
    let cfnStackTags: EvidenceItem | undefined;
    for (const job of readCi(repo).jobs) {
      if (job.disabled) continue;
      for (const step of job.steps) {
        const m = STACK_DEPLOY.exec(step.text);
        const keys = m ? stackTagKeys(m[1]!) : [];
        if (keys.some(isCostKey)) cfnStackTags ??= { path: job.file, line: step.line, note: `stack tags at deploy: ${keys.join(', ')}` };
      }
    }
    for (const f of repo.glob('**/samconfig.toml', ['config', 'iac', 'other'])) {
      const text = repo.text(f.path) ?? '';
      const m = /^[ \t]*tags[ \t]*=[ \t]*(.+)$/m.exec(text);
      const keys = m ? stackTagKeys(m[1]!.replace(/\\"/g, '"')) : [];
      if (keys.some(isCostKey)) cfnStackTags ??= { path: f.path, line: text.slice(0, m!.index).split('\n').length, note: `SAM stack tags: ${keys.join(', ')}` };
    }
    const tf = model.terraform;
    // Provider default tags/labels apply to resources in the same module; modules without their own
    // provider block inherit from the caller, approximated by any provider of that name.
    const providersByDir = new Map<string, TfProvider[]>();
    for (const p of tf.providers) providersByDir.set(dirOf(p.file), [...(providersByDir.get(dirOf(p.file)) ?? []), p]);
    const fromProvider = (r: TfResource): TfProvider | undefined => {
      const name = providerOfType(r.type);
      const names = name === 'google' ? ['google', 'google-beta'] : [name];
      const local = (providersByDir.get(dirOf(r.file)) ?? []).filter((p) => names.includes(p.name));
      const alias = r.provider?.split('.')[1];
      const candidates = local.length > 0 ? local.filter((p) => (alias ? p.alias === alias : p.alias === undefined)) : tf.providers.filter((p) => names.includes(p.name));
      return candidates.find((p) => tagVerdict(p.defaultTags) === 'tagged');
    };
    const tfByLocation = new Map(tf.resources.map((r) => [`${r.file}:${r.line}`, r]));
    const samGlobals = new Map(model.cfn.map((t) => [t.file, tagVerdict(t.functionGlobalTags) === 'tagged']));
    const costStackTags = model.code.stackTags.filter((t) => t.keys.some(isCostKey));
    const appWide = (r: IacResource): StackTags | undefined => {
      const c = r.construct!;
      return costStackTags.find(
        (t) =>
          (t.target === undefined && t.framework === (c.framework === 'cdktf' ? 'cdk' : c.framework) && (!t.cloud || t.cloud === c.cloud) && (!t.fileOnly || t.path === c.path)) ||
          (t.target !== undefined && t.path === c.path && t.target.split('.').pop() === c.variable),
      );
    };

    const tagged: EvidenceItem[] = [];
    const untagged: EvidenceItem[] = [];
    const defaults = new Map<string, EvidenceItem>();
    let unresolved = 0;
    for (const r of iacResources(model)) {
      if (!r.taggable) continue;
      let v: TagVerdict = tagVerdict(r.tags);
      if (v !== 'tagged') {
        if (r.dialect === 'terraform') {
          const prov = fromProvider(tfByLocation.get(`${r.path}:${r.line}`)!);
          if (prov) {
            v = 'tagged';
            defaults.set(`${prov.file}:${prov.line}`, { path: prov.file, line: prov.defaultTags!.line, note: `provider ${prov.name} default tags: ${prov.defaultTags!.keys.join(', ')}` });
          }
        } else if (r.dialect === 'cloudformation' && r.type === 'AWS::Serverless::Function' && samGlobals.get(r.path)) v = 'tagged';
        else if (r.dialect === 'cloudformation' && cfnStackTags) {
          v = 'tagged';
          defaults.set(`${cfnStackTags.path}:${cfnStackTags.line}`, cfnStackTags);
        }
        else if (r.construct) {
          const st = appWide(r);
          if (st) {
            v = 'tagged';
            defaults.set(`${st.path}:${st.line}`, { path: st.path, line: st.line, note: `${st.target ? `${st.target} tagged` : 'app-wide tags'}: ${st.keys.join(', ')}` });
          }
        }
      }
      const at = { path: r.path, line: r.line, note: r.label };
      if (v === 'tagged') tagged.push(at);
      else if (v === 'untagged') untagged.push({ ...at, note: `${r.label} has no cost-allocation tag` });
      else unresolved++;
    }
    // Registry/remote modules that take a tags input: their resources live elsewhere, so the call counts
    // as one taggable unit (tagged by its input or by the caller's provider default tags).
    for (const mod of tf.modules) {
      if (!mod.tags || !mod.source || /^\.\.?\//.test(mod.source)) continue;
      let v: TagVerdict = tagVerdict(mod.tags);
      if (v !== 'tagged') {
        const prov = (providersByDir.get(dirOf(mod.file)) ?? []).find((p) => p.alias === undefined && tagVerdict(p.defaultTags) === 'tagged');
        if (prov) {
          v = 'tagged';
          defaults.set(`${prov.file}:${prov.line}`, { path: prov.file, line: prov.defaultTags!.line, note: `provider ${prov.name} default tags: ${prov.defaultTags!.keys.join(', ')}` });
        }
      }
      const at = { path: mod.file, line: mod.line, note: `module ${mod.name} (${mod.source})` };
      if (v === 'tagged') tagged.push(at);
      else if (v === 'untagged') untagged.push({ ...at, note: `${at.note} has no cost-allocation tag` });
      else unresolved++;
    }
    const total = tagged.length + untagged.length;
    const skipped = unresolved > 0 ? ` ${unresolved} resources with tags from variables or module outputs were not counted.` : '';
    if (total === 0) {
      return unknown(unresolved > 0 ? `All ${unresolved} taggable resources take their tags from variables or module outputs, which cannot be read statically.` : 'No taggable cloud resources in IaC (Terraform, CloudFormation, Bicep/ARM, CDK, Pulumi).');
    }
    const share = Math.round((tagged.length * 100) / total);
    const measures = {
      'taggable-resources': { value: total, unit: 'resources' },
      'tagged-resources': { value: tagged.length, unit: 'resources' },
      'tagged-share': { value: share, unit: '%' },
    };
    if (untagged.length === 0) {
      return yes(`All ${total} taggable resources carry a cost-allocation tag.${skipped}`, [...defaults.values(), ...tagged].slice(0, 10), measures);
    }
    const names = untagged.slice(0, 3).map((e) => `${e.note!.replace(/ has no cost-allocation tag$/, '')} (${e.path}:${e.line})`);
    return no(
      `${untagged.length} of ${total} taggable resources lack a cost-allocation tag (${share}% tagged): ${names.join(', ')}${untagged.length > 3 ? ', ...' : ''}.${skipped}`,
      untagged.slice(0, 10),
      measures,
    );
  },
});
