import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole } from '../../core/types.ts';
import { CI_GLOBS, readCi } from '../../ecosystems/ci.ts';
import type { HclBlock } from '../../ecosystems/hcl.ts';
import { TF_GLOBS, repoTerraform } from '../../ecosystems/terraform.ts';

const ENV_WORD = /(?:^|[^a-z])(dev|develop|development|stag|stage|staging|stg|prod|prd|production|qa|test|uat|preprod|pre-prod|sandbox|sbx|perf|demo|int|live)(?=[^a-z]|$)/i;
const NOT_AN_ENV = /^(?:_.*|modules?|common|shared|global|base|templates?|bootstrap)$/i;
const EXCLUDED: ReadonlySet<FileRole> = new Set<FileRole>(['vendored', 'fixture', 'generated', 'docs', 'test']);

function normalise(env: string): string {
  const e = env.toLowerCase();
  if (/^(dev|develop|development)$/.test(e)) return 'dev';
  if (/^(stag|stage|staging|stg)$/.test(e)) return 'staging';
  if (/^(prod|prd|production|live)$/.test(e)) return 'prod';
  if (/^(pre-prod|preprod)$/.test(e)) return 'preprod';
  if (/^(sandbox|sbx)$/.test(e)) return 'sandbox';
  return e;
}

