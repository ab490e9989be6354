import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const gha = (step: string): string =>
  `name: api\non:\n  pull_request:\njobs:\n  spec:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${step}`;

describe('ci-checks-api-spec', () => {
  it.each([
    ['Spectral via npx', { '.github/workflows/api.yml': gha('      - run: npx @stoplight/spectral-cli lint openapi.yaml\n') }, ['.github/workflows/api.yml:9']],
    ['the oasdiff action', { '.github/workflows/api.yml': gha('      - uses: oasdiff/oasdiff-action/breaking@main\n        with:\n          base: main\n') }, ['.github/workflows/api.yml:9']],
    ['buf breaking in GitLab', { '.gitlab-ci.yml': 'proto:\n  script:\n    - buf lint\n    - buf breaking --against .git#branch=main\n' }, ['.gitlab-ci.yml:3', '.gitlab-ci.yml:4']],
    ['redocly lint in a multi-line run', { '.github/workflows/api.yml': gha('      - run: |\n          npm ci\n          npx @redocly/cli lint api/openapi.yaml\n') }, ['.github/workflows/api.yml:9']],
    [
      'an npm script that runs Spectral',
      { '.github/workflows/api.yml': gha('      - run: npm run lint:api\n'), 'package.json': JSON.stringify({ scripts: { 'lint:api': 'spectral lint openapi.yaml' } }) },
      ['.github/workflows/api.yml:9'],
    ],
    ['rover subgraph check', { '.github/workflows/api.yml': gha('      - run: rover subgraph check my-graph@current --name products --schema ./schema.graphql\n') }, ['.github/workflows/api.yml:9']],
    ['the Gradle openApiValidate task', { '.github/workflows/api.yml': gha('      - run: ./gradlew openApiValidate\n') }, ['.github/workflows/api.yml:9']],
    ['GraphQL Inspector as an action', { '.github/workflows/api.yml': gha('      - uses: kamilkisiela/graphql-inspector@v3\n        with:\n          schema: main:schema.graphql\n') }, ['.github/workflows/api.yml:9']],
  ])('answers yes for %s', async (_case, files, where) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(where);
  });

  it.each([
    ['no CI at all', { 'openapi.yaml': 'openapi: 3.0.0\n' }],
    ['CI only runs tests', { '.github/workflows/ci.yml': gha('      - run: npm test\n') }],
    ['a README mentions Spectral', { 'README.md': 'Run `spectral lint openapi.yaml`', '.github/workflows/ci.yml': gha('      - run: npm test\n') }],
    ['the step is commented out', { '.github/workflows/ci.yml': gha('      - run: npm test\n      # - run: npx @redocly/cli lint openapi.yaml\n') }],
    ['the spec check runs in a disabled job', { '.github/workflows/ci.yml': 'name: api\non:\n  pull_request:\njobs:\n  spec:\n    if: false\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx @stoplight/spectral-cli lint openapi.yaml\n' }],
    ['buf only generates code', { '.github/workflows/ci.yml': gha('      - run: buf generate\n') }],
    ['rover only publishes', { '.github/workflows/ci.yml': gha('      - run: rover subgraph publish my-graph@current --name products --schema ./schema.graphql\n') }],
    ['redocly only builds docs', { '.github/workflows/ci.yml': gha('      - run: npx @redocly/cli build-docs openapi.yaml\n') }],
    ['the script exists but CI does not run it', { '.github/workflows/ci.yml': gha('      - run: npm test\n'), 'package.json': JSON.stringify({ scripts: { 'lint:api': 'spectral lint openapi.yaml', test: 'vitest' } }) }],
  ])('answers no for %s', async (_case, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
