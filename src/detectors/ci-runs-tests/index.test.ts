import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const gha = (on: string, run: string): string =>
  `name: CI\non: ${on}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: ${run}\n`;

describe('ci-runs-tests', () => {
  it.each([
    ['npm test', 'npm test'],
    ['npm run test:ci', 'npm run test:ci -- --coverage'],
    ['npx vitest run', 'npx vitest run'],
    ['pnpm exec jest', 'pnpm exec jest --ci'],
    ['poetry run pytest', 'poetry run pytest -q'],
    ['go test', 'go test ./...'],
    ['gradle check', './gradlew check'],
    ['mvn verify', 'mvn -B verify'],
    ['dotnet test', 'dotnet test --no-build'],
    ['bundle exec rspec', 'bundle exec rspec'],
    ['a Rails binstub', 'DISABLE_PARALLELIZATION=true bin/rails test:system'],
    ['env-prefixed cargo test', 'RUST_BACKTRACE=1 cargo test'],
    ['a test script via uv', 'uv run bash scripts/tests-start.sh "Coverage"'],
    ['coverage run -m pytest', 'coverage run -m pytest tests/'],
  ])('answers yes for %s on push', async (_c, run) => {
    const r = await detect(detector, { '.github/workflows/ci.yml': gha('[push, pull_request]', run) });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['.github/workflows/ci.yml:9']);
    expect(r.measures?.['test-jobs']?.value).toBe(1);
  });

  it('counts GitLab jobs and multi-line scripts', async () => {
    const r = await detect(detector, {
      '.gitlab-ci.yml': 'stages: [test]\nunit:\n  stage: test\n  script:\n    - pip install -r requirements.txt\n    - python -m pytest --cov\nlint:\n  script:\n    - ruff check .\n',
      '.github/workflows/ci.yml': 'on: pull_request\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          npm ci\n          npm run lint && npm test\n',
    });
    expect(r.outcome).toBe('yes');
    expect(r.measures?.['test-jobs']?.value).toBe(2);
    expect(locations(r).sort()).toEqual(['.github/workflows/ci.yml:6', '.gitlab-ci.yml:6']);
  });

  it.each([
    ['Jenkins', { Jenkinsfile: "pipeline {\n  stages {\n    stage('test') {\n      steps { sh 'npm ci' }\n      steps { sh './gradlew test' }\n    }\n  }\n}\n" }, ['Jenkinsfile:5']],
    ['CircleCI', { '.circleci/config.yml': 'version: 2.1\njobs:\n  test:\n    steps:\n      - checkout\n      - run: bundle exec rspec\nworkflows:\n  ci:\n    jobs:\n      - test\n' }, ['.circleci/config.yml:6']],
  ])('reads other providers: %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['only a manual workflow runs tests', { '.github/workflows/ci.yml': gha('workflow_dispatch', 'npm test') }],
    ['the test step only installs pytest', { '.github/workflows/ci.yml': gha('push', 'pip install pytest') }],
    ['tests are skipped in the build', { '.github/workflows/ci.yml': gha('push', 'mvn -B package -DskipTests') }],
    ['typecheck is not a test', { '.github/workflows/ci.yml': gha('push', 'npm run typecheck') }],
    ['the command is only echoed', { '.github/workflows/ci.yml': gha('push', 'echo "run npm test locally"') }],
    ['npm test runs the npm-init placeholder script', { 'package.json': '{\n  "name": "api",\n  "scripts": { "test": "echo \\"Error: no test specified\\" && exit 1" }\n}\n', '.github/workflows/ci.yml': gha('push', 'npm test') }],
    ['a README shows the workflow', { 'docs/ci.md': 'run: npm test\n' }],
    ['the only test job is switched off (GitHub if: false)', { '.github/workflows/ci.yml': 'on: [push]\njobs:\n  test:\n    if: false\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n' }],
    ['the Jenkins test stage is switched off', { Jenkinsfile: "pipeline {\n  agent any\n  stages {\n    stage('Test') {\n      when { expression { false } }\n      steps {\n        sh 'mvn -B test'\n      }\n    }\n  }\n}\n" }],
    ['the CircleCI test job is in no workflow', { '.circleci/config.yml': 'version: 2.1\njobs:\n  test:\n    steps:\n      - run: bundle exec rspec\nworkflows:\n  ci:\n    jobs: []\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });

  it('counts npm test when the script runs a test runner', async () => {
    const r = await detect(detector, { 'package.json': '{ "name": "api", "scripts": { "test": "vitest run" } }\n', '.github/workflows/ci.yml': gha('pull_request', 'npm test') });
    expect(r.outcome).toBe('yes');
  });

  it('answers unknown when the only workflow is unparseable', async () => {
    expect((await detect(detector, { '.github/workflows/ci.yml': 'on: [push\njobs: {' })).outcome).toBe('unknown');
  });
});
