import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const prTitle = `name: pr-title
on: pull_request
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: amannn/action-semantic-pull-request@v5
`;
const commitlint = "export default { extends: ['@commitlint/config-conventional'] };\n";

describe('enforces-commit-conventions', () => {
  it.each([
    [
      'a husky commit-msg hook that runs commitlint',
      { 'commitlint.config.js': commitlint, '.husky/commit-msg': '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\nnpx --no -- commitlint --edit $1\n' },
      ['.husky/commit-msg:3', 'commitlint.config.js'],
    ],
    ['husky v4 hooks in package.json', { 'package.json': '{\n  "name": "a",\n  "husky": { "hooks": {\n    "commit-msg": "commitlint -E HUSKY_GIT_PARAMS" } },\n  "commitlint": { "extends": [] }\n}\n' }, ['package.json:4', 'package.json:5']],
    ['simple-git-hooks', { 'package.json': '{\n  "simple-git-hooks": {\n    "commit-msg": "npx commitlint --edit $1"\n  }\n}\n' }, ['package.json:3']],
    ['lefthook commit-msg', { 'lefthook.yml': 'pre-commit:\n  commands: {}\ncommit-msg:\n  commands:\n    lint:\n      run: npx commitlint --edit\n' }, ['lefthook.yml:3']],
    ['a PR title check in CI', { '.github/workflows/pr-title.yml': prTitle }, ['.github/workflows/pr-title.yml:7']],
    [
      'commitlint run in GitLab CI through a package script',
      {
        'package.json': '{ "scripts": { "lint:commits": "commitlint --from origin/main" }, "devDependencies": { "@commitlint/cli": "19.3.0" } }\n',
        '.gitlab-ci.yml': 'commits:\n  stage: test\n  script:\n    - npm ci\n    - npm run lint:commits\n  rules:\n    - if: $CI_PIPELINE_SOURCE == "merge_request_event"\n',
      },
      ['.gitlab-ci.yml:5'],
    ],
    [
      'pre-commit conventional hook (Python)',
      { '.pre-commit-config.yaml': 'repos:\n  - repo: https://github.com/compilerla/conventional-pre-commit\n    rev: v3.0.0\n    hooks:\n      - id: conventional-pre-commit\n        stages: [commit-msg]\n' },
      ['.pre-commit-config.yaml:5'],
    ],
    ['gitlint in CI (Go)', { '.gitlint': '[general]\nignore=body-is-missing\n', '.github/workflows/ci.yml': 'on: [pull_request]\njobs:\n  commits:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install gitlint\n      - run: gitlint --commits origin/main..HEAD\n' }, ['.github/workflows/ci.yml:7', '.gitlint']],
    ['CaptainHook commit-msg (PHP)', { 'captainhook.json': '{\n  "commit-msg": {\n    "enabled": true,\n    "actions": [{ "action": "\\\\Ramsey\\\\CaptainHook\\\\ValidateConventionalCommit" }]\n  }\n}\n' }, ['captainhook.json:2']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['the README asks for conventional commits', { 'README.md': 'Use conventional commits; we run commitlint.\n' }],
    ['the husky hook is all comments', { '.husky/commit-msg': '#!/bin/sh\n# npx commitlint --edit $1\n' }],
    ['a commitlint config is vendored', { 'vendor/tool/commitlint.config.js': 'module.exports = {};\n', 'vendor/tool/.husky/commit-msg': 'npx commitlint --edit\n' }],
    ['the CI step is commented out', { '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: npm test\n      # - uses: amannn/action-semantic-pull-request@v5\n' }],
    ['only a pre-commit hook (not commit-msg) exists', { '.husky/pre-commit': 'npm test\n', 'package.json': '{ "devDependencies": { "husky": "9" } }\n' }],
    ['a commitlint config and the CLI are declared but nothing runs them', { 'commitlint.config.js': commitlint, 'package.json': '{ "devDependencies": { "@commitlint/cli": "19.3.0", "@commitlint/config-conventional": "19.2.2" } }\n' }],
    ['semantic-release parses commits but checks none', { '.releaserc.json': '{ "branches": ["main"] }\n', 'package.json': '{ "devDependencies": { "semantic-release": "24.0.0" } }\n' }],
    ['commitizen is configured in pyproject (a prompt, not a check)', { 'pyproject.toml': '[project]\nname = "a"\n\n[tool.commitizen]\nname = "cz_conventional_commits"\n' }],
    ['the PR title job is disabled', { '.github/workflows/pr-title.yml': prTitle.replace('  lint:\n', '  lint:\n    if: false\n') }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });

  it('says the convention is configured but not enforced', async () => {
    const r = await detect(detector, { 'commitlint.config.js': commitlint });
    expect(r.summary).toContain('configured (commitlint config) but nothing runs it');
    expect(locations(r)).toEqual(['commitlint.config.js']);
  });
});
