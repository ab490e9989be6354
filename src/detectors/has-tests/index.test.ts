import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = JSON.stringify({ name: 'app', devDependencies: { vitest: '^1.0.0' } }, null, 2);

describe('has-tests', () => {
  it('answers yes with counts and the framework declaration (JS/TS)', async () => {
    const r = await detect(detector, {
      'package.json': pkg,
      'src/a.ts': 'export const a = 1;\n',
      'src/b.ts': 'export const b = 1;\n',
      'src/c.js': 'module.exports = 1;\n',
      'src/a.test.ts': "import { a } from './a';\n",
      'README.md': 'Run the tests with npm test.\n',
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['package.json:4', 'src/a.test.ts']);
    expect(r.measures).toEqual({
      'test-files': { value: 1, unit: 'files' },
      'source-files': { value: 3, unit: 'files' },
      'test-ratio': { value: 33, unit: 'per 100 source files' },
    });
  });

  it('counts python and go tests', async () => {
    const r = await detect(detector, {
      'app/main.py': 'x = 1\n',
      'tests/test_main.py': 'def test_x(): pass\n',
      'svc/main.go': 'package main\n',
      'svc/main_test.go': 'package main\n',
    });
    expect(r.outcome).toBe('yes');
    expect(r.measures?.['test-ratio']?.value).toBe(100);
  });

  it.each([
    ['only fixtures and docs mention tests', { 'src/a.ts': 'export {}\n', 'fixtures/x.test.ts': 'test()\n', 'docs/testing.md': '# Tests\n' }],
    ['test data is not code', { 'src/a.ts': 'export {}\n', 'test/data.json': '{}\n' }],
    ['tests live only in a vendored package', { 'src/a.ts': 'export {}\n', 'vendor/lib/a.test.js': 'test()\n' }],
  ])('answers no when %s', async (_c, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['test-files']?.value).toBe(0);
  });

  it('is not applicable without code', async () => {
    expect((await detect(detector, { 'README.md': '# hi\n' })).outcome).toBe('not-applicable');
  });
});
