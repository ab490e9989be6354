import { describe, expect, it } from 'vitest';
import { makeRepo } from '../../test/harness.ts';
import { scanRepository } from '../repo/index.ts';
import { blankComments } from '../util/text.ts';
import { extractImports, extractScriptImports, matchesLibrary, packageOfSpecifier } from './imports.ts';

const specs = (lang: Parameters<typeof extractImports>[0], code: string): string[] =>
  extractImports(lang, code).map((i) => i.specifier);

describe('extractImports', () => {
  it('reads ES modules, dynamic imports and require', () => {
    expect(specs('typescript', "import a from 'a';\nimport 'b/c';\nexport * from '@s/d';\nconst e = await import('e');\nconst f = require(\"f\");\n")).toEqual(['a', 'b/c', '@s/d', 'e', 'f']);
  });
  it('reads python import forms', () => {
    expect(specs('python', 'import os, json\nfrom celery import Celery\n  import a.b\n')).toEqual(['os', 'json', 'celery', 'a.b']);
  });
  it('reads Go single imports and import blocks with aliases', () => {
    const code = 'package x\n\nimport "fmt"\nimport (\n\t"net/http"\n\tmux "github.com/gorilla/mux"\n)\n';
    const found = extractImports('go', code);
    expect(found.map((i) => i.specifier)).toEqual(['fmt', 'net/http', 'github.com/gorilla/mux']);
    expect(code.slice(found[2]!.offset).trimStart().startsWith('mux "github.com/gorilla/mux"')).toBe(true);
  });
  it('reads Java, Kotlin, Ruby and C# imports', () => {
    expect(specs('java', 'import java.util.List;\nimport static org.a.B.c;\nimport io.x.*;\n')).toEqual(['java.util.List', 'org.a.B.c', 'io.x']);
    expect(specs('kotlin', 'import io.ktor.server.engine.embeddedServer\n')).toEqual(['io.ktor.server.engine.embeddedServer']);
    expect(specs('ruby', "require 'sidekiq'\nrequire \"sidekiq/web\"\n")).toEqual(['sidekiq', 'sidekiq/web']);
    expect(specs('csharp', 'using Polly;\nglobal using Serilog;\nusing var x = y;\n')).toEqual(['Polly', 'Serilog']);
  });
});

describe('library matching', () => {
  it.each([
    ['js', '@scope/pkg/sub', '@scope/pkg', true],
    ['js', 'pkg-other', 'pkg', false],
    ['go', 'github.com/gin-gonic/gin/binding', 'github.com/gin-gonic/gin', true],
    ['go', 'github.com/gin-gonic/ginx', 'github.com/gin-gonic/gin', false],
    ['jvm', 'io.github.resilience4j.retry.Retry', 'io.github.resilience4j', true],
    ['dotnet', 'Polly.Retry', 'Polly', true],
    ['python', 'celery.app', 'celery', true],
  ] as const)('%s: %s belongs to %s: %s', (eco, spec, mod, expected) => {
    expect(matchesLibrary(eco, spec, mod)).toBe(expected);
  });
  it('has no package for relative and builtin specifiers', () => {
    expect(packageOfSpecifier('js', './x')).toBeUndefined();
    expect(packageOfSpecifier('js', 'node:fs')).toBeUndefined();
    expect(packageOfSpecifier('python', '.models')).toBeUndefined();
  });
});

describe('extractScriptImports (oxc-parser)', () => {
  const read = (path: string, text: string) =>
    extractScriptImports(path, text, blankComments(text, path.endsWith('.ts') ? 'typescript' : 'javascript'))?.map((i) => `${i.specifier}${i.typeOnly ? ' (type)' : ''}@${text.slice(0, i.offset).split('\n').length}`);

  it('reads static, re-exported, dynamic and required modules, marking type-only ones', () => {
    const text = [
      "// import x from 'commented';",
      "import type { A } from './a';",
      "import { type B, type C } from './b';",
      "import D, { type E } from './d';",
      "import './side';",
      "export * from './star';",
      "export type { F } from './f';",
      "export { G, type H } from './g';",
      'const s = "require(\'in-string\')";',
      "const m = await import('./dyn');",
      'const n = import(`./tpl`);',
      'const o = import(`./${x}`);',
      "const p = require('./req');",
      "function later() { return import('./late'); }",
      "const q = x.require('no');",
    ].join('\n');
    expect(read('src/a.ts', text)).toEqual([
      './a (type)@2', './b (type)@3', './d@4', './side@5', './star@6', './f (type)@7', './g@8', './dyn@10', './tpl@11', './req@13', './late@14',
    ]);
  });

  it('finds static imports written after code, and parses JSX in .js files', () => {
    const text = "const a = 1;\nfunction f() { return <div>{a}</div>; }\nimport b from './b';\nexport { c } from './c';\nrequire('./d');\n";
    expect(read('src/view.js', text)).toEqual(['./b@3', './c@4', './d@5']);
  });

  it('marks everything in a declaration file as type-only', () => {
    expect(read('src/types.d.ts', "import { X } from './x';\nexport * from './y';\n")).toEqual(['./x (type)@1', './y (type)@2']);
  });

  it('gives up on a syntax error where imports are, so the caller uses the regex extractor', () => {
    expect(read('src/broken.ts', "import { a from './a';\nexport const b = 1;\n")).toBeUndefined();
    expect(read('src/jsx-in-ts.ts', "const x = <div/>;\nimport { a } from './a';\n")).toBeUndefined();
    // Only the declarations are parsed: an error further down leaves them readable.
    expect(read('src/later.ts', "import { a } from './a';\nfunction (( {\n")).toEqual(['./a@1']);
  });
});

describe('Ruby require_relative', () => {
  it('reads a relative require as a ./ path, never a gem name', () => {
    expect(specs('ruby', "require_relative 'billing/invoice'\nrequire_relative '../lib/x'\nrequire 'json'\n")).toEqual(['./billing/invoice', '../lib/x', 'json']);
  });
});

describe('imports in the scan', () => {
  it('carries type-only marks into import sites of production code, not of tests', async () => {
    const code = "import type { A } from './a';\nimport { b } from './b';\nconst c = require('./c');\n";
    const { view } = await scanRepository(makeRepo({ 'src/x.ts': code, 'src/x.test.ts': code, 'src/a.ts': 'export type A = 1;\n', 'src/b.ts': 'export const b = 1;\n' }), { patterns: new Map(), contents: [], history: false, workers: 0 });
    const sites = view.imports().map((s) => `${s.path}:${s.line} ${s.specifier}${s.typeOnly ? ' type' : ''}`);
    expect(sites).toEqual(['src/x.test.ts:1 ./a', 'src/x.test.ts:2 ./b', 'src/x.test.ts:3 ./c', 'src/x.ts:1 ./a type', 'src/x.ts:2 ./b', 'src/x.ts:3 ./c']);
  });
});
