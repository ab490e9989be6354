// Import syntax per language, applied to text whose comments are already blanked.
import type { Ecosystem, Language } from '../core/types.ts';

export interface RawImport {
  specifier: string;
  offset: number;
}

interface Extractor {
  ecosystem: Ecosystem;
  literals: readonly string[];
  extract(code: string): RawImport[];
}

function byRegex(regex: RegExp, group = 1): (code: string) => RawImport[] {
  return (code) => [...code.matchAll(regex)].flatMap((m) => (m[group] ? [{ specifier: m[group], offset: m.index }] : []));
}

// `import x from 'a'`, `import 'a'`, `export * from 'a'`, `import('a')`, `require('a')`.
const JS: Extractor = {
  ecosystem: 'js',
  literals: ['import', 'require', 'from'],
  extract: byRegex(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"`])([^'"`\n]+?)\1/g, 2),
};

// `import a.b`, `import a, b`, `from a.b import c`.
const PYTHON: Extractor = {
  ecosystem: 'python',
  literals: ['import'],
  extract(code) {
    const out: RawImport[] = [];
    for (const m of code.matchAll(/^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import\b|import[ \t]+([\w.]+(?:[ \t]*,[ \t]*[\w.]+)*))/gm)) {
      if (m[1]) out.push({ specifier: m[1], offset: m.index });
      else if (m[2]) for (const s of m[2].split(',')) out.push({ specifier: s.trim(), offset: m.index });
    }
    return out;
  },
};

// `import "net/http"`, `import alias "x/y"`, and `import ( ... )` blocks.
const GO: Extractor = {
  ecosystem: 'go',
  literals: ['import'],
  extract(code) {
    const out: RawImport[] = [];
    for (const m of code.matchAll(/^[ \t]*import[ \t]+(?:[\w.]+[ \t]+)?"([^"\n]+)"/gm)) out.push({ specifier: m[1]!, offset: m.index });
    for (const block of code.matchAll(/^[ \t]*import[ \t]*\(([^)]*)\)/gm)) {
      const start = block.index + block[0].indexOf('(') + 1;
      for (const m of block[1]!.matchAll(/^[ \t]*(?:[\w.]+[ \t]+)?"([^"\n]+)"/gm)) out.push({ specifier: m[1]!, offset: start + m.index });
    }
    return out.sort((a, b) => a.offset - b.offset);
  },
};

// `import io.github.resilience4j.circuitbreaker.CircuitBreaker;` (Java and Kotlin).
const JVM: Extractor = {
  ecosystem: 'jvm',
  literals: ['import'],
  extract: byRegex(/^[ \t]*import[ \t]+(?:static[ \t]+)?([\w.]+?)(?:\.\*)?[ \t]*;?[ \t]*$/gm),
};

// `require 'sidekiq'`, `require "sidekiq/web"`.
const RUBY: Extractor = {
  ecosystem: 'ruby',
  literals: ['require'],
  extract: byRegex(/^[ \t]*require[ \t(]+['"]([^'"\n]+)['"]/gm),
};

// `using Polly;`, `using static Serilog.Log;`.
const DOTNET: Extractor = {
  ecosystem: 'dotnet',
  literals: ['using'],
  extract: byRegex(/^[ \t]*(?:global[ \t]+)?using[ \t]+(?:static[ \t]+)?([A-Z][\w.]*)[ \t]*;/gm),
};

const EXTRACTORS: Partial<Record<Language, Extractor>> = {
  javascript: JS,
  typescript: JS,
  python: PYTHON,
  go: GO,
  java: JVM,
  kotlin: JVM,
  ruby: RUBY,
  csharp: DOTNET,
};

export function ecosystemOfLanguage(language: Language): Ecosystem | undefined {
  return EXTRACTORS[language]?.ecosystem;
}

export function extractImports(language: Language, code: string): RawImport[] {
  const ex = EXTRACTORS[language];
  if (!ex || !ex.literals.some((l) => code.includes(l))) return [];
  return ex.extract(code);
}

/**
 * The package a specifier belongs to: `@scope/pkg/sub` -> `@scope/pkg`, `pkg/sub` -> `pkg`,
 * `node:fs` -> undefined, relative paths -> undefined. Python: the top-level module. Go, JVM,
 * Ruby and .NET: the specifier itself (libraries are matched by prefix, see `matchesLibrary`).
 */
export function packageOfSpecifier(ecosystem: Ecosystem, specifier: string): string | undefined {
  if (ecosystem === 'js') {
    if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || specifier.startsWith('#')) return undefined;
    const parts = specifier.split('/');
    return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  }
  if (ecosystem === 'python') {
    if (specifier.startsWith('.')) return undefined;
    return specifier.split('.')[0];
  }
  return specifier;
}

/**
 * Whether an import specifier belongs to a library module name. Go modules and JVM/.NET
 * namespaces are hierarchical: `github.com/gin-gonic/gin/binding` belongs to
 * `github.com/gin-gonic/gin`, `io.github.resilience4j.retry.Retry` to `io.github.resilience4j`.
 */
export function matchesLibrary(ecosystem: Ecosystem, specifier: string, module: string): boolean {
  if (specifier === module) return true;
  if (ecosystem === 'go' || ecosystem === 'ruby') return specifier.startsWith(`${module}/`);
  if (ecosystem === 'jvm' || ecosystem === 'dotnet') return specifier.startsWith(`${module}.`);
  return packageOfSpecifier(ecosystem, specifier) === module;
}
