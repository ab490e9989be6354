import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

describe('has-ci-pipeline', () => {
  it('answers yes with jobs counted across providers', async () => {
    const r = await detect(detector, {
      '.github/workflows/ci.yml': 'on: [push, pull_request]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run lint\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n',
      '.gitlab-ci.yml': 'stages: [build]\nbuild:\n  script:\n    - make\n',
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r).sort()).toEqual(['.github/workflows/ci.yml:3', '.gitlab-ci.yml:2']);
    expect(r.measures).toEqual({ 'ci-jobs': { value: 3, unit: 'jobs' } });
    expect(r.evidence.find((e) => e.path === '.github/workflows/ci.yml')?.note).toBe('github-actions, 2 jobs on push/pull_request (lint, test)');
  });

  it.each([
    ['a Jenkinsfile stage', { Jenkinsfile: "pipeline { stages { stage('b') { steps { sh './gradlew build' } } } }\n" }, 'Jenkinsfile:1'],
    ['an Azure pipeline running dotnet test', { 'azure-pipelines.yml': 'trigger: [main]\nsteps:\n  - script: dotnet test\n' }, 'azure-pipelines.yml:3'],
    ['a Bitbucket default pipeline', { 'bitbucket-pipelines.yml': 'pipelines:\n  default:\n    - step:\n        script:\n          - bundle exec rspec\n' }, 'bitbucket-pipelines.yml:3'],
    ['a reusable workflow called on push', {
      '.github/workflows/ci.yml': 'on: push\njobs:\n  call:\n    uses: ./.github/workflows/build.yml\n',
      '.github/workflows/build.yml': 'on: workflow_call\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go test ./...\n',
    }, '.github/workflows/build.yml:3'],
  ])('answers yes for %s', async (_c, files, loc) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toContain(loc);
  });

  it.each([
    ['there is no CI file', { 'src/a.ts': 'export {}\n', 'docs/ci.md': 'We should add GitHub Actions.\n' }],
    ['a workflow defines no jobs', { '.github/workflows/empty.yml': 'on: push\n' }],
    ['a CI file is a fixture', { 'fixtures/repo/.gitlab-ci.yml': 'build:\n  script: [make]\n' }],
    ['every job is switched off', { '.github/workflows/ci.yml': 'on: [push]\njobs:\n  build:\n    if: false\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n', '.gitlab-ci.yml': 'build:\n  rules:\n    - when: never\n  script: [make]\n' }],
    ['the CircleCI jobs are in no workflow', { '.circleci/config.yml': 'version: 2.1\njobs:\n  build:\n    steps:\n      - run: make\nworkflows:\n  ci:\n    jobs: []\n' }],
    ['the only workflow is run by hand', { '.github/workflows/release.yml': 'on: workflow_dispatch\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run build\n' }],
    ['the only workflows label pull requests and close stale issues', {
      '.github/workflows/labeler.yml': 'on: pull_request_target\njobs:\n  label:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/labeler@v5\n',
      '.github/workflows/stale.yml': 'on:\n  schedule:\n    - cron: "0 0 * * *"\njobs:\n  stale:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/stale@v9\n',
    }],
    ['a reusable workflow nobody calls', { '.github/workflows/build.yml': 'on: workflow_call\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });

  it('answers unknown when the only workflow cannot be parsed', async () => {
    expect((await detect(detector, { '.github/workflows/ci.yml': 'on: [push\n' })).outcome).toBe('unknown');
  });
});
