import { defineCapability } from '../capability.ts';

// Retry libraries that back off between attempts. Listed but checked by retries-with-backoff for
// an explicit option in the same file, because by default they do not back off or were not
// configured for retries: got and ky (built-in retries without configuration), axios-retry (no
// delay unless `retryDelay`/`exponentialDelay`), fetch-retry (constant delay unless `retryDelay`),
// cockatiel (a retry policy needs a backoff), Spring Retry (a fixed 1 s delay unless a multiplier or an
// exponential policy is set). Polly: WaitAndRetry. Ruby retriable backs off exponentially by default;
// faraday-retry only with `backoff_factor`. GuzzleRetry backs off exponentially unless a Retry-After
// header says otherwise.
export default defineCapability({
  id: 'retry',
  description: 'Retries with backoff',
  libraries: {
    js: [
      'p-retry',
      'async-retry',
      'retry',
      'promise-retry',
      'exponential-backoff',
      'retry-axios',
      '@lifeomic/attempt',
      'ts-retry-promise',
      'axios-retry',
      'fetch-retry',
      'cockatiel',
      'got',
      'ky',
    ],
    python: ['tenacity', 'backoff', 'retrying', 'stamina', 'retry', 'retry2'],
    go: ['github.com/cenkalti/backoff', 'github.com/avast/retry-go', 'github.com/hashicorp/go-retryablehttp', 'github.com/sethvargo/go-retry', 'github.com/failsafe-go/failsafe-go/retrypolicy'],
    jvm: ['io.github.resilience4j.retry', 'org.springframework.retry', 'dev.failsafe.RetryPolicy'],
    dotnet: ['Polly'],
    ruby: [
      { package: 'retriable', imports: ['retriable', 'Retriable'] },
      { package: 'faraday-retry', imports: ['faraday/retry', 'faraday-retry', 'Faraday::Retry'] },
    ],
    // Laravel's `retry()` helper and `Http::retry()` are recognised by pattern (retries-with-backoff).
    php: [
      { package: 'caseyamcl/guzzle_retry_middleware', imports: ['GuzzleRetry'] },
      { package: 'stechstudio/backoff', imports: ['STS\\Backoff'] },
    ],
  },
});
