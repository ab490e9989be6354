import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../core/types.ts';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string>): string => JSON.stringify({ name: 'api', dependencies: deps }, null, 2);
const ERL = { 'package.json': pkg({ express: '4', 'express-rate-limit': '7' }), 'src/limits.ts': "import rateLimit from 'express-rate-limit';\nexport const limiter = rateLimit({ max: 100 });\n" };

describe('uses-rate-limiting', () => {
  it.each<[string, Files, Outcome, string[]]>([
    ['express-rate-limit applied globally', { ...ERL, 'src/app.ts': 'app.use(limiter);\n' }, 'yes', ['src/limits.ts:1', 'src/app.ts:1']],
    ['express-rate-limit on a route', { ...ERL, 'src/app.ts': "app.post('/login', loginLimiter, login);\n" }, 'yes', ['src/limits.ts:1', 'src/app.ts:1']],
    [
      'Nest @Throttle',
      { 'package.json': pkg({ '@nestjs/throttler': '5' }), 'src/auth.controller.ts': "import { Throttle } from '@nestjs/throttler';\n@Throttle({ default: { limit: 3, ttl: 60000 } })\nexport class AuthController {}\n" },
      'yes',
      ['src/auth.controller.ts:1', 'src/auth.controller.ts:2'],
    ],
    ['fastify plugin', { 'package.json': pkg({ '@fastify/rate-limit': '9' }), 'src/server.ts': "import rateLimit from '@fastify/rate-limit';\nawait app.register(rateLimit, { max: 100 });\n" }, 'yes', ['src/server.ts:1', 'src/server.ts:2']],
    ['slowapi decorator', { 'requirements.txt': 'slowapi\n', 'app/main.py': 'from slowapi import Limiter\n\n@app.get("/items")\n@limiter.limit("5/minute")\nasync def items(request):\n    pass\n' }, 'yes', ['app/main.py:1', 'app/main.py:4']],
    ['Rack::Attack throttle', { 'config/initializers/rack_attack.rb': "Rack::Attack.throttle('req/ip', limit: 300, period: 5.minutes) do |req|\n  req.ip\nend\n" }, 'yes', ['config/initializers/rack_attack.rb:1']],
    [
      'go-chi httprate on the router',
      { 'go.mod': 'module x\n\nrequire github.com/go-chi/httprate v0.9.0\n', 'cmd/main.go': 'package main\n\nimport "github.com/go-chi/httprate"\n\nfunc main() {\n\tr.Use(httprate.LimitByIP(100, time.Minute))\n}\n' },
      'yes',
      ['cmd/main.go:3', 'cmd/main.go:6'],
    ],
    ['Echo RateLimiter middleware', { 'go.mod': 'module x\n', 'main.go': 'package main\n\nfunc main() {\n\te.Use(middleware.RateLimiter(middleware.NewRateLimiterMemoryStore(20)))\n}\n' }, 'yes', ['main.go:4']],
    [
      'Bucket4j in a servlet filter',
      {
        'pom.xml': '<project><dependencies><dependency><groupId>com.bucket4j</groupId><artifactId>bucket4j-core</artifactId></dependency></dependencies></project>',
        'src/main/java/com/acme/RateLimitFilter.java': 'package com.acme;\n\nimport io.github.bucket4j.Bucket;\n\nclass RateLimitFilter {\n  Bucket bucket = Bucket.builder().build();\n  boolean allow() { return bucket.tryConsume(1); }\n}\n',
      },
      'yes',
      ['src/main/java/com/acme/RateLimitFilter.java:3', 'src/main/java/com/acme/RateLimitFilter.java:6', 'src/main/java/com/acme/RateLimitFilter.java:7'],
    ],
    ['Laravel throttle middleware on the API routes', { 'composer.json': '{ "require": { "laravel/framework": "^11.0" } }\n', 'routes/api.php': "<?php\nRoute::middleware(['auth:sanctum', 'throttle:api'])->group(function () {\n    Route::get('/orders', [OrderController::class, 'index']);\n});\n" }, 'yes', ['routes/api.php:2']],
    ['ASP.NET AspNetCoreRateLimit', { 'Api/Program.cs': 'var app = builder.Build();\napp.UseIpRateLimiting();\n' }, 'yes', ['Api/Program.cs:2']],
    [
      'Go throttles only outbound calls with x/time/rate',
      { 'go.mod': 'module x\n\nrequire golang.org/x/time v0.5.0\n', 'client.go': 'package x\n\nimport "golang.org/x/time/rate"\n\nvar limiter = rate.NewLimiter(10, 1)\n' },
      'no',
      [],
    ],
    [
      'Bucket4j only in a test',
      {
        'pom.xml': '<project><dependencies><dependency><groupId>com.bucket4j</groupId><artifactId>bucket4j-core</artifactId><scope>test</scope></dependency></dependencies></project>',
        'src/test/java/com/acme/LimitTest.java': 'package com.acme;\n\nimport io.github.bucket4j.Bucket;\n\nclass LimitTest { Bucket b = Bucket.builder().build(); }\n',
      },
      'no',
      [],
    ],
    ['httprate named only in a comment', { 'go.mod': 'module x\n', 'main.go': 'package main\n\n// r.Use(httprate.LimitByIP(100, time.Minute))\nfunc main() {}\n' }, 'no', []],
    ['the library is imported but its use is not recognised', { ...ERL, 'src/app.ts': 'export default app;\n' }, 'unknown', ['src/limits.ts:1']],
    ['no library at all, though a function is named limiter', { 'package.json': pkg({ express: '4' }), 'src/app.ts': 'app.use(limiter);\n' }, 'no', []],
    ['the application is commented out and the import is in a test', { 'package.json': pkg({ 'express-rate-limit': '7' }), 'src/app.ts': '// app.use(limiter);\n', 'src/app.test.ts': "import rateLimit from 'express-rate-limit';\napp.use(rateLimit());\n" }, 'no', []],
    ['only the README configures it', { 'package.json': pkg({}), 'README.md': "import rateLimit from 'express-rate-limit'\napp.use(rateLimit())\n" }, 'no', []],
  ])('%s', async (_name, files, expected, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe(expected);
    expect(locations(r)).toEqual(locs);
  });
});

describe('uses-rate-limiting in Rails', () => {
  it('counts a Rails 7.2 controller rate_limit, not a commented one', async () => {
    const ctrl = (line: string): Files => ({ Gemfile: 'gem "rails", "~> 7.2"\n', 'app/controllers/sessions_controller.rb': `class SessionsController < ApplicationController\n  ${line}\nend\n` });
    const r = await detect(detector, ctrl('rate_limit to: 10, within: 3.minutes, only: :create'));
    expect([r.outcome, locations(r)]).toEqual(['yes', ['app/controllers/sessions_controller.rb:2']]);
    expect((await detect(detector, ctrl('# rate_limit to: 10, within: 3.minutes'))).outcome).toBe('no');
  });
});
