import { describe, expect, it } from 'vitest';
import { extractImports, matchesLibrary, packageOfSpecifier } from './imports.ts';

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
