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
