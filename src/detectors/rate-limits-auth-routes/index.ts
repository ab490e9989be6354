import { defineDetector, firstN, fromImport, fromMatch, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem, Language, Match } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

const JS: readonly Language[] = ['javascript', 'typescript'];
/** A limiter middleware identifier: `limiter`, `authLimiter`, `rateLimit(...)`, `slowDown`, `bruteforce.prevent`. */
const LIM = String.raw`[\w$.]*(?:[lL]imiter|[rR]ate[lL]imit\w*|[tT]hrottl\w*|[sS]lowDown|[bB]rute\w*)`;
/** Paths, names and files of authentication endpoints (`auth` but not `author`). */
const AUTH = /log[-_]?in|sign[-_]?(?:in|up|on)|auth(?!or)|token|passw(?:or)?d|otp|regist(?:er|ration)|[mt]fa\b|2fa|forgot|reset/i;
/** Receivers whose `.use(x)` covers one router, not the whole app. */
const ROUTER = /router|routes|Router|Routes/;
const BROWSER_PATH = /\.(?:jsx|tsx|vue|svelte)$|(?:^|\/)(?:components|hooks|pages|frontend|client|public|static|browser)\//;

type Scope = { kind: 'global' } | { kind: 'prefix'; path: string } | { kind: 'auth' } | { kind: 'other' };

