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
