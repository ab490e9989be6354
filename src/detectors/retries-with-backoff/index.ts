import { defineDetector, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';
import { declaredPipelines, RESILIENCE_PIPELINE_PATTERN, RESILIENCE_PIPELINES } from '../../ecosystems/capabilities/circuit-breaker.ts';

const RETRY = CAPABILITIES['retry'];
/**
 * Libraries of the retry capability that back off only when configured to (see retry.ts): they
 * count in files that also match the named pattern.
 */
const NEEDS_OPTION: Record<string, { pattern: string; note: string }> = {
  got: { pattern: 'retryOption', note: 'got with retry options' },
  ky: { pattern: 'retryOption', note: 'ky with retry options' },
  'axios-retry': { pattern: 'retryDelay', note: 'axios-retry with a retry delay' },
  'fetch-retry': { pattern: 'retryDelay', note: 'fetch-retry with a retry delay' },
  cockatiel: { pattern: 'backoffPolicy', note: 'cockatiel retry with backoff' },
  Polly: { pattern: 'backoffPolicy', note: 'Polly wait-and-retry' },
  tenacity: { pattern: 'pyExpWait', note: 'tenacity with exponential wait' },
  retrying: { pattern: 'pyExpWait', note: 'retrying with exponential wait' },
  'org.springframework.retry': { pattern: 'jvmExpBackoff', note: 'Spring Retry with exponential backoff' },
  // faraday-retry waits `interval * backoff_factor ** n`, with interval 0 by default.
  'faraday-retry': { pattern: 'rubyBackoffFactor', note: 'faraday-retry with a backoff factor' },
};

export default defineDetector({
  id: 'retries-with-backoff',
  pillar: 'reliability',
  question: 'Do outbound calls retry with backoff (a retry library or explicit exponential backoff)?',
  rationale: 'Transient failures are normal between services; retries without backoff turn a blip into a retry storm.',
  patterns: {
    resiliencePipeline: RESILIENCE_PIPELINE_PATTERN,
    retryOption: { regex: /\bretry\s*:\s*(?:\{|[1-9])/, literals: ['retry'], languages: ['javascript', 'typescript'], maxPerFile: 1 },
    retryDelay: { regex: /\b(?:exponentialDelay|retryDelay)\b/, literals: ['exponentialDelay', 'retryDelay'], languages: ['javascript', 'typescript'], maxPerFile: 1 },
    backoffPolicy: {
      regex: /\b(?:ExponentialBackoff|DecorrelatedJitterBackoff|WaitAndRetry\w*|DelayBackoffType)\b|\bbackoff\s*:/,
      literals: ['Backoff', 'backoff', 'WaitAndRetry'],
      languages: ['javascript', 'typescript', 'csharp'],
      maxPerFile: 1,
    },
    // tenacity / retrying wait a fixed time (or not at all) unless told to grow the wait.
    pyExpWait: {
      regex: /\bwait_(?:exponential\w*|random_exponential|incrementing|chain)\b/,
      literals: ['wait_exponential', 'wait_random_exponential', 'wait_incrementing', 'wait_chain'],
      languages: ['python'],
      maxPerFile: 1,
    },
    // Spring Retry: @Backoff(multiplier = 2), ExponentialBackOffPolicy, RetryTemplate.builder().exponentialBackoff(...).
    jvmExpBackoff: {
      regex: /\bmultiplier\s*=\s*[1-9]|\bExponential(?:Random)?BackOffPolicy\b|\.exponentialBackoff\s*\(/,
      literals: ['multiplier', 'BackOffPolicy', 'exponentialBackoff'],
      languages: ['java', 'kotlin'],
      maxPerFile: 1,
    },
    rubyBackoffFactor: { regex: /\bbackoff_factor\s*(?::|=>)\s*[1-9]/, literals: ['backoff_factor'], languages: ['ruby'], maxPerFile: 1 },
    // Laravel's retry() helper and Http::retry() back off when the delays grow: an array of delays
    // (`retry([100, 200, 400], ...)`) or a closure of the attempt (`fn (int $attempt) => $attempt * 100`).
    // A plain number (`retry(3, $fn, 100)`) is a fixed delay.
    laravelRetry: {
      regex: /(?:(?<![\w$>:])retry|(?:->|::)retry)\s*\(\s*\[\s*\d+\s*,\s*\d+|(?:(?<![\w$>:])retry|(?:->|::)retry)\s*\([^;]*?\b(?:fn|function)\s*\(\s*(?:int\s+)?\$attempt\b/,
      literals: ['retry'],
      languages: ['php'],
    },
    // urllib3 / requests: Retry(total=5, backoff_factor=0.5)
    urllib3Retry: { regex: /\bRetry\s*\([^)]{0,300}?\bbackoff_factor\s*=/, literals: ['backoff_factor'], languages: ['python'] },
    // Hand-written backoff: an exponential delay, next to retry wording and a sleep.
    expo: {
      regex: /\bMath\.pow\(\s*2\s*,|\b2\s*\*\*\s*[\w(]|\b1\s*<<\s*\(?\s*(?:attempt|retry|retries|tries|n|i)\b|\bbackoff\w*\b/i,
      literals: ['Math.pow', '**', '<<', 'ackoff', 'ACKOFF'],
      maxPerFile: 1,
    },
    retryWord: {
      regex: /\b(?:retry|retries|retrying|attempts?|max_?retries|max_?attempts)\b/i,
      literals: ['etry', 'ETRY', 'etries', 'ttempt', 'TTEMPT'],
      maxPerFile: 1,
    },
    sleep: {
      // Ruby and PHP also call `sleep 2**n` / `usleep(...)` without parentheses or with a u.
      regex: /\b(?:setTimeout|sleep|usleep|delay|wait|Sleep|Delay)\s*\(|^[ \t]*sleep[ \t]+[\w(]/m,
      literals: ['setTimeout', 'sleep', 'Sleep', 'delay', 'Delay', 'wait'],
      maxPerFile: 1,
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const names = new Set<string>();
    const filesOf = (pattern: string): Set<string> => new Set(matches(pattern).map((m) => m.path));
    for (const u of usedLibraries(repo, RETRY)) {
      const option = NEEDS_OPTION[u.library];
      const files = option ? filesOf(option.pattern) : undefined;
      const sites = files ? u.sites.filter((s) => files.has(s.path)) : u.sites;
      if (sites.length === 0) continue;
      names.add(u.library);
      evidence.push(...sites.slice(0, 3).map((s) => fromImport(s, option?.note ?? `${u.library} imported`)));
    }
    for (const m of matches('laravelRetry')) {
      names.add('Laravel retry with growing delays');
      evidence.push(fromMatch(m, 'Laravel retry with backoff'));
    }
    for (const m of matches('urllib3Retry')) {
      names.add('urllib3 Retry');
      evidence.push(fromMatch(m, 'urllib3 Retry with backoff_factor'));
    }
    const retryFiles = filesOf('retryWord');
    const sleepFiles = filesOf('sleep');
    for (const m of matches('expo')) {
      if (!retryFiles.has(m.path) || !sleepFiles.has(m.path)) continue;
      names.add('hand-written backoff');
      evidence.push(fromMatch(m, 'exponential backoff in a retry loop'));
    }
    if (declaredPipelines(repo.dependencies()).length > 0) {
      for (const m of matches('resiliencePipeline').slice(0, 3)) {
        names.add('standard resilience handler');
        evidence.push(fromMatch(m, RESILIENCE_PIPELINES[0].note));
      }
    }
    if (names.size === 0) return no('No retry-with-backoff library or backoff code found in production code.');
    return yes(`Retries with backoff: ${[...names].join(', ')}.`, evidence.slice(0, 10));
  },
});
