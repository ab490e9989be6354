import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { declaredLibraries } from '../../ecosystems/usage.ts';
import { excerpt } from '../../util/text.ts';

const CONFIG_FILES: readonly [RegExp, string][] = [
  [/(^|\/)\.?stryker\.(conf|config)\.(js|cjs|mjs|ts|json)$|(^|\/)stryker-config\.json$/, 'Stryker'],
  [/(^|\/)infection\.json5?(\.dist)?$/, 'Infection'],
  [/(^|\/)[\w.-]*cosmic[-_]?ray[\w.-]*\.toml$/, 'cosmic-ray'],
];

const CONFIG_LINES: readonly [RegExp, RegExp, string][] = [
  [/(^|\/)(setup\.cfg|pyproject\.toml)$/, /^\s*\[(?:tool\.)?mutmut\]/, 'mutmut'],
  [/\.toml$/, /^\s*\[cosmic-ray\]/, 'cosmic-ray'],
  [/(^|\/)pom\.xml$/, /<artifactId>pitest-maven<\/artifactId>/, 'PIT'],
  [/(^|\/)build\.gradle(\.kts)?$/, /info\.solid(soft|tech)\.pitest|^\s*pitest\s*\{/, 'PIT'],
  [/(^|\/)composer\.json$/, /"infection\/infection"\s*:/, 'Infection'],
];

const EXCLUDED: ReadonlySet<FileRole> = new Set<FileRole>(['vendored', 'fixture', 'generated', 'docs']);

export default defineDetector({
  id: 'uses-mutation-testing',
  pillar: 'testing',
  question: 'Is mutation testing configured?',
  rationale: 'Mutation testing measures whether tests would catch a bug, which line coverage cannot tell.',
  contents: ['**/setup.cfg', '**/pyproject.toml', '**/pom.xml', '**/build.gradle', '**/build.gradle.kts', '**/composer.json'],
  detect({ repo }) {
    const evidence: EvidenceItem[] = [];
    const tools = new Set<string>();
    for (const d of declaredLibraries(repo, CAPABILITIES['mutation-testing'])) {
      const e: EvidenceItem = { path: d.manifest, note: `${d.name} declared` };
      if (d.line !== undefined) e.line = d.line;
      evidence.push(e);
      tools.add(d.name);
    }
    for (const f of repo.files) {
      if (EXCLUDED.has(f.role)) continue;
      for (const [re, tool] of CONFIG_FILES) {
        if (re.test(f.path)) {
          evidence.push({ path: f.path, note: `${tool} configuration` });
          tools.add(tool);
        }
      }
      const text = repo.text(f.path);
      if (text === undefined) continue;
      for (const [file, re, tool] of CONFIG_LINES) {
        if (!file.test(f.path)) continue;
        const lines = text.split('\n');
        const i = lines.findIndex((l) => re.test(l));
        if (i === -1) continue;
        evidence.push({ path: f.path, line: i + 1, excerpt: excerpt(lines[i]!), note: `${tool} configured` });
        tools.add(tool);
      }
    }
    if (evidence.length === 0) return no('No mutation-testing tool (Stryker, mutmut, cosmic-ray, PIT, Infection) is configured.');
    return yes(`Mutation testing configured: ${[...tools].join(', ')}.`, evidence.slice(0, 10));
  },
});
