import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const ci = (run: string): string => `on: pull_request\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n`;

describe('quarantines-flaky-tests', () => {
  it.each([
    ['playwright retries', { 'playwright.config.ts': "export default defineConfig({\n  retries: process.env.CI ? 2 : 0,\n});\n" }, ['playwright.config.ts:2']],
    ['vitest retry', { 'vitest.config.ts': 'export default defineConfig({ test: {\n  retry: 2 } });\n' }, ['vitest.config.ts:2']],
    ['cypress retries object', { 'cypress.config.js': 'module.exports = defineConfig({\n  retries: {\n    runMode: 2,\n    openMode: 0,\n  },\n});\n' }, ['cypress.config.js:2']],
    ['jest.retryTimes in a test', { 'src/api.test.ts': "jest.retryTimes(3);\ntest('x', () => {});\n" }, ['src/api.test.ts:1']],
    ['pytest flaky marker', { 'tests/test_api.py': 'import pytest\n\n@pytest.mark.flaky(reruns=3)\ndef test_x(): pass\n' }, ['tests/test_api.py:3']],
    ['pytest-rerunfailures switched on in pyproject', { 'requirements-dev.txt': 'pytest\npytest-rerunfailures==14\n', 'pyproject.toml': '[tool.pytest.ini_options]\naddopts = "--reruns 2 --only-rerun ConnectionError"\n' }, ['pyproject.toml:2']],
    ['--reruns in pytest.ini', { 'pytest.ini': '[pytest]\naddopts = --reruns 2\n' }, ['pytest.ini:2']],
    ['Gradle test-retry plugin with maxRetries', { 'build.gradle.kts': 'plugins {\n  id("org.gradle.test-retry") version "1.5.8"\n}\ntasks.test {\n  retry {\n    maxRetries.set(2)\n  }\n}\n' }, ['build.gradle.kts:6']],
    ['surefire rerunFailingTestsCount', { 'pom.xml': '<project>\n<plugin><artifactId>maven-surefire-plugin</artifactId>\n<configuration>\n<rerunFailingTestsCount>2</rerunFailingTestsCount>\n</configuration></plugin>\n</project>\n' }, ['pom.xml:4']],
    ['xRetry on a .NET test', { 'tests/Api.Tests/OrdersTests.cs': 'public class OrdersTests {\n  [RetryFact(3)]\n  public void Creates() {}\n}\n' }, ['tests/Api.Tests/OrdersTests.cs:2']],
    ['rspec-retry loaded in spec_helper', { 'Gemfile': "gem 'rspec-retry', group: :test\n", 'spec/spec_helper.rb': "require 'rspec/retry'\nRSpec.configure { |c| c.default_retry_count = 2 }\n" }, ['spec/spec_helper.rb:1']],
    ['gotestsum --rerun-fails in CI', { '.github/workflows/ci.yml': ci('gotestsum --rerun-fails=2 --packages=./... -- -race') }, ['.github/workflows/ci.yml:6']],
    [
      'a .NET quarantine category filtered out in CI',
      { 'tests/Api.Tests/SyncTests.cs': 'public class SyncTests {\n  [Fact, Trait("Category", "Quarantine")]\n  public void Syncs() {}\n}\n', '.github/workflows/ci.yml': ci('dotnet test --filter "Category!=Quarantine"') },
      ['.github/workflows/ci.yml:6', 'tests/Api.Tests/SyncTests.cs:2'],
    ],
    [
      'quarantine tags excluded in CI',
      { 'e2e/login.spec.ts': "test('logs in @quarantine', async () => {});\n", '.github/workflows/e2e.yml': ci('npx playwright test --grep-invert @quarantine') },
      ['.github/workflows/e2e.yml:6', 'e2e/login.spec.ts:1'],
    ],
    ['BuildPulse', { '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: buildpulse/buildpulse-action@v0.11.0\n' }, ['.github/workflows/ci.yml:6']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['retries are zero', { 'playwright.config.ts': 'export default defineConfig({ retries: 0 });\n' }],
    ['retries are commented out', { 'playwright.config.ts': 'export default defineConfig({\n  // retries: 2,\n});\n' }],
    ['tests are tagged but CI never excludes them', { 'e2e/a.spec.ts': "test('x @flaky', () => {});\n", '.github/workflows/ci.yml': ci('npx playwright test') }],
    ['retries appear in unrelated code', { 'src/http.ts': 'const opts = { retries: 3 };\n' }],
    ['pytest-rerunfailures is only declared', { 'requirements-dev.txt': 'pytest\npytest-rerunfailures==14\n', 'tests/test_a.py': 'def test_a(): pass\n' }],
    ['rspec-retry is only in the Gemfile', { 'Gemfile': "gem 'rspec-retry', group: :test\n", 'spec/spec_helper.rb': 'RSpec.configure { |c| c.order = :random }\n' }],
    ['the Gradle retry plugin retries nothing', { 'build.gradle': "plugins {\n  id 'org.gradle.test-retry' version '1.5.8'\n}\n" }],
    ['quarantine is excluded only in a switched-off job', { 'e2e/a.spec.ts': "test('x @quarantine', () => {});\n", '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    if: false\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx playwright test --grep-invert @quarantine\n' }],
    ['the README recommends rspec-retry', { 'README.md': "gem 'rspec-retry'\n" }],
    ['a test only quotes jest.retryTimes in a fixture string', { 'src/tool.test.ts': "const fixture = { 'a.test.ts': 'jest.retryTimes(3);' };\n" }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
