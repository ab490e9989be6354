import { describe, expect, it } from 'vitest';
import { DEPENDENCY_FILE_GLOBS, MANIFEST_READERS, readDependencies } from './manifests.ts';
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
    [
      'tests/AppHost.Tests/AppHost.Tests.csproj',
      '<Project Sdk="MSTest.Sdk/3.6.4">\n  <Sdk Name="Aspire.AppHost.Sdk" Version="9.0.0" />\n  <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk.Web" />\n</Project>\n',
      ['MSTest.Sdk@1 dev', 'Aspire.AppHost.Sdk@2 dev'],
    ],
    ['src/Web/Web.csproj', '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="Polly" /></ItemGroup></Project>\n', ['Polly@1']],
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

const PYPROJECT_POETRY = `[tool.poetry]
name = "billing"
version = "0.1.0"

[tool.poetry.dependencies]
python = "^3.11"
Django = "^5.0"

[tool.poetry.group.dev.dependencies]
pytest = "^8.2"

[tool.poetry.group.docs.dependencies]
mkdocs-material = "^9.5"

[tool.poetry.group.worker.dependencies]
celery = {version = "^5.4", extras = ["redis"]}
`;

const PYPROJECT_PEP735 = `[project]
name = "service"
version = "0.1.0"
dependencies = [
    "fastapi>=0.111",
    "SQLAlchemy[asyncio]>=2.0",
]

[project.optional-dependencies]
docker = ["gunicorn>=22"]
test = ["pytest-cov"]

[dependency-groups]
lint = ["ruff>=0.4", {include-group = "typing"}]
typing = ["mypy>=1.10"]
server = ["uvicorn>=0.30"]

[tool.pdm.dev-dependencies]
bench = ["pytest-benchmark"]

[tool.uv]
dev-dependencies = ["pytest>=8"]
`;

const CATALOG = `[versions]
okhttp = "4.12.0"
junit = { strictly = "5.10.2" }

[libraries]
okhttp = { module = "com.squareup.okhttp3:okhttp", version.ref = "okhttp" }
okhttp-logging = { group = "com.squareup.okhttp3", name = "logging-interceptor", version.ref = "okhttp" }
guava = "com.google.guava:guava:33.2.0-jre"
junit_jupiter = { module = "org.junit.jupiter:junit-jupiter", version.ref = "junit" }
spring-boot-bom = { module = "org.springframework.boot:spring-boot-dependencies", version = "3.3.0" }
unused = "org.example:unused:1.0"

[bundles]
network = ["okhttp", "okhttp-logging"]

[plugins]
kotlin-jvm = { id = "org.jetbrains.kotlin.jvm", version = "2.0.0" }
`;

const GRADLE_WITH_CATALOG = `plugins {
    alias(libs.plugins.kotlin.jvm)
}

dependencies {
    implementation(platform(libs.spring.boot.bom))
    implementation(libs.bundles.network)
    implementation libs.guava
    // implementation(libs.unused)
    testImplementation(libs.junit.jupiter)
    implementation(libs.not.in.catalog)
    implementation(project(":core"))
}
`;

describe('pyproject.toml forms', () => {
  it('reads Poetry groups: dev when the group name is dev-like', () => {
    expect(summary('pyproject.toml', PYPROJECT_POETRY)).toEqual(['django@7', 'pytest@10 dev', 'mkdocs-material@13 dev', 'celery@16']);
  });

  it('reads PEP 621, extras, PEP 735 groups, PDM and uv dev dependencies', () => {
    expect(summary('pyproject.toml', PYPROJECT_PEP735)).toEqual([
      'fastapi@5',
      'sqlalchemy@6',
      'gunicorn@10',
      'pytest-cov@11 dev',
      'ruff@14 dev',
      'mypy@15 dev',
      'uvicorn@16',
      'pytest-benchmark@19 dev',
      'pytest@22 dev',
    ]);
  });

  it('reports malformed TOML', () => {
    const r = read('pyproject.toml', '[tool.poetry.group.dev.dependencies\npytest = "^8"\n');
    expect(r.problem).toMatch(/not valid TOML/);
    expect(r.dependencies).toEqual([]);
  });
});

