import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string> = {}): string => JSON.stringify({ name: 'app', dependencies: deps }, null, 2);

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
    ['spring micrometer prometheus registry', { 'pom.xml': '<project>\n  <dependency><artifactId>micrometer-registry-prometheus</artifactId></dependency>\n</project>\n' }, ['pom.xml:2']],
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
});
