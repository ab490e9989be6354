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

describe('enforces-commit-conventions', () => {
  it.each([
    ['commitlint config', { 'commitlint.config.js': "export default { extends: ['@commitlint/config-conventional'] };\n" }, ['commitlint.config.js']],
    ['a husky commit-msg hook', { '.husky/commit-msg': '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\nnpx --no -- commitlint --edit $1\n' }, ['.husky/commit-msg:3']],
    ['package.json commitlint and husky v4 hooks', { 'package.json': '{\n  "name": "a",\n  "husky": { "hooks": {\n    "commit-msg": "commitlint -E HUSKY_GIT_PARAMS" } },\n  "commitlint": { "extends": [] }\n}\n' }, ['package.json:5', 'package.json:4']],
    ['lefthook commit-msg', { 'lefthook.yml': 'pre-commit:\n  commands: {}\ncommit-msg:\n  commands:\n    lint:\n      run: npx commitlint --edit\n' }, ['lefthook.yml:3']],
    ['semantic-release declared', { 'package.json': '{\n  "devDependencies": {\n    "semantic-release": "^24.0.0"\n  }\n}\n' }, ['package.json:3']],
    ['changesets', { '.changeset/config.json': '{}\n' }, ['.changeset/config.json']],
    ['a PR title check in CI', { '.github/workflows/pr-title.yml': prTitle }, ['.github/workflows/pr-title.yml:7']],
    ['python commitizen in pyproject', { 'pyproject.toml': '[project]\nname = "a"\n\n[tool.commitizen]\nname = "cz_conventional_commits"\n' }, ['pyproject.toml:4']],
    ['pre-commit conventional hook', { '.pre-commit-config.yaml': 'repos:\n  - repo: https://github.com/compilerla/conventional-pre-commit\n    rev: v3.0.0\n' }, ['.pre-commit-config.yaml:2']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['the README asks for conventional commits', { 'README.md': 'Use conventional commits; we run commitlint.\n' }],
    ['the husky hook is all comments', { '.husky/commit-msg': '#!/bin/sh\n# npx commitlint --edit $1\n' }],
    ['a commitlint config is vendored', { 'vendor/tool/commitlint.config.js': 'module.exports = {};\n' }],
    ['the CI step is commented out', { '.github/workflows/ci.yml': 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: npm test\n      # - uses: amannn/action-semantic-pull-request@v5\n' }],
    ['only a pre-commit hook (not commit-msg) exists', { '.husky/pre-commit': 'npm test\n', 'package.json': '{ "devDependencies": { "husky": "9" } }\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
