import { defineDetector, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, readCi, toolSteps, type ActionRule } from '../../ecosystems/ci.ts';
import { excerpt } from '../../util/text.ts';

const INFRACOST = /^infracost\s+(?:breakdown|diff|comment|upload|output)\b/;
const INFRACOST_ACTIONS: readonly ActionRule[] = [[/^infracost\/(?:actions\/setup|actions\/comment|infracost-gh-action)(?:@|\/)/, undefined, 'infracost']];

export default defineDetector({
  id: 'ci-runs-infracost',
  pillar: 'finops',
  question: 'Does pull-request CI estimate the cost of infrastructure changes (Infracost)?',
  rationale: 'Showing the cost delta of an IaC change in review makes spend a design input instead of a surprise on the bill.',
  contents: [...CI_GLOBS],
  detect({ repo }) {
    const evidence: EvidenceItem[] = [];
    const ci = readCi(repo);
    // Cost shown in review: a job that runs on pull/merge requests and can run at all.
    const prJobs = ci.jobs.filter((job) => job.triggers.includes('pull_request') && !job.disabled);
    for (const { job, step, shown } of toolSteps(prJobs, [[INFRACOST, 'infracost']], INFRACOST_ACTIONS)) {
      if (/^\s*(?:false|\$\{\{\s*false\s*\}\})\s*$/.test(step.condition ?? '')) continue;
      evidence.push({ path: job.file, line: step.line, excerpt: excerpt(shown), note: `job ${job.name} (${job.triggers.join('/')}) runs Infracost` });
    }
    if (evidence.length === 0 && ci.problems.length > 0) {
      return unknown(`Nothing found that runs Infracost, but ${ci.problems.length} CI file(s) could not be parsed: ${ci.problems.map((p) => `${p.file} (${p.message})`).join('; ')}.`);
    }
    if (evidence.length === 0) {
      const elsewhere = toolSteps(ci.jobs, [[INFRACOST, 'infracost']], INFRACOST_ACTIONS).filter((t) => !prJobs.includes(t.job));
      if (elsewhere.length > 0) return no(`Infracost runs only outside pull requests (${elsewhere.map((t) => `${t.job.file}:${t.step.line}`).slice(0, 3).join(', ')}), so reviewers never see the cost of a change.`);
      return no('No pull-request CI job runs Infracost.');
    }
    return yes(`Infracost runs in CI (${evidence.length} step${evidence.length === 1 ? '' : 's'}).`, evidence.slice(0, 10));
  },
});
