// Logging analysis shared by logs-with-console-only and uses-structured-logger: which files log
// through a structured logger (directly or via the project's own logger module), which use a
// levelled text framework, and where production code prints to the console instead.
import { fromImport, fromMatch, type PatternSpec, type RepoView } from '../core/detector.ts';
import type { Ecosystem, EvidenceItem, ImportSite, Match } from '../core/types.ts';
import { CAPABILITIES } from './capabilities/index.ts';
import LOGGING_FRAMEWORK, { BUNDLED_LOGGING, LOGGING_FRAMEWORK_CALLS } from './capabilities/logging-framework.ts';
import { STRUCTURED_LOGGER_SIGNATURES } from './capabilities/structured-logger.ts';
import { matchesLibrary } from './imports.ts';
import { usedLibraries } from './usage.ts';

const STRUCTURED = CAPABILITIES['structured-logger'];
const SIGNATURE_ROLES = ['source', 'config', 'other'] as const;

/** Patterns both logging detectors declare (spread into their own `patterns`). */
export const LOGGING_PATTERNS = {
  // Console output in production code, per language.
  jsConsole: { regex: /\bconsole\.(?:log|info|warn|error|debug|trace)\s*\(/, literals: ['console.'], languages: ['javascript', 'typescript'] },
  pyPrint: { regex: /(?<![\w.])print\s*\(/, literals: ['print'], languages: ['python'] },
  pyMainGuard: { regex: /^if\s+__name__\s*==\s*['"]__main__['"]/m, literals: ['__main__'], languages: ['python'], maxPerFile: 1 },
  goPrint: { regex: /\bfmt\.Print(?:ln|f)?\s*\(/, literals: ['fmt.Print'], languages: ['go'] },
  goStdLog: { regex: /(?<![\w.])log\.(?:Print|Printf|Println|Fatal|Fatalf|Fatalln|Panic|Panicf|Panicln)\s*\(/, literals: ['log.'], languages: ['go'] },
  goStdLogImport: { regex: /"log"/, literals: ['"log"'], languages: ['go'], maxPerFile: 1 },
  javaPrint: { regex: /\bSystem\.(?:out|err)\.print(?:ln|f)?\s*\(/, literals: ['System.'], languages: ['java', 'kotlin'] },
  csConsole: { regex: /\bConsole\.(?:Error\.)?Write(?:Line)?\s*\(/, literals: ['Console.'], languages: ['csharp'] },
  rubyPuts: { regex: /^[ \t]*(?:(?:\$stdout|\$stderr|STDOUT|STDERR)\.)?puts\b/m, literals: ['puts'], languages: ['ruby'] },
  // Fastify's built-in logger is pino.
  fastifyLogger: {
    regex: /\b(?:fastify|Fastify|FastifyAdapter)\s*\(\s*\{[\s\S]{0,300}?\blogger\s*:\s*(?!false\b)(?:true|\{|[A-Za-z_$])/,
    literals: ['logger'],
    languages: ['javascript', 'typescript'],
    maxPerFile: 1,
  },
  // loguru emits JSON only with serialize=True.
  loguruSerialize: { regex: /\bserialize\s*=\s*True\b/, literals: ['serialize'], languages: ['python'], maxPerFile: 1 },
  nestLogger: { regex: /\bnew\s+Logger\s*\(/, literals: ['Logger'], languages: ['typescript', 'javascript'], maxPerFile: 1 },
  javaLogAnnotation: { regex: /^[ \t]*@(?:Slf4j|Log4j2?|CommonsLog|XSlf4j|Flogger)\b/m, literals: ['@Slf4j', '@Log4j', '@CommonsLog', '@XSlf4j', '@Flogger'], languages: ['java', 'kotlin'], maxPerFile: 1 },
  // Structured output switched on by configuration, and framework loggers used without imports.
  ...Object.fromEntries(
    STRUCTURED_LOGGER_SIGNATURES.map((g) => [`sig:${g.id}`, { regex: g.regex, literals: g.literals, paths: g.paths, roles: SIGNATURE_ROLES, maxPerFile: 1 } satisfies PatternSpec]),
  ),
  ...Object.fromEntries(
    LOGGING_FRAMEWORK_CALLS.map((c) => [`fw:${c.id}`, { regex: c.regex, literals: c.literals, languages: [c.language], maxPerFile: 1 } satisfies PatternSpec]),
  ),
} satisfies Record<string, PatternSpec>;

/** Scripts, seeds, build configs and browser code print to a terminal or devtools by design. */
const SCRIPT_PATH =
  /(^|\/)(scripts?|bin|tools|seeds?|seeders|migrations?|management\/commands|public|static|assets|frontend|www)\/|(^|\/)(setup|manage|noxfile|fabfile|tasks)\.py$|(^|\/)lib\/tasks\/|\.rake$|(^|\/)(seeds\.rb|Rakefile)$|\.config\.[cm]?[jt]s$|(^|\/)seed\.[cm]?[jt]s$|\.[jt]sx$/;

/** A detector's `matches`, for the names of LOGGING_PATTERNS. */
export type Matches = (name: string) => readonly Match[];

export interface LoggingAnalysis {
  /** Files using a structured logger directly or through a local module that wraps it. */
  loggerFiles: Set<string>;
  /** Where structured loggers are imported or configured, and which. */
  loggerEvidence: EvidenceItem[];
  loggerNames: string[];
  consoleCalls: Match[];
  /** Unstructured logging frameworks in use (names and evidence). */
  frameworkNames: string[];
  frameworkEvidence: EvidenceItem[];
}

/** A local module's key: its path without extension and without a trailing index/__init__. */
export function moduleKey(path: string): string {
  return path.replace(/\.(?:[cm]?[jt]sx?|py)$/, '').replace(/\/(?:index|__init__)$/, '');
}

function normalisePath(parts: string[]): string {
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}

/** The local module an import may refer to: an exact key, or path suffixes for aliases. */
export function localTarget(site: ImportSite, declared: ReadonlySet<string>): { exact?: string; suffixes?: string[] } | undefined {
  const spec = site.specifier;
  const dir = site.path.includes('/') ? site.path.slice(0, site.path.lastIndexOf('/')).split('/') : [];
  if (site.ecosystem === 'js') {
    if (spec.startsWith('.')) return { exact: moduleKey(normalisePath([...dir, ...spec.split('/')])) };
    // Path aliases (`@/lib/logger`, `~/logger`, `#logger`, `@server/logging/Logger`, baseUrl
    // imports) that are not declared packages.
    const parts = spec.replace(/^#/, '#/').split('/');
    const pkg = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
    if (declared.has(pkg) || spec.startsWith('node:')) return undefined;
    const suffixes = [/^[@~#]/.test(parts[0]!) ? parts.slice(1).join('/') : spec].filter(Boolean).map(moduleKey);
    return { suffixes };
  }
  if (site.ecosystem === 'python') {
    const dots = /^\.+/.exec(spec)?.[0].length ?? 0;
    const rest = spec.slice(dots).split('.').filter(Boolean);
    if (dots > 0) return { exact: normalisePath([...dir, ...Array<string>(dots - 1).fill('..'), ...rest]) };
    // Absolute imports: only dotted paths, so `import logging` never resolves to a local logging.py.
    return rest.length >= 2 ? { suffixes: [rest.join('/')] } : undefined;
  }
  return undefined;
}

/** A project's own logger module: `src/logger.ts`, `lib/logging/index.ts`, `app/log.py`. */
const LOGGER_MODULE = /(^|\/)[^/]*log[^/]*(\/[^/]*)?$/i;

/**
 * How production code logs: structured loggers (directly or through a local logger module),
 * unstructured logging frameworks, and console printing outside scripts.
 */
export function analyseLogging(repo: RepoView, matches: Matches): LoggingAnalysis {
  const loggerFiles = new Set<string>();
  const loggerEvidence: EvidenceItem[] = [];
  const loggerNames = new Set<string>();
  const frameworkNames = new Set<string>();
  const frameworkEvidence: EvidenceItem[] = [];
  const imports = repo.imports().filter((s) => s.role === 'source');
  const importsOf = (pkg: (s: string) => boolean): Set<string> => new Set(imports.filter((s) => pkg(s.specifier)).map((s) => s.path));

  for (const use of usedLibraries(repo, STRUCTURED)) {
    loggerNames.add(use.library);
    for (const s of use.sites) {
      loggerFiles.add(s.path);
      loggerEvidence.push(fromImport(s, `${use.library} imported`));
    }
  }
  // Files per ecosystem that log through an unstructured framework: a global structured
  // configuration (a logback JSON encoder, a JSON formatter in Django's LOGGING) covers them.
  const frameworkFiles = new Map<Ecosystem, Set<string>>();
  const addFramework = (eco: Ecosystem, name: string, path: string, item: () => EvidenceItem): void => {
    if (!frameworkNames.has(name)) frameworkEvidence.push(item());
    frameworkNames.add(name);
    frameworkFiles.set(eco, (frameworkFiles.get(eco) ?? new Set()).add(path));
  };
  const serialize = new Set(matches('loguruSerialize').map((m) => m.path));
  for (const use of usedLibraries(repo, LOGGING_FRAMEWORK)) {
    if (use.library === 'loguru' && serialize.size > 0) {
      loggerNames.add('loguru (serialize=True)');
      for (const s of use.sites) {
        loggerFiles.add(s.path);
        loggerEvidence.push(fromImport(s, 'loguru imported; JSON output via serialize=True'));
      }
      continue;
    }
    frameworkNames.add(use.library);
    frameworkEvidence.push(...use.sites.slice(0, 3).map((s) => fromImport(s, `${use.library} imported`)));
    for (const s of use.sites) frameworkFiles.set(use.ecosystem, (frameworkFiles.get(use.ecosystem) ?? new Set()).add(s.path));
  }
  const fastifyFiles = importsOf((s) => s === 'fastify' || s === '@nestjs/platform-fastify');
  for (const m of matches('fastifyLogger')) {
    if (!fastifyFiles.has(m.path)) continue;
    loggerNames.add('fastify logger (pino)');
    loggerFiles.add(m.path);
    loggerEvidence.push(fromMatch(m, "Fastify's pino logger enabled"));
  }

  // Files importing the project's logger module (src/logger.ts wrapping pino) log structurally
  // too. Only logger-named modules pass it on: importing any module that happens to log does not.
  const declared = new Set(repo.dependencies().filter((d) => d.ecosystem === 'js').map((d) => d.name));
  const wrappers = new Set([...loggerFiles].map(moduleKey).filter((k) => LOGGER_MODULE.test(k)));
  for (let round = 0; round < 5 && wrappers.size > 0; round++) {
    let added = false;
    for (const s of imports) {
      const t = localTarget(s, declared);
      if (!t) continue;
      const hit = t.exact !== undefined ? wrappers.has(t.exact) : [...wrappers].some((k) => t.suffixes!.some((x) => k === x || k.endsWith(`/${x}`)));
      if (!hit) continue;
      loggerFiles.add(s.path);
      const key = moduleKey(s.path);
      if (LOGGER_MODULE.test(key) && !wrappers.has(key)) {
        wrappers.add(key);
        added = true;
      }
    }
    if (!added) break;
  }

  // Unstructured frameworks: bundled modules without a manifest entry (python logging, SLF4J,
  // Microsoft.Extensions.Logging), Nest's Logger, Lombok annotations, and framework loggers used
  // without an import (Rails.logger, Laravel's Log facade, ILogger).
  for (const s of imports) {
    const bundled = BUNDLED_LOGGING[s.ecosystem]?.find((m) => matchesLibrary(s.ecosystem, s.specifier, m) || s.specifier.startsWith(`${m}.`));
    if (bundled) addFramework(s.ecosystem, bundled, s.path, () => fromImport(s, `${bundled} imported`));
  }
  const nestFiles = importsOf((s) => s === '@nestjs/common');
  for (const m of matches('nestLogger')) {
    if (nestFiles.has(m.path)) addFramework('js', '@nestjs/common Logger', m.path, () => fromMatch(m, 'Nest Logger'));
  }
  for (const m of matches('javaLogAnnotation')) {
    const name = m.text.trim();
    addFramework('jvm', name, m.path, () => fromMatch(m, `${name} logging`));
  }
  for (const c of LOGGING_FRAMEWORK_CALLS) {
    for (const m of matches(`fw:${c.id}`)) addFramework(c.ecosystem, c.name, m.path, () => fromMatch(m, `${c.name} logging`));
  }

  // Structured output configured rather than imported (a JSON encoder or formatter), counted when
  // its package is declared for production.
  const normalise = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');
  const production = new Set(repo.dependencies().filter((d) => !d.dev).map((d) => `${d.ecosystem}\0${normalise(d.name)}`));
  for (const g of STRUCTURED_LOGGER_SIGNATURES) {
    if (g.packages.length > 0 && !g.packages.some((p) => production.has(`${g.ecosystem}\0${normalise(p)}`))) continue;
    const found = matches(`sig:${g.id}`);
    if (found.length === 0) continue;
    loggerNames.add(g.name);
    for (const m of found) {
      loggerFiles.add(m.path);
      loggerEvidence.push(fromMatch(m, `${g.name} configured`));
    }
    if (g.global) for (const path of frameworkFiles.get(g.ecosystem) ?? []) loggerFiles.add(path);
  }

  const scripts = new Set(matches('pyMainGuard').map((m) => m.path));
  const goStdLog = new Set(matches('goStdLogImport').map((m) => m.path));
  const consoleCalls = [
    ...matches('jsConsole'),
    ...matches('pyPrint').filter((m) => !scripts.has(m.path)),
    ...matches('goPrint'),
    ...matches('goStdLog').filter((m) => goStdLog.has(m.path)),
    ...matches('javaPrint'),
    ...matches('csConsole'),
    ...matches('rubyPuts'),
  ]
    .filter((m) => !SCRIPT_PATH.test(m.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));

  const byLocation = (x: EvidenceItem, y: EvidenceItem): number => (x.path < y.path ? -1 : x.path > y.path ? 1 : (x.line ?? 0) - (y.line ?? 0));
  return {
    loggerFiles,
    loggerEvidence: loggerEvidence.sort(byLocation),
    loggerNames: [...loggerNames],
    consoleCalls,
    frameworkNames: [...frameworkNames],
    frameworkEvidence,
  };
}

export type LoggingMeasure = 'console-calls' | 'logger-imports' | 'structured-share';

export function loggingMeasures(a: LoggingAnalysis): Record<LoggingMeasure, { value: number; unit: string }> {
  const consoleOnlyFiles = new Set(a.consoleCalls.map((m) => m.path).filter((p) => !a.loggerFiles.has(p)));
  const denominator = a.loggerFiles.size + consoleOnlyFiles.size;
  return {
    'console-calls': { value: a.consoleCalls.length, unit: 'call sites' },
    'logger-imports': { value: a.loggerFiles.size, unit: 'files' },
    'structured-share': { value: denominator === 0 ? 0 : Math.round((100 * a.loggerFiles.size) / denominator), unit: '%' },
  };
}

/** Measure declarations shared by the logging detectors. */
export const LOGGING_MEASURES = {
  'console-calls': { unit: 'call sites', description: 'Console printing calls in production code (console.*, print(), fmt.Print, System.out), scripts excluded' },
  'logger-imports': { unit: 'files', description: 'Production files using a structured logger, directly or through a local logger module' },
} as const;
