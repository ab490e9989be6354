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

  const manifests = defineCapability({
    id: 'test',
    description: 'test',
    libraries: {
      go: ['github.com/gorilla/mux', 'go.opentelemetry.io/otel/metric', 'log/slog'],
      jvm: ['io.github.resilience4j', 'java.util.logging', 'org.springframework.web', 'org.apache.kafka'],
      dotnet: ['Polly', 'System.Net.Http', 'Microsoft.AspNetCore'],
      ruby: ['sidekiq', 'logger'],
    },
  });
  const used = (imports: ImportSite[], texts: Record<string, string>): string[] =>
    usedLibraries(view(imports, texts), manifests).map((u) => `${u.ecosystem}:${u.library}:${u.declaration ? `${u.declaration.manifest}:${u.declaration.line}` : '-'}`);

  it.each([
    [
      'Go: a require of the module or a prefix module declares it; the standard library needs none',
      [site('go', 'github.com/gorilla/mux', 'main.go'), site('go', 'go.opentelemetry.io/otel/metric', 'm.go'), site('go', 'log/slog', 'l.go')],
      { 'go.mod': 'module x\n\nrequire (\n\tgithub.com/gorilla/mux v1.8.1\n\tgo.opentelemetry.io/otel v1.28.0\n)\n' },
      ['go:github.com/gorilla/mux:go.mod:4', 'go:go.opentelemetry.io/otel/metric:go.mod:5', 'go:log/slog:-'],
    ],
    [
      'Go: a go.mod without the require',
      [site('go', 'github.com/gorilla/mux', 'main.go'), site('go', 'log/slog', 'l.go')],
      { 'go.mod': 'module x\n\nrequire github.com/gorilla/muxer v1.0.0\n' },
      ['go:log/slog:-'],
    ],
    [
      'JVM: a pom dependency in the group declares it; java.* needs none',
      [site('jvm', 'io.github.resilience4j.circuitbreaker.CircuitBreaker', 'C.java'), site('jvm', 'java.util.logging.Logger', 'L.java')],
      { 'pom.xml': '<project>\n<dependencies>\n<dependency><groupId>io.github.resilience4j</groupId><artifactId>resilience4j-circuitbreaker</artifactId></dependency>\n</dependencies>\n</project>\n' },
      ['jvm:io.github.resilience4j:pom.xml:3', 'jvm:java.util.logging:-'],
    ],
    [
      'JVM: a Gradle build without the dependency',
      [site('jvm', 'io.github.resilience4j.circuitbreaker.CircuitBreaker', 'C.java'), site('jvm', 'java.util.logging.Logger', 'L.java')],
      { 'build.gradle': "dependencies {\n  implementation 'io.github.resilience4jx:other:1'\n}\n" },
      ['jvm:java.util.logging:-'],
    ],
    [
      'JVM: a starter of the same organisation declares its modules, a stranger under io.github does not',
      [site('jvm', 'org.springframework.web.bind.annotation.GetMapping', 'C.java'), site('jvm', 'io.github.resilience4j.retry.Retry', 'R.java'), site('jvm', 'org.apache.kafka.clients.KafkaClient', 'K.java')],
      { 'pom.xml': '<project>\n<dependencies>\n<dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>\n<dependency><groupId>io.github.someone</groupId><artifactId>x</artifactId></dependency>\n<dependency><groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId></dependency>\n</dependencies>\n</project>\n' },
      ['jvm:org.springframework.web:pom.xml:3'],
    ],
    [
      '.NET: a PackageReference of the package or a sub-package declares it; System.* and ASP.NET Core need none',
      [site('dotnet', 'Polly.CircuitBreaker', 'A.cs'), site('dotnet', 'System.Net.Http', 'B.cs'), site('dotnet', 'Microsoft.AspNetCore.Builder', 'C.cs')],
      { 'App.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>\n    <PackageReference Include="Polly.Extensions.Http" Version="3" />\n  </ItemGroup>\n</Project>\n' },
      ['dotnet:Polly:App.csproj:3', 'dotnet:System.Net.Http:-', 'dotnet:Microsoft.AspNetCore:-'],
    ],
    [
      '.NET: a csproj without the package',
      [site('dotnet', 'Polly', 'A.cs'), site('dotnet', 'System.Net.Http', 'B.cs')],
      { 'App.csproj': '<Project>\n  <ItemGroup>\n    <PackageReference Include="Pollyanna" Version="1" />\n  </ItemGroup>\n</Project>\n' },
      ['dotnet:System.Net.Http:-'],
    ],
    [
      'Ruby: a gem declares requires of its paths; the standard library needs none',
      [site('ruby', 'sidekiq/web', 'app.rb'), site('ruby', 'logger', 'log.rb')],
      { Gemfile: "source 'https://rubygems.org'\ngem 'sidekiq', '~> 7'\n" },
      ['ruby:sidekiq:Gemfile:2', 'ruby:logger:-'],
    ],
    [
      'Ruby: a Gemfile without the gem',
      [site('ruby', 'sidekiq', 'app.rb'), site('ruby', 'logger', 'log.rb')],
      { Gemfile: "gem 'rails'\n" },
      ['ruby:logger:-'],
    ],
  ])('%s', (_case, imports, texts, expected) => {
    expect(used(imports, texts)).toEqual(expected);
  });

  it('does not let a declaration or the standard library of one ecosystem count for another', () => {
    const imports = [site('go', 'github.com/gorilla/mux', 'main.go'), site('ruby', 'sidekiq', 'app.rb')];
    expect(used(imports, { 'go.mod': 'module x\n', Gemfile: "gem 'rails'\n", 'package.json': '{"dependencies":{"sidekiq":"1"}}' })).toEqual([]);
    // Without a manifest in the ecosystem, imports count as before.
    expect(used(imports, {})).toEqual(['go:github.com/gorilla/mux:-', 'ruby:sidekiq:-']);
  });
});
