import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../core/types.ts';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string>): string => JSON.stringify({ name: 'api', dependencies: deps }, null, 2);

const SPRING_POM = '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-security</artifactId></dependency></dependencies></project>';
const SEC_IMPORT = 'package com.acme;\nimport org.springframework.security.config.annotation.web.builders.HttpSecurity;\n\n';

describe('uses-security-headers', () => {
  it.each<[string, Files, Outcome, string[]]>([
    ['helmet applied in express', { 'package.json': pkg({ helmet: '7' }), 'src/app.ts': "import helmet from 'helmet';\nconst app = express();\napp.use(helmet());\n" }, 'yes', ['src/app.ts:1', 'src/app.ts:3']],
    ['@fastify/helmet registered', { 'package.json': pkg({ '@fastify/helmet': '11' }), 'src/server.ts': "import helmet from '@fastify/helmet';\nawait fastify.register(helmet, { contentSecurityPolicy: false });\n" }, 'yes', ['src/server.ts:1', 'src/server.ts:2']],
    ['Hono secureHeaders', { 'package.json': pkg({ hono: '4' }), 'src/index.ts': "import { secureHeaders } from 'hono/secure-headers';\napp.use('*', secureHeaders());\n" }, 'yes', ['src/index.ts:1', 'src/index.ts:2']],
    ['Django SecurityMiddleware', { 'app/settings.py': 'MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "django.contrib.sessions.middleware.SessionMiddleware",\n]\n' }, 'yes', ['app/settings.py:2']],
    ['Flask-Talisman', { 'requirements.txt': 'flask-talisman\n', 'app/__init__.py': 'from flask_talisman import Talisman\nTalisman(app, content_security_policy=csp)\n' }, 'yes', ['app/__init__.py:2']],
    ['Spring Security headers()', { 'src/main/java/Sec.java': 'SecurityFilterChain chain(HttpSecurity http) {\n  http.headers(h -> h.frameOptions(f -> f.deny()));\n}\n' }, 'yes', ['src/main/java/Sec.java:2']],
    ['nginx sets HSTS and frame options', { 'deploy/nginx.conf': 'add_header Strict-Transport-Security "max-age=31536000" always;\nadd_header X-Frame-Options DENY;\n' }, 'yes', ['deploy/nginx.conf:1', 'deploy/nginx.conf:2']],
    [
      'a Spring Security filter chain keeps the default headers',
      { 'pom.xml': SPRING_POM, 'src/main/java/com/acme/Sec.java': `${SEC_IMPORT}class Sec {\n  SecurityFilterChain chain(HttpSecurity http) throws Exception {\n    return http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).build();\n  }\n}\n` },
      'yes',
      ['src/main/java/com/acme/Sec.java:5'],
    ],
    ['secure_headers in Rails', { 'config/initializers/secure_headers.rb': 'SecureHeaders::Configuration.default do |config|\n  config.x_frame_options = "DENY"\nend\n' }, 'yes', ['config/initializers/secure_headers.rb:1']],
    [
      'Spring Security disables headers with a method reference',
      { 'pom.xml': SPRING_POM, 'src/main/java/com/acme/Sec.java': `${SEC_IMPORT}class Sec {\n  SecurityFilterChain chain(HttpSecurity http) throws Exception {\n    return http.csrf(AbstractHttpConfigurer::disable)\n      .headers(AbstractHttpConfigurer::disable)\n      .build();\n  }\n}\n` },
      'no',
      [],
    ],
    ['Spring Security Kotlin DSL disables headers', { 'pom.xml': SPRING_POM, 'src/main/kotlin/com/acme/Sec.kt': `${SEC_IMPORT.replace(';', '')}fun chain(http: HttpSecurity) = http {\n  headers { disable() }\n}\n` }, 'no', []],
    ['HttpSecurity only in a test', { 'pom.xml': SPRING_POM, 'src/test/java/com/acme/SecTest.java': `${SEC_IMPORT}class SecTest { void t(HttpSecurity http) {} }\n` }, 'no', []],
    ["Rails' generated CSP initializer, all commented out", { 'config/initializers/content_security_policy.rb': '# Rails.application.configure do\n#   config.content_security_policy do |policy|\n#     policy.default_src :self\n#   end\n# end\n' }, 'no', []],
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

describe('uses-security-headers in Laravel', () => {
  const kernel = "<?php\nnamespace App\\Http;\n\nclass Kernel\n{\n    protected $middleware = [\n        \\Bepsvpt\\SecureHeaders\\SecureHeadersMiddleware::class,\n    ];\n}\n";

  it('counts a middleware registered by class name when its package is required', async () => {
    const r = await detect(detector, { 'composer.json': JSON.stringify({ require: { 'bepsvpt/secure-headers': '^7' } }), 'app/Http/Kernel.php': kernel });
    expect([r.outcome, locations(r)]).toEqual(['yes', ['app/Http/Kernel.php:7']]);
  });

  it('not when the package is not required or the line is commented out', async () => {
    expect((await detect(detector, { 'composer.json': JSON.stringify({ require: { 'laravel/framework': '^10' } }), 'app/Http/Kernel.php': kernel })).outcome).toBe('no');
    const commented = kernel.replace('        \\Bepsvpt', '        // \\Bepsvpt');
    expect((await detect(detector, { 'composer.json': JSON.stringify({ require: { 'bepsvpt/secure-headers': '^7' } }), 'app/Http/Kernel.php': commented })).outcome).toBe('no');
  });
});
