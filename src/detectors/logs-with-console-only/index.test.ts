import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string> = {}): string => JSON.stringify({ name: 'app', dependencies: deps }, null, 2);
const m = (v: number, unit: string) => ({ value: v, unit });

const pom = (deps: string): string => `<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.acme</groupId>\n  <artifactId>app</artifactId>\n  <dependencies>\n    <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency>\n${deps}  </dependencies>\n</project>\n`;
const csproj = (refs = ''): string => `<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup>${refs}</ItemGroup>\n</Project>\n`;

describe('logs-with-console-only', () => {
  it('answers yes for console calls in production code with no logger, ignoring scripts, tests, UI and comments', async () => {
    const r = await detect(detector, {
      'package.json': pkg({ express: '4' }),
      'src/server.ts': "import express from 'express';\nconsole.log('listening');\n// console.log('old');\napp.get('/', () => { console.error('boom'); });\n",
      'src/util.ts': "export const warn = (m: string) => console.warn(m);\n/* console.info('x') */\n",
      'scripts/seed.ts': "console.log('seeding');\n",
      'src/server.test.ts': "console.log('test');\n",
      'src/App.tsx': "export const App = () => { console.log('render'); return null; };\n",
      'vite.config.ts': "console.log('config');\n",
      'public/js/app.js': "console.log('browser');\n",
      'README.md': "Use console.log('x') to debug.\n",
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['src/server.ts:2', 'src/server.ts:4', 'src/util.ts:1']);
    expect(r.measures).toEqual({ 'console-calls': m(3, 'call sites'), 'logger-imports': m(0, 'files') });
  });

  it.each([
    ['python prints in a module (main-guarded scripts excluded)', {
      'requirements.txt': 'flask==3.0\n',
      'app/views.py': "def index():\n    print('hit')\n    print(f'user {u}')\n    pprint(x)\n",
      'app/cli.py': "print('x')\nif __name__ == '__main__':\n    print('run')\n",
      'manage.py': "print('x')\n",
    }, ['app/views.py:2', 'app/views.py:3']],
    ['go fmt.Println and std log calls', {
      'main.go': 'package main\n\nimport (\n\t"fmt"\n\t"log"\n)\n\nfunc main() {\n\tfmt.Println("start")\n\tlog.Printf("port %d", 8080)\n}\n',
    }, ['main.go:9', 'main.go:10']],
    ['java System.out.println', {
      'src/main/java/App.java': 'class App {\n  void run() {\n    System.out.println("hi");\n  }\n}\n',
    }, ['src/main/java/App.java:3']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it('answers no when a structured logger is used, even with console calls left', async () => {
    const r = await detect(detector, {
      'package.json': pkg({ pino: '9' }),
      'src/logger.ts': "import pino from 'pino';\nexport const logger = pino();\n",
      'src/app.ts': "import { logger } from './logger';\nlogger.info('up');\nconsole.error('fallback');\n",
    });
    expect(r.outcome).toBe('no');
    expect(locations(r)).toEqual(['src/logger.ts:1']);
    expect(r.measures).toEqual({ 'console-calls': m(1, 'call sites'), 'logger-imports': m(2, 'files') });
  });

  it.each([
    ['there are no console calls', { 'package.json': pkg(), 'src/a.ts': 'export const x = 1;\n' }],
    ['python logging is used next to prints', { 'requirements.txt': '', 'app/a.py': "import logging\nlog = logging.getLogger(__name__)\nprint('x')\n" }],
    ['java uses slf4j', { 'src/main/java/A.java': 'import org.slf4j.Logger;\nclass A {\n  void f() { System.out.println("x"); }\n}\n' }],
    ['go uses zap', { 'main.go': 'package main\nimport "go.uber.org/zap"\nfunc main() { fmt.Println("x") }\n' }],
    ['loglevel is used', { 'package.json': pkg({ loglevel: '1' }), 'src/a.js': "const log = require('loglevel');\nconsole.log('x');\n" }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });

  it('still answers yes when the logger is only imported by tests or not declared', async () => {
    const r = await detect(detector, {
      'package.json': pkg({}),
      'src/a.ts': "console.log('x');\n",
      'src/b.ts': "import pino from 'pino';\n",
      'test/log.test.ts': "import pino from 'pino';\n",
    });
    expect(r.outcome).toBe('yes');
    expect(r.measures?.['logger-imports']?.value).toBe(0);
  });

  it.each([
    ['a Sinatra app logs with puts', { Gemfile: 'gem "sinatra"\n', 'app.rb': 'require "sinatra"\npost "/signup" do\n  puts "signup"\nend\n' }, ['app.rb:3']],
    ['an ASP.NET Core app logs with Console.WriteLine', {
      'Api/Api.csproj': csproj(),
      'Api/Program.cs': 'var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet("/", () => { Console.WriteLine("hit"); return "ok"; });\n',
    }, ['Api/Program.cs:2']],
  ])('answers yes when %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['SLF4J comes through the Spring Boot starter (not declared itself)', {
      'pom.xml': pom(''),
      'src/main/java/com/acme/A.java': 'package com.acme;\nimport org.slf4j.Logger;\nclass A {\n  void f() { System.out.println("x"); }\n}\n',
    }],
    ['ASP.NET Core logs through ILogger from implicit usings', {
      'Api/Api.csproj': csproj(),
      'Api/Orders.cs': 'public class Orders(ILogger<Orders> logger)\n{\n  public void F() { logger.LogInformation("x"); Console.WriteLine("y"); }\n}\n',
    }],
    ['Rails logs with Rails.logger and puts only in rake tasks and seeds', {
      Gemfile: 'gem "rails"\n',
      'app/services/billing.rb': 'class Billing\n  def charge\n    Rails.logger.info("charge")\n  end\nend\n',
      'lib/tasks/billing.rake': 'task :backfill do\n  puts "backfill"\nend\n',
      'db/seeds.rb': 'puts "seeding"\n',
    }],
    ['a Ruby puts is commented out', { Gemfile: 'gem "sinatra"\n', 'app.rb': '# puts "debug"\n' }],
    ['Console.WriteLine is only in a test project', { 'Api/Api.csproj': csproj(), 'Api.Tests/OrdersTests.cs': 'public class OrdersTests { void F() { Console.WriteLine("x"); } }\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
