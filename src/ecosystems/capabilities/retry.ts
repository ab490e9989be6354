import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'retry',
  description: 'Retries with backoff',
  libraries: {
  "js": [
    "p-retry",
    "async-retry",
    "retry",
    "axios-retry",
    "cockatiel",
    "exponential-backoff",
    "promise-retry",
    "got",
    "ky",
    "fetch-retry",
    "@lifeomic/attempt",
    "retry-axios"
  ],
  "python": [
    "tenacity",
    "backoff",
    "retrying"
  ],
  "go": [
    "github.com/cenkalti/backoff/v4",
    "github.com/avast/retry-go"
  ]
},
});
