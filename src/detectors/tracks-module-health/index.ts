import { defineDetector, firstN, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole } from '../../core/types.ts';
import { CI_GLOBS, packageScripts, readCi, scriptRunning, type PackageScript } from '../../ecosystems/ci.ts';

const CONFIG_ROLES: readonly FileRole[] = ['source', 'config', 'other'];

/** Code-quality platforms run from CI. */
const SONAR = /sonarcloud-github-action|sonarqube-scan-action|sonarqube-quality-gate-action|sonarsource\/sonar|sonar-scanner|sonarscanner|\bsonar:sonar\b|\bgradlew?\b[^\n]*\bsonar(?:qube)?\b/i;
/** Complexity and module-health tools run from CI. */
const COMPLEXITY = /\bes6-plato\b|(?:^|[\s/])plato\s+-|\bradon\s+(?:cc|mi|hal|raw)\b|\bxenon\s|\bgocyclo\b|\bgocognit\b|\blizard\b|\bcode-complexity\b|\bcodescene\b|\bwily\s+(?:build|report|diff|rank)\b/i;
/** The tool a CI command runs, directly or through one level of package.json scripts. */
function ranTool(text: string, pattern: RegExp, byName: Map<string, PackageScript[]>): string | undefined {
  if (pattern.test(text)) return text;
  const s = scriptRunning(text, pattern, byName);
  return s && `${s.path} script "${s.name}": ${s.body}`;
}

export default defineDetector({
  id: 'tracks-module-health',
  pillar: 'architecture',
  question: 'Are module health metrics (complexity, maintainability) tracked by a tool?',
  rationale: 'Complexity and maintainability that are measured on every change can be kept in check; unmeasured, they only grow.',
  contents: [...CI_GLOBS, '**/package.json'],
  patterns: {
    sonarProject: {
      regex: /^[ \t]*sonar\.[\w.]+[ \t]*[=:]/m,
      literals: ['sonar.'],
      roles: CONFIG_ROLES,
      paths: ['**/sonar-project.properties'],
      code: false,
      maxPerFile: 1,
    },
    codeClimate: {
      regex: /\S.*/,
      roles: CONFIG_ROLES,
      paths: ['**/.codeclimate.{yml,yaml,json}', '**/.qlty/qlty.toml'],
      maxPerFile: 1,
    },
    eslintComplexity: {
      regex: /(?<![\w/-])(["']?)(complexity|sonarjs\/cognitive-complexity)\1\s*:\s*\[\s*(["']?)(error|warn|1|2)\3\s*,\s*(?:\{\s*(["']?)max\5\s*:\s*)?(\d+)/,
      literals: ['complexity'],
      roles: CONFIG_ROLES,
      paths: ['**/eslint.config.{js,mjs,cjs,ts,mts,cts}', '**/.eslintrc', '**/.eslintrc.{js,cjs,json,yml,yaml}', '**/package.json'],
    },
    flake8Complexity: {
      regex: /^[ \t]*max[-_]complexity[ \t]*[=:][ \t]*\d+/m,
      literals: ['complexity'],
      roles: CONFIG_ROLES,
      paths: ['**/.flake8', '**/setup.cfg', '**/tox.ini'],
      maxPerFile: 1,
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const tools = new Set<string>();
    for (const m of matches('sonarProject')) { evidence.push(fromMatch(m, 'SonarQube project configuration')); tools.add('SonarQube'); }
    for (const m of matches('codeClimate')) { evidence.push(fromMatch(m, 'Code Climate / Qlty configuration')); tools.add('Code Climate'); }

    const ci = readCi(repo);
    const byName = packageScripts(repo);
    for (const { job, step } of ci.jobs.flatMap((job) => job.steps.map((step) => ({ job, step })))) {
      for (const [pattern, tool] of [[SONAR, 'SonarQube/SonarCloud in CI'], [COMPLEXITY, 'complexity report in CI']] as const) {
        const via = ranTool(step.text, pattern, byName);
        if (via === undefined) continue;
        const line = step.text.split('\n')[0]!.trim();
        evidence.push({ path: job.file, line: step.line, excerpt: line.length > 160 ? `${line.slice(0, 159)}…` : line, note: via === step.text ? tool : `${tool} (${via.split(':')[0]})` });
        tools.add(tool);
      }
    }

    for (const m of matches('eslintComplexity')) {
      evidence.push(fromMatch(m, `ESLint ${m.groups[1]} limit ${m.groups[5]}`));
      tools.add('ESLint complexity limit');
    }
    for (const m of matches('flake8Complexity')) { evidence.push(fromMatch(m, 'flake8 max-complexity')); tools.add('flake8 max-complexity'); }

    if (evidence.length === 0) {
      return no('No module-health tracking found: no SonarQube/Code Climate, no complexity tool in CI, no complexity limit in lint configuration.');
    }
    return yes(`Module health is tracked: ${[...tools].join(', ')}.`, firstN(evidence));
  },
});
