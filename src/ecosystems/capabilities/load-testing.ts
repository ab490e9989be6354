import { defineCapability } from '../capability.ts';

// Load-test tools imported by load-test scripts. k6 is a Go binary: its scripts import `k6` and
// `k6/*` modules that no manifest declares.
export default defineCapability({
  id: 'load-testing',
  description: 'Load-testing tools',
  libraries: {
    js: ['k6', 'artillery', 'autocannon', 'loadtest', '@gatling.io/core', '@gatling.io/http'],
    python: ['locust'],
    go: ['github.com/tsenart/vegeta'],
  },
});
