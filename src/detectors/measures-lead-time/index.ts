import { defineDetector, unknown, yes } from '../../core/detector.ts';
import { CI_GLOBS } from '../../ecosystems/ci.ts';
import { commitIndex, deploysOf, leadTimes } from '../../ecosystems/deploys.ts';
import { median } from '../../util/stats.ts';

const WINDOW_DAYS = 90;
const HOUR = 3_600;

function hours(seconds: number): number {
  return Math.round((seconds / HOUR) * 10) / 10;
}

export default defineDetector({
  id: 'measures-lead-time',
  pillar: 'cicd',
  question: 'How long does a commit take to reach a deploy (DORA lead time for changes, over the last 90 days)?',
  rationale: 'Lead time for changes is a DORA metric: the shorter the path from commit to production, the smaller and safer each change.',
  history: true,
  measures: {
    'lead-time-median-hours': { unit: 'hours', description: 'Median hours from a commit (author date) to the deploy that shipped it, over deploys in the 90 days before the newest commit' },
    'lead-time-p90-hours': { unit: 'hours', description: '90th percentile of the same lead times' },
    'lead-time-commits': { unit: 'commits', description: 'Commits the deploys in the window shipped (the sample size)' },
  },
  contents: [...CI_GLOBS],
  detect({ repo }) {
    const h = repo.history();
    if (!h || h.commits.length === 0) return unknown('No git history to measure lead time from.');
    const d = deploysOf(repo, h, WINDOW_DAYS);
    const basis = d.basis === 'push' ? 'pushes to the continuously deployed branch' : 'release tags';
    if (d.deploys.length === 0) return unknown(`No deploys (${basis}) in the 90 days before the newest commit, so lead time cannot be measured.`);
    const byHash = commitIndex(h);
    const onBranch = d.deploys.filter((dep) => byHash.has(dep.commit));
    if (onBranch.length === 0) {
      return unknown(`The commits of the ${d.deploys.length} release tag(s) of the last 90 days could not be read, so which commits they shipped is not known.`);
    }
    const times = leadTimes(h, { ...d, deploys: onBranch }).sort((a, b) => a - b);
    if (times.length === 0) return unknown(`The ${onBranch.length} deploy(s) in the window shipped no new commit.`);
    const med = hours(median(times));
    const p90 = hours(times[Math.min(times.length - 1, Math.ceil(times.length * 0.9) - 1)]!);
    const evidence = onBranch
      .slice(-5)
      .reverse()
      .map((dep) => ({
        path: dep.tag ? `tag ${dep.tag}` : `commit ${dep.commit.slice(0, 12)}`,
        note: `${d.basis === 'push' ? 'landed' : 'tagged'} ${new Date(dep.at * 1000).toISOString().slice(0, 10)}${dep.tag ? '' : `: ${byHash.get(dep.commit)?.subject ?? ''}`}`,
      }));
    return yes(
      `Median lead time ${med} h (90th percentile ${p90} h) over ${times.length} commit(s) shipped by ${onBranch.length} deploy(s) in the last 90 days, counted from ${basis}${h.truncated ? ' (history is cut)' : ''}.`,
      evidence,
      {
        'lead-time-median-hours': { value: med, unit: 'hours' },
        'lead-time-p90-hours': { value: p90, unit: 'hours' },
        'lead-time-commits': { value: times.length, unit: 'commits' },
      },
    );
  },
});
