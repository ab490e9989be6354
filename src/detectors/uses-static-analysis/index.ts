import { defineDetector, no, notApplicable, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole, Language } from '../../core/types.ts';
import { blankComments, excerpt, lineText, lineStarts } from '../../util/text.ts';

type Family = 'javascript/typescript' | 'python' | 'go' | 'ruby' | 'java/kotlin' | 'php' | 'csharp';

const FAMILY: Partial<Record<Language, Family>> = {
  javascript: 'javascript/typescript',
  typescript: 'javascript/typescript',
  python: 'python',
  go: 'go',
  ruby: 'ruby',
  java: 'java/kotlin',
  kotlin: 'java/kotlin',
  php: 'php',
  csharp: 'csharp',
};

/** Config files whose presence configures a linter or type checker. */
const CONFIG_FILES: readonly [RegExp, string, Family][] = [
  [/(^|\/)eslint\.config\.[cm]?[jt]s$/, 'eslint', 'javascript/typescript'],
  [/(^|\/)\.eslintrc(\.(js|cjs|json|ya?ml))?$/, 'eslint', 'javascript/typescript'],
  [/(^|\/)biome\.jsonc?$/, 'biome', 'javascript/typescript'],
  [/(^|\/)\.?oxlintrc\.json$/, 'oxlint', 'javascript/typescript'],
  [/(^|\/)\.?ruff\.toml$/, 'ruff', 'python'],
  [/(^|\/)\.flake8$/, 'flake8', 'python'],
  [/(^|\/)\.?pylintrc$/, 'pylint', 'python'],
  [/(^|\/)\.?mypy\.ini$/, 'mypy', 'python'],
  [/(^|\/)pyrightconfig\.json$/, 'pyright', 'python'],
  [/(^|\/)\.golangci\.(ya?ml|toml|json)$/, 'golangci-lint', 'go'],
  [/(^|\/)staticcheck\.conf$/, 'staticcheck', 'go'],
  [/(^|\/)\.rubocop\.yml$/, 'rubocop', 'ruby'],
  [/(^|\/)\.standard\.yml$/, 'standardrb', 'ruby'],
  [/(^|\/)phpstan\.neon(\.dist)?$/, 'phpstan', 'php'],
  [/(^|\/)psalm\.xml(\.dist)?$/, 'psalm', 'php'],
  [/(^|\/)\.?phpcs\.xml(\.dist)?$/, 'phpcs', 'php'],
  [/(^|\/)(config\/)?checkstyle[\w-]*\.xml$/, 'checkstyle', 'java/kotlin'],
  [/(^|\/)(config\/detekt\/)?detekt\.ya?ml$/, 'detekt', 'java/kotlin'],
];

/** Makefiles and CI pipelines, where analysers are often run directly (`go vet ./...`). */
const BUILD_OR_CI = /(^|\/)(Makefile|[\w-]+\.mk)$|^\.github\/workflows\/[^/]+\.ya?ml$|(^|\/)\.gitlab-ci\.ya?ml$/;

