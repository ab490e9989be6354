import { defineDetector, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS } from '../../ecosystems/ci.ts';
import { deploysOf } from '../../ecosystems/deploys.ts';

const WINDOW_DAYS = 90;

export default defineDetector({
  id: 'deploy-frequency',
  pillar: 'cicd',
  question: 'How often is the platform deployed (over the 90 days before the last commit)?',
  rationale: 'Deploy frequency is a DORA metric: small, frequent releases are easier to verify and to roll back.',
  history: true,
  measures: {
    'deploys-90d': { unit: 'deploys', description: 'Deploys in the 90 days before the newest commit: commits that landed on a continuously deployed branch (its first-parent chain), else release tags' },
    'deploys-per-day': { unit: 'deploys/day', description: 'deploys-90d / 90, two decimals' },
  },
  contents: [...CI_GLOBS],
  detect({ repo }) {
    const h = repo.history();
    if (!h || h.commits.length === 0) return unknown('No git history to count deploys from.');
    const d = deploysOf(repo, h, WINDOW_DAYS);
    const count = d.deploys.length;
    const day = new Date(d.to * 1000).toISOString().slice(0, 10);
    const evidence: EvidenceItem[] = [];
    let basis: string;
    if (d.job) {
      basis = 'commits that landed on the continuously deployed branch';
      evidence.push({ path: d.job.job.file, line: d.job.line, note: `job ${d.job.job.name} deploys on push`, value: count });
    } else {
      basis = 'release tags';
      evidence.push(...d.deploys.slice(-10).reverse().map((t) => ({ path: `tag ${t.tag ?? t.commit}`, note: `release tag, ${new Date(t.at * 1000).toISOString().slice(0, 10)}` })));
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
