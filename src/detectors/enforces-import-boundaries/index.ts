import { defineDetector, firstN, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole, Match } from '../../core/types.ts';
import { GRAPH_CONTENTS, importGraph } from '../../ecosystems/import-graph.ts';
import { dirOf } from '../../ecosystems/modules.ts';

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

const TOOL_OF = {
  eslint: 'ESLint import-boundary rule',
  depcruise: 'dependency-cruiser forbidden rules',
  importLinter: 'import-linter contracts',
  archunit: 'ArchUnit',
  archunitNet: 'ArchUnitNET / NetArchTest',
  packwerk: 'packwerk',
  deptrac: 'deptrac',
  goInternal: 'Go internal/ packages',
} as const;

/**
 * The value written after the key at `offset`: a bracketed JS/JSON value (strings skipped), or
 * for YAML the lines indented under the key. Enough to tell an empty rule set from a real one.
 */
function valueAfter(text: string, offset: number): string {
  const colon = text.indexOf(':', offset);
  if (colon === -1) return '';
  let i = colon + 1;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (text[i] === '[' || text[i] === '{') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const c = text[j]!;
      if (c === '"' || c === "'" || c === '`') {
        const end = text.indexOf(c, j + 1);
        if (end === -1) break;
        j = end;
      } else if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') {
        if (--depth === 0) return text.slice(i, j + 1);
      }
    }
    return text.slice(i);
  }
  // YAML: the rest of the line and the lines indented deeper than the key's.
  const lineStart = text.lastIndexOf('\n', offset) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0].length;
  const lines = text.slice(i).split('\n');
  const out = [lines[0]!];
  for (const l of lines.slice(1)) {
    if (l.trim() !== '' && /^[ \t]*/.exec(l)![0].length <= indent) break;
    out.push(l);
  }
  return out.join('\n');
}

/**
 * A restricted-import entry that names a path inside the code base (`../*\/internal/*`,
 * `@/modules/*`, `src/**`), not a package to avoid (`lodash`, `moment`, `lodash/*`).
 */
