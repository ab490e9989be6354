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