describe('Gradle version catalogs', () => {
  const catalogText = (path: string) => (path === 'gradle/libs.versions.toml' ? CATALOG : undefined);

  it('resolves libs accessors, bundles and platforms to group:artifact with the catalog version', () => {
    const deps = buildGradleDeps('app/build.gradle.kts', GRADLE_WITH_CATALOG, catalogText);
    expect(deps).toEqual([
      'org.springframework.boot:spring-boot-dependencies:3.3.0@6',
      'com.squareup.okhttp3:okhttp:4.12.0@7',
      'com.squareup.okhttp3:logging-interceptor:4.12.0@7',
      'com.google.guava:guava:33.2.0-jre@8',
      'org.junit.jupiter:junit-jupiter:5.10.2@10 dev',
    ]);
  });

  it('declares nothing from libs accessors without a catalog, and nothing for unused catalog entries', () => {
    expect(buildGradleDeps('app/build.gradle.kts', GRADLE_WITH_CATALOG, () => undefined)).toEqual([]);
    expect(buildGradleDeps('build.gradle', GRADLE_WITH_CATALOG, catalogText).some((d) => d.includes('unused'))).toBe(false);
  });
});

function buildGradleDeps(path: string, text: string, other: (path: string) => string | undefined): string[] {
  const reader = MANIFEST_READERS.find((r) => r.glob === '**/build.gradle{,.kts}')!;
  return reader.read(path, text, { text: other }).dependencies.map((d) => `${d.name}:${d.version ?? '?'}@${d.line ?? '?'}${d.dev ? ' dev' : ''}`);
}

describe('Maven declarations', () => {
  it('takes only the project <dependencies>: managed versions, BOM imports and plugin dependencies are not declarations', () => {
    const pom = `<project>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>org.springframework.boot</groupId>
        <artifactId>spring-boot-dependencies</artifactId>
        <version>3.3.0</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
      <dependency><groupId>io.micrometer</groupId><artifactId>micrometer-core</artifactId><version>1.13.0</version></dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <artifactId>maven-surefire-plugin</artifactId>
        <dependencies>
          <dependency><groupId>org.junit.platform</groupId><artifactId>junit-platform-launcher</artifactId></dependency>
        </dependencies>
      </plugin>
    </plugins>
  </build>
  <profiles>
    <profile>
      <dependencies>
        <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency>
      </dependencies>
    </profile>
  </profiles>
</project>
`;
    expect(summary('pom.xml', pom)).toEqual(['org.springframework.boot:spring-boot-starter-web@15', 'org.postgresql:postgresql@30']);
  });
});

/** Run readDependencies over inline files. */
function readAll(tree: Record<string, string>) {
  return readDependencies(
    Object.keys(tree).map((path) => ({ path })),
    (path) => tree[path],
  );
}

/** `manifest name` plus `=version (lockfile:line)` when locked. */
function locked(tree: Record<string, string>): string[] {
  const r = readAll(tree);
  expect(r.problems).toEqual([]);
  return r.dependencies.map((d) => `${d.manifest} ${d.name}${d.locked ? `=${d.locked.version} (${d.locked.lockfile}:${d.locked.line ?? '?'})` : ''}`);
}

const NPM_WORKSPACE_LOCK = `{
  "name": "platform",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "platform",
      "workspaces": ["packages/*"],
      "devDependencies": { "typescript": "^5.4.0" }
    },
    "node_modules/@platform/api": { "resolved": "packages/api", "link": true },
    "node_modules/bullmq": { "version": "5.7.8", "dependencies": { "ioredis": "^5.4.1" } },
    "node_modules/ioredis": { "version": "5.4.1" },
    "node_modules/typescript": { "version": "5.4.5", "dev": true },
    "node_modules/zod": { "version": "3.23.8" },
    "packages/api": {
      "name": "@platform/api",
      "dependencies": { "bullmq": "^5.7.0", "zod": "~3.22.0" }
    },
    "packages/api/node_modules/zod": { "version": "3.22.4" }
  }
}
`;

