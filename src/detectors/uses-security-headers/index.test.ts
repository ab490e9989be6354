import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../core/types.ts';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string>): string => JSON.stringify({ name: 'api', dependencies: deps }, null, 2);

describe('uses-security-headers', () => {
  it.each<[string, Files, Outcome, string[]]>([
    ['helmet applied in express', { 'package.json': pkg({ helmet: '7' }), 'src/app.ts': "import helmet from 'helmet';\nconst app = express();\napp.use(helmet());\n" }, 'yes', ['src/app.ts:1', 'src/app.ts:3']],
    ['@fastify/helmet registered', { 'package.json': pkg({ '@fastify/helmet': '11' }), 'src/server.ts': "import helmet from '@fastify/helmet';\nawait fastify.register(helmet, { contentSecurityPolicy: false });\n" }, 'yes', ['src/server.ts:1', 'src/server.ts:2']],
    ['Hono secureHeaders', { 'package.json': pkg({ hono: '4' }), 'src/index.ts': "import { secureHeaders } from 'hono/secure-headers';\napp.use('*', secureHeaders());\n" }, 'yes', ['src/index.ts:1', 'src/index.ts:2']],
    ['Django SecurityMiddleware', { 'app/settings.py': 'MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "django.contrib.sessions.middleware.SessionMiddleware",\n]\n' }, 'yes', ['app/settings.py:2']],
    ['Flask-Talisman', { 'requirements.txt': 'flask-talisman\n', 'app/__init__.py': 'from flask_talisman import Talisman\nTalisman(app, content_security_policy=csp)\n' }, 'yes', ['app/__init__.py:2']],
    ['Spring Security headers()', { 'src/main/java/Sec.java': 'SecurityFilterChain chain(HttpSecurity http) {\n  http.headers(h -> h.frameOptions(f -> f.deny()));\n}\n' }, 'yes', ['src/main/java/Sec.java:2']],
    ['nginx sets HSTS and frame options', { 'deploy/nginx.conf': 'add_header Strict-Transport-Security "max-age=31536000" always;\nadd_header X-Frame-Options DENY;\n' }, 'yes', ['deploy/nginx.conf:1', 'deploy/nginx.conf:2']],
    ['helmet imported but never applied', { 'package.json': pkg({ helmet: '7' }), 'src/app.ts': "import helmet from 'helmet';\n// app.use(helmet());\n" }, 'unknown', ['src/app.ts:1']],
    ['Spring Security disables headers', { 'src/main/java/Sec.java': 'SecurityFilterChain chain(HttpSecurity http) {\n  http.headers(h -> h.disable());\n}\n' }, 'no', []],
    ['a single header set by hand', { 'src/app.js': "res.setHeader('X-Frame-Options', 'DENY');\n" }, 'no', []],
    ['helmet only in a test', { 'package.json': pkg({ helmet: '7' }), 'src/app.test.ts': "import helmet from 'helmet';\napp.use(helmet());\n" }, 'no', []],
    ['only the README', { 'README.md': "app.use(helmet())\n'django.middleware.security.SecurityMiddleware'\n" }, 'no', []],
  ])('%s', async (_name, files, expected, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe(expected);
    expect(locations(r)).toEqual(locs);
  });
});
