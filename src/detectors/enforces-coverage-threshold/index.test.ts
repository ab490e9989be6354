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

  it.each([
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
