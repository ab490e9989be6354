import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { CI_GLOBS, readCi } from '../../ecosystems/ci.ts';
import { commandSegments } from '../../ecosystems/deploy-commands.ts';
import { declaredLibraries } from '../../ecosystems/usage.ts';
import { blankComments, excerpt } from '../../util/text.ts';

/** Config files whose presence configures a mutation tool. */
const CONFIG_FILES: readonly [RegExp, string][] = [
  [/(^|\/)\.?stryker\.(conf|config)\.(js|cjs|mjs|ts|json)$|(^|\/)stryker-config\.(json|ya?ml)$/, 'Stryker'],
  [/(^|\/)infection\.json5?(\.dist)?$/, 'Infection'],
  [/(^|\/)[\w.-]*cosmic[-_]?ray[\w.-]*\.toml$/, 'cosmic-ray'],
  [/(^|\/)\.gremlins\.ya?ml$/, 'Gremlins'],
  [/(^|\/)(\.mutant|config\/mutant|mutant)\.ya?ml$/, 'mutant'],
];

/** Lines of build and tool files that configure one: [file, line, tool]. Comments are blanked first. */
const CONFIG_LINES: readonly [RegExp, RegExp, string][] = [
  [/(^|\/)(setup\.cfg|pyproject\.toml)$/, /^\s*\[(?:tool\.)?mutmut\]/, 'mutmut'],
  [/\.toml$/, /^\s*\[cosmic-ray\]/, 'cosmic-ray'],
  [/(^|\/)pom\.xml$/, /<artifactId>pitest-maven<\/artifactId>/, 'PIT'],
  [/(^|\/)build\.gradle(\.kts)?$/, /info\.solid(soft|tech)\.pitest|^\s*pitest\s*\{/, 'PIT'],
  [/(^|\/)composer\.json$/, /"infection\/infection"\s*:/, 'Infection'],
  [/(^|\/)\.config\/dotnet-tools\.json$|(^|\/)dotnet-tools\.json$/, /"dotnet-stryker"\s*:/, 'Stryker.NET'],
];

/** Commands that run a mutation tool (in CI, a Makefile or package scripts). */
const RUN_COMMANDS: readonly [RegExp, string][] = [
  [/^(?:yarn\s+|pnpm\s+)?stryker\s+run\b/, 'Stryker'],
  [/^dotnet\s+(?:tool\s+run\s+)?(?:dotnet-)?stryker\b/, 'Stryker.NET'],
  [/^(?:python[\d.]*\s+-m\s+)?mutmut\s+run\b/, 'mutmut'],
  [/^cosmic-ray\s+exec\b/, 'cosmic-ray'],
  [/^(?:\.\/)?mvnw?\b.*\b(?:org\.pitest:pitest-maven:mutationCoverage|pitest:mutationCoverage)\b/, 'PIT'],
  [/^(?:\.\/)?gradlew?\b.*\s:?(?:[\w-]+:)?pitest\b/, 'PIT'],
  [/^go-mutesting\b/, 'go-mutesting'],
  [/^gremlins\s+unleash\b/, 'Gremlins'],
  [/^(?:bundle\s+exec\s+)?mutant\s+run\b/, 'mutant'],
  [/^(?:\.?\/?vendor\/bin\/)?infection\b(?!\/)/, 'Infection'],
];

const EXCLUDED: ReadonlySet<FileRole> = new Set<FileRole>(['vendored', 'fixture', 'generated', 'docs']);

/** A build file without its comments: XML comments in pom.xml, `//` and `/* *\/` in Gradle, `#` in TOML/INI. */
function clean(path: string, text: string): string {
  if (/\.xml$/.test(path)) return text.replace(/<!--[\s\S]*?(?:-->|$)/g, (c) => c.replace(/[^\r\n]/g, ' '));
  if (/\.gradle(\.kts)?$/.test(path)) return blankComments(text, 'kotlin');
  if (/\.(toml|cfg)$/.test(path)) return text.replace(/^\s*[#;].*$/gm, (c) => ' '.repeat(c.length));
  return text;
}

export default defineDetector({
  id: 'uses-mutation-testing',
  pillar: 'testing',
  question: 'Is mutation testing configured?',
  rationale: 'Mutation testing measures whether tests would catch a bug, which line coverage cannot tell.',
  contents: ['**/setup.cfg', '**/pyproject.toml', '**/*.toml', '**/pom.xml', '**/build.gradle', '**/build.gradle.kts', '**/composer.json', '**/dotnet-tools.json', '**/Makefile', ...CI_GLOBS],
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
      const raw = repo.text(f.path);
      if (raw === undefined) continue;
      const lines = clean(f.path, raw).split('\n');
      for (const [file, re, tool] of CONFIG_LINES) {
        if (!file.test(f.path)) continue;
        const i = lines.findIndex((l) => re.test(l));
        if (i === -1) continue;
        evidence.push({ path: f.path, line: i + 1, excerpt: excerpt(raw.split('\n')[i]!), note: `${tool} configured` });
        tools.add(tool);
      }
      // A Makefile target that runs the tool.
      if (/(^|\/)Makefile$/.test(f.path)) {
        lines.forEach((l, i) => {
          if (/^\s*#/.test(l)) return;
          const hit = commandSegments(l).map((s) => RUN_COMMANDS.find(([re]) => re.test(s))).find(Boolean);
          if (hit) {
            evidence.push({ path: f.path, line: i + 1, excerpt: excerpt(l), note: `${hit[1]} run by make` });
            tools.add(hit[1]);
          }
        });
      }
    }
    // CI steps that run a mutation tool (jobs and steps that can run).
    for (const job of readCi(repo).jobs) {
      if (job.disabled) continue;
      for (const step of job.steps) {
        if (step.uses || (step.condition && /^\s*(?:false|\$\{\{\s*false\s*\}\})\s*$/.test(step.condition))) continue;
        for (const seg of commandSegments(step.text)) {
          const hit = RUN_COMMANDS.find(([re]) => re.test(seg));
          if (!hit) continue;
          evidence.push({ path: job.file, line: step.line, excerpt: excerpt(seg), note: `${hit[1]} run in CI job ${job.name}` });
          tools.add(hit[1]);
          break;
        }
      }
    }
    if (evidence.length === 0) return no('No mutation-testing tool (Stryker, Stryker.NET, mutmut, cosmic-ray, PIT, go-mutesting, Gremlins, mutant, Infection) is configured or run.');
    return yes(`Mutation testing configured: ${[...tools].join(', ')}.`, evidence.slice(0, 10));
  },
});
