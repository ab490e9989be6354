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
    ['Infection for PHP', { 'infection.json5': '{}\n' }, ['infection.json5']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['nothing is configured', { 'package.json': '{"devDependencies":{"jest":"29"}}', 'src/a.ts': 'export {}\n' }],
    ['only the docs mention Stryker', { 'docs/testing.md': 'Try stryker.config.mjs and pitest-maven\n' }],
    ['a fixture holds a stryker config', { 'fixtures/proj/stryker.conf.json': '{}\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
