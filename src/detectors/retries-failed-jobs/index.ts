import { defineDetector, firstN, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, Match } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

export default defineDetector({
  id: 'retries-failed-jobs',
  pillar: 'background',
  question: 'Are failed background jobs retried with backoff?',
  rationale:
    'Transient failures are the common case for jobs that call networks; retries with backoff recover them without hammering the dependency.',
  patterns: {
    attemptsBackoff: {
      // BullMQ/Bull job or queue options: `attempts: N` and `backoff:` in the same options object.
      regex: /\battempts\s*:\s*([\w.]+)[^;]{0,300}?\bbackoff\s*:|\bbackoff\s*:[^;]{0,300}?\battempts\s*:\s*([\w.]+)/,
      literals: ['backoff'],
      languages: ['javascript', 'typescript'],
    },
    retryOptions: {
      // pg-boss retryLimit/retryBackoff, agenda-style retry options.
      regex: /\bretry(?:Limit|Backoff)\s*:\s*(?!0\b|false\b)[\w.]+/,
      literals: ['retryLimit', 'retryBackoff'],
      languages: ['javascript', 'typescript'],
    },
    python: {
      // Celery autoretry_for / retry_backoff / self.retry(, Dramatiq backoff, RQ Retry(max=...).
      regex: /\bautoretry_for\s*=|\bretry_backoff\s*=\s*(?!False\b|0\b)|\bself\.retry\s*\(|\b(?:min|max)_backoff\s*=|\bRetry\s*\(\s*max\s*=/,
      literals: ['autoretry_for', 'retry_backoff', 'self.retry', '_backoff', 'Retry('],
      languages: ['python'],
    },
    ruby: {
      // Sidekiq `sidekiq_options retry: 5` (not false/0), `sidekiq_retry_in`, ActiveJob `retry_on`.
      regex: /\bsidekiq_options\b[^\n]*\bretry:\s*(?!false\b|0\b)\w|\bsidekiq_retry_in\b|^\s*retry_on\s+\w/m,
      literals: ['sidekiq_options', 'sidekiq_retry_in', 'retry_on'],
      languages: ['ruby'],
    },
  },
  detect({ repo, matches }) {
    // JS option names are generic; they count only where a job-queue library is in use.
    const queueInUse = usedLibraries(repo, CAPABILITIES['job-queue']).some((u) => u.ecosystem === 'js');
    const retrying = (m: Match): boolean => {
      const n = Number(m.groups[0] ?? m.groups[1]);
      return Number.isNaN(n) || n > 1; // `attempts: 1` is a single try
    };
    const found: [Match, string][] = [];
    if (queueInUse) {
      for (const m of matches('attemptsBackoff')) if (retrying(m)) found.push([m, 'job attempts with backoff']);
      for (const m of matches('retryOptions')) found.push([m, 'job retry option']);
    }
    for (const m of matches('python')) found.push([m, 'task retry with backoff']);
    for (const m of matches('ruby')) found.push([m, 'job retry option']);
    if (found.length === 0) {
      return no(
        queueInUse
          ? 'A job queue is used, but no retry-with-backoff option was found on its jobs or queues.'
          : 'No job retry configuration (attempts with backoff, retry limits, task retries) was found in production code.',
      );
    }
    const seen = new Set<string>();
    const evidence: EvidenceItem[] = [];
    for (const [m, note] of found) {
      if (seen.has(`${m.path}:${m.line}`)) continue;
      seen.add(`${m.path}:${m.line}`);
      evidence.push(fromMatch(m, note));
    }
    const files = [...new Set(evidence.map((e) => e.path))];
    return yes(`Job retries are configured in ${files.length} file(s) (first: ${files[0]}).`, firstN(evidence, 10));
  },
});
