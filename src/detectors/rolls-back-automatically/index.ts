import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole } from '../../core/types.ts';
import { CI_GLOBS, classifyStep, readCi, runnableJobs, runsOnFailure, SELF_ROLLING_BACK } from '../../ecosystems/ci.ts';
import { commandSegments } from '../../ecosystems/deploy-commands.ts';
import { HELM_PATTERNS, HELM_VALUES_GLOBS, helmGuards } from '../../ecosystems/kubernetes.ts';
import { CFN_GLOBS, parseCloudFormation, readTerraform } from '../../ecosystems/terraform.ts';
import { excerpt } from '../../util/text.ts';

const IAC_ROLES: readonly FileRole[] = ['iac', 'config', 'other', 'source'];
const YAML = ['yaml'] as const;
const MANIFEST_ROLES = ['iac', 'config', 'other'] as const;

/** `deploy || rollback` on one line: the rollback runs when the deploy or its check fails. */
const OR_UNDO = /\|\|\s*[({]?\s*(?:kubectl|helm|argocd|aws|kamal|heroku|cap|bundle|dep)\b[^\n]*(?:undo|rollback|abort)\b/;

function get(o: unknown, ...path: string[]): unknown {
  let cur = o;
  for (const k of path) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined;
  return cur;
}

export default defineDetector({
  id: 'rolls-back-automatically',
  pillar: 'cicd',
  question: 'Does a failed deploy roll back without a human stepping in?',
  rationale: 'Automatic rollback on failed health checks turns a bad release into a blip instead of an outage.',
  patterns: {
    rolloutKind: { regex: /^kind:\s*["']?(Rollout|Canary)["']?\s*$/m, literals: ['Rollout', 'Canary'], languages: YAML, roles: MANIFEST_ROLES },
    rolloutApi: { regex: /^apiVersion:\s*["']?(argoproj\.io|flagger\.app)\//m, literals: ['argoproj.io', 'flagger.app'], languages: YAML, roles: MANIFEST_ROLES, maxPerFile: 1 },
    rolloutAnalysis: {
      regex: /^\s*-?\s*(?:analysis|prePromotionAnalysis|postPromotionAnalysis):|^\s*progressDeadlineAbort:\s*true\b/m,
      literals: ['nalysis', 'progressDeadlineAbort'],
      languages: YAML,
      roles: MANIFEST_ROLES,
      maxPerFile: 1,
    },
    helmfileAtomic: { regex: /^\s*atomic:\s*true\b/m, literals: ['atomic'], paths: ['**/helmfile*.y*ml', '**/helmfile.d/**'], roles: MANIFEST_ROLES, maxPerFile: 1 },
    scriptAtomic: {
      regex: /\bhelm\s+(?:upgrade|install)\b[^\n]*--(?:atomic|rollback-on-failure)\b|rollout\s+status[^\n]*\|\|[^\n]*(?:rollout\s+undo|helm\s+rollback)/,
      literals: ['--atomic', '--rollback-on-failure', 'rollout status'],
      paths: ['**/*.sh', '**/*.bash', '**/Makefile', '**/*.mk', '**/package.json'],
      roles: ['source', 'config', 'other'],
      maxPerFile: 1,
    },
    // CDK / Pulumi in TypeScript, Python, Java, C#, Go: the ECS circuit breaker with rollback.
    cdkCircuitBreaker: {
      regex: /[cC]ircuitBreaker\s*:\s*\{[^}]*\brollback\s*:\s*true|DeploymentCircuitBreaker\b[^;]{0,160}?\b[Rr]ollback\s*(?:=|:|\()\s*(?:True\b|true\b|jsii\.Bool\(\s*true\s*\))/,
      literals: ['ircuitBreaker'],
      languages: ['typescript', 'javascript', 'python', 'java', 'kotlin', 'csharp', 'go'],
      maxPerFile: 1,
    },
    // CDK CodeDeploy deployment groups roll back failed deployments (explicitly, or by default for ECS and Lambda groups).
    cdkCodeDeploy: {
      regex: /\bauto_?[rR]ollback\b[^;]{0,120}?\b(?:failedDeployment|failed_deployment|FailedDeployment)\s*(?:=|:|\()\s*(?:True\b|true\b|jsii\.Bool\(\s*true\s*\))|\b(?:new\s+|New)?(?:codedeploy\.|awscodedeploy\.)?(?:Ecs|Lambda)DeploymentGroup\s*\(/,
      literals: ['DeploymentGroup', 'ollback'],
      languages: ['typescript', 'javascript', 'python', 'java', 'kotlin', 'csharp', 'go'],
      maxPerFile: 1,
    },
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

    // Pipelines (jobs that can run): a deploy that rolls itself back (helm --atomic, ECS circuit
    // breaker flags, CodeDeploy auto rollback), or a rollback step that runs when the deploy failed.
    for (const job of runnableJobs(readCi(repo))) {
      for (const step of job.steps) {
        const kinds = step.kinds ?? classifyStep(step);
        if (!kinds.includes('rollback')) continue;
        const segs = step.uses ? [] : commandSegments(step.text);
        const self = segs.find((c) => SELF_ROLLING_BACK.test(c));
        const shown = excerpt(step.uses ? `uses: ${step.uses}` : (self ?? step.text.split('\n').find((l) => /undo|rollback|abort/.test(l)) ?? ''));
        if (self || (step.uses && kinds.includes('deploy'))) hit({ path: job.file, line: step.line, excerpt: shown, note: `deploy rolls itself back when it fails (job ${job.name})` }, /helm/i.test(shown) ? 'helm --atomic' : 'deploy with rollback');
        else if (runsOnFailure(job, step) || OR_UNDO.test(step.text)) hit({ path: job.file, line: step.line, excerpt: shown, note: `rollback step runs when the deploy fails (job ${job.name})` }, 'rollback on failure');
      }
    }
    for (const m of matches('scriptAtomic')) if (!m.excerpt.startsWith('#')) hit(fromMatch(m, 'deploy script rolls back on failure'), 'helm --atomic');
    for (const m of matches('helmfileAtomic')) hit(fromMatch(m, 'helmfile releases are atomic'), 'helm --atomic');
    for (const m of matches('cdkCircuitBreaker')) hit(fromMatch(m, 'ECS circuit breaker with rollback (CDK)'), 'ECS circuit breaker');
    for (const m of matches('cdkCodeDeploy')) hit(fromMatch(m, 'CodeDeploy deployment group rolls back failed deployments (CDK)'), 'CodeDeploy auto rollback');

    // Argo Rollouts with analysis (or an abort deadline), Flagger canaries.
    const api = new Map(matches('rolloutApi').map((m) => [m.path, m.groups[0]!] as const));
    const analysed = new Set(matches('rolloutAnalysis').map((m) => m.path));
    // A manifest in a Helm template counts when its `{{ if .Values... }}` guards hold.
    const guardsHold = helmGuards(repo, matches('helmIf'));
    for (const m of matches('rolloutKind')) {
      if (!guardsHold(m)) continue;
      const a = api.get(m.path);
      if (m.groups[0] === 'Rollout' && a === 'argoproj.io' && analysed.has(m.path)) hit(fromMatch(m, 'Argo Rollout aborts and rolls back on failed analysis'), 'Argo Rollouts');
      if (m.groups[0] === 'Canary' && a === 'flagger.app') hit(fromMatch(m, 'Flagger canary rolls back on failed checks'), 'Flagger');
    }

    // Terraform: ECS deployment circuit breaker with rollback, CodeDeploy auto rollback.
    const tfFiles = repo.glob('**/*.tf', IAC_ROLES).map((f) => ({ path: f.path, text: repo.text(f.path) ?? '' }));
    const tf = readTerraform(tfFiles);
    // terraform-aws-modules/ecs (and similar modules) take the circuit breaker as a map.
    for (const mod of tf.modules) {
      const cb = /deployment_circuit_breaker\s*=\s*\{[^}]*\}/.exec(mod.text);
      if (cb && /\benable\s*=\s*true\b/.test(cb[0]) && /\brollback\s*=\s*true\b/.test(cb[0])) {
        hit({ path: mod.file, line: mod.line + (mod.text.slice(0, cb.index).match(/\n/g) ?? []).length, excerpt: excerpt(cb[0].split('\n')[0]!), note: `ECS circuit breaker rolls back (module ${mod.name})` }, 'ECS circuit breaker');
      }
    }
    for (const r of tf.resources) {
      const cb = r.block.blocks.find((b) => b.type === 'deployment_circuit_breaker');
      const attr = (b: typeof cb, n: string): string | undefined => b?.attributes.find((a) => a.name === n)?.expr;
      if (r.type === 'aws_ecs_service' && cb && attr(cb, 'enable') === 'true' && attr(cb, 'rollback') === 'true') {
        hit({ path: r.file, line: cb.line, note: `ECS circuit breaker rolls back ${r.name}` }, 'ECS circuit breaker');
      }
      const ar = r.block.blocks.find((b) => b.type === 'auto_rollback_configuration');
      if (r.type === 'aws_codedeploy_deployment_group' && ar && attr(ar, 'enabled') === 'true') {
        hit({ path: r.file, line: ar.line, note: `CodeDeploy auto rollback for ${r.name}` }, 'CodeDeploy auto rollback');
      }
    }
    // CloudFormation / SAM.
    for (const f of repo.glob([...CFN_GLOBS], IAC_ROLES)) {
      const tpl = parseCloudFormation(f.path, repo.text(f.path) ?? '');
      for (const r of tpl?.resources ?? []) {
        const p = r.properties;
        if (r.type === 'AWS::ECS::Service' && get(p, 'DeploymentConfiguration', 'DeploymentCircuitBreaker', 'Rollback') === true && get(p, 'DeploymentConfiguration', 'DeploymentCircuitBreaker', 'Enable') === true) {
          hit({ path: r.file, line: r.line, note: `ECS circuit breaker rolls back ${r.logicalId}` }, 'ECS circuit breaker');
        }
        if (r.type === 'AWS::CodeDeploy::DeploymentGroup' && get(p, 'AutoRollbackConfiguration', 'Enabled') === true) {
          hit({ path: r.file, line: r.line, note: `CodeDeploy auto rollback for ${r.logicalId}` }, 'CodeDeploy auto rollback');
        }
        const alarms = get(p, 'DeploymentPreference', 'Alarms');
        if (r.type === 'AWS::Serverless::Function' && Array.isArray(alarms) && alarms.length > 0) {
          hit({ path: r.file, line: r.line, note: `SAM gradual deploy of ${r.logicalId} rolls back on alarms` }, 'SAM deployment preference');
        }
      }
    }
    if (evidence.length === 0) {
      return no('No automatic rollback: no helm --atomic, Argo Rollouts analysis, Flagger, ECS circuit breaker rollback, CodeDeploy auto rollback or on-failure undo step.');
    }
    return yes(`Failed deploys roll back automatically (${[...how].join(', ')}).`, evidence.slice(0, 10));
  },
});
