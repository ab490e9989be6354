// Import syntax per language, applied to text whose comments are already blanked.
import type { Ecosystem, Language } from '../core/types.ts';

export interface RawImport {
  specifier: string;
  offset: number;
}

type Extractor = { ecosystem: Ecosystem; literals: readonly string[]; regex: RegExp };

// `import x from 'a'`, `import 'a'`, `export * from 'a'`, `import('a')`, `require('a')`.
const JS: Extractor = {
  ecosystem: 'js',
  literals: ['import', 'require', 'from'],
  regex: /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"`])([^'"`\n]+?)\1/g,
};

// `import a.b`, `import a, b`, `from a.b import c`.
const PYTHON: Extractor = {
  ecosystem: 'python',
  literals: ['import'],
  regex: /^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import\b|import[ \t]+([\w.]+(?:[ \t]*,[ \t]*[\w.]+)*))/gm,
};

const EXTRACTORS: Partial<Record<Language, Extractor>> = {
  javascript: JS,
  typescript: JS,
  python: PYTHON,
};

export function ecosystemOfLanguage(language: Language): Ecosystem | undefined {
  return EXTRACTORS[language]?.ecosystem;
}

export function extractImports(language: Language, code: string): RawImport[] {
  const ex = EXTRACTORS[language];
  if (!ex || !ex.literals.some((l) => code.includes(l))) return [];
  const out: RawImport[] = [];
  ex.regex.lastIndex = 0;
  for (const m of code.matchAll(ex.regex)) {
    if (ex === JS) {
      out.push({ specifier: m[2]!, offset: m.index });
    } else if (m[1]) {
      out.push({ specifier: m[1], offset: m.index });
    } else if (m[2]) {
      for (const s of m[2].split(',')) out.push({ specifier: s.trim(), offset: m.index });
    }
  }
  return out;
}

/**
 * The package a specifier belongs to: `@scope/pkg/sub` -> `@scope/pkg`, `pkg/sub` -> `pkg`,
 * `node:fs` -> undefined, relative paths -> undefined. Python: the top-level module.
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
