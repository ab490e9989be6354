import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

const archTest = 'package app;\nimport com.tngtech.archunit.junit.AnalyzeClasses;\nclass ArchitectureTest {}\n';
const pom = '<project>\n  <dependency>\n    <groupId>com.tngtech.archunit</groupId>\n  </dependency>\n</project>\n';
const goFiles = (importers: readonly string[]): Files => ({
  'go.mod': 'module example.com/shop\n',
  'internal/store/store.go': 'package store\n',
  ...Object.fromEntries(importers.map((p) => [p, `package x\n\nimport "example.com/shop/internal/store"\n`])),
});

describe('enforces-import-boundaries', () => {
  it.each<[string, Files, string[]]>([
    [
      'a flat ESLint config with no-restricted-imports path patterns',
      { 'eslint.config.mjs': "export default [\n  {\n    rules: {\n      'no-restricted-imports': ['error', { patterns: ['../modules/*/internal/*'] }],\n    },\n  },\n];\n" },
      ['eslint.config.mjs:4'],
    ],
    [
      'import/no-restricted-paths with zones in .eslintrc.json',
      { '.eslintrc.json': '{\n  "rules": {\n    "import/no-restricted-paths": ["error", { "zones": [{ "target": "./src/a", "from": "./src/b" }] }]\n  }\n}\n' },
      ['.eslintrc.json:3'],
    ],
    [
      'Nx module boundaries with depConstraints in YAML',
      { '.eslintrc.yml': "rules:\n  '@nx/enforce-module-boundaries':\n    - error\n    - depConstraints:\n        - sourceTag: 'scope:shop'\n          onlyDependOnLibsWithTags: ['scope:shop', 'scope:shared']\n" },
      ['.eslintrc.yml:2'],
    ],
    [
      'eslint-plugin-boundaries elements and rules',
      { 'packages/web/.eslintrc.cjs': "module.exports = {\n  plugins: ['boundaries'],\n  settings: { 'boundaries/elements': [{ type: 'module', pattern: 'src/modules/*' }] },\n  rules: { 'boundaries/element-types': [2, { default: 'disallow' }] },\n};\n" },
      ['packages/web/.eslintrc.cjs:3', 'packages/web/.eslintrc.cjs:4'],
    ],
    ['dependency-cruiser forbidden rules', { '.dependency-cruiser.cjs': "module.exports = {\n  forbidden: [\n    { name: 'no-circular' },\n  ],\n};\n" }, ['.dependency-cruiser.cjs:2']],
    ['import-linter contracts in setup.cfg', { 'setup.cfg': '[metadata]\nname = x\n\n[importlinter]\nroot_package = app\n\n[importlinter:contract:layers]\ntype = layers\n' }, ['setup.cfg:7']],
    ['import-linter contracts in pyproject.toml', { 'pyproject.toml': '[project]\nname = "x"\n\n[[tool.importlinter.contracts]]\nname = "layers"\ntype = "layers"\n' }, ['pyproject.toml:4']],
    ['an ArchUnit test with its dependency', { 'src/test/java/app/ArchitectureTest.java': archTest, 'pom.xml': pom }, ['src/test/java/app/ArchitectureTest.java:2', 'pom.xml:3']],
    [
      'a NetArchTest test with its package reference',
      {
        'tests/Shop.ArchTests/LayerTests.cs': 'using NetArchTest.Rules;\nusing Xunit;\npublic class LayerTests {}\n',
        'tests/Shop.ArchTests/Shop.ArchTests.csproj': '<Project>\n  <ItemGroup>\n    <PackageReference Include="NetArchTest.Rules" Version="1.3.2" />\n  </ItemGroup>\n</Project>\n',
      },
      ['tests/Shop.ArchTests/LayerTests.cs:1', 'tests/Shop.ArchTests/Shop.ArchTests.csproj:3'],
    ],
    ['packwerk privacy', { 'packs/billing/package.yml': 'enforce_dependencies: false\nenforce_privacy: true\n' }, ['packs/billing/package.yml:2']],
    ['deptrac rules', { 'deptrac.yaml': 'deptrac:\n  layers:\n    - name: Billing\n  ruleset:\n    Billing:\n      - Users\n' }, ['deptrac.yaml:4']],
    ['Go internal/ packages imported by two packages', goFiles(['cmd/api/main.go', 'cmd/worker/main.go']), ['cmd/api/main.go:3', 'cmd/worker/main.go:3']],
  ])('answers yes for %s', async (_case, files, where) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(where);
  });

  it.each<[string, Files]>([
    ['the rule is switched off', { 'eslint.config.js': "export default [{ rules: { 'no-restricted-imports': 'off', 'import/no-restricted-paths': 0 } }];\n" }],
    ['the rule is commented out', { 'eslint.config.js': "export default [{ rules: {\n  // 'no-restricted-imports': ['error', { patterns: ['../*/internal/*'] }],\n} }];\n" }],
    ['no-restricted-imports only bans packages', { 'eslint.config.js': "export default [{ rules: {\n  'no-restricted-imports': ['error', 'lodash', { name: 'moment', message: 'Use date-fns/format instead' }, { patterns: ['lodash/*'] }],\n} }];\n" }],
    ['no-restricted-paths has no zones', { '.eslintrc.json': '{"rules":{"import/no-restricted-paths":["error",{"zones":[]}]}}' }],
    ['Nx module boundaries have no constraints', { '.eslintrc.yml': "rules:\n  '@nx/enforce-module-boundaries':\n    - error\n    - depConstraints: []\n" }],
    ['eslint-plugin-boundaries declares no elements', { '.eslintrc.cjs': "module.exports = {\n  settings: { 'boundaries/elements': [] },\n  rules: { 'boundaries/element-types': [2, {}] },\n};\n" }],
    ['only docs mention it', { 'docs/lint.md': "Enable 'no-restricted-imports': ['error'] and [importlinter:contract:x]\n", 'eslint.config.js': 'export default [];\n' }],
    ['dependency-cruiser has no forbidden rules', { '.dependency-cruiser.js': 'module.exports = { forbidden: [ ], options: {} };\n' }],
    ['import-linter has no contract', { '.importlinter': '[importlinter]\nroot_package = app\n' }],
    ['the rule is in a fixture', { 'test/fixtures/proj/.eslintrc.json': '{"rules":{"no-restricted-imports":["error",{"patterns":["../*/internal/*"]}]}}' }],
    ['source code merely names the rule', { 'src/lint.ts': "export const rules = { 'no-restricted-imports': ['error', { patterns: ['../*/internal'] }] };\n" }],
    ['the boundaries plugin is only a dependency', { 'package.json': '{"devDependencies":{"eslint-plugin-boundaries":"^4.0.0"}}' }],
    ['an ArchUnit test without the dependency', { 'src/test/java/app/ArchitectureTest.java': archTest }],
    ['ArchUnit declared but no test uses it', { 'pom.xml': pom }],
    ['packwerk enforces nothing', { 'packs/billing/package.yml': 'enforce_dependencies: false\nenforce_privacy: false\n' }],
    ['deptrac has an empty ruleset', { 'deptrac.yaml': 'deptrac:\n  layers: []\n  ruleset:\n' }],
    ['a Go internal package has one importer', goFiles(['cmd/api/main.go'])],
    ['a Go internal package is imported by a test and a vendored copy', goFiles(['cmd/api/main.go', 'cmd/api/main_test.go', 'vendor/example.com/x/x.go'])],
  ])('answers no when %s', async (_case, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
