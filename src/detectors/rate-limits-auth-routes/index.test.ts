import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../core/types.ts';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string>): string => JSON.stringify({ name: 'api', dependencies: deps }, null, 2);
const ERL = { 'package.json': pkg({ express: '4', 'express-rate-limit': '7' }), 'src/limits.ts': "import rateLimit from 'express-rate-limit';\nexport const limiter = rateLimit({ max: 100 });\n" };
const app = (body: string): Files => ({ ...ERL, 'src/app.ts': `import express from 'express';\nconst app = express();\n${body}\n` });

describe('rate-limits-auth-routes', () => {
  it.each<[string, Files, Outcome, string[]]>([
    ['a global limiter', app("app.use(limiter);\napp.post('/orders', create);"), 'yes', ['src/app.ts:3']],
    ['a limiter on the login route', app("app.post('/orders', create);\nrouter.post('/login', loginLimiter, login);"), 'yes', ['src/app.ts:4']],
    ['an /api limiter with auth mounted under /api', app("app.use('/api', apiLimiter);\napp.use('/api/auth', authRouter);"), 'yes', ['src/app.ts:3']],
    [
      'an /api limiter and routers mounted under /api that hold /auth',
      { ...app("app.use('/api', apiLimiter);\napp.use('/api', routes);"), 'src/routes/index.ts': "router.use('/auth', authRouter);\n" },
      'yes',
      ['src/app.ts:3'],
    ],
    [
      'a Nest global ThrottlerGuard',
      { 'package.json': pkg({ '@nestjs/throttler': '5' }), 'src/app.module.ts': "import { ThrottlerModule, ThrottlerGuard } from '@nestjs/throttler';\nexport const providers = [\n  { provide: APP_GUARD, useClass: ThrottlerGuard },\n];\n" },
      'yes',
      ['src/app.module.ts:3'],
    ],
    [
      'a Flask-Limiter decorator on the login view',
      { 'requirements.txt': 'flask\nflask-limiter\n', 'app/views.py': 'from flask_limiter import Limiter\n\n@app.route("/login", methods=["POST"])\n@limiter.limit("5 per minute")\ndef login():\n    pass\n' },
      'yes',
      ['app/views.py:4'],
    ],
    ['a fastify global plugin', { 'package.json': pkg({ '@fastify/rate-limit': '9' }), 'src/server.ts': "import rateLimit from '@fastify/rate-limit';\nawait app.register(rateLimit, { max: 100 });\n" }, 'yes', ['src/server.ts:2']],
    [
      'a Rack::Attack throttle on the sign-in path',
      { 'config/initializers/rack_attack.rb': 'class Rack::Attack\n  throttle("logins/ip", limit: 5, period: 20.seconds) do |req|\n    req.ip if req.path == "/users/sign_in" && req.post?\n  end\nend\n' },
      'yes',
      ['config/initializers/rack_attack.rb:2'],
    ],
    [
      'an ASP.NET Core limiter required on the token endpoint',
      { 'Api/Program.cs': 'var app = builder.Build();\napp.UseRateLimiter();\napp.MapPost("/auth/token", Issue).RequireRateLimiting("auth");\napp.MapGet("/orders", List);\n' },
      'yes',
      ['Api/Program.cs:3'],
    ],
    [
      'an ASP.NET Core limiter on reports while login is open',
      { 'Api/Program.cs': 'var app = builder.Build();\napp.MapGet("/reports", Reports).RequireRateLimiting("fixed");\napp.MapPost("/auth/login", Login);\n' },
      'no',
      ['Api/Program.cs:2', 'Api/Program.cs:3'],
    ],
    ['a Rack::Attack throttle on uploads only, no auth route known', { 'config/initializers/rack_attack.rb': 'class Rack::Attack\n  throttle("uploads/ip", limit: 5, period: 1.minute) do |req|\n    req.ip if req.path.start_with?("/uploads")\n  end\nend\n' }, 'unknown', ['config/initializers/rack_attack.rb:2']],
    [
      'a Go chi router with a global httprate limiter',
      { 'go.mod': 'module x\n\nrequire github.com/go-chi/httprate v0.9.0\n', 'main.go': 'package main\n\nimport "github.com/go-chi/httprate"\n\nfunc main() {\n\tr.Use(httprate.LimitByIP(100, time.Minute))\n\tr.Post("/login", login)\n}\n' },
      'yes',
      ['main.go:6'],
    ],
    [
      'a Go limiter used inside route groups',
      { 'go.mod': 'module x\n\nrequire github.com/go-chi/httprate v0.9.0\n', 'main.go': 'package main\n\nimport "github.com/go-chi/httprate"\n\nfunc main() {\n\tr.Route("/exports", func(r chi.Router) {\n\t\tr.Use(httprate.LimitByIP(2, time.Minute))\n\t})\n}\n' },
      'unknown',
      ['main.go:7'],
    ],
    ['a limiter only on payments while login exists', app("// app.use(limiter);\napp.post('/payments', paymentsLimiter, pay);\napp.post('/auth/login', login);"), 'no', ['src/app.ts:4', 'src/app.ts:5']],
    ['no rate limiting at all', { 'package.json': pkg({ express: '4' }), 'src/app.ts': "app.post('/login', login);\n" }, 'no', []],
    ['a limiter on exports and no auth route anywhere', app("app.get('/export', exportLimiter, exportCsv);"), 'unknown', ['src/app.ts:3']],
    ['the library is imported but never applied', app("app.post('/login', login);"), 'unknown', ['src/limits.ts:1']],
    ['the only limiter is in a test', { ...app("app.post('/login', login);"), 'src/app.test.ts': 'app.use(limiter);\n' }, 'unknown', ['src/limits.ts:1']],
  ])('%s', async (_name, files, expected, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe(expected);
    expect(locations(r)).toEqual(locs);
  });
});
