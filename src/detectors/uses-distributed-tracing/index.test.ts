import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import { describeOtelDistro } from '../../../test/shared/otel-distro.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string> = {}, scripts: Record<string, string> = {}): string =>
  JSON.stringify({ name: 'app', scripts, dependencies: deps }, null, 2);

const pom = (deps: string): string => `<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.acme</groupId>\n  <artifactId>app</artifactId>\n  <dependencies>\n    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>\n${deps}  </dependencies>\n</project>\n`;

describe('uses-distributed-tracing', () => {
  it.each([
    ['the OpenTelemetry Node SDK', {
      'package.json': pkg({ '@opentelemetry/sdk-node': '0.50', '@opentelemetry/auto-instrumentations-node': '0.50' }),
      'src/tracing.ts': "import { NodeSDK } from '@opentelemetry/sdk-node';\nimport { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';\n",
    }, ['src/tracing.ts:1', 'src/tracing.ts:2']],
    ['dd-trace', { 'package.json': pkg({ 'dd-trace': '5' }), 'src/index.js': "require('dd-trace').init();\n" }, ['src/index.js:1']],
    ['Sentry with a traces sample rate', {
      'package.json': pkg({ '@sentry/node': '8' }),
      'src/sentry.ts': "import * as Sentry from '@sentry/node';\nSentry.init({ dsn, tracesSampleRate: 0.2 });\n",
    }, ['src/sentry.ts:2']],
    ['the OpenTelemetry agent preloaded in the Dockerfile', {
      'package.json': pkg({ '@opentelemetry/auto-instrumentations-node': '0.50' }),
      Dockerfile: 'FROM node:20\nCMD ["node", "--require", "@opentelemetry/auto-instrumentations-node/register", "dist/main.js"]\n',
    }, ['Dockerfile:2']],
    ['python sdk setup', { 'requirements.txt': 'opentelemetry-sdk\n', 'app/otel.py': 'from opentelemetry.sdk.trace import TracerProvider\n' }, ['app/otel.py:1']],
    ['python sentry with traces_sample_rate', { 'requirements.txt': 'sentry-sdk\n', 'app/main.py': 'import sentry_sdk\nsentry_sdk.init(dsn=DSN, traces_sample_rate=1.0)\n' }, ['app/main.py:2']],
    ['ddtrace-run in a Procfile', { Procfile: 'web: ddtrace-run gunicorn app:app\n' }, ['Procfile:1']],
    ['go OpenTelemetry SDK', { 'main.go': 'package main\nimport (\n\tsdktrace "go.opentelemetry.io/otel/sdk/trace"\n)\n' }, ['main.go:3']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['Sentry without tracing', { 'package.json': pkg({ '@sentry/node': '8' }), 'src/s.ts': "import * as Sentry from '@sentry/node';\nSentry.init({ dsn });\n" }],
    ['Sentry with a zero sample rate', { 'package.json': pkg({ '@sentry/node': '8' }), 'src/s.ts': "import * as Sentry from '@sentry/node';\nSentry.init({ dsn, tracesSampleRate: 0 });\n" }],
    ['only the OpenTelemetry API is used', { 'package.json': pkg({ '@opentelemetry/api': '1' }), 'src/a.ts': "import { trace } from '@opentelemetry/api';\n" }],
    ['python imports only the API', { 'requirements.txt': 'opentelemetry-api\n', 'app/a.py': 'from opentelemetry import trace\n' }],
    ['only a test imports dd-trace', { 'package.json': pkg({ 'dd-trace': '5' }), 'test/t.test.js': "require('dd-trace')\n" }],
    ['only a README or comment mentions it', { 'package.json': pkg({ 'dd-trace': '5' }), 'README.md': "require('dd-trace')\n", 'src/a.js': "// require('dd-trace').init()\n" }],
    ['a CI job preloads an agent', { '.github/workflows/ci.yml': 'jobs:\n  t:\n    steps:\n      - run: node -r dd-trace/init test.js\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });

  it.each([
    ['opentelemetry-instrument in an exec-form Docker CMD', {
      'requirements.txt': 'fastapi\nopentelemetry-distro\n',
      Dockerfile: 'FROM python:3.12-slim\nCMD ["opentelemetry-instrument", "uvicorn", "app.main:app"]\n',
    }, ['Dockerfile:2']],
    ['ddtrace-run in a Procfile', { 'requirements.txt': 'ddtrace\n', Procfile: 'web: ddtrace-run gunicorn app:app\n' }, ['Procfile:1']],
    ['the Micrometer Tracing OTel bridge in Spring Boot', {
      'pom.xml': pom('    <dependency><groupId>io.micrometer</groupId><artifactId>micrometer-tracing-bridge-otel</artifactId></dependency>\n'),
    }, ['pom.xml:7']],
    ['OpenTelemetry tracing in ASP.NET Core', {
      'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup><PackageReference Include="OpenTelemetry.Extensions.Hosting" Version="1.9.0" /></ItemGroup>\n</Project>\n',
      'Api/Program.cs': 'using OpenTelemetry.Trace;\nvar builder = WebApplication.CreateBuilder(args);\n',
    }, ['Api/Program.cs:1']],
  ])('answers yes for %s (fixes)', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['the Micrometer Tracing bridge has test scope', {
      'pom.xml': pom('    <dependency><groupId>io.micrometer</groupId><artifactId>micrometer-tracing-bridge-otel</artifactId><scope>test</scope></dependency>\n'),
    }],
    ['the Java agent line is commented out', { Dockerfile: 'FROM eclipse-temurin:21\n# ENTRYPOINT ["java", "-javaagent:/otel/opentelemetry-javaagent.jar", "-jar", "app.jar"]\n' }],
    ['opentelemetry-instrumentation packages are only listed', { 'requirements.txt': 'opentelemetry-instrumentation-flask\n', 'app/a.py': 'import flask\n' }],
    ['the .NET OpenTelemetry tracing is only in a test project', {
      'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup><PackageReference Include="OpenTelemetry" Version="1.9.0" /></ItemGroup>\n</Project>\n',
      'Api.Tests/TraceTests.cs': 'using OpenTelemetry.Trace;\n',
    }],
  ])('answers no when %s (traps)', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});

describe('uses-distributed-tracing in Rails and Laravel', () => {
  const sentry = JSON.stringify({ require: { 'sentry/sentry-laravel': '^4' } });
  const app = "<?php\nuse Sentry\\Laravel\\Integration;\n";

  it('counts the OpenTelemetry SDK by constant and Sentry with a traces sample rate', async () => {
    const otel = await detect(detector, { Gemfile: 'gem "rails"\ngem "opentelemetry-sdk"\n', 'config/initializers/otel.rb': 'OpenTelemetry::SDK.configure do |c|\n  c.use_all\nend\n' });
    expect([otel.outcome, locations(otel)]).toEqual(['yes', ['config/initializers/otel.rb:1']]);
    const rate = await detect(detector, { 'composer.json': sentry, 'bootstrap/app.php': app, 'config/sentry.php': "<?php\nreturn [\n    'traces_sample_rate' => 0.25,\n];\n" });
    expect(rate.outcome).toBe('yes');
    const ruby = await detect(detector, { Gemfile: 'gem "sentry-ruby"\n', 'config/initializers/sentry.rb': 'Sentry.init do |config|\n  config.traces_sample_rate = 0.1\nend\n' });
    expect(ruby.outcome).toBe('yes');
  });

  it('not for the published Laravel config, a zero rate or a test-group gem', async () => {
    const published = "<?php\nreturn [\n    'traces_sample_rate' => env('SENTRY_TRACES_SAMPLE_RATE') === null ? null : (float) env('SENTRY_TRACES_SAMPLE_RATE'),\n];\n";
    expect((await detect(detector, { 'composer.json': sentry, 'bootstrap/app.php': app, 'config/sentry.php': published })).outcome).toBe('no');
    expect((await detect(detector, { 'composer.json': sentry, 'bootstrap/app.php': app, 'config/sentry.php': "<?php\nreturn ['traces_sample_rate' => 0.0,\n];\n" })).outcome).toBe('no');
    expect((await detect(detector, { Gemfile: 'gem "rails"\ngroup :test do\n  gem "opentelemetry-sdk"\nend\n', 'spec/otel.rb': 'OpenTelemetry::SDK.configure { |c| c.use_all }\n' })).outcome).toBe('no');
  });
});

describeOtelDistro(detector);
