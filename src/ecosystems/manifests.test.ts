import { describe, expect, it } from 'vitest';
import { MANIFEST_READERS } from './manifests.ts';
import { globMatcher } from '../util/glob.ts';

function read(path: string, text: string) {
  const reader = MANIFEST_READERS.find((r) => globMatcher(r.glob)(path));
  if (!reader) throw new Error(`no reader for ${path}`);
  return reader.read(path, text);
}

/** `name@line` plus ` dev` for development dependencies. */
function summary(path: string, text: string): string[] {
  return read(path, text).dependencies.map((d) => `${d.name}@${d.line ?? '?'}${d.dev ? ' dev' : ''}`);
}

const GO_MOD = `module example.com/app

go 1.22

require github.com/gorilla/mux v1.8.1

require (
\tgo.opentelemetry.io/otel v1.28.0
\tgithub.com/felixge/httpsnoop v1.0.4 // indirect
)
`;

const GEMFILE = `source 'https://rubygems.org'

gem 'rails', '~> 7.1'
gem "sidekiq"
# gem 'commented'

group :development, :test do
  gem 'rspec-rails'
end

gem 'rubocop', require: false, group: :development
`;

const COMPOSER = `{
  "require": {
    "php": ">=8.2",
    "laravel/framework": "^11.0"
  },
  "require-dev": {
    "infection/infection": "^0.27"
  }
}
`;

const CSPROJ = `<Project Sdk="Microsoft.NET.Sdk.Web">
  <!-- <PackageReference Include="Commented" Version="1" /> -->
  <ItemGroup>
    <PackageReference Include="Polly" Version="8.4.0" />
    <PackageReference Include="Serilog.AspNetCore">
      <Version>8.0.1</Version>
    </PackageReference>
    <PackageReference Include="StyleCop.Analyzers" Version="1.1" PrivateAssets="all" />
  </ItemGroup>
</Project>
`;

const PACKAGES_CONFIG = `<?xml version="1.0" encoding="utf-8"?>
<packages>
  <package id="Newtonsoft.Json" version="13.0.3" targetFramework="net48" />
  <package id="NUnit" version="3.14.0" developmentDependency="true" />
</packages>
`;

const PACKAGES_PROPS = `<Project>
  <ItemGroup>
    <PackageVersion Include="Polly" Version="8.4.0" />
  </ItemGroup>
</Project>
`;

const POM = `<?xml version="1.0"?>
<project>
  <dependencyManagement>
    <dependencies>
      <dependency><groupId>managed</groupId><artifactId>bom</artifactId></dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>io.github.resilience4j</groupId>
      <artifactId>resilience4j-circuitbreaker</artifactId>
      <version>2.2.0</version>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <scope>test</scope>
    </dependency>
  </dependencies>
</project>
`;

const GRADLE_KTS = `plugins { kotlin("jvm") }

dependencies {
    implementation("io.micrometer:micrometer-core:1.13.0")
    // implementation("commented:out:1")
    implementation(platform("org.springframework.boot:spring-boot-dependencies:3.3.0"))
    testImplementation("org.junit.jupiter:junit-jupiter:5.10.0")
}
`;

const GRADLE = `dependencies {
    implementation 'org.slf4j:slf4j-api:2.0.13'
    compileOnly group: 'org.projectlombok', name: 'lombok', version: '1.18.32'
    testRuntimeOnly "org.junit.platform:junit-platform-launcher"
}
`;

const PIPFILE = `[[source]]
url = "https://pypi.org/simple"

[packages]
Django = "*"
celery = {version = ">=5", extras = ["redis"]}

[dev-packages]
pytest = "*"
`;

describe('manifest readers', () => {
  it.each([
    ['go.mod', GO_MOD, ['github.com/gorilla/mux@5', 'go.opentelemetry.io/otel@8', 'github.com/felixge/httpsnoop@9']],
    ['Gemfile', GEMFILE, ['rails@3', 'sidekiq@4', 'rspec-rails@8 dev', 'rubocop@11 dev']],
    ['composer.json', COMPOSER, ['laravel/framework@4', 'infection/infection@7 dev']],
    ['src/Api/Api.csproj', CSPROJ, ['Polly@4', 'Serilog.AspNetCore@5', 'StyleCop.Analyzers@8 dev']],
    ['tests/Api.Tests/Api.Tests.csproj', PACKAGES_PROPS.replace('PackageVersion', 'PackageReference'), ['Polly@3 dev']],
    ['packages.config', PACKAGES_CONFIG, ['Newtonsoft.Json@3', 'NUnit@4 dev']],
    ['Directory.Packages.props', PACKAGES_PROPS, ['Polly@3']],
    ['pom.xml', POM, ['io.github.resilience4j:resilience4j-circuitbreaker@9', 'org.junit.jupiter:junit-jupiter@14 dev']],
    ['build.gradle.kts', GRADLE_KTS, ['io.micrometer:micrometer-core@4', 'org.springframework.boot:spring-boot-dependencies@6', 'org.junit.jupiter:junit-jupiter@7 dev']],
    ['app/build.gradle', GRADLE, ['org.slf4j:slf4j-api@2', 'org.projectlombok:lombok@3', 'org.junit.platform:junit-platform-launcher@4 dev']],
    ['Pipfile', PIPFILE, ['django@5', 'celery@6', 'pytest@9 dev']],
  ])('reads %s', (path, text, expected) => {
    expect(read(path, text).problem).toBeUndefined();
    expect(summary(path, text)).toEqual(expected);
  });

  it('keeps versions', () => {
    const deps = [...read('go.mod', GO_MOD).dependencies, ...read('src/Api/Api.csproj', CSPROJ).dependencies, ...read('pom.xml', POM).dependencies];
    expect(deps.map((d) => d.version)).toEqual(['v1.8.1', 'v1.28.0', 'v1.0.4', '8.4.0', '8.0.1', '1.1', '2.2.0', undefined]);
  });

  it.each([
    ['go.mod', 'module x\n\nrequire (\n\tgithub.com/a/b v1.0.0\n'],
    ['go.mod', 'module x\nrequire github.com/a/b\n'],
    ['Gemfile', "group :test do\n  gem 'rspec'\n"],
    ['Gemfile', "gem 'rails'\nend\n"],
    ['composer.json', '{"require": {"a/b": "1"'],
    ['App.csproj', '<Project><ItemGroup><PackageReference Include="Polly" Version="8" /></Project>'],
    ['packages.config', '<packages><package id="A" version="1"></packages>'],
    ['Directory.Packages.props', '<Project><ItemGroup><PackageVersion Include="Polly" Version="8"></ItemGroup></Project>'],
    ['pom.xml', '<project><dependencies><dependency><groupId>a</groupId></dependencies></project>'],
    ['build.gradle.kts', 'dependencies {\n  implementation("a:b:1")\n'],
    ['build.gradle', "dependencies {\n  implementation 'a:b:1'\n}\n}\n"],
    ['Pipfile', '[packages\ndjango = "*"\n'],
  ])('reports a malformed %s as a problem, without throwing', (path, text) => {
    const r = read(path, text);
    expect(r.problem).toEqual(expect.any(String));
    expect(r.dependencies).toEqual([]);
  });
});
