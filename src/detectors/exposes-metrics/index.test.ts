import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import { describeOtelDistro } from '../../../test/shared/otel-distro.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string> = {}): string => JSON.stringify({ name: 'app', dependencies: deps }, null, 2);

const pom = (deps: string): string => `<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.acme</groupId>\n  <artifactId>app</artifactId>\n  <dependencies>\n    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>\n${deps}  </dependencies>\n</project>\n`;

describe('exposes-metrics', () => {
  it.each([
    ['prom-client', { 'package.json': pkg({ 'prom-client': '15' }), 'src/metrics.ts': "import client from 'prom-client';\nexport const hits = new client.Counter({ name: 'hits', help: 'h' });\n" }, ['src/metrics.ts:1']],
    ['hot-shots (StatsD)', { 'package.json': pkg({ 'hot-shots': '10' }), 'src/statsd.js': "const StatsD = require('hot-shots');\n" }, ['src/statsd.js:1']],
    ['the OpenTelemetry Node SDK with a metric reader', {
      'package.json': pkg({ '@opentelemetry/sdk-node': '0.50' }),
      'src/otel.ts': "import { NodeSDK } from '@opentelemetry/sdk-node';\nnew NodeSDK({\n  metricReader: reader,\n}).start();\n",
    }, ['src/otel.ts:3']],
    ['python prometheus_client', { 'requirements.txt': 'prometheus-client==0.20\n', 'app/metrics.py': 'from prometheus_client import Counter\n' }, ['app/metrics.py:1']],
    ['python OpenTelemetry metrics SDK', { 'requirements.txt': 'opentelemetry-sdk\n', 'app/otel.py': 'from opentelemetry.sdk.metrics import MeterProvider\n' }, ['app/otel.py:1']],
    ['go client_golang', { 'main.go': 'package main\n\nimport "github.com/prometheus/client_golang/prometheus/promhttp"\n' }, ['main.go:3']],
    ['spring micrometer prometheus registry', { 'pom.xml': '<project>\n  <dependencies>\n    <dependency><groupId>io.micrometer</groupId><artifactId>micrometer-registry-prometheus</artifactId></dependency>\n  </dependencies>\n</project>\n' }, ['pom.xml:3']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['only the OpenTelemetry API is imported', { 'package.json': pkg({ '@opentelemetry/api': '1' }), 'src/a.ts': "import { metrics } from '@opentelemetry/api';\n" }],
    ['python imports only the OpenTelemetry tracing SDK', { 'requirements.txt': 'opentelemetry-sdk\n', 'app/t.py': 'from opentelemetry.sdk.trace import TracerProvider\nfrom opentelemetry import trace\n' }],
    ['only a README mentions prom-client', { 'package.json': pkg(), 'README.md': "import client from 'prom-client'\n" }],
    ['the import is commented out', { 'package.json': pkg({ 'prom-client': '15' }), 'src/a.ts': "// import client from 'prom-client';\n" }],
    ['only a test imports it', { 'package.json': pkg({ 'prom-client': '15' }), 'src/m.spec.ts': "import client from 'prom-client';\n" }],
    ['only an example imports it', { 'package.json': pkg({ 'prom-client': '15' }), 'examples/m.ts': "import client from 'prom-client';\n" }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });

  it.each([
    ['prometheus-net in ASP.NET Core', {
      'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup><PackageReference Include="prometheus-net.AspNetCore" Version="8.2.1" /></ItemGroup>\n</Project>\n',
      'Api/Program.cs': 'using Prometheus;\nvar app = WebApplication.CreateBuilder(args).Build();\napp.UseHttpMetrics();\n',
    }, ['Api/Program.cs:1']],
    ['django-prometheus enabled in settings', {
      'requirements.txt': 'Django==5.0\ndjango-prometheus==2.3.1\n',
      'shop/settings.py': 'INSTALLED_APPS = [\n    "django.contrib.admin",\n    "django_prometheus",\n]\n',
    }, ['shop/settings.py:3']],
    ['a Micrometer registry declared for runtime in the pom', {
      'pom.xml': pom('    <dependency><groupId>io.micrometer</groupId><artifactId>micrometer-registry-prometheus</artifactId><scope>runtime</scope></dependency>\n'),
    }, ['pom.xml:7']],
  ])('answers yes for %s (fixes)', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['the Micrometer registry is commented out of the pom', {
      'pom.xml': pom('    <!--\n    <dependency><groupId>io.micrometer</groupId><artifactId>micrometer-registry-prometheus</artifactId></dependency>\n    -->\n'),
    }],
    ['the Micrometer registry has test scope', {
      'pom.xml': pom('    <dependency><groupId>io.micrometer</groupId><artifactId>micrometer-registry-prometheus</artifactId><scope>test</scope></dependency>\n'),
    }],
    ['django_prometheus is in settings but not declared', { 'requirements.txt': 'Django==5.0\n', 'shop/settings.py': 'INSTALLED_APPS = ["django_prometheus"]\n' }],
    ['django_prometheus is only in a commented-out settings line', { 'requirements.txt': 'django-prometheus\n', 'shop/settings.py': '# INSTALLED_APPS += ["django_prometheus"]\n' }],
  ])('answers no when %s (traps)', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});

describeOtelDistro(detector);
