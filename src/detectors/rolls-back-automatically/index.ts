import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole } from '../../core/types.ts';
import { CI_GLOBS, readCi } from '../../ecosystems/ci.ts';
import { commandSegments } from '../../ecosystems/deploy-commands.ts';
import { CFN_GLOBS, parseCloudFormation, readTerraform } from '../../ecosystems/terraform.ts';
import { excerpt } from '../../util/text.ts';

const IAC_ROLES: readonly FileRole[] = ['iac', 'config', 'other', 'source'];
const YAML = ['yaml'] as const;
const MANIFEST_ROLES = ['iac', 'config', 'other'] as const;

const ATOMIC_HELM = /^helm\s+(?:upgrade|install)\b.*\s--(?:atomic|rollback-on-failure)\b/;
const UNDO = /\b(?:kubectl\b.*\srollout\s+undo|helm\s+rollback|kubectl\s+argo\s+rollouts\s+(?:undo|abort))\b/;

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
    cdkCircuitBreaker: {
      regex: /circuitBreaker\s*:\s*\{[^}]*\brollback\s*:\s*true|DeploymentCircuitBreaker\s*\([^)]*\brollback\s*=\s*True/,
      literals: ['ircuitBreaker'],
      languages: ['typescript', 'javascript', 'python'],
      maxPerFile: 1,
    },
  },
  contents: ['**/*.tf', ...CFN_GLOBS, ...CI_GLOBS],
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const how = new Set<string>();
    const hit = (e: EvidenceItem, kind: string): void => {
      evidence.push(e);
      how.add(kind);
    };

    // Pipelines: helm --atomic, or an undo step that runs when the deploy failed.
    for (const job of readCi(repo).jobs) {
      for (const step of job.steps) {
        if (step.uses) continue;
        const segs = commandSegments(step.text);
        const first = excerpt(step.text.split('\n').find((l) => /helm|rollout|rollback/.test(l)) ?? '');
        if (segs.some((s) => ATOMIC_HELM.test(s))) hit({ path: job.file, line: step.line, excerpt: first, note: 'helm rolls back a failed upgrade (--atomic)' }, 'helm --atomic');
        else if (UNDO.test(step.text) && (/failure\(\)/.test(step.condition ?? '') || /\|\|\s*(?:kubectl|helm)\b[^\n]*(?:undo|rollback)/.test(step.text))) {
          hit({ path: job.file, line: step.line, excerpt: first, note: 'rollback step runs when the deploy fails' }, 'rollback on failure');
        }
      }
    }
    for (const m of matches('scriptAtomic')) if (!m.excerpt.startsWith('#')) hit(fromMatch(m, 'deploy script rolls back on failure'), 'helm --atomic');
    for (const m of matches('helmfileAtomic')) hit(fromMatch(m, 'helmfile releases are atomic'), 'helm --atomic');
    for (const m of matches('cdkCircuitBreaker')) hit(fromMatch(m, 'ECS circuit breaker with rollback (CDK)'), 'ECS circuit breaker');

    // Argo Rollouts with analysis (or an abort deadline), Flagger canaries.
    const api = new Map(matches('rolloutApi').map((m) => [m.path, m.groups[0]!] as const));
    const analysed = new Set(matches('rolloutAnalysis').map((m) => m.path));
    for (const m of matches('rolloutKind')) {
      const a = api.get(m.path);
      if (m.groups[0] === 'Rollout' && a === 'argoproj.io' && analysed.has(m.path)) hit(fromMatch(m, 'Argo Rollout aborts and rolls back on failed analysis'), 'Argo Rollouts');
      if (m.groups[0] === 'Canary' && a === 'flagger.app') hit(fromMatch(m, 'Flagger canary rolls back on failed checks'), 'Flagger');
    }

    // Terraform: ECS deployment circuit breaker with rollback, CodeDeploy auto rollback.
    const tfFiles = repo.glob('**/*.tf', IAC_ROLES).map((f) => ({ path: f.path, text: repo.text(f.path) ?? '' }));
    for (const r of readTerraform(tfFiles).resources) {
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
