import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string> = {}): string => JSON.stringify({ name: 'api', dependencies: { express: '4', ...deps } }, null, 2);
const EXPRESS = (body: string): Files => ({ 'package.json': pkg({ cors: '2' }), 'src/app.ts': `import express from 'express';\nimport cors from 'cors';\nconst app = express();\n${body}\n` });

describe('cors-allows-any-origin', () => {
  it.each<[string, Files, string[]]>([
    ['app.use(cors())', EXPRESS('app.use(cors());'), ['src/app.ts:4']],
    ["origin: '*'", EXPRESS("app.use(cors({ origin: '*', credentials: false }));"), ['src/app.ts:4']],
    ['origin: true', EXPRESS('app.use(cors({\n  origin: true,\n}));'), ['src/app.ts:5']],
    ['an origin callback that always allows', EXPRESS('app.use(cors({ origin: (origin, callback) => callback(null, true) }));'), ['src/app.ts:4']],
    ['a wildcard header', { 'src/server.js': "res.setHeader('Access-Control-Allow-Origin', '*');\n" }, ['src/server.js:1']],
    ['fastify cors registered without options', { 'src/server.ts': "import cors from '@fastify/cors';\nawait app.register(cors);\n" }, ['src/server.ts:2']],
    ['Nest enableCors()', { 'src/main.ts': 'const app = await NestFactory.create(AppModule);\napp.enableCors();\n' }, ['src/main.ts:2']],
    ['Django CORS_ALLOW_ALL_ORIGINS', { 'app/settings.py': 'CORS_ALLOW_ALL_ORIGINS = True\n' }, ['app/settings.py:1']],
    ['Flask CORS(app)', { 'requirements.txt': 'flask\nflask-cors\n', 'app/main.py': 'from flask_cors import CORS\napp = Flask(__name__)\nCORS(app)\n' }, ['app/main.py:3']],
    ['FastAPI allow_origins=["*"]', { 'app/main.py': 'app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["*"])\n' }, ['app/main.py:1']],
    ['nginx add_header *', { 'deploy/nginx.conf': 'location / {\n  add_header Access-Control-Allow-Origin *;\n}\n' }, ['deploy/nginx.conf:2']],
    ['Spring @CrossOrigin without origins', { 'src/main/java/Api.java': '@CrossOrigin\n@RestController\nclass Api {}\n' }, ['src/main/java/Api.java:1']],
    ['an origin callback that reflects the origin', EXPRESS('app.use(cors({\n  origin: function (origin, callback) { callback(null, origin); },\n}));'), ['src/app.ts:5']],
    ['the cors options delegate echoing the request', EXPRESS("app.use(cors((req, cb) => cb(null, { origin: req.header('Origin'), credentials: true })));"), ['src/app.ts:4']],
    ['a header echoing req.headers.origin', { 'src/mw/cors.ts': "export const allow = (req, res, next) => {\n  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '');\n  next();\n};\n" }, ['src/mw/cors.ts:2']],
    ['Flask echoing the Origin', { 'app/main.py': '@app.after_request\ndef cors(resp):\n    resp.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin", "*")\n    return resp\n' }, ['app/main.py:3']],
    [
      'Go echoing the Origin through a variable behind an emptiness check',
      { 'internal/httpx/cors.go': 'package httpx\n\nfunc cors(w http.ResponseWriter, r *http.Request) {\n\torigin := r.Header.Get("Origin")\n\tif origin != "" {\n\t\tw.Header().Set("Access-Control-Allow-Origin", origin)\n\t}\n}\n' },
      ['internal/httpx/cors.go:6'],
    ],
    ['Laravel allowed_origins *', { 'config/cors.php': "<?php\nreturn [\n    'paths' => ['api/*'],\n    'allowed_origins' => ['*'],\n];\n" }, ['config/cors.php:4']],
    ['PHP header() wildcard', { 'public/api.php': "<?php\nheader('Access-Control-Allow-Origin: *');\n" }, ['public/api.php:2']],
    ['PHP header() echoing HTTP_ORIGIN', { 'src/Cors.php': "<?php\nheader('Access-Control-Allow-Origin: ' . $_SERVER['HTTP_ORIGIN']);\n" }, ['src/Cors.php:2']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['the origin list comes from the environment', EXPRESS("app.use(cors({ origin: process.env.ALLOWED_ORIGINS.split(',') }));")],
    ['the origin list is explicit', EXPRESS("app.use(cors({ origin: ['https://app.example.com'], credentials: true }));")],
    ['the origin callback checks an allow-list', EXPRESS('app.use(cors({ origin: (origin, cb) => {\n  if (allowed.includes(origin)) cb(null, true);\n  else cb(new Error("blocked"));\n} }));')],
    ['the open config is commented out', EXPRESS('// app.use(cors());\napp.use(cors(options));')],
    ['cors() is some other function', { 'src/a.ts': 'function cors() { return 1; }\ncors();\n' }],
    ['the wildcard header is in a test', { 'src/a.test.ts': "res.setHeader('Access-Control-Allow-Origin', '*');\n" }],
    ['a React component sends the header on a request', { 'src/components/Api.tsx': "fetch(u, { headers: { 'Access-Control-Allow-Origin': '*' } });\n" }],
    ['the origin callback passes something other than the origin', EXPRESS('app.use(cors({ origin: (origin, cb) => cb(null, allowedOrigins) }));')],
    [
      'the echoed origin is checked against an allow-list first',
      { 'src/mw/cors.ts': "export const allow = (req, res, next) => {\n  const origin = req.headers.origin;\n  if (origin && allowed.has(origin)) {\n    res.setHeader('Access-Control-Allow-Origin', origin);\n  }\n  next();\n};\n" },
    ],
    [
      'Go echoes the origin only when it is in the allow-list',
      { 'internal/httpx/cors.go': 'package httpx\n\nfunc cors(w http.ResponseWriter, r *http.Request) {\n\torigin := r.Header.Get("Origin")\n\tif slices.Contains(cfg.AllowedOrigins, origin) {\n\t\tw.Header().Set("Access-Control-Allow-Origin", origin)\n\t}\n}\n' },
    ],
    ['the header holds a configured origin, not the request one', { 'src/mw/cors.ts': "const allowedOrigin = process.env.WEB_ORIGIN;\nres.setHeader('Access-Control-Allow-Origin', allowedOrigin);\n" }],
    ['Laravel origins come from the environment', { 'config/cors.php': "<?php\nreturn [\n    'allowed_origins' => explode(',', env('CORS_ALLOWED_ORIGINS', '')),\n];\n" }],
    ['Flask-CORS has an origin list', { 'app/main.py': 'from flask_cors import CORS\nCORS(app, origins=["https://app.example.com"])\n' }],
    ['only the Vite dev server allows any origin', { 'vite.config.ts': 'export default defineConfig({ server: { cors: true, origin: true } });\n' }],
    ['only the README shows it', { 'README.md': 'app.use(cors())\nCORS_ALLOW_ALL_ORIGINS = True\n' }],
    [
      'the wildcard is set on static files served from the same file',
      { 'server/routes/assets.ts': "await send(ctx, ctx.path, {\n  setHeaders: (res) => {\n    res.setHeader('Access-Control-Allow-Origin', '*');\n  },\n});\n" },
    ],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
