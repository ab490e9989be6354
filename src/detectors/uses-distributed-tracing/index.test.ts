import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string> = {}, scripts: Record<string, string> = {}): string =>
  JSON.stringify({ name: 'app', scripts, dependencies: deps }, null, 2);

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
});
