import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

describe('enforces-coverage-threshold', () => {
  it.each([
    [
      'jest coverageThreshold.global in package.json',
      { 'package.json': '{\n  "name": "a",\n  "jest": {\n    "coverageThreshold": {\n      "global": { "branches": 70 },\n      "global2": {},\n      "x": 1\n    }\n  }\n}\n' },
      ['package.json:5'],
      70,
    ],
    [
      'jest.config.ts with lines and branches',
      { 'jest.config.ts': 'export default {\n  coverageThreshold: {\n    global: {\n      branches: 60,\n      lines: 85,\n    },\n  },\n};\n' },
      ['jest.config.ts:4', 'jest.config.ts:5'],
      85,
    ],
    [
      'vitest coverage.thresholds',
      { 'vitest.config.ts': "export default defineConfig({\n  test: {\n    coverage: {\n      provider: 'v8',\n      thresholds: { lines: 80, functions: 75 },\n    },\n  },\n});\n" },
      ['vitest.config.ts:5', 'vitest.config.ts:5'],
      80,
    ],
    ['nyc rc with check-coverage', { '.nycrc.json': '{\n  "check-coverage": true,\n  "lines": 95\n}\n' }, ['.nycrc.json:3'], 95],
    ['c8 on the command line (default 90)', { 'package.json': '{\n  "scripts": { "test": "c8 --check-coverage node --test" }\n}\n' }, ['package.json:2'], 90],
    ['coverage.py fail_under in pyproject', { 'pyproject.toml': '[project]\nname = "a"\n\n[tool.coverage.report]\nfail_under = 82\n' }, ['pyproject.toml:5'], 82],
    ['pytest --cov-fail-under in CI', { '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          pip install .\n          pytest --cov=app --cov-fail-under=75\n' }, ['.github/workflows/ci.yml:8'], 75],
    ['coverage report --fail-under in CI', { '.gitlab-ci.yml': 'test:\n  script:\n    - coverage run -m pytest\n    - coverage report --fail-under=90\n' }, ['.gitlab-ci.yml:4'], 90],
    ['coverlet Threshold in a test project', { 'tests/Api.Tests/Api.Tests.csproj': '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <CollectCoverage>true</CollectCoverage>\n    <Threshold>75</Threshold>\n    <ThresholdType>line</ThresholdType>\n  </PropertyGroup>\n</Project>\n' }, ['tests/Api.Tests/Api.Tests.csproj:4'], 75],
    ['coverlet /p:Threshold in CI', { '.github/workflows/ci.yml': 'on: pull_request\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: dotnet test /p:CollectCoverage=true /p:Threshold=80 /p:ThresholdType=line\n' }, ['.github/workflows/ci.yml:6'], 80],
    ['SimpleCov minimum_coverage in spec_helper', { 'spec/spec_helper.rb': "require 'simplecov'\nSimpleCov.start 'rails' do\n  minimum_coverage line: 85, branch: 70\nend\n" }, ['spec/spec_helper.rb:3', 'spec/spec_helper.rb:3'], 85],
    ['SimpleCov in .simplecov', { '.simplecov': "SimpleCov.start do\n  minimum_coverage 90\nend\n" }, ['.simplecov:2'], 90],
    ['Pest --min in composer scripts', { 'composer.json': '{\n  "scripts": {\n    "test": "pest --coverage --min=80"\n  }\n}\n' }, ['composer.json:3'], 80],
    ['a Go total gate in CI', { '.github/workflows/ci.yml': 'on: pull_request\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          go test -coverprofile=coverage.out ./...\n          total=$(go tool cover -func=coverage.out | awk \'/^total:/ {print substr($3, 1, length($3)-1)}\')\n          if (( $(echo "$total < 70" | bc -l) )); then echo "coverage $total% below 70%"; exit 1; fi\n' }, ['.github/workflows/ci.yml:9'], 70],
    ['go-test-coverage action', { '.github/workflows/ci.yml': 'on: pull_request\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go test -coverprofile=cover.out ./...\n      - uses: vladopajic/go-test-coverage@v2\n        with:\n          profile: cover.out\n          threshold-total: 65\n' }, ['.github/workflows/ci.yml:10'], 65],
    ['JaCoCo rule in Gradle Kotlin DSL', { 'build.gradle.kts': 'plugins { jacoco }\ntasks.jacocoTestCoverageVerification {\n  violationRules {\n    rule {\n      limit {\n        counter = "LINE"\n        minimum = "0.70".toBigDecimal()\n      }\n    }\n  }\n}\n' }, ['build.gradle.kts:7'], 70],
    ['JaCoCo minimum in pom.xml', { 'pom.xml': '<project>\n<plugin><artifactId>jacoco-maven-plugin</artifactId>\n<limit>\n<counter>LINE</counter>\n<value>COVEREDRATIO</value>\n<minimum>0.80</minimum>\n</limit>\n</plugin>\n</project>\n' }, ['pom.xml:6'], 80],
  ])('answers yes for %s', async (_c, files, locs, threshold) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
    expect(r.measures?.['coverage-threshold']?.value).toBe(threshold);
  });

  it('reads codecov project and patch targets, skipping informational ones', async () => {
    const r = await detect(detector, {
      'codecov.yml': 'coverage:\n  status:\n    project:\n      default:\n        target: 70%\n      ui:\n        target: 90%\n        informational: true\n    patch:\n      default:\n        target: 80%\n',
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['codecov.yml:5', 'codecov.yml:11']);
    expect(r.measures).toEqual({ 'coverage-threshold': { value: 70, unit: '%' }, 'patch-coverage-target': { value: 80, unit: '%' } });
  });

  it('uses the Codecov patch target as the gate when it is the only one', async () => {
    const r = await detect(detector, { 'codecov.yml': 'coverage:\n  status:\n    patch:\n      default:\n        target: 80%\n' });
    expect(r.outcome).toBe('yes');
    expect(r.summary).toBe('Coverage threshold patch 80% enforced by codecov.');
    expect(r.measures).toEqual({ 'coverage-threshold': { value: 80, unit: '%' }, 'patch-coverage-target': { value: 80, unit: '%' } });
  });

  it.each([
    ['the jest threshold is commented out', { 'jest.config.js': 'module.exports = {\n  collectCoverage: true,\n  // coverageThreshold: { global: { lines: 80 } },\n};\n' }],
    ['the vitest thresholds sit in a block comment', { 'vitest.config.ts': 'export default defineConfig({ test: { coverage: { provider: "v8",\n  /* thresholds: { lines: 80 } */\n} } });\n' }],
    ['fail_under is commented out', { '.coveragerc': '[report]\n# fail_under = 80\nshow_missing = true\n' }],
    ['the JaCoCo rule is in an XML comment', { 'pom.xml': '<project>\n<plugin><artifactId>jacoco-maven-plugin</artifactId>\n<!--\n<limit><counter>LINE</counter><minimum>0.80</minimum></limit>\n-->\n</plugin>\n</project>\n' }],
    ['the coverage job is switched off', { '.github/workflows/ci.yml': 'on: push\njobs:\n  cov:\n    if: false\n    runs-on: ubuntu-latest\n    steps:\n      - run: pytest --cov=app --cov-fail-under=80\n' }],
    ['SimpleCov only tracks, with the minimum commented out', { 'spec/spec_helper.rb': "require 'simplecov'\nSimpleCov.start do\n  # minimum_coverage 90\nend\n" }],
    ['a Go coverage total is only printed', { 'Makefile': 'cover:\n\tgo test -coverprofile=c.out ./...\n\tgo tool cover -func=c.out | tail -1\n' }],
    ['coverage is only reported', { 'package.json': '{\n  "scripts": { "test": "jest --coverage" }\n}\n' }],
    ['the threshold is zero', { '.coveragerc': '[report]\nfail_under = 0\n' }],
    ['fail_under sits in another section', { 'setup.cfg': '[tool:pytest]\nfail_under = 80\n' }],
    ['nyc lines without check-coverage', { '.nycrc': '{ "lines": 90 }\n' }],
    ['codecov target is auto', { 'codecov.yml': 'coverage:\n  status:\n    project:\n      default:\n        target: auto\n' }],
    ['a README documents a threshold', { 'README.md': 'pytest --cov-fail-under=90\n' }],
    ['a fixture config has one', { 'fixtures/app/jest.config.js': 'module.exports = { coverageThreshold: { global: { lines: 90 } } };\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
