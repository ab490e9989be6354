import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../core/types.ts';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

const gha = (steps: string): string => `name: ci\non: [push, pull_request]\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;

describe('ci-runs-sast', () => {
  it.each<[string, Files, Outcome, string[]]>([
    ['CodeQL', { '.github/workflows/codeql.yml': gha('      - uses: github/codeql-action/init@v3\n      - uses: github/codeql-action/analyze@v3\n') }, 'yes', ['.github/workflows/codeql.yml:8', '.github/workflows/codeql.yml:9']],
    ['Semgrep CLI', { '.github/workflows/ci.yml': gha('      - run: semgrep ci --config auto\n') }, 'yes', ['.github/workflows/ci.yml:8']],
    ['Bandit in a multi-line run', { '.github/workflows/ci.yml': gha('      - run: |\n          pip install bandit\n          bandit -r app\n') }, 'yes', ['.github/workflows/ci.yml:8']],
    ['Snyk Code via action input', { '.github/workflows/ci.yml': gha('      - uses: snyk/actions/node@master\n        with:\n          command: code test\n') }, 'yes', ['.github/workflows/ci.yml:8']],
    ['gosec in GitLab CI', { '.gitlab-ci.yml': 'stages: [test]\nsec:\n  stage: test\n  script:\n    - gosec ./...\n' }, 'yes', ['.gitlab-ci.yml:5']],
    ['the GitLab SAST template', { '.gitlab-ci.yml': 'include:\n  - template: Security/SAST.gitlab-ci.yml\ntest:\n  script: [make test]\n' }, 'yes', ['.gitlab-ci.yml:2']],
    ['install and scan on one line', { '.github/workflows/ci.yml': gha('      - run: pip install bandit && bandit -r app\n') }, 'yes', ['.github/workflows/ci.yml:8']],
    ['a checkout of semgrep rules and a comment are not scans', { '.github/workflows/ci.yml': gha('      - uses: actions/checkout@v4\n        with:\n          sparse-checkout: .semgrep\n      - run: |\n          # run semgrep later\n          semgrep --test .semgrep\n') }, 'no', []],
    ['the Sonar Maven plugin by coordinates', { '.github/workflows/ci.yml': gha('      - run: mvn -B verify org.sonarsource.scanner.maven:sonar-maven-plugin:sonar -Dsonar.projectKey=x\n') }, 'yes', ['.github/workflows/ci.yml:8']],
    ['a Sonar property alone is no scan', { '.github/workflows/ci.yml': gha('      - run: mvn -B verify -Dsonar.skip=true\n') }, 'no', []],
    ['the Semgrep action', { '.github/workflows/ci.yml': gha('      - uses: returntocorp/semgrep-action@v1\n') }, 'yes', ['.github/workflows/ci.yml:8']],
    ['CI without SAST', { '.github/workflows/ci.yml': gha('      - run: npm test\n      # - run: semgrep ci\n') }, 'no', []],
    ['a disabled SAST step', { '.github/workflows/ci.yml': gha('      - if: false\n        run: semgrep ci\n') }, 'no', []],
    ['SAST only described in docs', { 'docs/security.md': 'Run `semgrep ci` and `bandit -r .`\n', '.github/workflows/ci.yml': gha('      - run: npm test\n') }, 'no', []],
    ['no CI at all', { 'src/a.ts': 'export {};\n' }, 'no', []],
    ['a broken workflow file', { '.github/workflows/ci.yml': 'jobs: [\n  - : :\n' }, 'unknown', []],
  ])('%s', async (_name, files, expected, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe(expected);
    expect(locations(r)).toEqual(locs);
  });
});
