import { defineDetector, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, readCi, type CiJob } from '../../ecosystems/ci.ts';
import { deployOfStep } from '../../ecosystems/deploy-commands.ts';

const WINDOW_DAYS = 90;
const DAY = 86_400;
const DEFAULT_BRANCH = /^(?:main|master|trunk|\*|\*\*)$/;
const RELEASE_TAG = /^(?:v|release[-/_]?|rel[-_]?)?\d+(?:\.\d+)*(?:[-+.][\w.-]+)?$|release|deploy|prod/i;

export default defineDetector({
  id: 'deploy-frequency',
  pillar: 'cicd',
  question: 'How often is the platform deployed (over the 90 days before the last commit)?',
  rationale: 'Deploy frequency is a DORA metric: small, frequent releases are easier to verify and to roll back.',
  history: true,
  measures: {
    'deploys-90d': { unit: 'deploys', description: 'Deploys in the 90 days before the newest commit (pushes to a continuously deployed branch, else release tags)' },
    'deploys-per-day': { unit: 'deploys/day', description: 'deploys-90d / 90, two decimals' },
  },
  contents: [...CI_GLOBS],
  detect({ repo }) {
    const h = repo.history();
    if (!h || h.commits.length === 0) return unknown('No git history to count deploys from.');
    const newest = Math.max(...h.commits.map((c) => c.at));
    const from = newest - WINDOW_DAYS * DAY;
    const inWindow = (at: number): boolean => at >= from && at <= newest;
    const day = new Date(newest * 1000).toISOString().slice(0, 10);

    // A deploy job that runs on every push to the default branch: each push is a deploy.
    let pushJob: { job: CiJob; line: number } | undefined;
    for (const job of readCi(repo).jobs) {
      if (!job.triggers.includes('push')) continue;
      if (job.branches.length > 0 && !job.branches.some((b) => DEFAULT_BRANCH.test(b))) continue;
      const step = job.steps.find((s) => deployOfStep(s) !== undefined);
      if (step) {
        pushJob = { job, line: step.line };
        break;
      }
    }
    let count: number;
    let basis: string;
    const evidence: EvidenceItem[] = [];
    if (pushJob) {
      const commits = h.commits.filter((c) => inWindow(c.at));
      const merges = commits.filter((c) => c.parents >= 2);
      count = merges.length > 0 ? merges.length : commits.filter((c) => c.parents >= 1).length;
      basis = merges.length > 0 ? 'merge commits to the continuously deployed branch' : 'commits to the continuously deployed branch';
      evidence.push({ path: pushJob.job.file, line: pushJob.line, note: `job ${pushJob.job.name} deploys on push`, value: count });
    } else {
      const tags = h.tags.filter((t) => inWindow(t.at) && RELEASE_TAG.test(t.name));
      count = tags.length;
      basis = 'release tags';
      evidence.push(...tags.slice(-10).reverse().map((t) => ({ path: `tag ${t.name}`, note: `release tag, ${new Date(t.at * 1000).toISOString().slice(0, 10)}` })));
    }
    const perDay = Math.round((count / WINDOW_DAYS) * 100) / 100;
    const measures = {
      'deploys-90d': { value: count, unit: 'deploys' },
      'deploys-per-day': { value: perDay, unit: 'deploys/day' },
    };
    const cut = h.truncated ? ' (history is truncated)' : '';
    const summary = `${count} deploys in the 90 days up to ${day}, counted from ${basis} (${perDay}/day)${cut}.`;
    return count > 0 ? yes(summary, evidence.slice(0, 10), measures) : no(summary, evidence.slice(0, 10), measures);
  },
});
