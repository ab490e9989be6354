import { describe, expect, it } from 'vitest';
import { detect } from '../../test/harness.ts';
import { defineDetector, yes } from '../core/detector.ts';
import type { ImportSite } from '../core/types.ts';
import { analyseLogging, localTarget, LOGGING_PATTERNS, loggingMeasures, moduleKey, type LoggingAnalysis } from './logging.ts';

const site = (ecosystem: ImportSite['ecosystem'], path: string, specifier: string): ImportSite => ({
  ecosystem,
  path,
  specifier,
  line: 1,
  excerpt: '',
  role: 'source',
});

/** Runs the analysis through the real scanner, as a detector declaring LOGGING_PATTERNS would. */
async function analyse(files: Record<string, string>): Promise<LoggingAnalysis> {
  let out: LoggingAnalysis | undefined;
  const probe = defineDetector({
    id: 'logging-probe',
    pillar: 'observability',
    question: 'Probe?',
    rationale: 'Exposes the shared logging analysis to tests.',
    patterns: LOGGING_PATTERNS,
    detect({ repo, matches }) {
      out = analyseLogging(repo, matches);
      return yes('analysed', [], loggingMeasures(out));
    },
  });
  await detect(probe, files);
  return out!;
}

const pkg = (deps: Record<string, string> = {}): string => JSON.stringify({ name: 'app', dependencies: deps });

describe('logging analysis', () => {
  it('keys local modules by path without extension or index file', () => {
    expect(moduleKey('src/lib/logger.ts')).toBe('src/lib/logger');
    expect(moduleKey('src/logging/index.mjs')).toBe('src/logging');
    expect(moduleKey('app/log/__init__.py')).toBe('app/log');
    expect(moduleKey('src/ui/Logger.tsx')).toBe('src/ui/Logger');
  });

  it.each([
    ['relative js import', site('js', 'src/orders/service.ts', '../lib/logger.js'), { exact: 'src/lib/logger' }],
    ['relative js import from the root', site('js', 'index.ts', './logger'), { exact: 'logger' }],
    ['@/ alias', site('js', 'src/users.ts', '@/lib/logger'), { suffixes: ['lib/logger'] }],
    ['~ alias', site('js', 'src/users.ts', '~/logger'), { suffixes: ['logger'] }],
    ['# subpath import', site('js', 'src/users.ts', '#logger'), { suffixes: ['logger'] }],
    ['scoped alias that is no declared package', site('js', 'server/a.ts', '@server/logging/Logger'), { suffixes: ['logging/Logger'] }],
    ['bare baseUrl import', site('js', 'src/a.ts', 'lib/logger'), { suffixes: ['lib/logger'] }],
    ['declared package', site('js', 'src/a.ts', 'pino'), undefined],
    ['declared scoped package', site('js', 'src/a.ts', '@acme/log/child'), undefined],
    ['node builtin', site('js', 'src/a.ts', 'node:console'), undefined],
    ['python relative import', site('python', 'svc/jobs.py', '.log'), { exact: 'svc/log' }],
    ['python parent-relative import', site('python', 'svc/api/jobs.py', '..log'), { exact: 'svc/log' }],
    ['python dotted absolute import', site('python', 'svc/api.py', 'svc.log'), { suffixes: ['svc/log'] }],
    ['python top-level module (never a local file)', site('python', 'svc/api.py', 'logging'), undefined],
    ['other ecosystems', site('go', 'main.go', 'github.com/acme/log'), undefined],
  ])('resolves a %s', (_c, s, expected) => {
    expect(localTarget(s, new Set(['pino', '@acme/log']))).toEqual(expected);
  });

  it('passes a structured logger on through logger-named modules only, and counts console calls outside scripts', async () => {
    const a = await analyse({
      'package.json': pkg({ pino: '9' }),
      'src/lib/logger.ts': "import pino from 'pino';\nexport const logger = pino();\n",
      // A logger module wrapping the logger module passes it on again.
      'src/logging/index.ts': "import { logger } from '../lib/logger';\nexport const log = logger.child({});\n",
      'src/api.ts': "import { log } from './logging';\nconsole.log('still printed');\n",
      // Importing a module that is not logger-named does not make a file structured.
      'src/db.ts': "import { logger } from './lib/logger';\nexport const db = 1;\n",
      'src/jobs.ts': "import { db } from './db';\nconsole.error('failed');\n",
      'scripts/seed.ts': "console.log('seeding');\n",
      'src/ui/App.tsx': "console.log('render');\n",
      'test/api.test.ts': "console.log('test');\n",
    });
    expect([...a.loggerFiles].sort()).toEqual(['src/api.ts', 'src/db.ts', 'src/lib/logger.ts', 'src/logging/index.ts']);
    expect(a.loggerNames).toEqual(['pino']);
    expect(a.loggerEvidence.map((e) => `${e.path}:${e.line}`)).toEqual(['src/lib/logger.ts:1']);
    expect(a.consoleCalls.map((m) => `${m.path}:${m.line}`)).toEqual(['src/api.ts:2', 'src/jobs.ts:2']);
    // 4 logger files; src/jobs.ts prints and has no logger: 4 / 5.
    expect(loggingMeasures(a)).toEqual({
      'console-calls': { value: 2, unit: 'call sites' },
      'logger-imports': { value: 4, unit: 'files' },
      'structured-share': { value: 80, unit: '%' },
    });
  });

  it('classifies console output per language and names unstructured frameworks', async () => {
    const a = await analyse({
      'requirements.txt': 'flask==3\n',
      'app/views.py': 'import logging\nprint("hello")\n',
      'app/cli.py': 'print("usage")\nif __name__ == "__main__":\n    main()\n',
      'cmd/api/main.go': 'package main\n\nimport (\n\t"fmt"\n\t"log"\n)\n\nfunc main() {\n\tfmt.Println("hi")\n\tlog.Printf("x")\n}\n',
      // `log.Printf` without the standard "log" import is some other package's log.
      'internal/x/x.go': 'package x\n\nimport log "github.com/acme/thing"\n\nfunc F() { log.Printf("y") }\n',
      'src/main/java/App.java': 'import org.slf4j.Logger;\n\nclass App {\n  void f() { System.out.println("x"); }\n}\n',
    });
    expect(a.loggerFiles.size).toBe(0);
    expect(a.consoleCalls.map((m) => `${m.path}:${m.line}`)).toEqual([
      'app/views.py:2',
      'cmd/api/main.go:9',
      'cmd/api/main.go:10',
      'src/main/java/App.java:4',
    ]);
    expect([...a.frameworkNames].sort()).toEqual(['logging', 'org.slf4j']);
    expect(a.frameworkEvidence.map((e) => `${e.path}:${e.line}`).sort()).toEqual(['app/views.py:1', 'src/main/java/App.java:1']);
    expect(loggingMeasures(a)['structured-share']).toEqual({ value: 0, unit: '%' });
  });
});
