import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

describe('enforces-import-boundaries', () => {
  it.each([
    [
      'a flat ESLint config with no-restricted-imports',
      { 'eslint.config.mjs': "export default [\n  {\n    rules: {\n      'no-restricted-imports': ['error', { patterns: ['../modules/*/internal/*'] }],\n    },\n  },\n];\n" },
      ['eslint.config.mjs:4'],
    ],
    [
      'import/no-restricted-paths in .eslintrc.json',
      { '.eslintrc.json': '{\n  "rules": {\n    "import/no-restricted-paths": ["error", { "zones": [] }]\n  }\n}\n' },
      ['.eslintrc.json:3'],
    ],
    [
      'Nx module boundaries in YAML',
      { '.eslintrc.yml': "rules:\n  '@nx/enforce-module-boundaries':\n    - error\n    - depConstraints: []\n" },
      ['.eslintrc.yml:2'],
    ],
    [
      'eslint-plugin-boundaries settings and rules',
      { 'packages/web/.eslintrc.cjs': "module.exports = {\n  plugins: ['boundaries'],\n  settings: { 'boundaries/elements': [] },\n  rules: { 'boundaries/element-types': [2, {}] },\n};\n" },
      ['packages/web/.eslintrc.cjs:3', 'packages/web/.eslintrc.cjs:4'],
    ],
    ['dependency-cruiser forbidden rules', { '.dependency-cruiser.cjs': "module.exports = {\n  forbidden: [\n    { name: 'no-circular' },\n  ],\n};\n" }, ['.dependency-cruiser.cjs:2']],
    ['import-linter in setup.cfg', { 'setup.cfg': '[metadata]\nname = x\n\n[importlinter]\nroot_package = app\n\n[importlinter:contract:layers]\ntype = layers\n' }, ['setup.cfg:4']],
    ['import-linter in pyproject.toml', { 'pyproject.toml': '[project]\nname = "x"\n\n[[tool.importlinter.contracts]]\nname = "layers"\ntype = "layers"\n' }, ['pyproject.toml:4']],
    ['an ArchUnit test', { 'src/test/java/app/ArchitectureTest.java': 'package app;\nimport com.tngtech.archunit.junit.AnalyzeClasses;\nclass ArchitectureTest {}\n' }, ['src/test/java/app/ArchitectureTest.java:2']],
    ['ArchUnit in pom.xml', { 'pom.xml': '<project>\n  <dependency>\n    <groupId>com.tngtech.archunit</groupId>\n  </dependency>\n</project>\n' }, ['pom.xml:3']],
  ])('answers yes for %s', async (_case, files, where) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(where);
  });

  it.each([
    ['the rule is switched off', { 'eslint.config.js': "export default [{ rules: { 'no-restricted-imports': 'off', 'import/no-restricted-paths': 0 } }];\n" }],
    ['the rule is commented out', { 'eslint.config.js': "export default [{ rules: {\n  // 'no-restricted-imports': ['error', {}],\n} }];\n" }],
    ['only docs mention it', { 'docs/lint.md': "Enable 'no-restricted-imports': ['error'] and [importlinter]\n", 'eslint.config.js': 'export default [];\n' }],
    ['dependency-cruiser has no forbidden rules', { '.dependency-cruiser.js': 'module.exports = { forbidden: [ ], options: {} };\n' }],
    ['the rule is in a fixture', { 'test/fixtures/proj/.eslintrc.json': '{"rules":{"no-restricted-imports":["error"]}}' }],
    ['source code merely names the rule', { 'src/lint.ts': "export const rules = { 'no-restricted-imports': ['error'] };\n" }],
    ['the boundaries plugin is only a dependency', { 'package.json': '{"devDependencies":{"eslint-plugin-boundaries":"^4.0.0"}}' }],
  ])('answers no when %s', async (_case, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
