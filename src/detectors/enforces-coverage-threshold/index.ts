import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole, Measure } from '../../core/types.ts';
import { CI_GLOBS, readCi } from '../../ecosystems/ci.ts';
import { blankComments, excerpt, lineAt, lineStarts, lineText } from '../../util/text.ts';

type Metric = 'line' | 'other' | 'patch';

interface Threshold {
  tool: string;
  metric: Metric;
  value: number;
  path: string;
  line: number;
  what: string;
}

const CONFIG_ROLES: readonly FileRole[] = ['source', 'config', 'other', 'ci', 'iac'];
/** Configs that live among the tests: SimpleCov in the test helpers, coverlet in test projects. */
const TEST_HELPERS = /(^|\/)(spec_helper|rails_helper|test_helper)\.rb$|\.csproj$/;

/**
 * The text with comments blanked (offsets and lines kept), so a commented-out threshold never
 * counts: JS/Kotlin/Groovy comments in runner and build configs, XML comments, `#`/`;` lines.
 */
function withoutComments(name: string, text: string): string {
  const blankLine = (re: RegExp): string => text.split('\n').map((l) => (re.test(l) ? l.replace(/[^\r]/g, ' ') : l)).join('\n');
  if (/\.[cm]?[jt]s$/.test(name)) return blankComments(text, 'typescript');
  if (/^build\.gradle(\.kts)?$/.test(name)) return blankComments(text, 'kotlin');
  if (/\.(xml|csproj|props)$/.test(name)) return text.replace(/<!--[\s\S]*?(?:-->|$)/g, (c) => c.replace(/[^\r\n]/g, ' '));
  if (/\.rb$|^\.simplecov$/.test(name)) return blankComments(text, 'ruby');
  if (/^(\.coveragerc|setup\.cfg|tox\.ini|pytest\.ini)$/.test(name)) return blankLine(/^\s*[#;]/);
  if (/\.toml$|^Makefile$|\.mk$|^\.?codecov\.ya?ml$|^\.testcoverage\.ya?ml$/.test(name)) return blankLine(/^\s*#/);
  return text;
}
const LINE_KEYS = new Set(['lines', 'statements', 'total', 'line', 'instruction']);

/** The index just after the brace that closes the one at `open` (quoted strings skipped). */
function closeBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === '`') {
      const end = text.indexOf(c, i + 1);
      if (end === -1) return text.length;
      i = end;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Blocks `key: { ... }` (JS/JSON), each as [start, end] offsets of the braces. */
function blocks(text: string, key: RegExp, from = 0, to = text.length): [number, number][] {
  const out: [number, number][] = [];
  const re = new RegExp(String.raw`["']?(?:${key.source})["']?\s*[:=]\s*\{`, 'g');
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) {
    const open = m.index + m[0].length - 1;
    const end = Math.min(closeBrace(text, open), to);
    out.push([open, end]);
    re.lastIndex = end;
  }
  return out;
}

const METRIC_KEY = /["']?\b(lines|statements|branches|functions|100)["']?\s*:\s*(-?\d+(?:\.\d+)?|true)\b/g;

function metricsIn(text: string, from: number, to: number, onHit: (key: string, value: number, offset: number) => void): void {
  METRIC_KEY.lastIndex = from;
  for (let m = METRIC_KEY.exec(text); m && m.index < to; m = METRIC_KEY.exec(text)) {
    if (m[1] === '100') {
      if (m[2] === 'true') onHit('lines', 100, m.index);
    } else if (m[2] !== 'true') onHit(m[1]!, Number(m[2]), m.index);
  }
}

type Cli = Omit<Threshold, 'path'> & { flag: string };

/** Thresholds given on command lines: pytest-cov, c8/nyc, vitest, go-test-coverage. */
function cliThresholds(text: string, add: (t: Cli) => void, lineOf: (o: number) => number): void {
  // pytest-cov
  for (const m of text.matchAll(/--cov-fail-under[= ](\d+(?:\.\d+)?)/g)) add({ tool: 'pytest-cov', metric: 'line', value: Number(m[1]), line: lineOf(m.index), what: 'cov-fail-under', flag: '--cov-fail-under' });
  // coverage.py on the command line
  for (const m of text.matchAll(/\bcoverage\s+report\b[^\n]*?--fail-under[= ](\d+(?:\.\d+)?)/g)) add({ tool: 'coverage.py', metric: 'line', value: Number(m[1]), line: lineOf(m.index), what: 'fail-under', flag: '--fail-under' });
  // c8 / nyc on the command line
  for (const m of text.matchAll(/\b(c8|nyc)\b((?:\s+(?:check-coverage\b|--[\w-]+(?:[= ]\d+(?:\.\d+)?)?|\d+))+)/g)) {
    const args = m[2]!;
    if (!/--check-coverage|check-coverage|--100\b/.test(args)) continue;
    if (/--100\b/.test(args)) {
      add({ tool: m[1]!, metric: 'line', value: 100, line: lineOf(m.index), what: '--100', flag: m[1]! });
      continue;
    }
    let any = false;
    for (const a of args.matchAll(/--(lines|statements|branches|functions)[= ](\d+(?:\.\d+)?)/g)) {
      any = true;
      add({ tool: m[1]!, metric: LINE_KEYS.has(a[1]!) ? 'line' : 'other', value: Number(a[2]), line: lineOf(m.index), what: a[1]!, flag: m[1]! });
    }
    // Without explicit figures, check-coverage enforces the default of 90% lines.
    if (!any) add({ tool: m[1]!, metric: 'line', value: 90, line: lineOf(m.index), what: 'lines (default)', flag: m[1]! });
  }
  // vitest on the command line
  for (const m of text.matchAll(/--coverage\.(?:thresholds\.)?(lines|statements|branches|functions)[= ](\d+(?:\.\d+)?)/g)) {
    add({ tool: 'vitest', metric: LINE_KEYS.has(m[1]!) ? 'line' : 'other', value: Number(m[2]), line: lineOf(m.index), what: m[1]!, flag: '--coverage.' });
  }
  // coverlet through MSBuild (`dotnet test /p:Threshold=80 /p:ThresholdType=line`) or coverlet.console (`--threshold 80`).
  for (const m of text.matchAll(/[/-]p:Threshold=["']?(\d+(?:\.\d+)?)|\bcoverlet\b[^\n]*?--threshold[= ](\d+(?:\.\d+)?)/g)) {
    const type = /[/-]p:ThresholdType=["']?([\w,]+)/.exec(text.slice(m.index, text.indexOf('\n', m.index) === -1 ? undefined : text.indexOf('\n', m.index)))?.[1];
    add({ tool: 'coverlet', metric: !type || /line/i.test(type) ? 'line' : 'other', value: Number(m[1] ?? m[2]), line: lineOf(m.index), what: type ? `threshold (${type})` : 'threshold', flag: m[1] ? 'Threshold=' : '--threshold' });
  }
  // Pest (`pest --coverage --min=80`) and phpunit-coverage-check (`coverage-check clover.xml 80`).
  for (const m of text.matchAll(/\bpest\b[^\n]*?--coverage\b[^\n]*?--min[= ](\d+(?:\.\d+)?)/g)) add({ tool: 'pest', metric: 'line', value: Number(m[1]), line: lineOf(m.index), what: '--min', flag: '--min' });
  for (const m of text.matchAll(/\b(?:phpunit-)?coverage-check\s+\S+\.xml\s+(\d+(?:\.\d+)?)/g)) add({ tool: 'coverage-check', metric: 'line', value: Number(m[1]), line: lineOf(m.index), what: 'minimum', flag: 'coverage-check' });
  // A Go total from `go tool cover -func` compared in the shell and failing the build.
  if (/go\s+tool\s+cover\s+-func/.test(text) && /\bexit\s+1\b|::error|\bfail\b/i.test(text)) {
    for (const m of text.matchAll(/(?:\s(?:<|-lt)\s*|\$\w+\s*<\s*)["']?(\d+(?:\.\d+)?)\b/g)) {
      add({ tool: 'go tool cover', metric: 'line', value: Number(m[1]), line: lineOf(m.index), what: 'total gate', flag: m[0].trim() });
    }
  }
  // go-test-coverage
  for (const m of text.matchAll(/(?:--)?threshold-(total|package|file)[=: ]\s*(\d+(?:\.\d+)?)/g)) {
    add({ tool: 'go-test-coverage', metric: m[1] === 'total' ? 'line' : 'other', value: Number(m[2]), line: lineOf(m.index), what: m[1]!, flag: 'threshold-' });
  }
}

const CONTENTS = [
  '**/package.json',
  '**/jest.config.*',
  '**/vitest.config.*',
  '**/vite.config.*',
  '**/vitest.workspace.*',
  '**/.nycrc',
  '**/.nycrc.*',
  '**/.c8rc',
  '**/.c8rc.*',
  '**/.coveragerc',
  '**/setup.cfg',
  '**/tox.ini',
  '**/pytest.ini',
  '**/pyproject.toml',
  '**/codecov.yml',
  '**/codecov.yaml',
  '**/.codecov.yml',
  '**/.codecov.yaml',
  '**/pom.xml',
  '**/build.gradle',
  '**/build.gradle.kts',
  '**/.testcoverage.yml',
  '**/.testcoverage.yaml',
  '**/Makefile',
  '**/*.mk',
  '**/composer.json',
  '**/*.csproj',
  '**/Directory.Build.props',
  '**/.simplecov',
  '**/spec_helper.rb',
  '**/rails_helper.rb',
  '**/test_helper.rb',
  ...CI_GLOBS,
];

export default defineDetector({
  id: 'enforces-coverage-threshold',
  pillar: 'testing',
  question: 'Is a minimum test-coverage threshold configured so that builds fail below it?',
  rationale: 'A coverage gate stops untested code from drifting in; a report nobody enforces does not.',
  measures: {
    'coverage-threshold': { unit: '%', description: 'Line/statement coverage threshold (else the lowest configured threshold, else the patch target)' },
    'patch-coverage-target': { unit: '%', description: 'Codecov patch (changed code) coverage target' },
  },
  contents: CONTENTS,
  detect({ repo }) {
    const found: Threshold[] = [];
    const files = [...repo.glob(CONTENTS, CONFIG_ROLES), ...repo.glob(CONTENTS, ['test']).filter((f) => TEST_HELPERS.test(f.path))];
    const ciFiles = new Set(repo.glob([...CI_GLOBS]).map((c) => c.path));
    for (const f of files) {
      const raw = repo.text(f.path);
      if (raw === undefined) continue;
      const text = withoutComments(f.path.slice(f.path.lastIndexOf('/') + 1), raw);
      const starts = lineStarts(text);
      const lineOf = (o: number): number => lineAt(starts, o);
      const add = (t: Omit<Threshold, 'path'> & { flag?: string }): void => {
        const { flag: _flag, ...rest } = t;
        if (Number.isFinite(t.value) && t.value >= 1) found.push({ ...rest, path: f.path });
      };
      const name = f.path.slice(f.path.lastIndexOf('/') + 1);

      // jest: coverageThreshold (global when given), in jest.config.* or package.json "jest".
      if (/^jest\.config\./.test(name) || name === 'package.json') {
        for (const [s, e] of blocks(text, /coverageThreshold/)) {
          const global = blocks(text, /global/, s, e)[0] ?? [s, e];
          metricsIn(text, global[0], global[1], (k, v, o) => {
            if (v > 0) add({ tool: 'jest', metric: LINE_KEYS.has(k) ? 'line' : 'other', value: v, line: lineOf(o), what: k });
          });
        }
      }
      // vitest: coverage.thresholds (or legacy coverage.lines).
      if (/^(vitest|vite)\.(config|workspace)\./.test(name)) {
        for (const [s, e] of blocks(text, /coverage/)) {
          metricsIn(text, s, e, (k, v, o) => add({ tool: 'vitest', metric: LINE_KEYS.has(k) ? 'line' : 'other', value: v, line: lineOf(o), what: k }));
        }
      }
      // nyc / c8 config files and package.json "nyc"/"c8" sections.
      const rc = /^\.(nyc|c8)rc/.exec(name);
      const sections: [string, number, number][] = rc ? [[rc[1]!, 0, text.length]] : [];
      if (name === 'package.json') for (const tool of ['nyc', 'c8']) for (const [s, e] of blocks(text, new RegExp(tool))) sections.push([tool, s, e]);
      for (const [tool, s, e] of sections) {
        const body = text.slice(s, e);
        if (!/["']?(check-coverage|checkCoverage)["']?\s*:\s*true/.test(body)) continue;
        let any = false;
        for (const m of body.matchAll(/["']?\b(lines|statements|branches|functions)["']?\s*:\s*(\d+(?:\.\d+)?)/g)) {
          any = true;
          add({ tool, metric: LINE_KEYS.has(m[1]!) ? 'line' : 'other', value: Number(m[2]), line: lineOf(s + m.index), what: m[1]! });
        }
        if (!any) add({ tool, metric: 'line', value: 90, line: lineOf(s + body.search(/check-coverage|checkCoverage/)), what: 'lines (default)' });
      }
      // coverage.py fail_under.
      if (['.coveragerc', 'setup.cfg', 'tox.ini', 'pyproject.toml'].includes(name)) {
        let section = '';
        text.split('\n').forEach((l, i) => {
          const h = /^\s*\[([^\]]+)\]/.exec(l);
          if (h) section = h[1]!.trim();
          const m = /^\s*fail_under\s*=\s*["']?(\d+(?:\.\d+)?)/.exec(l);
          if (m && /^(report|coverage:report|tool\.coverage\.report)$/.test(section)) {
            add({ tool: 'coverage.py', metric: 'line', value: Number(m[1]), line: i + 1, what: 'fail_under' });
          }
        });
      }
      // Codecov status targets.
      if (/^\.?codecov\.ya?ml$/.test(name)) {
        const lc = new LineCounter();
        const doc = parseDocument(text, { lineCounter: lc });
        const status = doc.errors.length === 0 ? doc.getIn(['coverage', 'status'], true) : undefined;
        for (const kind of ['project', 'patch'] as const) {
          const node = isMap(status) ? status.get(kind, true) : undefined;
          if (!isMap(node)) continue;
          for (const pair of node.items) {
            const cfg = pair.value;
            if (!isMap(cfg) || cfg.get('informational') === true) continue;
            const target = cfg.get('target', true);
            if (!isScalar(target)) continue;
            const m = /^(\d+(?:\.\d+)?)%?$/.exec(String(target.value));
            if (!m) continue;
            const line = lc.linePos((target as Node).range![0]).line;
            add({ tool: 'codecov', metric: kind === 'patch' ? 'patch' : 'line', value: Number(m[1]), line, what: `${kind} target` });
          }
        }
      }
      // JaCoCo (Maven/Gradle) and Kover minimums.
      if ((name === 'pom.xml' || name.startsWith('build.gradle')) && /jacoco/i.test(text)) {
        const re = name === 'pom.xml' ? /<minimum>\s*(0?\.\d+|1(?:\.0+)?)\s*<\/minimum>/g : /\bminimum\s*=\s*(?:BigDecimal\(\s*)?"?(0?\.\d+|1\.0+)/g;
        for (const m of text.matchAll(re)) {
          const before = text.slice(Math.max(0, m.index - 300), m.index);
          const counter = [...before.matchAll(/(?:<counter>\s*|counter\s*=\s*["'])(\w+)/g)].pop()?.[1]?.toLowerCase();
          add({ tool: 'jacoco', metric: !counter || LINE_KEYS.has(counter) ? 'line' : 'other', value: Math.round(Number(m[1]) * 1000) / 10, line: lineOf(m.index), what: counter ?? 'minimum' });
        }
      }
      if (name.startsWith('build.gradle') && /kover/i.test(text)) {
        for (const m of text.matchAll(/\bminBound\(\s*(\d+)/g)) add({ tool: 'kover', metric: 'line', value: Number(m[1]), line: lineOf(m.index), what: 'minBound' });
      }
      // coverlet through MSBuild properties (a test project or Directory.Build.props).
      if (/\.csproj$|^Directory\.Build\.props$/.test(name)) {
        const type = /<ThresholdType>\s*([\w,\s]+?)\s*<\/ThresholdType>/.exec(text)?.[1];
        for (const m of text.matchAll(/<Threshold>\s*(\d+(?:\.\d+)?)\s*<\/Threshold>/g)) {
          add({ tool: 'coverlet', metric: !type || /line/i.test(type) ? 'line' : 'other', value: Number(m[1]), line: lineOf(m.index), what: type ? `Threshold (${type})` : 'Threshold' });
        }
      }
      // SimpleCov: `minimum_coverage 90` or `minimum_coverage line: 90, branch: 80`.
      if (/\.rb$|^\.simplecov$/.test(name)) {
        for (const m of text.matchAll(/\bminimum_coverage\b\s*\(?\s*(?:(\d+(?:\.\d+)?)|([^\n)]*))/g)) {
          if (m[1]) add({ tool: 'simplecov', metric: 'line', value: Number(m[1]), line: lineOf(m.index), what: 'minimum_coverage' });
          else for (const k of (m[2] ?? '').matchAll(/\b(line|branch):\s*(\d+(?:\.\d+)?)/g)) add({ tool: 'simplecov', metric: k[1] === 'line' ? 'line' : 'other', value: Number(k[2]), line: lineOf(m.index), what: `minimum_coverage ${k[1]}` });
        }
      }
      // go-test-coverage config.
      if (/^\.testcoverage\.ya?ml$/.test(name)) {
        text.split('\n').forEach((l, i) => {
          const m = /^\s+(file|package|total)\s*:\s*(\d+(?:\.\d+)?)/.exec(l);
          if (m) add({ tool: 'go-test-coverage', metric: m[1] === 'total' ? 'line' : 'other', value: Number(m[2]), line: i + 1, what: m[1]! });
        });
      }
      // Command lines: package.json scripts, Makefiles, pytest/tox config (addopts). CI is read below.
      if (!ciFiles.has(f.path)) cliThresholds(text, add, lineOf);
    }
    // CI steps (only pipelines that parse); the evidence line is the first line of the step showing the flag.
    for (const job of readCi(repo).jobs) {
      // A job or step that can never run gates nothing.
      if (job.disabled) continue;
      const lines = (repo.text(job.file) ?? '').split('\n');
      for (const step of job.steps) {
        if (step.condition && /^\s*(?:false|\$\{\{\s*false\s*\}\})\s*$/.test(step.condition)) continue;
        cliThresholds(step.text, (t) => {
          if (!(t.value >= 1)) return;
          let line = step.line;
          for (let i = step.line - 1; i < Math.min(lines.length, step.line + 40); i++) {
            if (lines[i]!.includes(t.flag)) {
              line = i + 1;
              break;
            }
          }
          const { flag: _flag, ...rest } = t;
          found.push({ ...rest, path: job.file, line });
        }, () => step.line);
      }
    }

    const lineLike = found.filter((t) => t.metric === 'line');
    const nonPatch = found.filter((t) => t.metric !== 'patch');
    const patch = found.filter((t) => t.metric === 'patch');
    const measures: Record<string, Measure> = {};
    // Without a whole-project figure, a patch target (coverage of changed code) is the gate.
    const basis = lineLike.length > 0 ? lineLike : nonPatch.length > 0 ? nonPatch : patch;
    if (basis.length > 0) measures['coverage-threshold'] = { value: Math.min(...basis.map((t) => t.value)), unit: '%' };
    if (patch.length > 0) measures['patch-coverage-target'] = { value: Math.min(...patch.map((t) => t.value)), unit: '%' };
    if (found.length === 0) return no('No coverage threshold is configured (jest, vitest, nyc/c8, coverage.py, pytest-cov, Codecov, JaCoCo, Kover, coverlet, SimpleCov, Pest, go-test-coverage).');
    const evidence: EvidenceItem[] = found.slice(0, 10).map((t) => {
      const text = repo.text(t.path) ?? '';
      return { path: t.path, line: t.line, excerpt: excerpt(lineText(text, lineStarts(text), t.line)), note: `${t.tool} ${t.what} ${t.value}%`, value: t.value };
    });
    const parts = [...new Set(found.map((t) => t.tool))].join(', ');
    const fig = nonPatch.length > 0 ? `${measures['coverage-threshold']!.value}%` : `patch ${measures['patch-coverage-target']!.value}%`;
    return yes(`Coverage threshold ${fig} enforced by ${parts}.`, evidence, measures);
  },
});
