import { defineDetector, fromMatch, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, readCi, toolSteps, type ActionRule, type CommandRule } from '../../ecosystems/ci.ts';
import { excerpt } from '../../util/text.ts';

const DRIFT_COMMANDS: readonly CommandRule[] = [
  [/^(?:terraform|tofu|terragrunt)\b.*\s(?:plan|run-all\s+plan)\b.*\s-detailed-exitcode\b/, 'plan -detailed-exitcode'],
  [/^driftctl\s+scan\b/, 'driftctl scan'],
  [/^snyk\s+iac\s+describe\b/, 'snyk iac describe'],
  [/^pulumi\s+(?:preview|refresh)\b.*\s--expect-no-changes\b/, 'pulumi --expect-no-changes'],
  [/^atlantis\b.*\bdrift\b/, 'atlantis drift'],
  [/^terraform-drift-check\b|^tfdrift\b/, 'drift check'],
];

/** Drift-check actions, labelled with their name (the reference before `@`). */
const DRIFT_ACTIONS: readonly ActionRule[] = [
  [/^dflook\/terraform-check@/, undefined, 'dflook/terraform-check'],
  [/^dflook\/tofu-check@/, undefined, 'dflook/tofu-check'],
  [/^cloudposse\/github-action-atmos-terraform-drift-detection@/, undefined, 'cloudposse/github-action-atmos-terraform-drift-detection'],
  [/^snyk\/actions\/iac@/, undefined, 'snyk/actions/iac'],
];

export default defineDetector({
  id: 'detects-iac-drift',
  pillar: 'iac',
  question: 'Is drift between IaC and the real infrastructure detected automatically on a schedule?',
  rationale: 'Console hot-fixes silently diverge from code; scheduled drift checks surface them before the next apply reverts or breaks them.',
  patterns: {
    tfcAssessments: { regex: /\bassessments_enabled\s*=\s*true\b/, literals: ['assessments_enabled'], languages: ['hcl'], roles: ['iac', 'config', 'other'], maxPerFile: 1 },
    spacelift: { regex: /^\s*resource\s+"spacelift_drift_detection"/m, literals: ['spacelift_drift_detection'], languages: ['hcl'], roles: ['iac', 'config', 'other'], maxPerFile: 1 },
    env0: { regex: /^\s*(?:resource\s+"env0_environment_drift_detection"|drift_detection_cron\s*=\s*"[^"]+")/m, literals: ['env0_environment_drift_detection', 'drift_detection_cron'], languages: ['hcl'], roles: ['iac', 'config', 'other'], maxPerFile: 1 },
  },
  contents: [...CI_GLOBS],
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const ci = readCi(repo);
    // A scheduled job that can run (not `if: false` / `when: never`), and a step that is not switched off.
    const scheduledJobs = ci.jobs.filter((job) => job.triggers.includes('schedule') && !job.disabled);
    for (const { job, step, label, shown } of toolSteps(scheduledJobs, DRIFT_COMMANDS, DRIFT_ACTIONS)) {
      if (/^\s*(?:false|\$\{\{\s*false\s*\}\})\s*$/.test(step.condition ?? '')) continue;
      evidence.push({ path: job.file, line: step.line, excerpt: excerpt(shown), note: `scheduled job ${job.name}: ${label}` });
    }
    evidence.push(...matches('tfcAssessments').map((m) => fromMatch(m, 'Terraform Cloud drift assessments')));
    evidence.push(...matches('spacelift').map((m) => fromMatch(m, 'Spacelift drift detection')));
    evidence.push(...matches('env0').map((m) => fromMatch(m, 'env0 drift detection')));
    if (evidence.length === 0 && ci.problems.length > 0) {
      return unknown(`Nothing found that checks drift, but ${ci.problems.length} CI file(s) could not be parsed: ${ci.problems.map((p) => `${p.file} (${p.message})`).join('; ')}.`);
    }
    if (evidence.length === 0) return no('No scheduled drift detection (plan -detailed-exitcode, driftctl, pulumi --expect-no-changes, Terraform Cloud assessments).');
    return yes('Infrastructure drift is checked automatically.', evidence.slice(0, 10));
  },
});
