import { defineCapability } from '../capability.ts';

// Retry libraries that back off between attempts. Listed but checked by retries-with-backoff for
// an explicit option in the same file, because by default they do not back off or were not
// configured for retries: got and ky (built-in retries without configuration), axios-retry (no
// delay unless `retryDelay`/`exponentialDelay`), fetch-retry (constant delay unless `retryDelay`),
// cockatiel (a retry policy needs a backoff). Polly: WaitAndRetry.
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
  },
});
