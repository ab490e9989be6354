import { defineDetector, firstN, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, Match } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { RETRIES_BY_DEFAULT } from '../../ecosystems/capabilities/job-queue.ts';
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
    go: {
      // asynq `asynq.MaxRetry(5)` (not 0) and `RetryDelayFunc`, River `MaxAttempts`, machinery `RetryCount`.
      regex: /\basynq\.MaxRetry\s*\(\s*(?!0\s*\))\w|\bRetryDelayFunc\s*:|\bMaxAttempts\s*:\s*(?!0\b|1\b)\w|\bRetryCount\s*:\s*(?!0\b)\w/,
      literals: ['MaxRetry', 'RetryDelayFunc', 'MaxAttempts', 'RetryCount'],
      languages: ['go'],
    },
    jvm: {
      // Spring Kafka `@RetryableTopic`, Spring Retry `@Retryable(backoff = @Backoff(...))`, error
      // handlers with an ExponentialBackOff, Spring AMQP retry interceptors, JobRunr `@Job(retries = 3)`.
      regex: /@RetryableTopic\b|@Retryable\s*\([^)]*@Backoff|\bnew\s+(?:DefaultErrorHandler|SeekToCurrentErrorHandler)\s*\([^;]*BackOff|\bnew\s+ExponentialBackOff(?:WithMaxRetries)?\s*\(|\bRetryInterceptorBuilder\b[^;]*\.backOffOptions\s*\(|@Job\s*\([^)]*\bretries\s*=\s*(?!0\b)\d/,
      literals: ['RetryableTopic', 'Retryable', 'BackOff', 'RetryInterceptorBuilder', '@Job'],
      languages: ['java', 'kotlin'],
    },
    dotnet: {
      // MassTransit/Rebus `UseMessageRetry(r => r.Exponential(...))`, Hangfire `[AutomaticRetry(Attempts = 5)]`,
      // NServiceBus delayed retries.
      regex: /\bUse(?:Message|Delayed)?Retry\s*\(\s*\w+\s*=>\s*\w+\.(?:Exponential|Incremental|Intervals|Interval)\s*\(|\bUseDelayedRedelivery\s*\(|\[AutomaticRetry\s*\(\s*Attempts\s*=\s*(?!0\b)\d|\.Delayed\s*\(\s*\w+\s*=>\s*\w+\.NumberOfRetries\s*\(\s*(?!0\b)\d/,
      literals: ['Retry', 'Redelivery', 'AutomaticRetry', 'NumberOfRetries'],
      languages: ['csharp'],
    },
    php: {
      // Laravel jobs `public $tries = 5;` with `$backoff` or `backoff()`, Symfony Messenger retry strategy.
      regex: /\bpublic\s+(?:int\s+)?\$tries\s*=\s*(?!0\b|1\b)\d|\bpublic\s+(?:array\s+|int\s+)?\$backoff\s*=|\bfunction\s+backoff\s*\(|\bretry_strategy\b/,
      literals: ['$tries', '$backoff', 'backoff', 'retry_strategy'],
      languages: ['php', 'yaml'],
      roles: ['source', 'config'],
    },
    disabled: {
      // Retries switched off: Sidekiq `retry: false`/`retry: 0`, asynq `MaxRetry(0)`, Hangfire `Attempts = 0`.
      regex: /\bsidekiq_options\b[^\n]*\bretry:\s*(?:false|0)\b|\basynq\.MaxRetry\s*\(\s*0\s*\)|\[AutomaticRetry\s*\(\s*Attempts\s*=\s*0\b|\bmax_retries['"]?\s*[:=]>?\s*0\b/,
      literals: ['retry:', 'MaxRetry', 'AutomaticRetry', 'max_retries'],
      languages: ['ruby', 'go', 'csharp', 'yaml'],
      roles: ['source', 'config'],
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
    for (const m of matches('go')) found.push([m, 'task retry option']);
    for (const m of matches('jvm')) found.push([m, 'listener retry with backoff']);
    for (const m of matches('dotnet')) found.push([m, 'message retry policy']);
    for (const m of matches('php')) found.push([m, 'job tries and backoff']);
    // Queues that retry with backoff by default count unless retries are switched off somewhere.
    const defaults = matches('disabled').length > 0 ? [] : usedLibraries(repo, CAPABILITIES['job-queue']).filter((u) => RETRIES_BY_DEFAULT.has(u.library));
    if (found.length === 0 && defaults.length > 0) {
      const evidence = defaults.flatMap((u) => u.sites.slice(0, 2).map((s) => fromImport(s, `${u.library} retries failed jobs with backoff by default`)));
      return yes(`Failed jobs are retried with backoff by default by ${defaults.map((u) => u.library).join(', ')}; no setting turns retries off.`, firstN(evidence, 10));
    }
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
