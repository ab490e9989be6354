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
    expect(locations(r).sort()).toEqual(['.github/workflows/ci.yml:1', '.gitlab-ci.yml:1']);
    expect(r.measures).toEqual({ 'ci-jobs': { value: 3, unit: 'jobs' } });
    expect(r.evidence.find((e) => e.path === '.github/workflows/ci.yml')?.note).toBe('github-actions, 2 jobs, on push/pull_request');
  });

  it('counts a Jenkinsfile as one job', async () => {
    const r = await detect(detector, { Jenkinsfile: "pipeline { stages { stage('b') { steps { sh 'make' } } } }\n" });
    expect(r.outcome).toBe('yes');
    expect(r.measures?.['ci-jobs']?.value).toBe(1);
  });

  it.each([
    ['there is no CI file', { 'src/a.ts': 'export {}\n', 'docs/ci.md': 'We should add GitHub Actions.\n' }],
    ['a workflow defines no jobs', { '.github/workflows/empty.yml': 'on: push\n' }],
    ['a CI file is a fixture', { 'fixtures/repo/.gitlab-ci.yml': 'build:\n  script: [make]\n' }],
    ['every job is switched off', { '.github/workflows/ci.yml': 'on: [push]\njobs:\n  build:\n    if: false\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n', '.gitlab-ci.yml': 'build:\n  when: never\n  script: [make]\n' }],
    ['the CircleCI jobs are in no workflow', { '.circleci/config.yml': 'version: 2.1\njobs:\n  build:\n    steps:\n      - run: make\nworkflows:\n  ci:\n    jobs: []\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });

  it('answers unknown when the only workflow cannot be parsed', async () => {
    expect((await detect(detector, { '.github/workflows/ci.yml': 'on: [push\n' })).outcome).toBe('unknown');
  });
});
