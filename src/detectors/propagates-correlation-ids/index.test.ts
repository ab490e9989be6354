import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string> = {}): string => JSON.stringify({ name: 'app', dependencies: deps }, null, 2);

describe('propagates-correlation-ids', () => {
  it.each([
    ['an x-request-id header read and forwarded', {
      'package.json': pkg({ express: '4' }),
      'src/mw/request-id.ts': "export function requestId(req, res, next) {\n  const id = req.get('X-Request-Id') ?? randomUUID();\n  res.setHeader('x-request-id', id);\n  next();\n}\n",
    }, ['src/mw/request-id.ts:2', 'src/mw/request-id.ts:3']],
    ['pino-http genReqId', {
      'package.json': pkg({ 'pino-http': '10' }),
      'src/http.ts': "import pinoHttp from 'pino-http';\nexport const mw = pinoHttp({\n  genReqId: (req) => req.id,\n});\n",
    }, ['src/http.ts:3']],
    ['AsyncLocalStorage holding a request id', {
      'package.json': pkg(),
      'src/ctx.ts': "import { AsyncLocalStorage } from 'node:async_hooks';\nexport const als = new AsyncLocalStorage<{ requestId: string }>();\n",
    }, ['src/ctx.ts:1']],
    ['cls-rtracer', { 'package.json': pkg({ 'cls-rtracer': '2' }), 'src/app.js': "const rTracer = require('cls-rtracer');\n" }, ['src/app.js:1']],
    ['OpenTelemetry auto-instrumentations', {
      'package.json': pkg({ '@opentelemetry/auto-instrumentations-node': '0.50' }),
      'src/otel.ts': "import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';\n",
    }, ['src/otel.ts:1']],
    ['explicit OpenTelemetry propagation', {
      'package.json': pkg({ '@opentelemetry/api': '1' }),
      'src/client.ts': "import { context, propagation } from '@opentelemetry/api';\nconst headers = {};\npropagation.inject(context.active(), headers);\n",
    }, ['src/client.ts:3']],
    ['python asgi-correlation-id', {
      'requirements.txt': 'asgi-correlation-id==4.3\n',
      'app/main.py': 'from asgi_correlation_id import CorrelationIdMiddleware\n',
    }, ['app/main.py:1']],
    ['go otelhttp', { 'main.go': 'package main\nfunc main() {\n\thandler := otelhttp.NewHandler(mux, "api")\n}\n' }, ['main.go:3']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['only CORS lists the header', {
      'package.json': pkg({ cors: '2' }),
      'src/app.ts': "app.use(cors({ allowedHeaders: ['Content-Type', 'X-Request-Id'] }));\napp.use(cors({\n  exposedHeaders: [\n    'X-Request-Id',\n  ],\n}));\n",
    }],
    ['a README and a comment mention it', { 'package.json': pkg(), 'README.md': "Send 'x-request-id'.\n", 'src/a.ts': "// req.get('x-request-id')\n" }],
    ['only tests set the header', { 'package.json': pkg(), 'src/a.test.ts': "request.set('x-request-id', '1');\n" }],
    ['AsyncLocalStorage holds something else', { 'package.json': pkg(), 'src/tx.ts': "import { AsyncLocalStorage } from 'node:async_hooks';\nexport const tx = new AsyncLocalStorage<Transaction>();\n" }],
    ['only the OpenTelemetry API is imported', { 'package.json': pkg({ '@opentelemetry/api': '1' }), 'src/t.ts': "import { trace } from '@opentelemetry/api';\n" }],
    ['request-ip is used (client IPs, not ids)', { 'package.json': pkg({ 'request-ip': '3' }), 'src/ip.ts': "import requestIp from 'request-ip';\n" }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });

  it.each([
    ["chi's RequestID middleware", {
      'go.mod': 'module x\n\ngo 1.22\n\nrequire github.com/go-chi/chi/v5 v5.0.12\n',
      'main.go': 'package main\n\nimport (\n\t"github.com/go-chi/chi/v5"\n\t"github.com/go-chi/chi/v5/middleware"\n)\n\nfunc main() {\n\tr := chi.NewRouter()\n\tr.Use(middleware.RequestID)\n}\n',
    }, ['main.go:10']],
    ['django-guid enabled in settings', {
      'requirements.txt': 'Django==5.0\ndjango-guid==3.5.0\n',
      'shop/settings.py': 'MIDDLEWARE = [\n    "django_guid.middleware.guid_middleware",\n]\n',
    }, ['shop/settings.py:2']],
    ['Micrometer Tracing in Spring Boot', {
      'pom.xml': '<project>\n  <dependencies>\n    <dependency><groupId>io.micrometer</groupId><artifactId>micrometer-tracing-bridge-brave</artifactId></dependency>\n  </dependencies>\n</project>\n',
    }, ['pom.xml:3']],
  ])('answers yes for %s (fixes)', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['a local middleware package has a RequestID function (not chi)', {
      'go.mod': 'module github.com/acme/x\n\ngo 1.22\n',
      'main.go': 'package main\n\nimport "github.com/acme/x/internal/middleware"\n\nvar _ = middleware.RequestID\n',
    }],
    ['chi middleware is mounted without RequestID', {
      'go.mod': 'module x\n\ngo 1.22\n\nrequire github.com/go-chi/chi/v5 v5.0.12\n',
      'main.go': 'package main\n\nimport "github.com/go-chi/chi/v5/middleware"\n\nfunc main() {\n\t// r.Use(middleware.RequestID)\n\tr.Use(middleware.Logger)\n}\n',
    }],
    ['django_guid is in settings but not declared', { 'requirements.txt': 'Django==5.0\n', 'shop/settings.py': 'MIDDLEWARE = ["django_guid.middleware.guid_middleware"]\n' }],
  ])('answers no when %s (traps)', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
