import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string> = {}): string => JSON.stringify({ name: 'app', dependencies: deps }, null, 2);

describe('has-health-endpoint', () => {
  it.each([
    ['express /healthz and /readyz', {
      'package.json': pkg({ express: '4' }),
      'src/app.ts': "app.get('/healthz', (_req, res) => res.send('ok'));\nrouter.get(\"/api/v1/readyz\", ready);\n",
    }, ['src/app.ts:1', 'src/app.ts:2']],
    ['a Nest controller', { 'package.json': pkg(), 'src/health.controller.ts': "@Controller('health')\nexport class HealthController {}\n" }, ['src/health.controller.ts:1']],
    ['a fastify route object', { 'package.json': pkg(), 'src/routes.ts': "fastify.route({ method: 'GET', url: '/health', handler });\n" }, ['src/routes.ts:1']],
    ['FastAPI', { 'requirements.txt': 'fastapi\n', 'app/main.py': '@app.get("/health")\ndef health():\n    return {"ok": True}\n' }, ['app/main.py:1']],
    ['Django path', { 'requirements.txt': 'django\n', 'app/urls.py': "urlpatterns = [path('ping/', views.ping)]\n" }, ['app/urls.py:1']],
    ['Go net/http', { 'main.go': 'package main\nfunc main() {\n\thttp.HandleFunc("/healthz", ok)\n}\n' }, ['main.go:3']],
    ['Spring GetMapping', { 'src/main/java/H.java': 'class H {\n  @GetMapping("/status/health")\n  String h() { return "ok"; }\n}\n' }, ['src/main/java/H.java:2']],
    ['@nestjs/terminus', { 'package.json': pkg({ '@nestjs/terminus': '10' }), 'src/h.ts': "import { TerminusModule } from '@nestjs/terminus';\n" }, ['src/h.ts:1']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['only a test calls /health', { 'package.json': pkg(), 'src/app.test.ts': "await request(app).get('/health');\n" }],
    ['the route is commented out', { 'package.json': pkg(), 'src/app.ts': "// app.get('/health', ok);\n" }],
    ['a README documents it', { 'package.json': pkg(), 'README.md': "app.get('/health')\n" }],
    ['a route merely contains the word', { 'package.json': pkg(), 'src/app.ts': "app.get('/health-insurance/quotes', q);\napp.get('/pingdom-report', r);\n" }],
    ['a generated API client names the URL', { 'package.json': pkg(), 'src/client/sdk.gen.ts': "return client.get({ url: '/api/v1/utils/health-check/' });\n" }],
    ['a client calls another service', { 'package.json': pkg(), 'src/probe.ts': "await axios.get('/health');\nawait http.get('/healthz');\n" }],
    ['an example server has one', { 'package.json': pkg(), 'examples/server.ts': "app.get('/health', ok);\n" }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
