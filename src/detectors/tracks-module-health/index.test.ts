import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const workflow = (run: string): string =>
  `name: ci\non: [push]\njobs:\n  quality:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${run}\n`;

describe('tracks-module-health', () => {
  it.each([
    ['sonar-project.properties', { 'sonar-project.properties': '# project\nsonar.projectKey=acme_app\n' }, ['sonar-project.properties:2']],
    ['a SonarCloud action', { '.github/workflows/ci.yml': workflow('echo hi').replace('run: echo hi', 'uses: SonarSource/sonarcloud-github-action@v2') }, ['.github/workflows/ci.yml:8']],
    ['sonar-scanner in GitLab CI', { '.gitlab-ci.yml': 'sonar:\n  script:\n    - sonar-scanner -Dsonar.qualitygate.wait=true\n' }, ['.gitlab-ci.yml:3']],
    ['.codeclimate.yml', { '.codeclimate.yml': 'version: "2"\nchecks:\n  complex-logic:\n    enabled: true\n' }, ['.codeclimate.yml:1']],
    ['radon in CI', { '.github/workflows/ci.yml': workflow('radon cc -a -nc app/') }, ['.github/workflows/ci.yml:8']],
    [
      'plato through an npm script',
      { '.github/workflows/ci.yml': workflow('npm run complexity'), 'package.json': JSON.stringify({ scripts: { complexity: 'es6-plato -r -d report src' } }) },
      ['.github/workflows/ci.yml:8'],
    ],
    ['a Ruff mccabe threshold with C90 selected', { 'pyproject.toml': '[tool.ruff.lint]\nselect = ["E", "F", "C90"]\n\n[tool.ruff.lint.mccabe]\nmax-complexity = 10\n' }, ['pyproject.toml:4']],
    ['golangci-lint gocyclo and gocognit', { '.golangci.yml': 'linters:\n  enable:\n    - errcheck\n    - gocyclo\n    - gocognit\nlinters-settings:\n  gocyclo:\n    min-complexity: 15\n' }, ['.golangci.yml:4']],
    ['golangci-lint v2 with every linter by default', { '.golangci.yml': 'version: "2"\nlinters:\n  default: all\n' }, ['.golangci.yml:3']],
        ['an ESLint complexity limit', { 'eslint.config.js': "export default [{\n  rules: {\n    complexity: ['error', { max: 12 }],\n    'sonarjs/cognitive-complexity': ['warn', 15],\n  },\n}];\n" }, ['eslint.config.js:3', 'eslint.config.js:4']],
    ['flake8 max-complexity', { '.flake8': '[flake8]\nmax-line-length = 100\nmax-complexity = 10\n' }, ['.flake8:3']],
  ])('answers yes for %s', async (_case, files, where) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(where);
  });

  it.each([
    ['a README mentions SonarQube', { 'README.md': 'Run sonar-scanner and radon cc locally.\n', '.github/workflows/ci.yml': workflow('npm test') }],
    ['the complexity rule is off', { '.eslintrc.json': '{"rules":{"complexity":["off", 10],"max-complexity":["error",3]}}' }],
    ['the complexity rule has no limit', { '.eslintrc.json': '{"rules":{"complexity":"error"}}' }],
    ['a fixture holds the config', { 'test/fixtures/app/sonar-project.properties': 'sonar.projectKey=x\n' }],
    ['a commented-out CI step', { '.github/workflows/ci.yml': workflow('npm test') + '      # - run: sonar-scanner\n' }],
    [
      'the Sonar job is switched off with if: false',
      { '.github/workflows/ci.yml': 'name: ci\non: [push]\njobs:\n  sonar:\n    if: false\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./gradlew sonar\n' },
    ],
    ['the Sonar step is switched off with if: false', { '.github/workflows/ci.yml': workflow('./gradlew sonar').replace('      - run:', '      - if: false\n        run:') }],
    ['Ruff sets a mccabe threshold but never selects C901', { 'pyproject.toml': '[tool.ruff.lint]\nselect = ["E", "F"]\n\n[tool.ruff.lint.mccabe]\nmax-complexity = 10\n' }],
    ['golangci-lint enables only style linters', { '.golangci.yml': 'linters:\n  enable:\n    - gofmt\n    - misspell\n# gocyclo:\n#   min-complexity: 15\n' }],
    ['golangci-lint enables gocyclo and disables it again', { '.golangci.yml': 'linters:\n  enable-all: true\n  disable:\n    - gocyclo\n    - gocognit\n    - cyclop\n' }],
        ['an npm script that is never run by CI', { '.github/workflows/ci.yml': workflow('npm test'), 'package.json': JSON.stringify({ scripts: { complexity: 'plato -r -d report src', test: 'vitest' } }) }],
  ])('answers no when %s', async (_case, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