describe('readDependencies', () => {
  it('finds workspace-only declarations and pins them from the root lockfile, nested copies first', () => {
    expect(
      locked({
        'package.json': '{"name": "platform", "workspaces": ["packages/*"], "devDependencies": {"typescript": "^5.4.0"}}',
        'packages/api/package.json': '{"name": "@platform/api", "dependencies": {"bullmq": "^5.7.0", "zod": "~3.22.0"}}',
        'package-lock.json': NPM_WORKSPACE_LOCK,
      }),
    ).toEqual([
      'package.json typescript=5.4.5 (package-lock.json:14)',
      'packages/api/package.json bullmq=5.7.8 (package-lock.json:12)',
      'packages/api/package.json zod=3.22.4 (package-lock.json:20)',
    ]);
  });

  it('never declares lockfile-only packages, and leaves projects the lockfile does not cover unpinned', () => {
    expect(
      locked({
        'package.json': '{"name": "platform", "workspaces": ["packages/*"], "devDependencies": {"typescript": "^5.4.0"}}',
        'tools/release/package.json': '{"dependencies": {"zod": "^3.23.0"}}',
        'package-lock.json': NPM_WORKSPACE_LOCK,
      }),
    ).toEqual(['package.json typescript=5.4.5 (package-lock.json:14)', 'tools/release/package.json zod']);
    expect(locked({ 'package-lock.json': NPM_WORKSPACE_LOCK })).toEqual([]);
  });

  it('prefers the nearest lockfile', () => {
    expect(
      locked({
        'package.json': '{"workspaces": ["services/*"]}',
        'package-lock.json': NPM_WORKSPACE_LOCK,
        'services/mailer/package.json': '{"dependencies": {"zod": "^3.0.0"}}',
        'services/mailer/package-lock.json': '{"lockfileVersion": 3, "packages": {"": {"dependencies": {"zod": "^3.0.0"}}, "node_modules/zod": {"version": "3.21.0"}}}',
      }),
    ).toEqual(['services/mailer/package.json zod=3.21.0 (services/mailer/package-lock.json:1)']);
  });

  it('pins Yarn v1 workspaces by the declared range, workspaces taken from package.json, other folders not', () => {
    const yarnLock = '# yarn lockfile v1\n\nlodash@^3.10.1:\n  version "3.10.1"\n\nlodash@^4.17.20, lodash@^4.17.21:\n  version "4.17.21"\n';
    expect(
      locked({
        'package.json': '{"private": true, "workspaces": {"packages": ["apps/*"]}}',
        'apps/web/package.json': '{"dependencies": {"lodash": "^4.17.21"}}',
        'apps/legacy/package.json': '{"dependencies": {"lodash": "^3.10.1"}}',
        'apps/stale/package.json': '{"dependencies": {"lodash": "^4.0.0"}}',
        'scripts/release/package.json': '{"dependencies": {"lodash": "^4.17.21"}}',
        'yarn.lock': yarnLock,
      }),
    ).toEqual([
      'apps/web/package.json lodash=4.17.21 (yarn.lock:6)',
      'apps/legacy/package.json lodash=3.10.1 (yarn.lock:3)',
      'apps/stale/package.json lodash',
      'scripts/release/package.json lodash',
    ]);
  });

  it('pins pnpm workspace members from their importer only', () => {
    const pnpmLock = `lockfileVersion: '9.0'

importers:

  .: {}

  apps/web:
    dependencies:
      react:
        specifier: ^18.2.0
        version: 18.2.0

packages:

  react@17.0.2:
    resolution: {integrity: sha512-a}

  react@18.2.0:
    resolution: {integrity: sha512-b}
`;
    expect(
      locked({
        'package.json': '{"name": "root"}',
        'apps/web/package.json': '{"dependencies": {"react": "^18.2.0"}}',
        'apps/admin/package.json': '{"dependencies": {"react": "^17.0.0"}}',
        'pnpm-lock.yaml': pnpmLock,
      }),
    ).toEqual(['apps/web/package.json react=18.2.0 (pnpm-lock.yaml:18)', 'apps/admin/package.json react']);
  });

  it('lets a Gemfile.lock stand in for a missing Gemfile, with its DEPENDENCIES only', () => {
    const gemfileLock = `GEM
  remote: https://rubygems.org/
  specs:
    racc (1.7.3)
    sidekiq (7.2.4)
      redis-client (>= 0.19.0)
    redis-client (0.22.1)

DEPENDENCIES
  sidekiq (~> 7.2)

BUNDLED WITH
   2.5.9
`;
    const standIn = readAll({ 'worker/Gemfile.lock': gemfileLock });
    expect(standIn.dependencies).toEqual([
      { ecosystem: 'ruby', name: 'sidekiq', version: '~> 7.2', manifest: 'worker/Gemfile.lock', line: 10, dev: false, locked: { version: '7.2.4', lockfile: 'worker/Gemfile.lock', line: 5 } },
    ]);
    expect(locked({ 'worker/Gemfile': "source 'https://rubygems.org'\ngem 'sidekiq'\ngem 'rack'\n", 'worker/Gemfile.lock': gemfileLock })).toEqual([
      'worker/Gemfile sidekiq=7.2.4 (worker/Gemfile.lock:5)',
      'worker/Gemfile rack',
    ]);
  });

  it('does not let a Pipfile.lock stand in: its sections hold transitive packages too', () => {
    const pipfileLock = '{"_meta": {}, "default": {"certifi": {"version": "==2024.2.2"}, "requests": {"version": "==2.31.0"}}, "develop": {"pytest": {"version": "==8.2.0"}}}';
    expect(locked({ 'Pipfile.lock': pipfileLock })).toEqual([]);
    expect(locked({ Pipfile: '[packages]\nrequests = "*"\n\n[dev-packages]\npytest = "*"\n', 'Pipfile.lock': pipfileLock })).toEqual([
      'Pipfile requests=2.31.0 (Pipfile.lock:1)',
      'Pipfile pytest=8.2.0 (Pipfile.lock:1)',
    ]);
  });

  it('pins Python, PHP, .NET and Gradle declarations from the lockfile beside them', () => {
    expect(
      locked({
        'api/pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.11"\nDjango-Extensions = "^3.2"\n',
        'api/poetry.lock': '[[package]]\nname = "django-extensions"\nversion = "3.2.3"\n\n[[package]]\nname = "django"\nversion = "5.0.6"\n',
        'web/composer.json': '{"require": {"Monolog/Monolog": "^3.6"}}',
        'web/composer.lock': '{"packages": [{"name": "monolog/monolog", "version": "3.6.0"}], "packages-dev": []}',
        'src/Api/Api.csproj': '<Project><ItemGroup><PackageReference Include="polly" Version="8.4.0" /></ItemGroup></Project>',
        'src/Api/packages.lock.json': '{"version": 1, "dependencies": {"net8.0": {"Polly": {"type": "Direct", "resolved": "8.4.0"}}}}',
        'src/Worker/Worker.csproj': '<Project><ItemGroup><PackageReference Include="Polly" Version="8.4.0" /></ItemGroup></Project>',
        'app/build.gradle.kts': 'dependencies {\n    implementation(libs.guava)\n}\n',
        'gradle/libs.versions.toml': '[libraries]\nguava = "com.google.guava:guava:33.2.0-jre"\n',
        'app/gradle.lockfile': 'com.google.guava:guava:33.2.0-jre=compileClasspath,runtimeClasspath\nempty=\n',
      }),
    ).toEqual([
      'api/pyproject.toml django-extensions=3.2.3 (api/poetry.lock:2)',
      'web/composer.json Monolog/Monolog=3.6.0 (web/composer.lock:1)',
      'src/Api/Api.csproj polly=8.4.0 (src/Api/packages.lock.json:1)',
      'src/Worker/Worker.csproj Polly',
      'app/build.gradle.kts com.google.guava:guava=33.2.0-jre (app/gradle.lockfile:1)',
    ]);
  });

  it('reports unreadable lockfiles and catalogs by path, and still reads the manifests', () => {
    const r = readAll({
      'package.json': '{"dependencies": {"express": "^4.19.2"}}',
      'package-lock.json': '{"lockfileVersion": 3, "packages": {',
      'gradle/libs.versions.toml': '[libraries\nguava = "x"\n',
      'Gemfile.lock': '',
    });
    expect(r.dependencies.map((d) => [d.name, d.locked])).toEqual([['express', undefined]]);
    expect(r.problems.map((p) => p.path)).toEqual(['gradle/libs.versions.toml', 'package-lock.json', 'Gemfile.lock']);
    expect(r.problems.every((p) => p.message.length > 0)).toBe(true);
  });

  it('exports every glob it reads', () => {
    for (const path of ['package.json', 'a/yarn.lock', 'pnpm-lock.yaml', 'poetry.lock', 'uv.lock', 'Pipfile.lock', 'Gemfile.lock', 'composer.lock', 'src/A/packages.lock.json', 'src/A/packages.A.lock.json', 'gradle.lockfile', 'gradle/libs.versions.toml', 'npm-shrinkwrap.json']) {
      expect(globMatcher(DEPENDENCY_FILE_GLOBS)(path)).toBe(true);
    }
  });
});
