import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const wf = (steps: string): string => `on: pull_request\njobs:\n  cost:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

describe('ci-runs-infracost', () => {
  it('answers yes for the setup action and the diff command', async () => {
    const r = await detect(detector, {
      '.github/workflows/infracost.yml': wf('      - uses: infracost/actions/setup@v3\n      - run: |\n          infracost breakdown --path=infra --format=json --out-file=/tmp/base.json\n          infracost diff --path=infra --compare-to=/tmp/base.json\n'),
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['.github/workflows/infracost.yml:6', '.github/workflows/infracost.yml:7']);
  });

  it('answers yes for GitLab', async () => {
    const r = await detect(detector, { '.gitlab-ci.yml': 'infracost:\n  image: infracost/infracost:ci-0.10\n  script:\n    - infracost comment gitlab --path=/tmp/infracost.json\n' });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['.gitlab-ci.yml:4']);
  });

  it.each([
    ['only the README mentions infracost', { 'README.md': 'infracost breakdown --path .\n' }],
    ['the step only prints a reminder', { '.github/workflows/c.yml': wf('      - run: echo "run infracost diff locally"\n') }],
    ['an infracost config sits without CI', { 'infracost.yml': 'version: 0.1\nprojects:\n  - path: infra\n' }],
    ['the infracost job is disabled', { '.github/workflows/c.yml': 'on: pull_request\njobs:\n  cost:\n    if: false\n    runs-on: ubuntu-latest\n    steps:\n      - run: infracost diff --path=infra\n' }],
    ['infracost runs only on a nightly schedule', { '.github/workflows/c.yml': 'on:\n  schedule:\n    - cron: "0 3 * * *"\njobs:\n  cost:\n    runs-on: ubuntu-latest\n    steps:\n      - run: infracost breakdown --path=infra\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
