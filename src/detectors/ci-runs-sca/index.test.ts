import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../core/types.ts';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

const gha = (steps: string): string => `name: ci\non: [push]\njobs:\n  deps:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;

describe('ci-runs-sca', () => {
  it.each<[string, Files, Outcome, string[]]>([
    ['Dependabot', { '.github/dependabot.yml': 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n' }, 'yes', ['.github/dependabot.yml:3']],
    ['Renovate', { 'renovate.json': '{ "extends": ["config:recommended"] }\n' }, 'yes', ['renovate.json']],
    ['npm audit', { '.github/workflows/ci.yml': gha('      - run: npm audit --audit-level=high\n') }, 'yes', ['.github/workflows/ci.yml:8']],
    ['Trivy filesystem scan', { '.github/workflows/ci.yml': gha('      - uses: aquasecurity/trivy-action@0.24.0\n        with:\n          scan-type: fs\n') }, 'yes', ['.github/workflows/ci.yml:8']],
    ['dependency review', { '.github/workflows/pr.yml': gha('      - uses: actions/dependency-review-action@v4\n') }, 'yes', ['.github/workflows/pr.yml:8']],
    ['pip-audit in GitLab', { '.gitlab-ci.yml': 'audit:\n  script:\n    - pip install pip-audit\n    - pip-audit -r requirements.txt\n' }, 'yes', ['.gitlab-ci.yml:4']],
    ['the GitLab template', { '.gitlab-ci.yml': 'include:\n  - template: Jobs/Dependency-Scanning.gitlab-ci.yml\n' }, 'yes', ['.gitlab-ci.yml:2']],
    ['the scanner is only installed', { '.github/workflows/ci.yml': gha('      - run: pip install pip-audit safety\n') }, 'no', []],
    ['npm audit signatures only', { '.github/workflows/ci.yml': gha('      - run: npm audit signatures\n') }, 'no', []],
    ['a commented-out audit', { '.github/workflows/ci.yml': gha('      - run: npm test\n      # - run: npm audit\n') }, 'no', []],
    ['Dependabot for actions and pip', { '.github/dependabot.yml': 'version: 2\nupdates:\n  - package-ecosystem: "github-actions"\n    directory: /\n  - package-ecosystem: "pip"\n    directory: /\n' }, 'yes', ['.github/dependabot.yml:5']],
    ['Dependabot for GitHub Actions only', { '.github/dependabot.yml': 'version: 2\nupdates:\n  - package-ecosystem: github-actions\n    directory: /\n' }, 'no', []],
    ['a Dependabot file with no updates', { '.github/dependabot.yml': 'version: 2\n' }, 'no', []],
    ['Renovate disabled', { 'renovate.json': '{\n  "enabled": false\n}\n' }, 'no', []],
    ['only the docs mention npm audit', { 'docs/deps.md': 'Run npm audit weekly.\n' }, 'no', []],
  ])('%s', async (_name, files, expected, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe(expected);
    expect(locations(r)).toEqual(locs);
  });
});
