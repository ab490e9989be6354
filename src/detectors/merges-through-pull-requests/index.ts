import { defineDetector, unknown, yes } from '../../core/detector.ts';
import { DAY, type HistoryCommit } from '../../core/types.ts';
import { firstParentChain } from '../../ecosystems/deploys.ts';

const WINDOW_DAYS = 365;

/** Subjects the hosting platforms write when they merge a pull/merge request, and squash-merge suffixes. */
const REQUEST_MERGE: readonly { host: string; merge: boolean; subject: RegExp }[] = [
  { host: 'GitHub', merge: true, subject: /^Merge pull request #\d+ from /i },
  { host: 'GitLab', merge: true, subject: /^Merge branch '[^']+' into '[^']+'$/ },
  { host: 'Bitbucket', merge: true, subject: /^Merged in \S+ \(pull request #\d+\)/i },
  { host: 'Azure DevOps', merge: true, subject: /^Merged PR \d+:/ },
  { host: 'GitHub squash', merge: false, subject: /\s\(#\d+\)$/ },
  { host: 'GitLab squash', merge: false, subject: /\s\(![0-9]+\)$/ },
];

function requestOf(c: HistoryCommit): string | undefined {
  return REQUEST_MERGE.find((r) => (c.parents.length > 1) === r.merge && r.subject.test(c.subject))?.host;
}

export default defineDetector({
  id: 'merges-through-pull-requests',
  pillar: 'team',
  question: 'What share of the changes that landed on the default branch in the last year arrived through a merged pull or merge request?',
  rationale: 'Changes that arrive through pull requests were seen by someone before they landed; direct pushes were not.',
  history: true,
  measures: {
    'landed-12m': { unit: 'commits', description: `Commits that landed on the assessed branch (its first-parent chain) in the ${WINDOW_DAYS} days before the newest commit` },
    'via-request-share': { unit: '%', description: 'Percent of them that are a hosting platform’s pull/merge-request merge or squash commit (rebase merges leave no trace and count as direct)' },
  },
  detect({ repo }) {
    const h = repo.history();
    if (!h || h.commits.length === 0) return unknown('No git history to read how changes landed.');
    const chain = firstParentChain(h);
    const newest = chain[0]?.committedAt ?? 0;
    const landed = chain.filter((c) => c.committedAt >= newest - WINDOW_DAYS * DAY && c.parents.length > 0);
    if (landed.length === 0) return unknown('No commit landed on the assessed branch in the last year.');
    const hosts = new Map<string, number>();
    const direct: HistoryCommit[] = [];
    for (const c of landed) {
      const host = requestOf(c);
      if (host) hosts.set(host, (hosts.get(host) ?? 0) + 1);
      else direct.push(c);
    }
    const via = landed.length - direct.length;
    const share = Math.floor((via * 100) / landed.length);
    const how = [...hosts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([host, n]) => `${n} ${host}`).join(', ');
    const evidence = direct.slice(0, 5).map((c) => ({ path: `commit ${c.hash.slice(0, 12)}`, note: `landed directly ${new Date(c.committedAt * 1000).toISOString().slice(0, 10)}: ${c.subject}` }));
    return yes(
      `${share}% of ${landed.length} commit(s) that landed on the branch in the last year arrived through a merged request${how ? ` (${how})` : ''}; ${direct.length} landed directly or by rebase.`,
      evidence,
      {
        'landed-12m': { value: landed.length, unit: 'commits' },
        'via-request-share': { value: share, unit: '%' },
      },
    );
  },
});
