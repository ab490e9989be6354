import { defineDetector, fromMatch, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, readCi } from '../../ecosystems/ci.ts';
import { commandSegments } from '../../ecosystems/deploy-commands.ts';
import { excerpt } from '../../util/text.ts';

const DRIFT_COMMANDS: readonly [RegExp, string][] = [
  [/^(?:terraform|tofu|terragrunt)\b.*\s(?:plan|run-all\s+plan)\b.*\s-detailed-exitcode\b/, 'plan -detailed-exitcode'],
  [/^driftctl\s+scan\b/, 'driftctl scan'],
  [/^snyk\s+iac\s+describe\b/, 'snyk iac describe'],
  [/^pulumi\s+(?:preview|refresh)\b.*\s--expect-no-changes\b/, 'pulumi --expect-no-changes'],
  [/^atlantis\b.*\bdrift\b/, 'atlantis drift'],
];

const DRIFT_ACTIONS = /^(?:dflook\/(?:terraform|tofu)-check|cloudposse\/github-action-atmos-terraform-drift-detection|snyk\/actions\/iac)@/;

export default defineDetector({
  id: 'detects-iac-drift',
  pillar: 'iac',
  question: 'Is drift between IaC and the real infrastructure detected automatically on a schedule?',
  rationale: 'Console hot-fixes silently diverge from code; scheduled drift checks surface them before the next apply reverts or breaks them.',
  patterns: {
    tfcAssessments: { regex: /\bassessments_enabled\s*=\s*true\b/, literals: ['assessments_enabled'], languages: ['hcl'], roles: ['iac', 'config', 'other'], maxPerFile: 1 },
    spacelift: { regex: /^\s*resource\s+"spacelift_drift_detection"/m, literals: ['spacelift_drift_detection'], languages: ['hcl'], roles: ['iac', 'config', 'other'], maxPerFile: 1 },
  },
  contents: [...CI_GLOBS],
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const ci = readCi(repo);
    for (const job of ci.jobs) {
      if (!job.triggers.includes('schedule')) continue;
      for (const step of job.steps) {
        let label: string | undefined;
        if (step.uses) label = DRIFT_ACTIONS.test(step.uses) ? step.uses.split('@')[0] : undefined;
        let command: string | undefined;
        if (!step.uses) {
          for (const seg of commandSegments(step.text)) {
            const found = DRIFT_COMMANDS.find(([re]) => re.test(seg));
            if (found && !label) {
              label = found[1];
              command = seg;
            }
          }
        }
        if (!label) continue;
        const shown = step.uses ? `uses: ${step.uses}` : command ?? '';
        evidence.push({ path: job.file, line: step.line, excerpt: excerpt(shown), note: `scheduled job ${job.name}: ${label}` });
      }
    }
    evidence.push(...matches('tfcAssessments').map((m) => fromMatch(m, 'Terraform Cloud drift assessments')));
    evidence.push(...matches('spacelift').map((m) => fromMatch(m, 'Spacelift drift detection')));
    if (evidence.length === 0 && ci.problems.length > 0) {
      return unknown(`Nothing found that checks drift, but ${ci.problems.length} CI file(s) could not be parsed: ${ci.problems.map((p) => `${p.file} (${p.message})`).join('; ')}.`);
    }
    if (evidence.length === 0) return no('No scheduled drift detection (plan -detailed-exitcode, driftctl, pulumi --expect-no-changes, Terraform Cloud assessments).');
    return yes('Infrastructure drift is checked automatically.', evidence.slice(0, 10));
  },
});
