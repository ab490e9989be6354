import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string> = {}): string => JSON.stringify({ name: 'app', dependencies: deps }, null, 2);

const pom = (deps: string): string => `<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.acme</groupId>\n  <artifactId>app</artifactId>\n  <dependencies>\n    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>\n${deps}  </dependencies>\n</project>\n`;
const csproj = (refs = ''): string => `<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>${refs}</ItemGroup>\n</Project>\n`;

describe('uses-structured-logger', () => {
  it('answers yes for pino behind a project logger module, with the share of logging files', async () => {
    const r = await detect(detector, {
      'package.json': pkg({ pino: '9', 'pino-http': '10' }),
      'src/lib/logger.ts': "import pino from 'pino';\nexport const logger = pino();\n",
      'src/http.ts': "import pinoHttp from 'pino-http';\nimport { logger } from './lib/logger';\n",
      'src/orders/service.ts': "import { logger } from '../lib/logger.js';\nlogger.info('order');\n",
      'src/users.ts': "import { logger } from '@/lib/logger';\n",
      'src/legacy.ts': "console.log('a');\nconsole.warn('b');\n",
      // A module that logs is not a logger module: importing it does not make routes.ts structured.
      'src/models/user.ts': "import pino from 'pino';\nconst log = pino();\n",
      'src/routes.ts': "import { User } from './models/user';\nconsole.log('route');\n",
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['src/http.ts:1', 'src/lib/logger.ts:1', 'src/models/user.ts:1']);
    // 5 logger files, 2 files with console calls only: 5 / 7.
    expect(r.measures).toEqual({
      'console-calls': { value: 3, unit: 'call sites' },
      'logger-imports': { value: 5, unit: 'files' },
      'structured-share': { value: 71, unit: '%' },
    });
  });

  it.each([
    ['structlog through a module (absolute and relative imports)', {
      'pyproject.toml': '[project]\nname = "svc"\ndependencies = ["structlog>=24"]\n',
      'svc/log.py': 'import structlog\nlogger = structlog.get_logger()\n',
      'svc/api.py': 'from svc.log import logger\n',
      'svc/jobs.py': 'from .log import logger\n',
    }, ['svc/log.py:1'], 3],
    ['loguru with serialize=True', {
      'requirements.txt': 'loguru==0.7\n',
      'app/log.py': 'from loguru import logger\nlogger.add(sys.stderr, serialize=True)\n',
    }, ['app/log.py:1'], 1],
    ["fastify's built-in pino logger", {
      'package.json': pkg({ fastify: '5' }),
      'src/server.ts': "import Fastify from 'fastify';\nconst app = Fastify({\n  logger: true,\n});\n",
    }, ['src/server.ts:2'], 1],
    ['go zerolog', { 'cmd/api/main.go': 'package main\n\nimport (\n\t"github.com/rs/zerolog/log"\n)\n' }, ['cmd/api/main.go:4'], 1],
    ['winston behind an @server/ path alias', {
      'package.json': pkg({ winston: '3' }),
      'server/logging/Logger.ts': "import winston from 'winston';\n",
      'server/routes/api.ts': "import Logger from '@server/logging/Logger';\n",
    }, ['server/logging/Logger.ts:1'], 2],
    ['winston in javascript', { 'package.json': pkg({ winston: '3' }), 'lib/log.js': "const winston = require('winston');\n" }, ['lib/log.js:1'], 1],
  ])('answers yes for %s', async (_c, files, locs, n) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
    expect(r.measures?.['logger-imports']?.value).toBe(n);
  });

  it.each([
    ['only a README mentions pino', { 'package.json': pkg(), 'README.md': "import pino from 'pino'\n" }],
    ['the import is commented out', { 'package.json': pkg({ pino: '9' }), 'src/a.ts': "// import pino from 'pino';\n" }],
    ['only a test imports it', { 'package.json': pkg({ winston: '3' }), 'src/a.test.ts': "import winston from 'winston';\n" }],
    ['only a vendored copy imports it', { 'package.json': pkg(), 'vendor/x/log.js': "require('bunyan')\n" }],
    ['it is imported but not declared', { 'package.json': pkg(), 'src/a.ts': "import pino from 'pino';\n" }],
    ['the logger is not structured (loglevel, log4js, consola)', {
      'package.json': pkg({ loglevel: '1', log4js: '6', consola: '3' }),
      'src/a.ts': "import log from 'loglevel';\nimport log4js from 'log4js';\nimport { consola } from 'consola';\n",
    }],
    ['loguru writes text', { 'requirements.txt': 'loguru\n', 'app/a.py': 'from loguru import logger\n' }],
    ['fastify runs with logger: false', { 'package.json': pkg({ fastify: '5' }), 'src/s.ts': "import Fastify from 'fastify';\nFastify({ logger: false });\n" }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });

  it('reports a zero share when only console calls log', async () => {
    const r = await detect(detector, { 'package.json': pkg(), 'src/a.ts': "console.log('x');\n" });
    expect(r.outcome).toBe('no');
    expect(r.measures?.['structured-share']?.value).toBe(0);
    expect(r.measures?.['console-calls']?.value).toBe(1);
  });

  it.each([
    ['Serilog in ASP.NET Core', {
      'Api/Api.csproj': csproj('<PackageReference Include="Serilog.AspNetCore" Version="8.0.1" />'),
      'Api/Program.cs': 'using Serilog;\n\nLog.Logger = new LoggerConfiguration().CreateLogger();\n',
    }, ['Api/Program.cs:1'], 1],
    ["python-json-logger named in Django's LOGGING (covers the stdlib logging files)", {
      'requirements.txt': 'Django==5.0\npython-json-logger==2.0.7\n',
      'shop/settings.py': 'LOGGING = {\n    "formatters": {"json": {"()": "pythonjsonlogger.jsonlogger.JsonFormatter"}},\n}\n',
      'shop/views.py': 'import logging\nlogger = logging.getLogger(__name__)\n',
    }, ['shop/settings.py:2'], 2],
    ['a logstash encoder in logback-spring.xml (covers the SLF4J files)', {
      'pom.xml': pom('    <dependency><groupId>net.logstash.logback</groupId><artifactId>logstash-logback-encoder</artifactId></dependency>\n'),
      'src/main/resources/logback-spring.xml': '<configuration>\n  <appender name="J" class="ch.qos.logback.core.ConsoleAppender">\n    <encoder class="net.logstash.logback.encoder.LogstashEncoder"/>\n  </appender>\n</configuration>\n',
      'src/main/java/com/acme/A.java': 'package com.acme;\nimport org.slf4j.Logger;\nclass A {}\n',
    }, ['src/main/resources/logback-spring.xml:3'], 2],
    ['lograge enabled in a Rails environment', {
      Gemfile: 'gem "rails"\ngem "lograge"\n',
      'config/environments/production.rb': 'Rails.application.configure do\n  config.lograge.enabled = true\nend\n',
    }, ['config/environments/production.rb:2'], 1],
    ['a Monolog JsonFormatter channel in Laravel', {
      'composer.json': '{ "require": { "laravel/framework": "^11.0" } }',
      'config/logging.php': "<?php\n\nuse Monolog\\Formatter\\JsonFormatter;\n\nreturn ['channels' => ['stderr' => ['formatter' => JsonFormatter::class]]];\n",
    }, ['config/logging.php:3'], 1],
  ])('answers yes for %s', async (_c, files, locs, n) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
    expect(r.measures?.['logger-imports']?.value).toBe(n);
  });

  it.each([
    ['lograge is commented out', { Gemfile: 'gem "rails"\ngem "lograge"\n', 'config/environments/production.rb': '  # config.lograge.enabled = true\n' }],
    ['lograge is configured but not in the Gemfile', { Gemfile: 'gem "rails"\n', 'config/environments/production.rb': '  config.lograge.enabled = true\n' }],
    ['rails_semantic_logger is declared but never configured', { Gemfile: 'gem "rails"\ngem "rails_semantic_logger"\n', 'README.md': 'SemanticLogger.add_appender\n', 'app/a.rb': 'Rails.logger.info("x")\n' }],
    ['the logstash encoder is configured without its dependency', {
      'pom.xml': pom(''),
      'src/main/resources/logback.xml': '<encoder class="net.logstash.logback.encoder.LogstashEncoder"/>\n',
    }],
    ['python-json-logger is declared for development only', {
      'requirements.txt': 'Django==5.0\n',
      'requirements-dev.txt': 'python-json-logger==2.0.7\n',
      'shop/settings.py': 'LOGGING = {"formatters": {"json": {"()": "pythonjsonlogger.jsonlogger.JsonFormatter"}}}\n',
    }],
    ['ASP.NET Core logs through the default ILogger text console', {
      'Api/Api.csproj': csproj(),
      'Api/Orders.cs': 'using Microsoft.Extensions.Logging;\npublic class Orders(ILogger<Orders> logger) {}\n',
    }],
    ['Serilog only in a test project', {
      'Api/Api.csproj': csproj('<PackageReference Include="Serilog" Version="4.0.0" />'),
      'Api.Tests/LogTests.cs': 'using Serilog;\n',
    }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
