import { defineDetector, firstN, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, Language, Match } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

const JS: readonly Language[] = ['javascript', 'typescript'];
/** A request header set in browser code does nothing for CORS (a common mistake, not a server policy). */
const BROWSER_PATH = /\.(?:jsx|tsx|vue|svelte)$|(?:^|\/)(?:components|hooks|pages|frontend|client|public|static|browser)\//;
/** Dev-server settings of build tools never reach production. */
const BUILD_CONFIG = /(?:^|\/)(?:vite|vitest|webpack|rollup|karma|jest|storybook|astro|svelte|playwright|cypress)\.config\.[cm]?[jt]s$|(?:^|\/)\.storybook\//;
const SERVER_LANGUAGES: readonly Language[] = ['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'ruby', 'php', 'csharp'];
/**
 * The request's own Origin header: `req.headers.origin`, `req.header('Origin')`, `request.headers.get("Origin")`,
 * `r.Header.Get("Origin")`, `request.getHeader("Origin")`, `request.META.get("HTTP_ORIGIN")`, `$_SERVER['HTTP_ORIGIN']`.
 */
const REQUEST_ORIGIN = String.raw`(?:(?:req|request|r|ctx|c|context|event|self\.request|\$request)\b[\w.]*?(?:\.origin\b|(?:\.|->)(?:header|headers|Header|get|Get|getHeader|GetHeader|get_header)\s*[(\[]\s*['"](?:origin|Origin|ORIGIN|HTTP_ORIGIN)['"]|\.META\s*\[\s*['"]HTTP_ORIGIN['"])|\$_SERVER\s*\[\s*['"]HTTP_ORIGIN['"])`;
const ACAO = String.raw`(['"\`])Access-Control-Allow-Origin\1\s*\]?\s*[,:=]\s*`;
/** How many lines above a reflected origin an allow-list check may sit. */
const GUARD_WINDOW = 15;

export default defineDetector({
  id: 'cors-allows-any-origin',
  pillar: 'security',
  question: 'Does the API accept cross-origin requests from any origin?',
  rationale:
    'An open CORS policy lets any website call the API from a victim\'s browser; it is the level-1 "CORS open" anti-pattern.',
  patterns: {
    jsCorsDefault: {
      // `cors()` / `app.use(cors())`: the cors package defaults to origin '*' (@koa/cors reflects any origin).
      regex: /\b(?:cors|Cors|koaCors|kcors|corsMiddleware)\s*\(\s*\)/,
      literals: ['ors('],
      languages: JS,
    },
    jsOriginAny: {
      // `origin: '*'`, `origin: true`, `origin: ['*']`, `origins: '*'` (socket.io), `cors: true`.
      regex: /\borigins?\s*:\s*(?:(['"`])\*\1|true\b|\[\s*(['"`])\*\2\s*\])|\bcors\s*:\s*true\b/,
      literals: ['origin', 'cors'],
      languages: JS,
    },
    jsOriginCallback: {
      // An origin callback whose first statement allows or reflects: `origin: (o, cb) => cb(null, true)`,
      // `origin: function (origin, callback) { callback(null, origin) }`. Groups 1-3: the callback's first
      // parameter; group 4: what it passes (`true` or an identifier).
      regex: /\borigin\s*:\s*(?:(?:async\s+)?function\s*\w*\s*\(\s*(\w+)[^)]*\)|(?:async\s*)?\(\s*(\w+)[^)]*\)\s*=>|(\w+)\s*=>)\s*\{?\s*(?:return\s+)?(?:callback|cb|done|next|fn)\s*\(\s*null\s*,\s*(true|\w+)\s*\)/,
      literals: ['origin'],
      languages: JS,
    },
    jsOriginReflected: {
      // The cors options delegate or @koa/cors echoing the request: `origin: req.header('Origin')`, `origin: (ctx) => ctx.get('Origin')`.
      regex: new RegExp(String.raw`\borigin\s*:\s*(?:(?:async\s*)?\(?\s*\w+\s*\)?\s*=>\s*)?${REQUEST_ORIGIN}`),
      literals: ['origin', 'Origin'],
      languages: JS,
    },
    headerReflected: {
      // `res.setHeader('Access-Control-Allow-Origin', req.headers.origin)`, `w.Header().Set("...", r.Header.Get("Origin"))`.
      regex: new RegExp(`${ACAO}${REQUEST_ORIGIN}`, 'i'),
      literals: ['ccess-Control-Allow-Origin', 'ccess-control-allow-origin'],
      languages: SERVER_LANGUAGES,
    },
    headerFromVariable: {
      // The header set from a variable named like an origin (group 2): reflected when that variable holds the request's Origin.
      regex: new RegExp(String.raw`${ACAO}(\w*[oO]rigin)\s*(?:[),;]|$)`, 'im'),
      literals: ['ccess-Control-Allow-Origin', 'ccess-control-allow-origin'],
      languages: SERVER_LANGUAGES,
    },
    originVariable: {
      // `const origin = req.headers.origin`, `origin := r.Header.Get("Origin")`: group 1 is the variable.
      regex: new RegExp(String.raw`\b(\w*[oO]rigin)\s*:?=\s*${REQUEST_ORIGIN}`),
      literals: ['rigin'],
      languages: SERVER_LANGUAGES,
    },
    originGuard: {
      // A line that compares the origin with something (an allow-list, a suffix, a fixed value) under a condition;
      // a check for an empty or missing origin (`if origin != ""`) is not one.
      regex: /^(?=[^\n]*\b\w*[oO]rigin)(?=[^\n]*(?:\b(?:if|elif|unless|when|case|filter|where)\b|&&|\?))(?=[^\n]*(?:\.(?:includes|indexOf|has|contains|Contains|test|match|matches|startsWith|endsWith|some|find|exec|include\?|key\?)\s*\(?|\b(?:HasSuffix|HasPrefix|Contains|in_array|includes|slices\.Contains)\s*\(|(?:===?|!==?)(?!\s*(?:""|''|nil\b|null\b|None\b|undefined\b))|\bin\b))[^\n]+/m,
      literals: ['rigin'],
      languages: SERVER_LANGUAGES,
    },
    phpAny: {
      // Laravel config/cors.php `'allowed_origins' => ['*']`, `header('Access-Control-Allow-Origin: *')`.
      regex: /(['"])allowed_origins\1\s*=>\s*\[\s*(['"])\*\2\s*\]|\bheader\s*\(\s*(['"])Access-Control-Allow-Origin:\s*\*/i,
      literals: ['allowed_origins', 'ccess-Control-Allow-Origin'],
      languages: ['php'],
    },
    phpReflected: {
      // `header('Access-Control-Allow-Origin: ' . $_SERVER['HTTP_ORIGIN'])`.
      regex: new RegExp(String.raw`\bheader\s*\(\s*(['"])Access-Control-Allow-Origin:\s*\1\s*\.\s*${REQUEST_ORIGIN}`, 'i'),
      literals: ['ccess-Control-Allow-Origin'],
      languages: ['php'],
    },
    jsRegisterDefault: {
      // `fastify.register(cors)` or `register(require('@fastify/cors'))` without options: origin '*'.
      regex: /\.register\s*\(\s*(?:\w*[cC]ors\w*|require\s*\(\s*['"](?:@fastify\/cors|fastify-cors)['"]\s*\))\s*(?:,\s*\{\s*\})?\s*\)/,
      literals: ['register'],
      languages: JS,
    },
    nestEnableCors: {
      regex: /\.enableCors\s*\(\s*\)/,
      literals: ['enableCors'],
      languages: JS,
    },
    headerAny: {
      // `res.setHeader('Access-Control-Allow-Origin', '*')`, `{ 'Access-Control-Allow-Origin': '*' }`, `resp["..."] = "*"`.
      regex: /(['"`])Access-Control-Allow-Origin\1\s*\]?\s*[,:=]\s*(['"`])\*\2/i,
      literals: ['ccess-Control-Allow-Origin', 'ccess-control-allow-origin'],
      languages: ['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'ruby', 'php', 'csharp'],
    },
    staticServing: {
      // Files and public assets served from the same file: a wildcard there is asset CORS, not API CORS.
      regex: /\bsend\s*\(\s*ctx\b|\bsendFile\s*\(|\bserveStatic\s*\(|\bexpress\.static\s*\(|\bcreateReadStream\s*\(|\bres\.download\s*\(|\bsend_file\s*\(|\bFileResponse\s*\(|\bStaticFiles\s*\(|\bhttp\.FileServer\s*\(|\w*FileStream\s*\(|Content-Disposition/,
      literals: ['send', 'static', 'Static', 'ReadStream', 'download', 'FileResponse', 'FileServer', 'FileStream', 'Content-Disposition'],
      languages: ['javascript', 'typescript', 'python', 'go'],
      maxPerFile: 1,
    },
    proxyHeaderAny: {
      // nginx `add_header Access-Control-Allow-Origin *;`
      regex: /\badd_header\s+['"]?Access-Control-Allow-Origin['"]?\s+['"]?\*/i,
      literals: ['add_header'],
      roles: ['config', 'other', 'iac'],
    },
    python: {
      // Django CORS_ALLOW_ALL_ORIGINS / CORS_ORIGIN_ALLOW_ALL, FastAPI/Starlette allow_origins=["*"],
      // flask-cors `origins="*"` / `{"origins": "*"}`.
      regex: /\bCORS_(?:ALLOW_ALL_ORIGINS|ORIGIN_ALLOW_ALL)\s*=\s*True\b|\ballow_origins\s*=\s*\[\s*(['"])\*\1\s*\]|\ballow_origin_regex\s*=\s*r?(['"])\.\*\2|['"]?\borigins['"]?\s*[=:]\s*(?:(['"])\*\3|\[\s*(['"])\*\4\s*\])/,
      literals: ['CORS_', 'allow_origin', 'origins'],
      languages: ['python'],
    },
    flaskDefault: {
      // `CORS(app)` or `CORS(app, supports_credentials=True)`: no origins or resources, so every origin.
      regex: /\bCORS\s*\(\s*\w+\s*(?:,(?![^)]*\b(?:origins|resources)\b)[^)]*)?\)/,
      literals: ['CORS('],
      languages: ['python'],
    },
    jvmDotnetGoRuby: {
      // Spring `@CrossOrigin` without origins, allowedOrigins("*"); ASP.NET AllowAnyOrigin(); Go gin/rs cors
      // AllowAllOrigins / AllowedOrigins: []string{"*"} / cors.Default(); rack-cors `origins '*'`.
      regex: /@CrossOrigin\b(?!\s*\([^)]*\b(?:origins|value|originPatterns)\b)|\ballowed(?:Origins|OriginPatterns)\s*\(\s*"\*"\s*\)|\baddAllowedOrigin(?:Pattern)?\s*\(\s*"\*"\s*\)|\.AllowAnyOrigin\s*\(\s*\)|\bAllowAllOrigins\s*:\s*true\b|\bAllow(?:ed)?Origins\s*:\s*\[\]string\s*\{\s*"\*"|\bcors\.(?:Default|AllowAll)\s*\(\s*\)|^\s*origins\s+(['"])\*\1/m,
      literals: ['CrossOrigin', 'llowedOrigin', 'AllowedOrigin', 'AllowAnyOrigin', 'AllowAllOrigins', 'AllowOrigins', 'AllowedOrigins', 'cors.', 'origins'],
      languages: ['java', 'kotlin', 'csharp', 'go', 'ruby'],
    },
  },
  detect({ repo, matches }) {
    // `cors()` and `CORS(app)` count only in files that import a CORS library.
    const importsCors = new Set(usedLibraries(repo, CAPABILITIES.cors).flatMap((u) => u.sites.map((s) => s.path)));
    const found: [Match, string][] = [];
    for (const m of matches('jsCorsDefault')) if (importsCors.has(m.path)) found.push([m, 'CORS middleware with default options (any origin)']);
    for (const m of matches('jsOriginAny')) found.push([m, 'any origin allowed']);
    for (const m of matches('jsOriginCallback')) {
      const [a, b, c, passed] = m.groups;
      if (passed === 'true') found.push([m, 'origin callback allows every origin']);
      else if (passed !== undefined && passed === (a ?? b ?? c)) found.push([m, 'origin callback reflects the request origin']);
    }
    // A reflected Origin is open unless an allow-list check sits just above it in the same file.
    const guards = matches('originGuard');
    const guarded = (m: Match): boolean => guards.some((g) => g.path === m.path && g.line <= m.line && g.line >= m.line - GUARD_WINDOW);
    const reflecting = new Set(matches('originVariable').map((m) => `${m.path}#${m.groups[0]}`));
    const reflected = [
      ...matches('jsOriginReflected'),
      ...matches('headerReflected'),
      ...matches('phpReflected'),
      ...matches('headerFromVariable').filter((m) => reflecting.has(`${m.path}#${m.groups[1]}`)),
    ];
    for (const m of reflected) if (!BROWSER_PATH.test(m.path) && !guarded(m)) found.push([m, 'the request Origin is reflected without an allow-list check']);
    for (const m of matches('phpAny')) found.push([m, 'any origin allowed']);
    for (const m of matches('jsRegisterDefault')) found.push([m, 'CORS plugin registered without an origin list']);
    for (const m of matches('nestEnableCors')) found.push([m, 'enableCors() without options (any origin)']);
    const servesFiles = new Set(matches('staticServing').map((m) => m.path));
    for (const m of matches('headerAny')) {
      if (!BROWSER_PATH.test(m.path) && !servesFiles.has(m.path)) found.push([m, 'Access-Control-Allow-Origin: *']);
    }
    for (const m of matches('proxyHeaderAny')) found.push([m, 'proxy sets Access-Control-Allow-Origin: *']);
    for (const m of matches('python')) found.push([m, 'any origin allowed']);
    for (const m of matches('flaskDefault')) if (importsCors.has(m.path)) found.push([m, 'CORS(app) without origins (any origin)']);
    for (const m of matches('jvmDotnetGoRuby')) found.push([m, 'any origin allowed']);

    found.splice(0, found.length, ...found.filter(([m]) => !BUILD_CONFIG.test(m.path)));
    if (found.length === 0) return no('No CORS configuration that accepts any origin was found in production code or proxy config.');
    const seen = new Set<string>();
    const evidence: EvidenceItem[] = [];
    for (const [m, note] of found) {
      if (seen.has(`${m.path}:${m.line}`)) continue;
      seen.add(`${m.path}:${m.line}`);
      evidence.push(fromMatch(m, note));
    }
    evidence.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)));
    return yes(`CORS accepts any origin at ${evidence[0]!.path}:${evidence[0]!.line}${evidence.length > 1 ? ` and ${evidence.length - 1} other place(s)` : ''}.`, firstN(evidence, 10));
  },
});
