import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const ts = { 'src/a.ts': 'export const a = 1;\n', 'src/b.ts': 'export const b = 1;\n' };
const py = { 'app/a.py': 'a = 1\n', 'app/b.py': 'b = 1\n' };

describe('uses-static-analysis', () => {
  it.each([
    ['an eslint flat config', { ...ts, 'eslint.config.mjs': 'export default [];\n' }, ['eslint.config.mjs']],
    ['tsconfig strict', { ...ts, 'tsconfig.json': '{\n  "compilerOptions": {\n    "strict": true\n  }\n}\n' }, ['tsconfig.json:3']],
    ['ruff in pyproject', { ...py, 'pyproject.toml': '[project]\nname = "a"\n\n[tool.ruff.lint]\nselect = ["E"]\n' }, ['pyproject.toml:4']],
    ['flake8 in setup.cfg', { ...py, 'setup.cfg': '[metadata]\nname = a\n[flake8]\nmax-line-length = 100\n' }, ['setup.cfg:3']],
    ['a mypy pre-commit hook', { ...py, '.pre-commit-config.yaml': 'repos:\n  - repo: https://github.com/pre-commit/mirrors-mypy\n    hooks:\n      - id: mypy\n' }, ['.pre-commit-config.yaml:4']],
    ['golangci-lint', { 'main.go': 'package main\n', '.golangci.yml': 'linters: {}\n' }, ['.golangci.yml']],
    ['checkstyle in Gradle', { 'src/main/java/A.java': 'class A {}\n', 'build.gradle': "plugins {\n  id 'java'\n  id 'checkstyle'\n}\n" }, ['build.gradle:3']],
    ['go vet run by the Makefile', { 'main.go': 'package main\n', Makefile: 'test:\n\tgo test ./...\n\tgo vet ./...\n' }, ['Makefile:3']],
    ['golangci-lint action in CI', { 'main.go': 'package main\n', '.github/workflows/lint.yml': 'on: pull_request\njobs:\n  lint:\n    steps:\n      - uses: golangci/golangci-lint-action@v6\n' }, ['.github/workflows/lint.yml:5']],
    ['rubocop in the Gemfile', { 'app/models/a.rb': 'class A; end\n', Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngroup :development do\n  gem 'rubocop', require: false\nend\n" }, ['Gemfile:4']],
    ['phpstan run in CI', { 'src/A.php': '<?php\nclass A {}\n', '.gitlab-ci.yml': 'lint:\n  script:\n    - vendor/bin/phpstan analyse src --level=6\n' }, ['.gitlab-ci.yml:3']],
    ['ruff run in CI', { ...py, '.github/workflows/ci.yml': 'on: push\njobs:\n  lint:\n    steps:\n      - run: ruff check .\n' }, ['.github/workflows/ci.yml:5']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
    expect(r.measures).toEqual({ 'main-languages': { value: 1, unit: 'languages' }, 'covered-languages': { value: 1, unit: 'languages' } });
  });

  it('answers no when a main language has no analysis', async () => {
    const r = await detect(detector, { ...ts, ...py, 'eslint.config.js': 'module.exports = [];\n' });
    expect(r.outcome).toBe('no');
    expect(r.summary).toContain('not python');
    expect(r.measures?.['main-languages']?.value).toBe(2);
    expect(r.measures?.['covered-languages']?.value).toBe(1);
  });

  it.each([
    ['only .editorconfig exists', { ...ts, '.editorconfig': 'root = true\n' }],
    ['tsconfig is not strict', { ...ts, 'tsconfig.json': '{ "compilerOptions": { "strict": false } }\n' }],
    ['only a fixture has an eslint config', { ...ts, 'fixtures/app/.eslintrc.json': '{}\n' }],
    ['only ruff-format runs in pre-commit', { ...py, '.pre-commit-config.yaml': 'repos:\n  - repo: x\n    hooks:\n      - id: ruff-format\n' }],
    ['the README shows a config', { ...py, 'README.md': '[tool.ruff]\n' }],
    ['the Makefile only mentions vet in a comment', { 'main.go': 'package main\n', Makefile: '# TODO: go vet ./...\nbuild:\n\tgo build\n' }],
    [
      'the Checkstyle plugin is commented out in pom.xml',
      {
        'src/main/java/com/acme/App.java': 'package com.acme;\npublic class App {}\n',
        'pom.xml': '<project><build><plugins>\n  <!-- noisy\n  <plugin><artifactId>maven-checkstyle-plugin</artifactId></plugin>\n  -->\n</plugins></build></project>\n',
      },
    ],
    ['the Gradle checkstyle plugin is commented out', { 'src/main/java/A.java': 'class A {}\n', 'build.gradle': "plugins {\n  id 'java'\n  // id 'checkstyle'\n}\n" }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