export default defineDetector({
  id: 'rate-limits-auth-routes',
  pillar: 'security',
  question: 'Does rate limiting cover the authentication routes (login, token, password reset)?',
  rationale:
    'Login, token and password endpoints are where credential stuffing and brute force land; a limiter elsewhere does not protect them.',
  patterns: {
    jsUse: {
      // `app.use(limiter)`, `app.use('/api', apiLimiter)`, `router.use(rateLimit({...}))`.
      regex: new RegExp(String.raw`\b([\w$]+)\.use\s*\(\s*(?:(['"\`])([^'"\`]*)\2\s*,\s*)?(?:[\w$.]+(?:\(\s*\))?\s*,\s*)*?(${LIM})\s*[,()]`),
      literals: ['.use'],
      languages: JS,
    },
    jsRoute: {
      // `router.post('/login', loginLimiter, handler)`.
      regex: new RegExp(String.raw`\b([\w$]+)\.(?:get|post|put|patch|delete|all)\s*\(\s*(['"\`])([^'"\`]*)\2\s*,\s*(?:[\w$.]+(?:\([^()]*\))?\s*,\s*)*?(${LIM})\s*[,()]`),
      literals: ['imit', 'hrottl', 'lowDown', 'rute'],
      languages: JS,
    },
    jsRegister: {
      // @fastify/rate-limit registers globally unless `global: false`.
      regex: /\.register\s*\(\s*(?:[\w$]*[rR]ate[lL]imit\w*|require\s*\(\s*['"](?:@fastify\/rate-limit|fastify-rate-limit)['"]\s*\))\s*(?:,([\s\S]{0,300}))?/,
      literals: ['register'],
      languages: JS,
    },
    jsRouteConfig: {
      // fastify per-route limits: `fastify.post('/login', { config: { rateLimit: {...} } }, h)`.
      regex: /\.(?:get|post|put|patch|delete|all)\s*\(\s*(['"`])([^'"`]*)\1\s*,\s*\{[\s\S]{0,300}?\bconfig\s*:\s*\{\s*rateLimit\s*:/,
      literals: ['rateLimit'],
      languages: JS,
    },
    nestGlobal: {
      regex: /\bprovide\s*:\s*APP_GUARD\s*,\s*useClass\s*:\s*\w*ThrottlerGuard\b|\buseGlobalGuards\s*\([^)]*\bThrottlerGuard\b/,
      literals: ['ThrottlerGuard'],
      languages: JS,
    },
    scoped: {
      // Limits that apply to the file they are in: Nest @Throttle/@UseGuards(ThrottlerGuard),
      // rate-limiter-flexible `limiter.consume(key)`, Upstash `ratelimit.limit(id)`.
      regex: /@Throttle\s*\(|@UseGuards\s*\([^)]*\bThrottlerGuard\b|\b[\w$]*[lL]imiter\w*\.consume\s*\(|\b[\w$]*[rR]ate[lL]imit\w*\.limit\s*\(/,
      literals: ['Throttle', 'ThrottlerGuard', '.consume', '.limit'],
      languages: JS,
    },
    jsRoutes: {
      // Route and mount paths, to find authentication endpoints.
      regex: /\.(?:get|post|put|patch|delete|all|use|route)\s*\(\s*(['"`])(\/[^'"`]*)\1|@(?:Controller|Get|Post|Put|Patch|Delete|All)\s*\(\s*(['"`])([^'"`]*)\3/,
      literals: ['.get', '.post', '.put', '.patch', '.delete', '.all', '.use', '.route', '@Controller', '@Get', '@Post'],
      languages: JS,
    },
    pyDecorated: {
      // `@limiter.limit("5/minute")` / `@ratelimit(key="ip")` above a view: group 1 is the function.
      regex: /^[ \t]*@(?:\w+\.)?(?:limit|ratelimit)\b[^\n]*\n(?:[ \t]*@[^\n]*\n)*?[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)/m,
      literals: ['limit'],
      languages: ['python'],
    },
    pyRoute: {
      // `@app.post("/login")` above a view (group 1 path, group 2 function), Django `path("login/", ...)` (group 3).
      regex: /^[ \t]*@\w+(?:\.\w+)*\.(?:route|get|post|put|patch|delete|api_route)\s*\(\s*['"]([^'"]*)['"][^\n]*\n(?:[ \t]*@[^\n]*\n)*?[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)|\b(?:re_)?path\s*\(\s*r?['"]([^'"]*)['"]/m,
      literals: ['@', 'path('],
      languages: ['python'],
    },
    pyRouteDep: {
      // fastapi-limiter on a route: `@app.post("/login", dependencies=[Depends(RateLimiter(times=5))])`.
      regex: /@\w+(?:\.\w+)*\.(?:get|post|put|patch|delete|api_route)\s*\(\s*['"]([^'"]*)['"][^\n]*\bRateLimiter\s*\(/,
      literals: ['RateLimiter'],
      languages: ['python'],
    },
    pyGlobal: {
      // Flask-Limiter / slowapi default limits apply to every route.
      regex: /\b(?:default_limits|application_limits)\s*=\s*\[\s*['"]/,
      literals: ['default_limits', 'application_limits'],
      languages: ['python'],
    },
    rackAttack: {
      // Rack::Attack throttles: group 1 name, group 2 the block (its path condition, if any).
      regex: /\bthrottle\s*\(\s*['"]([^'"]*)['"][^\n]*\n?([\s\S]{0,400}?)\bend\b/,
      literals: ['Rack::Attack'],
      languages: ['ruby'],
    },
    goUse: {
      // Go routers: `r.Use(httprate.LimitByIP(...))`, `e.Use(middleware.RateLimiter(...))`, `router.Use(limiterMiddleware)`.
      regex: /\b\w+\.Use\s*\(\s*(?:httprate\.Limit\w*|tollbooth\.\w+|middleware\.RateLimiter\w*|\w*[lL]imiter\w*|\w*[rR]ate[lL]imit\w*)\s*[(),]/,
      literals: ['.Use'],
      languages: ['go'],
    },
    goGroups: {
      // Sub-routers and groups: a `Use` in a file that has them may be scoped to one group.
      regex: /\.(?:Route|Group|Mount|Subrouter|PathPrefix)\s*\(/,
      literals: ['.Route', '.Group', '.Mount', 'Subrouter', 'PathPrefix'],
      languages: ['go'],
      maxPerFile: 1,
    },
    dotnetRoutes: {
      // ASP.NET Core minimal API routes and controller attributes, to find authentication endpoints (group 1 or 2).
      regex: /\bMap(?:Get|Post|Put|Delete|Patch|Group)\s*\(\s*"([^"]*)"|\[(?:Http(?:Get|Post|Put|Delete|Patch)|Route)\s*\(\s*"([^"]*)"/,
      literals: ['Map', 'Http', 'Route'],
      languages: ['csharp'],
    },
    dotnet: {
      // ASP.NET Core: a GlobalLimiter, or `MapPost("/login", ...).RequireRateLimiting(...)` (group 1 path).
      regex: /\bGlobalLimiter\s*=|\bMap(?:Get|Post|Put|Delete|Patch|Group)\s*\(\s*"([^"]*)"[^;]*?\.RequireRateLimiting\s*\(/,
      literals: ['GlobalLimiter', 'RequireRateLimiting'],
      languages: ['csharp'],
    },
  },
  detect({ repo, matches }) {
    const libs = usedLibraries(repo, CAPABILITIES['rate-limiting']);
    const builtIn = matches('rackAttack').length + matches('dotnet').length > 0;
    if (libs.length === 0 && !builtIn) return no('Rate limiting is not used in production code, so authentication routes are not rate limited.');

    const authFile = (path: string): boolean => AUTH.test(path.slice(path.lastIndexOf('/') + 1));
    // Every route and mount path of production code, and which of them are authentication endpoints.
    const routes: { m: Match; path: string; fn?: string }[] = [];
    for (const m of matches('jsRoutes')) if (!BROWSER_PATH.test(m.path)) routes.push({ m, path: m.groups[1] ?? m.groups[3] ?? '' });
    for (const m of matches('dotnetRoutes')) routes.push({ m, path: m.groups[0] ?? m.groups[1] ?? '' });
    for (const m of matches('pyRoute')) {
      if (m.groups[1] !== undefined) routes.push({ m, path: m.groups[0] ?? '', fn: m.groups[1] });
      else routes.push({ m, path: m.groups[2] ?? '' });
    }
    const authRoutes = routes.filter((r) => AUTH.test(r.path) || (r.fn !== undefined && AUTH.test(r.fn)));
    const authRouteFiles = new Set(authRoutes.map((r) => r.m.path));
    const pyViewPaths = new Map<string, string>(); // "file#function" -> route path
    for (const r of routes) if (r.fn !== undefined) pyViewPaths.set(`${r.m.path}#${r.fn}`, r.path);
    const fileCoversAuth = (path: string): boolean => authFile(path) || authRouteFiles.has(path);

    const applications: [Match, Scope][] = [];
    for (const m of matches('jsUse')) {
      const [receiver = '', , path] = m.groups;
      if (path === undefined || /^\/?\*?$/.test(path)) {
        if (ROUTER.test(receiver)) applications.push([m, fileCoversAuth(m.path) ? { kind: 'auth' } : { kind: 'other' }]);
        else applications.push([m, { kind: 'global' }]);
      } else if (AUTH.test(path)) applications.push([m, { kind: 'auth' }]);
      else applications.push([m, { kind: 'prefix', path: path.replace(/\/?\*$/, '') }]);
    }
    for (const m of matches('jsRoute')) applications.push([m, AUTH.test(m.groups[2] ?? '') ? { kind: 'auth' } : { kind: 'other' }]);
    for (const m of matches('jsRegister')) applications.push([m, /\bglobal\s*:\s*false\b/.test(m.groups[0] ?? '') ? { kind: 'other' } : { kind: 'global' }]);
    for (const m of matches('jsRouteConfig')) applications.push([m, AUTH.test(m.groups[1] ?? '') ? { kind: 'auth' } : { kind: 'other' }]);
    for (const m of matches('nestGlobal')) applications.push([m, { kind: 'global' }]);
    for (const m of matches('scoped')) applications.push([m, fileCoversAuth(m.path) ? { kind: 'auth' } : { kind: 'other' }]);
    for (const m of matches('pyDecorated')) {
      const fn = m.groups[0] ?? '';
      const route = pyViewPaths.get(`${m.path}#${fn}`);
      applications.push([m, AUTH.test(fn) || (route !== undefined && AUTH.test(route)) ? { kind: 'auth' } : { kind: 'other' }]);
    }
    for (const m of matches('pyRouteDep')) applications.push([m, AUTH.test(m.groups[0] ?? '') ? { kind: 'auth' } : { kind: 'other' }]);
    for (const m of matches('pyGlobal')) applications.push([m, { kind: 'global' }]);
    // A Go `Use` is global in a file without sub-routers or groups; otherwise its scope is not known from the text.
    const goGrouped = new Set(matches('goGroups').map((m) => m.path));
    for (const m of matches('goUse')) applications.push([m, goGrouped.has(m.path) ? { kind: 'other' } : { kind: 'global' }]);
    for (const m of matches('rackAttack')) {
      const [name = '', block = ''] = m.groups;
      if (AUTH.test(name) || AUTH.test(block)) applications.push([m, { kind: 'auth' }]);
      else applications.push([m, /\bpath\b/.test(block) ? { kind: 'other' } : { kind: 'global' }]);
    }
    for (const m of matches('dotnet')) {
      const path = m.groups[0];
      applications.push([m, path === undefined ? { kind: 'global' } : AUTH.test(path) ? { kind: 'auth' } : { kind: 'other' }]);
    }

    const importEvidence: EvidenceItem[] = libs.flatMap((u) => u.sites.slice(0, 1).map((s) => fromImport(s, `${u.library} imported`)));
    if (applications.length === 0) {
      return unknown('A rate-limiting library is imported, but where it is applied could not be found.', firstN(importEvidence, 10));
    }

    // A prefix limiter covers auth routes mounted under it, or routers mounted under the same prefix in its file.
    const mounts = matches('jsUse');
    const coversAuth = ([m, s]: [Match, Scope]): boolean => {
      if (s.kind === 'global' || s.kind === 'auth') return true;
      if (s.kind !== 'prefix') return false;
      if (authRoutes.some((r) => r.path.startsWith(s.path))) return true;
      const limiterLines = new Set(mounts.map((u) => `${u.path}:${u.line}`));
      const sameFileMount = routes.some((r) => r.m.path === m.path && r.path === s.path && !limiterLines.has(`${r.m.path}:${r.m.line}`));
      return sameFileMount && authRoutes.length > 0;
    };
    const covering = applications.filter(coversAuth);
    if (covering.length > 0) {
      const evidence = covering.map(([m, s]) =>
        fromMatch(m, s.kind === 'global' ? 'rate limit applied to every route' : s.kind === 'auth' ? 'rate limit on an authentication route' : `rate limit on ${s.kind === 'prefix' ? s.path : ''}, which holds the authentication routes`),
      );
      const first = covering[0]!;
      return yes(
        `Authentication routes are rate limited (${first[1].kind === 'global' ? 'global limiter' : 'limiter on auth routes'} at ${first[0].path}:${first[0].line}).`,
        firstN(evidence, 10),
      );
    }
    const appliedEvidence = applications.map(([m]) => fromMatch(m, 'rate limit applied elsewhere'));
    if (authRoutes.length === 0) {
      return unknown('Rate limiting is applied to some routes, but no authentication route could be found to check.', firstN(appliedEvidence, 10));
    }
    return no(
      `Rate limiting is applied, but not to the authentication routes (e.g. ${authRoutes[0]!.m.path}:${authRoutes[0]!.m.line}).`,
      firstN([...appliedEvidence.slice(0, 5), ...authRoutes.slice(0, 5).map((r) => fromMatch(r.m, 'authentication route without a limiter'))], 10),
    );
  },
});
