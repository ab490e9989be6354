// Deploys read from git history, for the DORA figures: what counts as one deploy (a push to a
// continuously deployed branch, else a release tag) and which commits each deploy shipped.
import type { RepoView } from '../core/detector.ts';
import { DAY, type History, type HistoryCommit } from '../core/types.ts';
import { readCi, type CiJob } from './ci.ts';
import { deployOfStep } from './deploy-commands.ts';

const DEFAULT_BRANCH = /^(?:main|master|trunk|\*|\*\*)$/;
const RELEASE_TAG = /^(?:v|release[-/_]?|rel[-_]?)?\d+(?:\.\d+)*(?:[-+.][\w.-]+)?$|release|deploy|prod/i;
/** Pre-releases go to testers, not to production. */
const PRE_RELEASE = /[-.+_](?:rc|alpha|beta|a|b|pre|preview|dev|snapshot|nightly|canary|next)[-.]?\d*(?:[-.+]|$)/i;

export function isReleaseTag(name: string): boolean {
  return RELEASE_TAG.test(name) && !PRE_RELEASE.test(name);
}
/** A merge that brought in more than this many commits is an integration of histories, not a change. */
const MAX_MERGED = 1_000;

export interface Deploy {
  /** The commit deployed: a first-parent commit of the deployed branch, or the tagged commit. */
  commit: string;
  /** When it was deployed: committer date of a pushed commit, creation date of a tag. */
  at: number;
  /** The release tag, for tag-based deploys. */
  tag?: string;
}

export interface Deploys {
  basis: 'push' | 'tags';
  /** The job that deploys on push to the default branch, when the basis is `push`. */
  job?: { job: CiJob; line: number };
  /** Deploys in the window, oldest first. */
  deploys: Deploy[];
  from: number;
  to: number;
}

const index = new WeakMap<History, Map<string, HistoryCommit>>();

export function commitIndex(h: History): Map<string, HistoryCommit> {
  let m = index.get(h);
  if (!m) index.set(h, (m = new Map([...h.commits, ...h.releaseBranches].map((c) => [c.hash, c] as const))));
  return m;
}

/** The first-parent chain from the assessed commit: what the branch itself saw land, newest first. */
export function firstParentChain(h: History): HistoryCommit[] {
  const byHash = commitIndex(h);
  const out: HistoryCommit[] = [];
  for (let c = byHash.get(h.head); c; c = c.parents[0] ? byHash.get(c.parents[0]) : undefined) out.push(c);
  return out;
}

/** The CI job that deploys on every push to the default branch, if any. */
export function pushDeployJob(repo: RepoView): { job: CiJob; line: number } | undefined {
  for (const job of readCi(repo).jobs) {
    if (!job.triggers.includes('push')) continue;
    if (job.branches.length > 0 && !job.branches.some((b) => DEFAULT_BRANCH.test(b))) continue;
    const step = job.steps.find((s) => deployOfStep(s) !== undefined);
    if (step) return { job, line: step.line };
  }
  return undefined;
}

/** Deploys in the `days` before the newest commit. */
export function deploysOf(repo: RepoView, h: History, days: number): Deploys {
  const to = h.commits.reduce((m, c) => Math.max(m, c.committedAt), 0);
  const from = to - days * DAY;
  const job = pushDeployJob(repo);
  if (job) {
    const deploys = firstParentChain(h)
      .filter((c) => c.committedAt >= from && c.parents.length > 0)
      .map((c) => ({ commit: c.hash, at: c.committedAt }))
      .reverse();
    return { basis: 'push', job, deploys, from, to };
  }
  const deploys = h.tags.filter((t) => t.at >= from && t.at <= to && isReleaseTag(t.name)).map((t) => ({ commit: t.commit, at: t.at, tag: t.name }));
  return { basis: 'tags', deploys, from, to };
}

/**
 * Lead time from commit to deploy, in seconds, for every commit the deploys shipped (DORA's
 * "lead time for changes"). A pushed merge ships the commits its other parents brought; a pushed
 * commit ships itself. A tag ships the commits reachable from it and from no earlier release tag,
 * on its branch or another (a maintenance branch's release ships its backports).
 */
export function leadTimes(h: History, d: Deploys): number[] {
  const byHash = commitIndex(h);
  const out: number[] = [];
  if (d.basis === 'push') {
    const mainline = new Set(firstParentChain(h).map((c) => c.hash));
    for (const dep of d.deploys) {
      const c = byHash.get(dep.commit);
      if (!c) continue;
      if (c.parents.length < 2) {
        out.push(Math.max(0, dep.at - c.at));
        continue;
      }
      const shipped = walk(byHash, c.parents.slice(1), (x) => mainline.has(x), MAX_MERGED);
      if (shipped && shipped.length <= MAX_MERGED) for (const s of shipped) if (s.parents.length < 2) out.push(Math.max(0, dep.at - s.at));
    }
    return out;
  }
  // Tags: whatever a release before the window shipped (on any branch) is not new.
  const seen = new Set<string>();
  const before = h.tags.filter((t) => isReleaseTag(t.name) && byHash.has(t.commit) && t.at < d.from).map((t) => t.commit);
  for (const c of walk(byHash, before, () => false, Infinity) ?? []) seen.add(c.hash);
  for (const dep of d.deploys) {
    const shipped = walk(byHash, [dep.commit], (x) => seen.has(x), Infinity) ?? [];
    for (const s of shipped) {
      seen.add(s.hash);
      if (s.parents.length < 2) out.push(Math.max(0, dep.at - s.at));
    }
  }
  return out;
}

/** Commits reachable from `starts` without passing a commit `stop` accepts; undefined past `limit`. */
function walk(byHash: Map<string, HistoryCommit>, starts: readonly string[], stop: (hash: string) => boolean, limit: number): HistoryCommit[] | undefined {
  const out: HistoryCommit[] = [];
  const visited = new Set<string>();
  const queue = [...starts];
  while (queue.length > 0) {
    const hash = queue.pop()!;
    if (visited.has(hash) || stop(hash)) continue;
    visited.add(hash);
    const c = byHash.get(hash);
    if (!c) continue;
    out.push(c);
    if (out.length > limit) return undefined;
    queue.push(...c.parents);
  }
  return out;
}
