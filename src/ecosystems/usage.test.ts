import { describe, expect, it } from 'vitest';
import type { ImportSite } from '../core/types.ts';
import { createRepoView } from '../repo/index.ts';
import { defineCapability } from './capability.ts';
import { usedLibraries } from './usage.ts';

const breakers = defineCapability({
  id: 'circuit-breaker',
  description: 'test',
  libraries: { js: ['opossum'], go: ['github.com/sony/gobreaker'], jvm: ['io.github.resilience4j'], dotnet: ['Polly'] },
});

function site(ecosystem: ImportSite['ecosystem'], specifier: string, path: string, role: ImportSite['role'] = 'source'): ImportSite {
  return { ecosystem, specifier, path, line: 1, excerpt: specifier, role };
}

function view(imports: ImportSite[], texts: Record<string, string> = {}) {
  const files = Object.keys(texts).map((path) => ({ path, size: 1, language: 'json' as const, role: 'config' as const }));
  return createRepoView({ isGit: false, commit: null, files, texts: new Map(Object.entries(texts)), imports, history: undefined, warnings: [] });
}

describe('usedLibraries', () => {
  it('finds Go, JVM and .NET libraries by module prefix', () => {
    const uses = usedLibraries(
      view([
        site('go', 'github.com/sony/gobreaker/v2', 'client.go'),
        site('jvm', 'io.github.resilience4j.circuitbreaker.CircuitBreaker', 'src/main/java/C.java'),
        site('dotnet', 'Polly.CircuitBreaker', 'Svc.cs'),
        site('go', 'github.com/sony/gobreakers', 'other.go'),
      ]),
      breakers,
    );
    expect(uses.map((u) => `${u.ecosystem}:${u.library}:${u.sites.map((s) => s.path).join(',')}`)).toEqual([
      'go:github.com/sony/gobreaker:client.go',
      'jvm:io.github.resilience4j:src/main/java/C.java',
      'dotnet:Polly:Svc.cs',
    ]);
  });

  it('needs a declaration where the ecosystem has a manifest, and production code', () => {
    const imports = [site('js', 'opossum', 'src/a.ts'), site('js', 'opossum', 'src/a.test.ts', 'test')];
    expect(usedLibraries(view(imports, { 'package.json': '{"dependencies":{}}' }), breakers)).toEqual([]);
    const declared = usedLibraries(view(imports, { 'package.json': '{"dependencies":{"opossum":"8"}}' }), breakers);
    expect(declared.map((u) => [u.library, u.sites.length, u.declaration?.manifest])).toEqual([['opossum', 1, 'package.json']]);
  });
});
