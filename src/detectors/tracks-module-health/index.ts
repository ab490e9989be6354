import { defineDetector, firstN, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole } from '../../core/types.ts';
import { parse as parseYaml } from 'yaml';
import { CI_GLOBS, packageScripts, readCi, scriptRunning, type PackageScript } from '../../ecosystems/ci.ts';

const CONFIG_ROLES: readonly FileRole[] = ['source', 'config', 'other'];

/** Code-quality platforms run from CI. */
const SONAR = /sonarcloud-github-action|sonarqube-scan-action|sonarqube-quality-gate-action|sonarsource\/sonar|sonar-scanner|sonarscanner|\bsonar:sonar\b|\bgradlew?\b[^\n]*\bsonar(?:qube)?\b/i;
/** Complexity and module-health tools run from CI. */
const COMPLEXITY = /\bes6-plato\b|(?:^|[\s/])plato\s+-|\bradon\s+(?:cc|mi|hal|raw)\b|\bxenon\s|\bgocyclo\b|\bgocognit\b|\blizard\b|\bcode-complexity\b|\bcodescene\b|\bwily\s+(?:build|report|diff|rank)\b/i;
/** A step condition that is never true. */
const STEP_DISABLED = /^\s*(?:false|\$\{\{\s*false\s*\}\})\s*$/;
/** golangci-lint linters that measure complexity. */
const GO_COMPLEXITY_LINTERS = new Set(['gocyclo', 'gocognit', 'cyclop']);
/** Ruff rule selectors that turn on the mccabe complexity check (C901). */
const RUFF_MCCABE = /^(?:ALL|C|C9|C90|C901)$/;

/** golangci-lint: the complexity linters the configuration turns on (v1 `enable`/`enable-all`, v2 `default: all`). */
function golangciComplexity(text: string): string[] {
  let config: unknown;
  try {
    config = parseYaml(text);
  } catch {
    return [];
  }
  const linters = (config as { linters?: Record<string, unknown> } | null)?.linters;
  if (!linters || typeof linters !== 'object') return [];
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const disabled = new Set(list(linters['disable']));
  const all = linters['enable-all'] === true || linters['default'] === 'all';
  const enabled = all ? [...GO_COMPLEXITY_LINTERS] : list(linters['enable']).filter((l) => GO_COMPLEXITY_LINTERS.has(l));
  return enabled.filter((l) => !disabled.has(l));
}

/** Ruff: whether the mccabe rule is selected (its threshold alone, without C901 selected, checks nothing). */
function ruffSelectsMccabe(text: string): boolean {
  const lists = [...text.matchAll(/^[ \t]*(?:extend-)?select[ \t]*=[ \t]*\[([^\]]*)\]/gm)].map((m) => m[1]!);
  return lists.some((l) => [...l.matchAll(/["']([A-Z0-9]+)["']/g)].some((m) => RUFF_MCCABE.test(m[1]!)));
}

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
  contents: [...CI_GLOBS, '**/package.json', '**/.golangci.{yml,yaml}', '**/pyproject.toml', '**/ruff.toml', '**/.ruff.toml'],
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
    // Ruff's mccabe threshold; it counts only where C901 is selected too (checked in detect).
    ruffComplexity: {
      regex: /^[ \t]*\[(?:tool\.ruff\.)?(?:lint\.)?mccabe\][ \t]*\r?\n(?:(?![ \t]*\[).*\r?\n)*?[ \t]*max-complexity[ \t]*=[ \t]*\d+/m,
      literals: ['mccabe'],
      roles: CONFIG_ROLES,
      paths: ['**/pyproject.toml', '**/ruff.toml', '**/.ruff.toml'],
      maxPerFile: 1,
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
    // A job that can never run (`if: false`, `when: never`) tracks nothing, nor does a step switched off.
    const live = ci.jobs.filter((job) => !job.disabled);
    for (const { job, step } of live.flatMap((job) => job.steps.filter((step) => !STEP_DISABLED.test(step.condition ?? '')).map((step) => ({ job, step })))) {
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
    for (const m of matches('ruffComplexity')) {
      if (!ruffSelectsMccabe(repo.text(m.path) ?? '')) continue;
      evidence.push(fromMatch(m, 'Ruff mccabe max-complexity (C901 selected)'));
      tools.add('Ruff mccabe max-complexity');
    }
    for (const f of repo.glob(['**/.golangci.yml', '**/.golangci.yaml'], [...CONFIG_ROLES])) {
      const text = repo.text(f.path);
      const linters = text === undefined ? [] : golangciComplexity(text);
      if (linters.length === 0) continue;
      const lines = text!.split('\n');
      const i = lines.findIndex((l) => new RegExp(`^\\s*-?\\s*(?:${linters.join('|')})\\b`).test(l) || /^\s*(?:enable-all:\s*true|default:\s*all)\b/.test(l));
      const line = i === -1 ? 1 : i + 1;
      evidence.push({ path: f.path, line, excerpt: lines[line - 1]!.trim(), note: `golangci-lint ${linters.join(', ')} enabled` });
      tools.add('golangci-lint complexity linters');
    }

    if (evidence.length === 0) {
      return no('No module-health tracking found: no SonarQube/Code Climate, no complexity tool in CI, no complexity limit in lint configuration.');
    }
    return yes(`Module health is tracked: ${[...tools].join(', ')}.`, firstN(evidence));
  },
});
