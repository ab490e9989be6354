import { defineDetector, firstN, fromMatch, no, yes } from '../../core/detector.ts';
import type { FileRole, Match } from '../../core/types.ts';

const CONFIG_ROLES: readonly FileRole[] = ['source', 'config', 'other'];

/** ESLint configuration files, flat and legacy; package.json carries `eslintConfig`. */
const ESLINT_CONFIGS = [
  '**/eslint.config.{js,mjs,cjs,ts,mts,cts}',
  '**/.eslintrc',
  '**/.eslintrc.{js,cjs,json,yml,yaml}',
  '**/package.json',
];

/** Rules that forbid imports across module boundaries (severity captured to skip `off`). */
const ESLINT_RULES = [
  'no-restricted-imports',
  '@typescript-eslint/no-restricted-imports',
  'import/no-restricted-paths',
  'import-x/no-restricted-paths',
  '@nx/enforce-module-boundaries',
  '@nrwl/nx/enforce-module-boundaries',
  'boundaries/[\\w-]+',
];

const TOOL_OF: Record<string, string> = {
  eslint: 'ESLint import-boundary rule',
  depcruise: 'dependency-cruiser forbidden rules',
  importLinter: 'import-linter contracts',
  archunitBuild: 'ArchUnit',
  archunitTest: 'ArchUnit',
};

export default defineDetector({
  id: 'enforces-import-boundaries',
  pillar: 'architecture',
  question: 'Does a linter or architecture test enforce import boundaries between modules?',
  rationale: 'Module boundaries that no tool checks erode with every shortcut import; a rule keeps them real.',
  patterns: {
    eslint: {
      regex: new RegExp(`(["']?)(${ESLINT_RULES.map((r) => r.replace(/[./@]/g, (c) => (c === '.' ? '\\.' : c === '/' ? '\\/' : c))).join('|')})\\1\\s*:\\s*(?:\\[\\s*|-\\s+)?(["']?)([\\w-]*)`),
      literals: ['no-restricted-imports', 'no-restricted-paths', 'enforce-module-boundaries', 'boundaries/'],
      roles: CONFIG_ROLES,
      paths: ESLINT_CONFIGS,
    },
    depcruise: {
      regex: /["']?forbidden["']?\s*:\s*\[(?!\s*\])/,
      literals: ['forbidden'],
      roles: CONFIG_ROLES,
      paths: ['**/.dependency-cruiser.{js,cjs,mjs,json}'],
      maxPerFile: 1,
    },
    importLinter: {
      regex: /^\[(?:importlinter(?::contract:[^\]\n]+)?|tool\.importlinter(?:\.contracts)?)\]|^\[\[tool\.importlinter\.contracts\]\]/m,
      literals: ['importlinter'],
      roles: CONFIG_ROLES,
      paths: ['**/.importlinter', '**/setup.cfg', '**/pyproject.toml', '**/tox.ini'],
      maxPerFile: 1,
    },
    archunitBuild: {
      regex: /com\.tngtech\.archunit/,
      literals: ['com.tngtech.archunit'],
      roles: CONFIG_ROLES,
      paths: ['**/pom.xml', '**/build.gradle', '**/build.gradle.kts', '**/libs.versions.toml'],
      maxPerFile: 1,
    },
    archunitTest: {
      regex: /^\s*(?:import\s+(?:static\s+)?com\.tngtech\.archunit\b|using\s+ArchUnitNET\b)/m,
      literals: ['com.tngtech.archunit', 'ArchUnitNET'],
      roles: ['test'],
      languages: ['java', 'kotlin', 'csharp'],
      maxPerFile: 1,
    },
  },
  detect({ matches }) {
    const found: { m: Match; tool: string }[] = [];
    for (const name of ['eslint', 'depcruise', 'importLinter', 'archunitBuild', 'archunitTest'] as const) {
      for (const m of matches(name)) {
        if (name === 'eslint' && /^(off|0)$/.test(m.groups[3] ?? '')) continue;
        found.push({ m, tool: TOOL_OF[name]! });
      }
    }
    if (found.length === 0) {
      return no('No import-boundary rule is configured (ESLint restricted imports/paths, Nx module boundaries, eslint-plugin-boundaries, dependency-cruiser, import-linter or ArchUnit).');
    }
    const tools = [...new Set(found.map((f) => f.tool))];
    const first = found[0]!.m;
    return yes(
      `Import boundaries are enforced by ${tools.join(', ')} (${first.path}:${first.line}).`,
      firstN(found.map((f) => fromMatch(f.m, f.tool))),
    );
  },
});
