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
    ['pytest-rerunfailures declared', { 'requirements-dev.txt': 'pytest\npytest-rerunfailures==14\n' }, ['requirements-dev.txt:2']],
    ['--reruns in pytest.ini', { 'pytest.ini': '[pytest]\naddopts = --reruns 2\n' }, ['pytest.ini:2']],
    ['Gradle test-retry plugin', { 'build.gradle.kts': 'plugins {\n  id("org.gradle.test-retry") version "1.5.8"\n}\n' }, ['build.gradle.kts:2']],
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
    ['the README recommends rspec-retry', { 'README.md': "gem 'rspec-retry'\n" }],
    ['a test only quotes jest.retryTimes in a fixture string', { 'src/tool.test.ts': "const fixture = { 'a.test.ts': 'jest.retryTimes(3);' };\n" }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
