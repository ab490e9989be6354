import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string> = {}): string => JSON.stringify({ name: 'app', dependencies: deps }, null, 2);

describe('keeps-state-in-process', () => {
  it('answers yes for MemoryStore sessions, local uploads and socket.io without an adapter', async () => {
    const r = await detect(detector, {
      'package.json': pkg({ express: '4', 'express-session': '1', multer: '1', 'socket.io': '4' }),
      'src/app.ts': "import session from 'express-session';\nimport multer from 'multer';\napp.use(session({ secret: 's', resave: false }));\nconst upload = multer({ dest: 'uploads/' });\n",
      'src/realtime.ts': "import { Server } from 'socket.io';\nexport const io = new Server(httpServer);\n",
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['src/app.ts:3', 'src/app.ts:4', 'src/realtime.ts:1']);
    expect(r.measures).toEqual({ hazards: { value: 3, unit: 'sites' } });
  });

  it('answers yes for flask-session on the filesystem', async () => {
    const r = await detect(detector, { 'requirements.txt': 'flask\n', 'app/config.py': 'SESSION_TYPE = "filesystem"\n' });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['app/config.py:1']);
  });

  it.each([
    ['gorilla/sessions on the filesystem', {
      'go.mod': 'module example.com/portal\n\ngo 1.22\n\nrequire github.com/gorilla/sessions v1.3.0\n',
      'internal/auth/session.go': 'package auth\n\nimport "github.com/gorilla/sessions"\n\nvar store = sessions.NewFilesystemStore("/var/lib/sessions", key)\n',
    }, ['internal/auth/session.go:5']],
    ['a Spring @Scheduled job without a lock', {
      'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>\n',
      'src/main/java/com/acme/Job.java': 'package com.acme;\n\nimport org.springframework.scheduling.annotation.Scheduled;\n\nclass Job {\n  @Scheduled(cron = "0 0 2 * * *")\n  void run() {}\n}\n',
    }, ['src/main/java/com/acme/Job.java:3']],
    ['APScheduler in a web app', {
      'requirements.txt': 'flask\napscheduler\n',
      'app/jobs.py': 'from apscheduler.schedulers.background import BackgroundScheduler\n\nscheduler = BackgroundScheduler()\nscheduler.add_job(send_digest, "cron", hour=7)\nscheduler.start()\n',
    }, ['app/jobs.py:1']],
    ['node-cron in the API process', { 'package.json': pkg({ 'node-cron': '3' }), 'src/jobs.ts': "import cron from 'node-cron';\ncron.schedule('0 * * * *', purgeCarts);\n" }, ['src/jobs.ts:1']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
    expect(r.measures).toEqual({ hazards: { value: locs.length, unit: 'sites' } });
  });

  it.each([
    ['gorilla/sessions keeps sessions in cookies', {
      'go.mod': 'module example.com/portal\n\ngo 1.22\n\nrequire github.com/gorilla/sessions v1.3.0\n',
      'internal/auth/session.go': 'package auth\n\nimport "github.com/gorilla/sessions"\n\nvar store = sessions.NewCookieStore(key)\n// var old = sessions.NewFilesystemStore("/tmp", key)\n',
    }],
    ['a Spring @Scheduled job is guarded by ShedLock', {
      'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency><dependency><groupId>net.javacrumbs.shedlock</groupId><artifactId>shedlock-spring</artifactId></dependency></dependencies></project>\n',
      'src/main/java/com/acme/Job.java': 'package com.acme;\n\nimport net.javacrumbs.shedlock.spring.annotation.SchedulerLock;\nimport org.springframework.scheduling.annotation.Scheduled;\n\nclass Job {\n  @Scheduled(cron = "0 0 2 * * *")\n  @SchedulerLock(name = "run")\n  void run() {}\n}\n',
    }],
    ['node-cron jobs take a Redlock lock', {
      'package.json': pkg({ 'node-cron': '3', redlock: '5', ioredis: '5' }),
      'src/jobs.ts': "import cron from 'node-cron';\nimport Redlock from 'redlock';\nconst redlock = new Redlock([redis]);\ncron.schedule('0 * * * *', () => redlock.using(['purge'], 60_000, purgeCarts));\n",
    }],
    ['node-cron is only used by a test and named in the README', {
      'package.json': JSON.stringify({ name: 'app', devDependencies: { 'node-cron': '3' } }),
      'README.md': "Schedule with `import cron from 'node-cron'`.\n",
      'test/jobs.test.ts': "import cron from 'node-cron';\ncron.schedule('* * * * *', tick);\n",
    }],
    ['sessions use a Redis store', {
      'package.json': pkg({ 'express-session': '1', 'connect-redis': '7' }),
      'src/app.ts': "import session from 'express-session';\nimport RedisStore from 'connect-redis';\napp.use(session({ store: new RedisStore({ client }), secret: 's' }));\n",
    }],
    ['cookie sessions keep state on the client', { 'package.json': pkg({ 'cookie-session': '2' }), 'src/app.ts': "import cookieSession from 'cookie-session';\napp.use(cookieSession({ keys }));\n" }],
    ['uploads go to S3', { 'package.json': pkg({ multer: '1', '@aws-sdk/client-s3': '3' }), 'src/u.ts': "import { S3Client } from '@aws-sdk/client-s3';\nmulter({ dest: '/tmp' });\n" }],
    ['socket.io uses the Redis adapter', {
      'package.json': pkg({ 'socket.io': '4', '@socket.io/redis-adapter': '8' }),
      'src/io.ts': "import { Server } from 'socket.io';\nimport { createAdapter } from '@socket.io/redis-adapter';\nio.adapter(createAdapter(pub, sub));\n",
    }],
    ['only a module-level Map cache exists', { 'package.json': pkg(), 'src/cache.ts': 'const cache = new Map<string, string>();\n' }],
    ['only a test uses express-session', { 'package.json': pkg({ 'express-session': '1' }), 'src/a.test.ts': "import session from 'express-session';\nsession({ secret: 'x' });\n" }],
  ])('answers no when %s', async (_c, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['hazards']?.value).toBe(0);
  });
});