export default defineDetector({
  id: 'iac-parameterizes-environments',
  pillar: 'iac',
  question: 'Are environments (dev, staging, prod) parameterised variants of the same infrastructure code?',
  rationale: 'When every environment is the same code with different inputs, staging actually predicts production.',
  measures: {
    environments: { unit: 'environments', description: 'Distinct environments with their own IaC inputs (tfvars, env folders, stacks, overlays, values files, stages)' },
  },
  patterns: {
    /** CDK stacks or stages instantiated per environment: `new ApiStack(app, 'api-prod')`, `ApiStack(app, "api-dev")`, `NewApiStack(app, jsii.String("prod"))`. */
    cdkStage: {
      regex: /(?:\bnew\s+|\b)(?:New)?[A-Z]\w*(?:Stack|Stage)\s*\(\s*(?:app|this|scope)\s*,\s*(?:jsii\.String\(\s*)?["'`]([\w-]+)["'`]/,
      literals: ['Stack', 'Stage'],
      languages: ['typescript', 'javascript', 'python', 'go', 'java', 'csharp'],
      maxPerFile: 20,
    },
  },
  contents: ['**/package.json', '**/cdk.json', ...CI_GLOBS, ...TF_GLOBS],
  detect({ repo, matches }) {
    // Environment -> first evidence, and which mechanisms name environments.
    const envs = new Map<string, EvidenceItem>();
    const sources = new Set<string>();
    const note = (source: string, env: string, e: EvidenceItem): void => {
      const n = normalise(env);
      if (!envs.has(n)) envs.set(n, { ...e, note: `${source}: ${n}` });
      sources.add(source);
    };
    const files = repo.files.filter((f) => !EXCLUDED.has(f.role));
    const iacExists = files.some((f) => f.role === 'iac' || /(^|\/)terragrunt\.hcl$|\.tofu$/.test(f.path));
    for (const f of files) {
      const name = f.path.slice(f.path.lastIndexOf('/') + 1);
      const dir = f.path.slice(0, Math.max(0, f.path.lastIndexOf('/')));
      const at = { path: f.path };
      if (/\.tfvars(\.json)?$/.test(name)) {
        const m = ENV_WORD.exec(name.replace(/\.tfvars(\.json)?$/, '')) ?? ENV_WORD.exec(dir);
        if (m) note('tfvars', m[1]!, at);
      }
      const folder = /(?:^|\/)(?:envs?|environments|stages|live)\/([^/]+)\//.exec(f.path);
      if (folder && !NOT_AN_ENV.test(folder[1]!) && (f.role === 'iac' || f.language === 'hcl' || f.path.endsWith('.tofu'))) note('environment folders', folder[1]!, at);
      // Terragrunt: an env.hcl per environment folder.
      const tg = /(?:^|\/)([^/]+)\/env\.hcl$/.exec(f.path);
      if (tg && !NOT_AN_ENV.test(tg[1]!)) note('Terragrunt environments', tg[1]!, at);
      const stack = /^Pulumi\.([\w-]+)\.ya?ml$/.exec(name);
      if (stack) note('Pulumi stacks', stack[1]!, at);
      const overlay = /(?:^|\/)overlays\/([^/]+)\/kustomization\.ya?ml$/.exec(f.path);
      if (overlay) note('kustomize overlays', overlay[1]!, at);
      const values = /^values[-.]([\w-]+)\.ya?ml$/.exec(name);
      if (values && !/^(schema|default|defaults|override|local)$/.test(values[1]!)) note('Helm values files', values[1]!, at);
    }
    const stageFlag = /--stage[= ]\s*["']?([A-Za-z][\w-]*)|(?:-c|--context)\s+(?:env|stage|environment)=([A-Za-z][\w-]*)/g;
    for (const job of readCi(repo).jobs) {
      if (job.disabled) continue;
      for (const step of job.steps) for (const m of step.text.matchAll(stageFlag)) note('deploy stages', (m[1] ?? m[2])!, { path: job.file, line: step.line });
    }
    for (const f of repo.glob('**/package.json', ['source', 'config', 'other'])) {
      const text = repo.text(f.path) ?? '';
      for (const m of text.matchAll(stageFlag)) note('deploy stages', (m[1] ?? m[2])!, { path: f.path, line: text.slice(0, m.index).split('\n').length });
    }
    // CDK: stacks/stages per environment, or per-environment context blocks in cdk.json.
    for (const m of matches('cdkStage')) {
      const env = ENV_WORD.exec(m.groups[0]!);
      if (env) note('CDK stages', env[1]!, { path: m.path, line: m.line, excerpt: m.excerpt });
    }
    for (const f of repo.glob('**/cdk.json', ['iac', 'config', 'other'])) {
      let context: unknown;
      try {
        context = (JSON.parse(repo.text(f.path) ?? '{}') as { context?: unknown }).context;
      } catch {
        continue;
      }
      if (!context || typeof context !== 'object') continue;
      for (const [key, value] of Object.entries(context)) {
        const env = ENV_WORD.exec(key);
        if (env && env[0].replace(/^[^a-z]/i, '').length === key.length && value && typeof value === 'object') note('CDK context', env[1]!, { path: f.path });
      }
    }
    // Terraform workspaces: `terraform.workspace` in an expression (comments are not expressions).
    const ws: { path: string; line: number }[] = [];
    const visit = (b: HclBlock): void => {
      for (const a of b.attributes) if (/\bterraform\.workspace\b/.test(a.expr)) ws.push({ path: b.file, line: a.line });
      b.blocks.forEach(visit);
    };
    const tf = repoTerraform(repo);
    for (const r of [...tf.resources, ...tf.dataSources]) visit(r.block);
    for (const l of tf.locals) if (/\bterraform\.workspace\b/.test(l.expr)) ws.push({ path: l.file, line: l.line });
    const measures = { environments: { value: envs.size, unit: 'environments' } };
    const evidence = [...ws.slice(0, 2).map((m) => ({ ...m, note: 'Terraform workspaces select the environment' })), ...envs.values()].slice(0, 10);
    if (envs.size >= 2 || ws.length > 0) {
      const what = [...sources, ...(ws.length > 0 ? ['terraform.workspace'] : [])].join(', ');
      return yes(`Environments are parameterised (${[...envs.keys()].join(', ') || 'per workspace'}) via ${what}.`, evidence, measures);
    }
    if (!iacExists) return no('No infrastructure code, so environments are not parameterised in IaC.', [], measures);
    return no(`Infrastructure code does not vary by environment (${envs.size} environment${envs.size === 1 ? '' : 's'} found).`, evidence, measures);
  },
});
