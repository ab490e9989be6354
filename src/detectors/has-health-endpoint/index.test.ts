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
    ['the Rails 7.1 health route', { 'Gemfile': 'gem "rails"\n', 'config/routes.rb': 'Rails.application.routes.draw do\n  resources :orders\n  get "up" => "rails/health#show", as: :rails_health_check\nend\n' }, ['config/routes.rb:3']],
    ['a Rails healthz route', { 'Gemfile': 'gem "rails"\n', 'config/routes.rb': "Rails.application.routes.draw do\n  get '/healthz', to: 'health#show'\nend\n" }, ['config/routes.rb:2']],
    ['a Sinatra route', { 'Gemfile': 'gem "sinatra"\n', 'app.rb': "require 'sinatra'\nget '/health' do\n  'ok'\nend\n" }, ['app.rb:2']],
    ['a Laravel route', { 'composer.json': '{}', 'routes/api.php': "<?php\nRoute::get('/health', fn () => response()->json(['ok' => true]));\n" }, ['routes/api.php:2']],
    ['Laravel 11 withRouting health', { 'composer.json': '{}', 'bootstrap/app.php': "<?php\nreturn Application::configure(basePath: dirname(__DIR__))\n    ->withRouting(web: __DIR__.'/../routes/web.php', health: '/up')\n    ->create();\n" }, ['bootstrap/app.php:3']],
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
    ['the Rails health route is commented out', { 'Gemfile': 'gem "rails"\n', 'config/routes.rb': 'Rails.application.routes.draw do\n  # get "up" => "rails/health#show", as: :rails_health_check\n  resources :orders\nend\n' }],
    ['a Ruby request spec calls /health', { 'Gemfile': 'gem "rails"\n', 'spec/requests/health_spec.rb': "it 'is up' do\n  get '/health'\nend\n" }],
    ['a Ruby client calls a dependency', { 'Gemfile': 'gem "faraday"\n', 'lib/probe.rb': "conn.get('/health')\n" }],
    ['a Laravel test calls /health', { 'composer.json': '{}', 'tests/Feature/HealthTest.php': "<?php\n$this->get('/health')->assertOk();\n" }],
    ['an example server has one', { 'package.json': pkg(), 'examples/server.ts': "app.get('/health', ok);\n" }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
