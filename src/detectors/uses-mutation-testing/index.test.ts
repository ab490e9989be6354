import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

describe('uses-mutation-testing', () => {
  it.each([
    [
      'Stryker declared and configured',
      { 'package.json': JSON.stringify({ devDependencies: { '@stryker-mutator/core': '8' } }, null, 2), 'stryker.config.mjs': 'export default {};\n' },
      ['package.json:3', 'stryker.config.mjs'],
    ],
    ['mutmut in setup.cfg', { 'setup.cfg': '[metadata]\nname = a\n\n[mutmut]\npaths_to_mutate = app/\n' }, ['setup.cfg:4']],
    ['mutmut declared', { 'requirements-dev.txt': 'pytest\nmutmut==2.4\n' }, ['requirements-dev.txt:2']],
    ['PIT in Maven', { 'pom.xml': '<project>\n  <build><plugins><plugin>\n    <groupId>org.pitest</groupId>\n    <artifactId>pitest-maven</artifactId>\n  </plugin></plugins></build>\n</project>\n' }, ['pom.xml:4']],
    ['PIT in Gradle', { 'build.gradle.kts': 'plugins {\n  id("info.solidsoft.pitest") version "1.15.0"\n}\n' }, ['build.gradle.kts:2']],
    ['Stryker.NET as a dotnet tool', { '.config/dotnet-tools.json': '{\n  "version": 1,\n  "tools": {\n    "dotnet-stryker": { "version": "4.0.0", "commands": ["dotnet-stryker"] }\n  }\n}\n' }, ['.config/dotnet-tools.json:4']],
    ['mutant for Ruby', { 'Gemfile': "source 'https://rubygems.org'\ngroup :test do\n  gem 'rspec'\n  gem 'mutant-rspec'\nend\n" }, ['Gemfile:4']],
    ['Gremlins for Go', { 'go.mod': 'module example.com/svc\n\ngo 1.22\n', '.gremlins.yaml': 'unleash:\n  threshold:\n    efficacy: 80\n' }, ['.gremlins.yaml']],
    ['go-mutesting run in CI', { 'go.mod': 'module example.com/svc\n', '.github/workflows/mutation.yml': 'on: pull_request\njobs:\n  m:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go install github.com/avito-tech/go-mutesting/cmd/go-mutesting@latest\n      - run: go-mutesting ./internal/...\n' }, ['.github/workflows/mutation.yml:7']],
    ['PIT run by Maven in CI', { '.gitlab-ci.yml': 'mutation:\n  script:\n    - mvn -B test-compile org.pitest:pitest-maven:mutationCoverage\n' }, ['.gitlab-ci.yml:3']],
    ['Infection for PHP', { 'infection.json5': '{}\n' }, ['infection.json5']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['nothing is configured', { 'package.json': '{"devDependencies":{"jest":"29"}}', 'src/a.ts': 'export {}\n' }],
    ['only the docs mention Stryker', { 'docs/testing.md': 'Try stryker.config.mjs and pitest-maven\n' }],
    ['the PIT plugin is commented out in pom.xml', { 'pom.xml': '<project>\n  <build><plugins>\n  <!-- too slow\n  <plugin><artifactId>pitest-maven</artifactId></plugin>\n  -->\n  </plugins></build>\n</project>\n' }],
    ['the Gradle PIT plugin is commented out', { 'build.gradle': "plugins {\n  id 'java'\n  // id 'info.solidsoft.pitest' version '1.15.0'\n}\n" }],
    ['the mutation job is switched off', { '.github/workflows/m.yml': 'on: push\njobs:\n  m:\n    if: false\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx stryker run\n' }],
    ['CI only installs the tool', { '.github/workflows/m.yml': 'on: push\njobs:\n  m:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install mutmut\n' }],
    ['a fixture holds a stryker config', { 'fixtures/proj/stryker.conf.json': '{}\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
