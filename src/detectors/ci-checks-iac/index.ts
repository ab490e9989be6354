import { defineDetector, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, gitlabTemplateIncludes, readCi, toolSteps, type ActionRule, type CommandRule, type ToolStep } from '../../ecosystems/ci.ts';
import { excerpt } from '../../util/text.ts';

const IAC_CHECKS: readonly CommandRule[] = [
  [/^(?:terraform|tofu|terragrunt)\b.*\s(?:validate|plan|run-all\s+(?:validate|plan))(?:\s|$)/, 'terraform validate/plan'],
  [/^(?:terraform|tofu|terragrunt)\b.*\s(?:fmt|hclfmt)\b.*\s-check\b/, 'terraform fmt -check'],
  [/^tflint\b/, 'tflint'],
  [/^checkov\b/, 'checkov'],
  [/^tfsec\b/, 'tfsec'],
  [/^trivy\s+(?:config|fs\b.*--scanners\s+\S*misconfig)/, 'trivy config'],
  [/^kics\s+scan\b/, 'kics'],
  [/^terrascan\s+scan\b/, 'terrascan'],
  [/^conftest\s+(?:test|verify)\b/, 'conftest'],
  [/^pulumi\s+preview\b/, 'pulumi preview'],
  [/^cfn-lint\b/, 'cfn-lint'],
  [/^cfn_nag\w*\b/, 'cfn_nag'],
  [/^cfn-guard\s+validate\b/, 'cfn-guard'],
  [/^snyk\s+iac\s+test\b/, 'snyk iac test'],
  [/^regula\s+run\b/, 'regula'],
  [/^az\s+deployment\s+(?:group|sub|mg|tenant)\s+(?:what-if|validate)\b/, 'az deployment what-if/validate'],
  [/^opa\s+(?:eval|test)\b.*\b(?:tfplan|plan\.json|terraform)/, 'OPA policy'],
  [/^kube-linter\s+lint\b/, 'kube-linter'],
  [/^kubeconform\b/, 'kubeconform'],
  [/^kubeval\b/, 'kubeval'],
  [/^helm\s+lint\b/, 'helm lint'],
  [/^cdk\s+(?:synth|diff)\b/, 'cdk synth/diff'],
  [/^sam\s+validate\b/, 'sam validate'],
  [/^az\s+bicep\s+build\b|^bicep\s+(?:build|lint)\b/, 'bicep build/lint'],
  [/^ansible-lint\b/, 'ansible-lint'],
];

const IAC_ACTIONS: readonly ActionRule[] = [
  [/^bridgecrewio\/checkov-action@/, undefined, 'checkov'],
  [/^aquasecurity\/tfsec-(?:action|pr-commenter-action|sarif-action)@/, undefined, 'tfsec'],
  [/^aquasecurity\/trivy-action@/, /scan-type:\s*config/, 'trivy config'],
  [/^Checkmarx\/kics-github-action@/i, undefined, 'kics'],
  [/^tenable\/terrascan-action@/i, undefined, 'terrascan'],
  [/^dflook\/(?:terraform|tofu)-(?:validate|plan|fmt-check)@/, undefined, 'terraform validate/plan'],
  [/^pulumi\/actions@/, /command:\s*preview/, 'pulumi preview'],
  [/^scottbrenner\/cfn-lint-action@/i, undefined, 'cfn-lint'],
  [/^stackrox\/kube-linter-action@/, undefined, 'kube-linter'],
  [/^hashicorp\/tfc-workflows-github\/actions\/create-run@/, /plan_only:\s*true/, 'Terraform Cloud speculative plan'],
  [/^terraform-linters\/tflint-(?:action|bundle)@/, undefined, 'tflint'],
  [/^aws-cloudformation\/cfn-lint-action@/i, undefined, 'cfn-lint'],
  [/^aws-actions\/cfn-guard-action@|^aws-cloudformation\/cloudformation-guard@/i, undefined, 'cfn-guard'],
  [/^instrumenta\/conftest-action@/, undefined, 'conftest'],
  [/^azure\/arm-deploy@/i, /deploymentMode:\s*Validate|additionalArguments:\s*.*--what-if/i, 'ARM validate/what-if'],
];

/** A step condition that is never true. */
const STEP_OFF = /^\s*(?:false|\$\{\{\s*false\s*\}\})\s*$/;

/** A check whose failure is swallowed does not gate the merge. */
function doesNotGate({ step, shown }: ToolStep): boolean {
  const line = step.text.split('\n').find((l) => l.includes(shown)) ?? '';
  if (/\|\|\s*(?:true|:|exit\s+0)\b|--soft-fail\b|--exit-code[= ]0\b|--force-exit-code[= ]0\b|--no-fail\b/.test(line)) return true;
  return /(?:^|\n)\s*soft_fail:\s*['"]?true/.test(step.text);
}

export default defineDetector({
  id: 'ci-checks-iac',
  pillar: 'iac',
  question: 'Does pull-request CI validate, plan or scan infrastructure code?',
  rationale: 'Checking IaC before merge catches broken or insecure infrastructure changes while they are still cheap to fix.',
  contents: [...CI_GLOBS],
  detect({ repo }) {
    const evidence: EvidenceItem[] = [];
    const tools = new Set<string>();
    const ci = readCi(repo);
    // Jobs that run on pull/merge requests and can run at all (not `if: false`, not `when: never`).
    const pullRequestJobs = ci.jobs.filter((job) => job.triggers.includes('pull_request') && !job.disabled);
    const softFailed: string[] = [];
    for (const t of toolSteps(pullRequestJobs, IAC_CHECKS, IAC_ACTIONS)) {
      const { job, step, label, shown } = t;
      if (STEP_OFF.test(step.condition ?? '')) continue;
      if (doesNotGate(t)) {
        softFailed.push(`${label} at ${job.file}:${step.line}`);
        continue;
      }
      evidence.push({ path: job.file, line: step.line, excerpt: excerpt(shown), note: `${label} in job ${job.name}` });
      tools.add(label);
    }
    // GitLab's IaC scanning template (KICS) runs in merge-request pipelines.
    for (const inc of gitlabTemplateIncludes(repo, /(?:Security|Jobs)\/SAST-IaC(?:\.latest)?\.gitlab-ci\.yml|(?:^|[\s/"'])Terraform(?:\.latest)?\.gitlab-ci\.yml/)) {
      evidence.push({ path: inc.path, line: inc.line, excerpt: excerpt(inc.text), note: 'GitLab IaC template' });
      tools.add('GitLab IaC template');
    }
    if (evidence.length === 0 && softFailed.length > 0) {
      return no(`IaC checks run on pull requests but cannot fail them (soft fail, \`|| true\`): ${softFailed.slice(0, 3).join(', ')}.`);
    }
    if (evidence.length === 0 && ci.problems.length > 0) {
      return unknown(`Nothing found that checks IaC, but ${ci.problems.length} CI file(s) could not be parsed: ${ci.problems.map((p) => `${p.file} (${p.message})`).join('; ')}.`);
    }
    if (evidence.length === 0) return no('No pull-request CI job validates, plans or scans infrastructure code.');
    return yes(`Pull-request CI checks IaC: ${[...tools].join(', ')}.`, evidence.slice(0, 10));
  },
});
