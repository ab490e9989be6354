// Import syntax per language, applied to text whose comments are already blanked.
import { parseSync, type ParserOptions } from 'oxc-parser';
import type { Ecosystem, Language } from '../core/types.ts';
import { inString, stringRanges } from './complexity.ts';

export interface RawImport {
  specifier: string;
  offset: number;
  /** Only types are imported (TypeScript): no runtime dependency. */
  typeOnly?: boolean;
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

// Rails and most Ruby apps load gems with Bundler.require: code names a gem by its constants
// (`include Sidekiq::Job`, `Redis.new`, `< ActiveRecord::Base`), not by `require`. Each distinct
// constant path (`Sidekiq::Job`) or receiver of a class-method call (`Redis.new`) in a file is a
// site; capability data says which constants belong to which gem.
function rubyConstants(code: string): RawImport[] {
  const seen = new Set<string>();
  const out: RawImport[] = [];
  for (const m of code.matchAll(/(?<![\w:@$.])([A-Z][A-Za-z0-9_]*(?:::[A-Z][A-Za-z0-9_]*)+|[A-Z][A-Za-z0-9_]*(?=\.[a-z_]))/g)) {
    if (seen.has(m[1]!)) continue;
    seen.add(m[1]!);
    out.push({ specifier: m[1]!, offset: m.index });
  }
  return out;
}

// `require_relative 'billing/invoice'`: a path relative to the file, written `./billing/invoice`
// so that it reads as relative (and never as a gem name).
function requireRelative(code: string): RawImport[] {
  return byRegex(/^[ \t]*require_relative[ \t(]+['"]([^'"\n]+)['"]/gm)(code).map((i) => ({
    ...i,
    specifier: i.specifier.startsWith('.') ? i.specifier : `./${i.specifier}`,
  }));
}

// `require 'sidekiq'`, `require "sidekiq/web"`, and constant references.
const RUBY: Extractor = {
  ecosystem: 'ruby',
  literals: ['require', '::', '.'],
  extract: (code) =>
    [...byRegex(/^[ \t]*require[ \t(]+['"]([^'"\n]+)['"]/gm)(code), ...requireRelative(code), ...rubyConstants(code)].sort((a, b) => a.offset - b.offset),
};

// PHP namespace imports at the top of a file: `use Illuminate\Support\Facades\Queue;`,
// `use Predis\Client as Redis;`, `use App\Models\{User, Song};`, `use function Foo\bar;`. Trait
// uses inside a class body are indented and are not imports.
const PHP: Extractor = {
  ecosystem: 'php',
  literals: ['use'],
  extract(code) {
    const out: RawImport[] = [];
    for (const m of code.matchAll(/^use[ \t]+(?:function[ \t]+|const[ \t]+)?([^;]+);/gm)) {
      const body = m[1]!.replace(/\s+/g, ' ').trim();
      const group = /^\\?([\w\\]+)\\\{([^}]*)\}$/.exec(body);
      const names = group ? group[2]!.split(',').map((n) => `${group[1]}\\${n.trim()}`) : body.split(',');
      for (const n of names) {
        const name = n.trim().replace(/^\\/, '').replace(/\s+as\s+\w+$/i, '');
        if (/^[A-Za-z_][\w\\]*$/.test(name)) out.push({ specifier: name, offset: m.index });
      }
    }
    return out;
  },
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
  php: PHP,
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
 * `github.com/gin-gonic/gin`, `io.github.resilience4j.retry.Retry` to `io.github.resilience4j`,
 * `Sidekiq::Job` to `Sidekiq`, `Illuminate\\Queue\\Jobs\\Job` to `Illuminate\\Queue`.
 */
export function matchesLibrary(ecosystem: Ecosystem, specifier: string, module: string): boolean {
  if (specifier === module) return true;
  if (ecosystem === 'go') return specifier.startsWith(`${module}/`);
  if (ecosystem === 'ruby') return specifier.startsWith(`${module}/`) || specifier.startsWith(`${module}::`);
  if (ecosystem === 'php') return specifier.startsWith(`${module}\\`);
  if (ecosystem === 'jvm' || ecosystem === 'dotnet') return specifier.startsWith(`${module}.`);
  return packageOfSpecifier(ecosystem, specifier) === module;
}

// ------------------------------------------------------------------ JavaScript and TypeScript
//
// oxc-parser reads static imports and re-exports exactly (type-only ones included), but its
// cost is the whole AST it serialises to JSON: about 4 MB/s, several times the rest of the
// content pass. Static imports and re-exports are top-level statements, in practice at the top
// of a file, so oxc parses the file up to the end of the line of its last `from '...'` (or
// `import '...'`) and the rest, where only `import('x')` and `require('x')` can be, is read with
// regexes that skip strings. When that prefix does not parse, oxc parses the whole file; when
// the whole file does not parse, the caller uses the regex extractor.

/** Larger files are read with the regex extractor (the parse cost grows with the AST). */
export const OXC_MAX_CHARS = 512 * 1024;

function oxcOptions(path: string): ParserOptions {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  const lang = ext === 'tsx' ? 'tsx' : ext === 'ts' || ext === 'mts' || ext === 'cts' ? 'ts' : 'jsx';
  return { lang, sourceType: ext === 'cjs' || ext === 'cts' ? 'commonjs' : 'unambiguous' };
}

/** The last `from '...'` or `import '...'`: where the static imports and re-exports end. */
const STATIC_TAIL = /\bfrom\s*(['"])[^'"\n]*\1|^[ \t]*import\s*(['"])[^'"\n]*\2/gm;
/** `import('x')` and `require('x')` with a literal argument. */
const CALLS = /\b(import|require)\s*\(\s*(['"`])([^'"`\n]*)\2\s*\)/g;
const JS_QUOTES = "'\"`";

function parsedModule(path: string, text: string): ReturnType<typeof parseSync>['module'] | undefined {
  try {
    const parsed = parseSync(path, text, oxcOptions(path));
    return parsed.errors.some((e) => e.severity === 'Error') ? undefined : parsed.module;
  } catch {
    return undefined;
  }
}

/**
 * JS/TS imports: static imports and re-exports (`export ... from`) read with oxc-parser, type-only
 * ones (`import type`, `export type ... from`, every binding marked `type`, anything in a `.d.ts`)
 * marked; `import('x')` and `require('x')` with a literal argument. `code` is `text` with comments
 * blanked. Undefined when oxc reports a syntax error: the caller falls back to the regex extractor.
 */
export function extractScriptImports(path: string, text: string, code: string): RawImport[] | undefined {
  if (text.length > OXC_MAX_CHARS) return undefined;
  let cut = 0;
  STATIC_TAIL.lastIndex = 0;
  for (let m = STATIC_TAIL.exec(code); m; m = STATIC_TAIL.exec(code)) cut = m.index + m[0].length;
  if (cut > 0) {
    const eol = text.indexOf('\n', cut);
    cut = eol === -1 ? text.length : eol;
  }
  let mod = cut > 0 ? parsedModule(path, text.slice(0, cut)) : undefined;
  if (cut > 0 && !mod && cut < text.length) {
    mod = parsedModule(path, text);
    cut = text.length;
  }
  if (cut > 0 && !mod) return undefined;

  const declaration = /\.d\.[cm]?ts$/.test(path);
  const out = new Map<number, RawImport>();
  const add = (specifier: string, offset: number, typeOnly: boolean): void => {
    const known = out.get(offset);
    if (known) {
      if (known.typeOnly && !typeOnly && !declaration) delete known.typeOnly;
    } else out.set(offset, typeOnly || declaration ? { specifier, offset, typeOnly: true } : { specifier, offset });
  };
  if (mod) {
    for (const i of mod.staticImports) {
      add(i.moduleRequest.value, i.moduleRequest.start, i.entries.length > 0 && i.entries.every((e) => e.isType));
    }
    for (const e of mod.staticExports) {
      for (const entry of e.entries) if (entry.moduleRequest) add(entry.moduleRequest.value, entry.moduleRequest.start, entry.isType);
    }
  }
  // Calls: `require` anywhere, `import()` after the parsed part (oxc reports none of the former,
  // and only the latter of the part it parsed). String literals are skipped.
  if (code.includes('require') || code.includes('import', cut)) {
    let ranges: number[] | undefined;
    CALLS.lastIndex = 0;
    for (let m = CALLS.exec(code); m; m = CALLS.exec(code)) {
      const value = m[3]!;
      if (value === '' || (m[2] === '`' && value.includes('${')) || '.$'.includes(code[m.index - 1] || ' ')) continue;
      if (inString((ranges ??= stringRanges(code, JS_QUOTES)), m.index)) continue;
      if (m[1] === 'import' && m.index < cut) continue;
      add(value, m.index + m[0].indexOf(m[2]!), false);
    }
  }
  if (mod && cut > 0) {
    for (const d of mod.dynamicImports) {
      const raw = /^(['"`])([^'"`\n]*)\1$/.exec(text.slice(d.moduleRequest.start, d.moduleRequest.end));
      if (raw && raw[2] !== '' && !(raw[1] === '`' && raw[2]!.includes('${'))) add(raw[2]!, d.moduleRequest.start, false);
    }
  }
  return [...out.values()].sort((a, b) => a.offset - b.offset);
}