const PATH_PATTERN = /^(?:\.\.?\/|[@~#]\/|\/)|\*\*|(?:^|\/)(?:internals?|private|impl|modules|features|domains|src|lib|app|apps|packages|services)(?:\/|$)/;

/** Whether an ESLint rule's options restrict something: an empty rule set enforces nothing. */
function eslintRuleEnforces(rule: string, options: string, fileText: string): boolean {
  if (/no-restricted-imports$/.test(rule)) {
    const values = [...options.matchAll(/(["'`])([^"'`\n]*)\1|^[ \t]*-[ \t]+([^\s#]+)/gm)].map((m) => m[2] ?? m[3] ?? '');
    return values.some((v) => !/\s/.test(v) && PATH_PATTERN.test(v));
  }
  if (/no-restricted-paths$/.test(rule)) return /\btarget\b/.test(options);
  if (/enforce-module-boundaries$/.test(rule)) return /sourceTag|DependOnLibsWithTags|allSourceTags/.test(options);
  // eslint-plugin-boundaries: its rules act on the elements declared in settings.
  const at = fileText.search(/["']?boundaries\/elements["']?\s*:/);
  return at !== -1 && /\bpattern\b/.test(valueAfter(fileText, at));
}

export default defineDetector({
  id: 'enforces-import-boundaries',
  pillar: 'architecture',
  question: 'Does a linter or architecture test enforce import boundaries between modules?',
  rationale: 'Module boundaries that no tool checks erode with every shortcut import; a rule keeps them real.',
  contents: [...ESLINT_CONFIGS, ...GRAPH_CONTENTS],
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
    // A contract, not only the [importlinter] root section: without contracts nothing is checked.
    importLinter: {
      regex: /^\[importlinter:contract:[^\]\n]+\]|^\[\[tool\.importlinter\.contracts\]\]|^\[tool\.importlinter\.contracts\.[^\]\n]+\]|^[ \t]*contracts[ \t]*=[ \t]*\[[ \t\n]*\{/m,
      literals: ['importlinter', 'contracts'],
      roles: CONFIG_ROLES,
      paths: ['**/.importlinter', '**/setup.cfg', '**/pyproject.toml', '**/tox.ini'],
      maxPerFile: 1,
    },
    archunitBuild: {
      regex: /com\.tngtech\.archunit/,
      literals: ['com.tngtech.archunit'],
      roles: [...CONFIG_ROLES, 'test'],
      paths: ['**/pom.xml', '**/build.gradle', '**/build.gradle.kts', '**/libs.versions.toml'],
      maxPerFile: 1,
    },
    archunitTest: {
      regex: /^\s*import\s+(?:static\s+)?com\.tngtech\.archunit\b/m,
      literals: ['com.tngtech.archunit'],
      roles: ['test'],
      languages: ['java', 'kotlin'],
      maxPerFile: 1,
    },
    dotnetArchBuild: {
      regex: /Include=["'](?:TngTech\.ArchUnitNET[\w.]*|NetArchTest\.Rules)["']/,
      literals: ['ArchUnitNET', 'NetArchTest'],
      roles: [...CONFIG_ROLES, 'test'],
      paths: ['**/*.csproj', '**/Directory.Packages.props', '**/Directory.Build.props'],
      maxPerFile: 1,
    },
    dotnetArchTest: {
      regex: /^\s*using\s+(?:ArchUnitNET|NetArchTest)\b/m,
      literals: ['ArchUnitNET', 'NetArchTest'],
      roles: ['test'],
      languages: ['csharp'],
      maxPerFile: 1,
    },
    packwerk: {
      regex: /^enforce_(?:dependencies|privacy)[ \t]*:[ \t]*(?:true|strict)\b/m,
      literals: ['enforce_'],
      roles: CONFIG_ROLES,
      paths: ['**/package.yml'],
      code: false,
      maxPerFile: 1,
    },
    deptrac: {
      regex: /^[ \t]*ruleset[ \t]*:[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]+[\w"'-]/m,
      literals: ['ruleset'],
      roles: CONFIG_ROLES,
      paths: ['**/deptrac.{yaml,yml}', '**/depfile.{yaml,yml}'],
      maxPerFile: 1,
    },
  },
  detect({ repo, matches }) {
    const found: { e: EvidenceItem; tool: string }[] = [];
    const add = (m: Match, tool: string): void => {
      found.push({ e: fromMatch(m, tool), tool });
    };
    for (const m of matches('eslint')) {
      if (/^(off|0)$/.test(m.groups[3] ?? '')) continue;
      const text = repo.text(m.path);
      if (text === undefined) continue;
      const offset = text.split('\n').slice(0, m.line - 1).join('\n').length + (m.line > 1 ? 1 : 0);
      // groups: [quote, rule, quote, severity]
      const rule = m.groups[1]!;
      const at = text.indexOf(`${m.groups[0] ?? ''}${rule}`, offset);
      if (at !== -1 && eslintRuleEnforces(rule, valueAfter(text, at), text)) add(m, TOOL_OF.eslint);
    }
    for (const m of matches('depcruise')) add(m, TOOL_OF.depcruise);
    for (const m of matches('importLinter')) add(m, TOOL_OF.importLinter);
    // Architecture tests count with the library they need: a test that imports it and a build that declares it.
    for (const [test, build, tool] of [['archunitTest', 'archunitBuild', TOOL_OF.archunit], ['dotnetArchTest', 'dotnetArchBuild', TOOL_OF.archunitNet]] as const) {
      if (matches(test).length > 0 && matches(build).length > 0) for (const m of [...matches(test), ...matches(build)]) add(m, tool);
    }
    for (const m of matches('packwerk')) add(m, TOOL_OF.packwerk);
    for (const m of matches('deptrac')) add(m, TOOL_OF.deptrac);

    // Go: the compiler forbids importing an internal/ package from outside its parent folder, so
    // internal packages shared by two or more packages are a boundary the build enforces.
    const internal = importGraph(repo).resolved.filter((r) => r.site.ecosystem === 'go' && r.target !== undefined && /(^|\/)internal\//.test(r.target));
    const importers = new Set(internal.map((r) => dirOf(r.site.path)));
    if (importers.size >= 2) for (const r of internal.slice(0, 3)) found.push({ e: fromImport(r.site, TOOL_OF.goInternal), tool: TOOL_OF.goInternal });

    if (found.length === 0) {
      return no('No import-boundary rule is configured (ESLint restricted import paths, Nx module boundaries, eslint-plugin-boundaries, dependency-cruiser, import-linter, ArchUnit, NetArchTest, packwerk, deptrac or Go internal/ packages).');
    }
    const tools = [...new Set(found.map((f) => f.tool))];
    const first = found[0]!.e;
    return yes(`Import boundaries are enforced by ${tools.join(', ')} (${first.path}:${first.line}).`, firstN(found.map((f) => f.e)));
  },
});
