import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string> = {}): string => JSON.stringify({ name: 'app', dependencies: deps }, null, 2);

describe('handles-graceful-shutdown', () => {
  it.each([
    ['a SIGTERM handler that closes the server and the pool', {
      'package.json': pkg({ express: '4' }),
      'src/main.ts': "const server = app.listen(3000);\nprocess.on('SIGTERM', async () => {\n  server.close();\n  await pool.end();\n});\n",
    }, ['src/main.ts:2']],
    ['signals registered in a loop with prisma disconnect', {
      'package.json': pkg(),
      'src/index.ts': "for (const sig of ['SIGINT', 'SIGTERM']) {\n  process.once(sig, () => shutdown());\n}\nasync function shutdown() { await prisma.$disconnect(); }\n",
    }, ['src/index.ts:1']],
    ['Nest enableShutdownHooks', { 'package.json': pkg(), 'src/main.ts': 'const app = await NestFactory.create(AppModule);\napp.enableShutdownHooks();\n' }, ['src/main.ts:2']],
    ['@godaddy/terminus', { 'package.json': pkg({ '@godaddy/terminus': '4' }), 'src/server.js': "const { createTerminus } = require('@godaddy/terminus');\n" }, ['src/server.js:1']],
    ['python signal handler that stops the loop', {
      'requirements.txt': '',
      'app/worker.py': 'import signal\nrunning = True\ndef stop(*_):\n    global running\n    running = False\nsignal.signal(signal.SIGTERM, stop)\n',
    }, ['app/worker.py:6']],
    ['go signal.Notify with server.Shutdown', {
      'main.go': 'package main\nfunc main() {\n\tsignal.Notify(quit, syscall.SIGINT, syscall.SIGTERM)\n\t<-quit\n\tsrv.Shutdown(ctx)\n}\n',
    }, ['main.go:3']],
    ['go signal.NotifyContext whose arguments hold a call', {
      'go.mod': 'module example.com/api\n\ngo 1.22\n',
      'cmd/api/main.go': 'package main\nfunc main() {\n\tctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)\n\tdefer stop()\n\t<-ctx.Done()\n\tsrv.Shutdown(shutdownCtx)\n}\n',
    }, ['cmd/api/main.go:3']],
    ['Spring Boot server.shutdown graceful', {
      'build.gradle.kts': 'dependencies { implementation("org.springframework.boot:spring-boot-starter-web") }\n',
      'src/main/resources/application.yml': 'server:\n  port: 8080\n  shutdown: graceful\n',
    }, ['src/main/resources/application.yml:3']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it('answers no with the handler when it only exits', async () => {
    const r = await detect(detector, { 'package.json': pkg(), 'src/main.ts': "app.listen(3000);\nprocess.on('SIGTERM', () => process.exit(0));\n" });
    expect(r.outcome).toBe('no');
    expect(locations(r)).toEqual(['src/main.ts:2']);
  });

  it('answers no for a go handler that only exits', async () => {
    const r = await detect(detector, { 'main.go': 'package main\nfunc main() {\n\tsignal.Notify(quit, syscall.SIGTERM)\n\t<-quit\n\tos.Exit(0)\n}\n' });
    expect(r.outcome).toBe('no');
    expect(locations(r)).toEqual(['main.go:3']);
  });

  it('answers no for a python handler that only exits', async () => {
    const r = await detect(detector, { 'requirements.txt': '', 'app/main.py': 'import signal, sys\nDEBUG = False\nsignal.signal(signal.SIGTERM, lambda *_: sys.exit(0))\n' });
    expect(r.outcome).toBe('no');
    expect(locations(r)).toEqual(['app/main.py:3']);
  });

  it.each([
    ['there is no signal handling', { 'package.json': pkg(), 'src/main.ts': 'server.close();\n' }],
    ['only a test handles SIGTERM', { 'package.json': pkg(), 'src/main.test.ts': "process.on('SIGTERM', () => server.close());\n" }],
    ['the handler is commented out', { 'package.json': pkg(), 'src/main.ts': "// process.on('SIGTERM', () => server.close());\n" }],
    ['Spring graceful shutdown is set only in a test profile', {
      'build.gradle.kts': 'dependencies { implementation("org.springframework.boot:spring-boot-starter-web") }\n',
      'src/test/resources/application-test.yml': 'server:\n  shutdown: graceful\n',
    }],
    ['a README shows a handler', { 'package.json': pkg(), 'README.md': "process.on('SIGTERM', () => server.close())\n" }],
  ])('answers no when %s', async (_c, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.evidence).toEqual([]);
  });
});

describe('handles-graceful-shutdown: servers that drain on SIGTERM by themselves', () => {
  const gemfile = (group = ''): string => `source "https://rubygems.org"\ngem "rails", "~> 7.2"\n${group ? `group :${group} do\n  gem "puma"\nend\n` : 'gem "puma", ">= 5.0"\n'}`;
  it.each<[string, Record<string, string>, string[]]>([
    ['a Rails app served by Puma (config/puma.rb)', { Gemfile: gemfile(), 'config/puma.rb': 'threads 3, 3\nport ENV.fetch("PORT", 3000)\n' }, ['config/puma.rb']],
    ['a Procfile that starts Puma and Sidekiq', { Gemfile: `${gemfile()}gem "sidekiq"\n`, Procfile: 'web: bundle exec puma -C config/puma.rb\nworker: bundle exec sidekiq\n' }, ['Procfile:1', 'Procfile:2']],
    ['a Django app run by Gunicorn in its Dockerfile', { 'requirements.txt': 'django==5.0\ngunicorn==22.0.0\n', Dockerfile: 'FROM python:3.12\nCMD ["gunicorn", "app.wsgi", "-b", "0.0.0.0:8000"]\n' }, ['Dockerfile:2']],
    ['an ASP.NET Core app on the generic host', { 'src/Api/Program.cs': 'var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\napp.Run();\n' }, ['src/Api/Program.cs:1']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Record<string, string>]>([
    ['Puma is declared only for development', { Gemfile: gemfile('development'), 'config/puma.rb': 'threads 3, 3\n' }],
    ['the Dockerfile runs Gunicorn that no manifest declares', { 'requirements.txt': 'django==5.0\n', Dockerfile: 'FROM python:3.12\nCMD ["gunicorn", "app.wsgi"]\n' }],
    ['Gunicorn appears only in a commented-out Procfile line and a README', { 'requirements.txt': 'gunicorn\n', Procfile: '# web: gunicorn app.wsgi\nweb: python manage.py runserver\n', 'README.md': 'Run `gunicorn app.wsgi` in production.\n' }],
    ['the .NET host builder is only in a test project', { 'tests/Api.Tests/Factory.cs': 'var builder = WebApplication.CreateBuilder();\n' }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});

describe('handles-graceful-shutdown: Spring Boot defaults and Go servers across packages', () => {
  const pom = (version: string): string =>
    `<project>\n  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n    <version>${version}</version>\n  </parent>\n</project>\n`;
  it('Spring Boot 3.4 or later drains by default; 3.3, or 3.5 set to immediate, does not', async () => {
    expect(locations(await detect(detector, { 'pom.xml': pom('3.5.0') }))).toEqual(['pom.xml:4']);
    expect((await detect(detector, { 'build.gradle': "plugins {\n  id 'org.springframework.boot' version '4.0.3'\n}\n" })).outcome).toBe('yes');
    expect((await detect(detector, { 'pom.xml': pom('3.3.5') })).outcome).toBe('no');
    expect((await detect(detector, { 'pom.xml': pom('3.5.0'), 'src/main/resources/application.properties': 'server.shutdown=immediate\n' })).outcome).toBe('no');
  });

  it('a Go signal package and a server that calls Shutdown elsewhere', async () => {
    const r = await detect(detector, {
      'pkg/signals/signal.go': 'package signals\n\nimport (\n\t"os"\n\t"os/signal"\n\t"syscall"\n)\n\nfunc Setup() <-chan struct{} {\n\tc := make(chan os.Signal, 2)\n\tsignal.Notify(c, syscall.SIGTERM, os.Interrupt)\n\treturn nil\n}\n',
      'pkg/api/server.go': 'package api\n\nfunc (s *Server) Stop(ctx context.Context) {\n\t_ = s.http.Shutdown(ctx)\n}\n',
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['pkg/signals/signal.go:11', 'pkg/api/server.go:4']);
  });

  it('a Go signal list passed variadically (podinfo: signal.Notify(c, shutdownSignals...))', async () => {
    const r = await detect(detector, {
      'pkg/signals/signal.go': 'package signals\n\nfunc Setup() {\n\tc := make(chan os.Signal, 2)\n\tsignal.Notify(c, shutdownSignals...)\n}\n',
      'pkg/signals/signal_posix.go': 'package signals\n\nvar shutdownSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}\n',
      'pkg/signals/shutdown.go': 'package signals\n\nfunc (s *Shutdown) Graceful(ctx context.Context) {\n\t_ = s.http.Shutdown(ctx)\n}\n',
    });
    expect(r.outcome).toBe('yes');
  });

  it('a Go signal handler that only exits is not graceful', async () => {
    const r = await detect(detector, {
      'main.go': 'package main\n\nfunc main() {\n\tc := make(chan os.Signal, 1)\n\tsignal.Notify(c, syscall.SIGTERM)\n\t<-c\n\tos.Exit(0)\n}\n',
    });
    expect(r.outcome).toBe('no');
  });
});