/** Lines inside config files that configure a tool: [file name test, line regex, tool, family]. */
const CONFIG_LINES: readonly [RegExp, RegExp, string, Family][] = [
  [/(^|\/)package\.json$/, /"eslintConfig"\s*:/, 'eslint', 'javascript/typescript'],
  [/(^|\/)package\.json$/, /"(standard|xo|ts-standard)"\s*:\s*"/, 'zero-config linter', 'javascript/typescript'],
  [/(^|\/)tsconfig[\w.-]*\.json$/, /"strict"\s*:\s*true|"extends"\s*:\s*"@tsconfig\/strict(est)?/, 'tsc strict', 'javascript/typescript'],
  [/(^|\/)pyproject\.toml$/, /^\s*\[tool\.(ruff|mypy|pylint|pyright|flake8)[\].]/, '', 'python'],
  [/(^|\/)(setup\.cfg|tox\.ini)$/, /^\s*\[(flake8|mypy|pylint[\w.]*)\]/, '', 'python'],
  [/(^|\/)pom\.xml$/, /<artifactId>(maven-checkstyle-plugin|spotbugs-maven-plugin|maven-pmd-plugin|detekt-maven-plugin|ktlint-maven-plugin|sonar-maven-plugin)<\/artifactId>|error_prone_core/, '', 'java/kotlin'],
  [/(^|\/)build\.gradle(\.kts)?$/, /\b(?:id\s*\(?\s*["'](checkstyle|pmd|com\.github\.spotbugs|io\.gitlab\.arturbosch\.detekt|org\.jlleitschuh\.gradle\.ktlint|net\.ltgt\.errorprone|org\.sonarqube)["']|apply\s+plugin:\s*["'](checkstyle|pmd)["']|^\s*(checkstyle|pmd|detekt)\b\s*\{?$)/, '', 'java/kotlin'],
  [/(^|\/)composer\.json$/, /"(phpstan\/phpstan|vimeo\/psalm|squizlabs\/php_codesniffer)"\s*:/, '', 'php'],
  // Analysers run by the build or CI rather than configured in a file of their own.
  [BUILD_OR_CI, /^(?!\s*#).*\b(go vet|staticcheck|golangci-lint run)\b/, '', 'go'],
  [BUILD_OR_CI, /^(?!\s*#).*\b(ruff check|flake8|mypy|pylint)\b/, '', 'python'],
  [BUILD_OR_CI, /^(?!\s*#).*\b(eslint|tsc --noEmit|biome (?:check|lint))\b/, '', 'javascript/typescript'],
  [BUILD_OR_CI, /^(?!\s*#).*\b(golangci\/golangci-lint-action)@/, 'golangci-lint', 'go'],
  [BUILD_OR_CI, /^(?!\s*#).*\b(rubocop|standardrb|srb tc|steep check|brakeman)\b/, '', 'ruby'],
  [BUILD_OR_CI, /^(?!\s*#).*\b(phpstan analy[sz]e|psalm|phpcs|phpmd)\b/, '', 'php'],
  [BUILD_OR_CI, /^(?!\s*#).*\b(detekt|ktlintCheck|checkstyleMain|spotbugsMain|pmdMain)\b/, '', 'java/kotlin'],
  [/(^|\/)Gemfile$/, /^\s*gem\s+["'](rubocop|standard|sorbet|steep)["']/, '', 'ruby'],
  [/\.csproj$|(^|\/)Directory\.Build\.props$/, /<(EnableNETAnalyzers|AnalysisLevel|AnalysisMode)>|Include="(StyleCop\.Analyzers|SonarAnalyzer\.CSharp|Roslynator\.Analyzers)"/, '', 'csharp'],
];

/** pre-commit hooks that lint or type-check (formatters are not static analysis). */
const PRECOMMIT: Record<string, Family> = {
  ruff: 'python', 'ruff-check': 'python', flake8: 'python', pylint: 'python', mypy: 'python', pyright: 'python',
  eslint: 'javascript/typescript', 'golangci-lint': 'go', 'golangci-lint-full': 'go', rubocop: 'ruby',
};

/** XML build files, whose comments can hold switched-off plugins and analyzers. */
const XML_FILE = /(^|\/)pom\.xml$|\.csproj$|(^|\/)Directory\.Build\.props$/;
/** Build scripts whose `//` and block comments can hold switched-off plugins. */
const GRADLE_FILE = /(^|\/)build\.gradle(\.kts)?$/;

const EXCLUDED: ReadonlySet<FileRole> = new Set<FileRole>(['vendored', 'fixture', 'generated', 'docs', 'test']);

export default defineDetector({
  id: 'uses-static-analysis',
  pillar: 'testing',
  question: 'Is a linter or type checker configured for the main languages of the code base?',
  rationale: 'Static analysis catches whole classes of defects before review and keeps a large code base consistent.',
  measures: {
    'main-languages': { unit: 'languages', description: 'Language families with at least 20% of production code files (or the largest)' },
    'covered-languages': { unit: 'languages', description: 'Main language families with a linter or type checker configured' },
  },
  contents: ['**/Gemfile', '**/package.json', '**/tsconfig*.json', '**/pyproject.toml', '**/setup.cfg', '**/tox.ini', '**/pom.xml', '**/build.gradle', '**/build.gradle.kts', '**/composer.json', '**/*.csproj', '**/Directory.Build.props', '**/.pre-commit-config.yaml', '**/Makefile', '**/*.mk', '.github/workflows/*.yml', '.github/workflows/*.yaml', '**/.gitlab-ci.yml'],
  detect({ repo }) {
    const counts = new Map<Family, number>();
    for (const f of repo.files) {
      const fam = FAMILY[f.language];
      if (f.role === 'source' && fam) counts.set(fam, (counts.get(fam) ?? 0) + 1);
    }
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    if (total === 0) return notApplicable('No production code in a language the detector knows.');
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    const main = ranked.filter(([, n], i) => i === 0 || n / total >= 0.2).map(([fam]) => fam);

    const tools = new Map<Family, EvidenceItem[]>();
    const add = (fam: Family, e: EvidenceItem): void => {
      const list = tools.get(fam) ?? [];
      list.push(e);
      tools.set(fam, list);
    };
    for (const f of repo.files) {
      if (EXCLUDED.has(f.role)) continue;
      for (const [re, tool, fam] of CONFIG_FILES) if (re.test(f.path)) add(fam, { path: f.path, note: `${tool} configured` });
      const raw = repo.text(f.path);
      if (raw === undefined) continue;
      // A plugin inside an XML comment (`<!-- <plugin>checkstyle</plugin> -->`) is switched off.
      const text = XML_FILE.test(f.path) ? raw.replace(/<!--[\s\S]*?(?:-->|$)/g, (c) => c.replace(/[^\r\n]/g, ' ')) : GRADLE_FILE.test(f.path) ? blankComments(raw, 'kotlin') : raw;
      const starts = lineStarts(text);
      const lines = text.split('\n');
      for (const [file, re, tool, fam] of CONFIG_LINES) {
        if (!file.test(f.path)) continue;
        const i = lines.findIndex((l) => re.test(l));
        if (i === -1) continue;
        const m = re.exec(lines[i]!)!;
        const name = tool || m.slice(1).find((g) => g !== undefined) || 'analyzer';
        add(fam, { path: f.path, line: i + 1, excerpt: excerpt(lineText(text, starts, i + 1)), note: `${name} configured` });
      }
      if (/(^|\/)\.pre-commit-config\.yaml$/.test(f.path)) {
        lines.forEach((l, i) => {
          const m = /^\s*-?\s*id:\s*["']?([\w-]+)/.exec(l);
          const fam = m ? PRECOMMIT[m[1]!] : undefined;
          if (fam) add(fam, { path: f.path, line: i + 1, excerpt: excerpt(l), note: `${m![1]} pre-commit hook` });
        });
      }
    }
    const covered = main.filter((fam) => tools.has(fam));
    const missing = main.filter((fam) => !tools.has(fam));
    const measures = {
      'main-languages': { value: main.length, unit: 'languages' },
      'covered-languages': { value: covered.length, unit: 'languages' },
    };
    const evidence = covered.flatMap((fam) => tools.get(fam)!.slice(0, 3)).slice(0, 10);
    if (missing.length === 0) return yes(`Static analysis configured for ${covered.join(', ')}.`, evidence, measures);
    if (covered.length === 0) return no(`No linter or type checker is configured for ${main.join(', ')}.`, [], measures);
    return no(`Static analysis covers ${covered.join(', ')} but not ${missing.join(', ')}.`, evidence, measures);
  },
});
