import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const gha = (steps: string): string => `on:\n  push:\n    branches: [main]\njobs:\n  perf:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe('ci-runs-load-tests', () => {
  it.each([
    ['k6 run in a step', { '.github/workflows/perf.yml': gha('      - uses: actions/checkout@v4\n      - run: k6 run load/checkout.js\n') }, ['.github/workflows/perf.yml:9']],
    ['the grafana k6 action', { '.github/workflows/perf.yml': gha('      - uses: grafana/run-k6-action@v1\n        with:\n          path: load/*.js\n') }, ['.github/workflows/perf.yml:8']],
    ['an npm script that runs artillery', {
      'package.json': JSON.stringify({ scripts: { 'test:load': 'artillery run perf/artillery.yml' } }),
      '.github/workflows/perf.yml': gha('      - run: npm run test:load\n'),
    }, ['.github/workflows/perf.yml:8']],
    ['a make target running locust headless', {
      Makefile: 'loadtest:\n\tlocust -f perf/locustfile.py --headless -u 100 -r 10\n',
      '.gitlab-ci.yml': 'perf:\n  script:\n    - make loadtest\n',
    }, ['.gitlab-ci.yml:3']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['CI only runs unit tests', { '.github/workflows/ci.yml': gha('      - run: npm test\n') }],
    ['the load test runs only from a developer script', { 'package.json': JSON.stringify({ scripts: { load: 'k6 run load.js' } }), '.github/workflows/ci.yml': gha('      - run: npm run build\n') }],
    ['the k6 step is commented out', { '.github/workflows/ci.yml': gha('      - run: npm test\n      # - run: k6 run load.js\n') }],
    ['a README shows the command', { 'README.md': 'Run `k6 run load.js` in CI.\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
