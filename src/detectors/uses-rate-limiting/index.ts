import { defineDetector, firstN, fromImport, fromMatch, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem, Language, Match } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

const JS: readonly Language[] = ['javascript', 'typescript'];
/** A limiter middleware identifier: `limiter`, `authLimiter`, `rateLimit(...)`, `slowDown`, `bruteforce.prevent`. */
const LIM = String.raw`[\w$.]*(?:[lL]imiter|[rR]ate[lL]imit\w*|[tT]hrottl\w*|[sS]lowDown|[bB]rute\w*)`;

export default defineDetector({
  id: 'uses-rate-limiting',
  pillar: 'security',
  question: 'Does production code apply request rate limiting?',
  rationale:
    'Without rate limits one client (or attacker) can exhaust the API, run up costs and brute-force credentials; "no rate limit" is a level-1 finding.',
  patterns: {
    jsUse: {
      // `app.use(limiter)`, `app.use('/api', apiLimiter)`, `app.use(rateLimit({...}))`.
      regex: new RegExp(String.raw`\b[\w$]+\.use\s*\(\s*(?:(['"\`])[^'"\`]*\1\s*,\s*)?(?:[\w$.]+(?:\(\s*\))?\s*,\s*)*?${LIM}\s*[,()]`),
      literals: ['.use'],
      languages: JS,
    },
    jsRoute: {
      // Route middleware: `router.post('/login', loginLimiter, handler)`.
      regex: new RegExp(String.raw`\b[\w$]+\.(?:get|post|put|patch|delete|all)\s*\(\s*(['"\`])[^'"\`]*\1\s*,\s*(?:[\w$.]+(?:\([^()]*\))?\s*,\s*)*?${LIM}\s*[,()]`),
      literals: ['imit', 'hrottl', 'lowDown', 'rute'],
      languages: JS,
    },
    jsOther: {
      // fastify.register(rateLimit), fastify route `config: { rateLimit }`, Nest @Throttle / ThrottlerGuard,
      // rate-limiter-flexible `limiter.consume(key)`, Upstash `ratelimit.limit(id)`.
      regex: /\.register\s*\(\s*(?:[\w$]*[rR]ate[lL]imit\w*|require\s*\(\s*['"](?:@fastify\/rate-limit|fastify-rate-limit)['"]\s*\))|\bconfig\s*:\s*\{\s*rateLimit\s*:|@Throttle\s*\(|\b(?:useClass\s*:|UseGuards\s*\(|useGlobalGuards\s*\()[^)]*\bThrottlerGuard\b|\b[\w$]*[lL]imiter\w*\.consume\s*\(|\b[\w$]*[rR]ate[lL]imit\w*\.limit\s*\(/,
      literals: ['register', 'rateLimit', 'Throttle', '.consume', '.limit'],
      languages: JS,
    },
    python: {
      // `@limiter.limit(...)`, django-ratelimit `@ratelimit(...)`, `Limiter(app...)`, `limiter.init_app(app)`,
      // slowapi `app.state.limiter = ...`, fastapi-limiter `Depends(RateLimiter(...))`, default limits.
      regex: /^[ \t]*@(?:\w+\.)?(?:limit|ratelimit)\s*\(|\bLimiter\s*\(\s*(?:app\b|key_func|get_remote_address)|\blimiter\.init_app\s*\(|\bapp\.state\.limiter\s*=|\bDepends\s*\(\s*RateLimiter\s*\(|\bSlowAPIMiddleware\b|\bdefault_limits\s*=\s*\[\s*['"]/m,
      literals: ['limit', 'Limiter', 'SlowAPIMiddleware'],
      languages: ['python'],
    },
    go: {
      // go-chi httprate, tollbooth, ulule/limiter middlewares, fiber's limiter, the gRPC ratelimit interceptors.
      regex: /\bhttprate\.Limit\w*\s*\(|\btollbooth\.(?:LimitHandler|LimitFuncHandler|HTTPMiddleware|NewLimiter)\s*\(|\b(?:stdlib|mgin|mfasthttp|mfiber|mecho)\.NewMiddleware\s*\(|\blimiter\.New\s*\(|\bratelimit\.(?:Unary|Stream)ServerInterceptor\s*\(/,
      literals: ['httprate.', 'tollbooth.', 'NewMiddleware', 'limiter.New', 'ratelimit.'],
      languages: ['go'],
    },
    jvm: {
      // Bucket4j buckets consumed per request.
      regex: /\bBucket(?:4j)?\.builder\s*\(|\.tryConsume(?:AndReturnRemaining)?\s*\(/,
      literals: ['Bucket', 'tryConsume'],
      languages: ['java', 'kotlin'],
    },
    builtIn: {
      // Framework-level limiters whose imports are not tracked: Rack::Attack throttles, ASP.NET Core rate limiter and
      // AspNetCoreRateLimit, Echo's RateLimiter middleware, Laravel's RateLimiter and throttle middleware, Rails 7.2's
      // controller `rate_limit to: 10, within: 1.minute`.
      regex: /\bRack::Attack\.throttle\s*\(|^[ \t]*rate_limit[ \t(]+to:[ \t]*\w|^\s*throttle\s*\(\s*['"]|\.UseRateLimiter\s*\(|\.RequireRateLimiting\s*\(|\.Use(?:Ip|Client)RateLimiting\s*\(|\bmiddleware\.RateLimiter(?:WithConfig)?\s*\(|\bRateLimiter::for\s*\(|(['"])throttle:[\w,]+\1|\bThrottleRequests(?:WithRedis)?::class/m,
      literals: ['Rack::Attack', 'throttle', 'rate_limit', 'UseRateLimiter', 'RequireRateLimiting', 'RateLimiting', 'RateLimiter', 'ThrottleRequests'],
      languages: ['ruby', 'csharp', 'go', 'php'],
    },
  },
  detect({ repo, matches }) {
    const libs = usedLibraries(repo, CAPABILITIES['rate-limiting']);
    const builtIn = matches('builtIn');
    const applied: Match[] = libs.length > 0 ? [...matches('jsUse'), ...matches('jsRoute'), ...matches('jsOther'), ...matches('python'), ...matches('go'), ...matches('jvm')] : [];
    applied.push(...builtIn);
    const importEvidence: EvidenceItem[] = libs.flatMap((u) => u.sites.slice(0, 2).map((s) => fromImport(s, `${u.library} imported`)));
    if (applied.length === 0) {
      if (libs.length === 0) return no('No rate-limiting library is imported by production code and no framework rate limiter is configured.');
      return unknown(
        `A rate-limiting library (${libs.map((u) => u.library).join(', ')}) is imported, but where it is applied could not be found.`,
        firstN(importEvidence, 10),
      );
    }
    const seen = new Set<string>();
    const appliedEvidence: EvidenceItem[] = [];
    for (const m of applied.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line))) {
      if (seen.has(`${m.path}:${m.line}`)) continue;
      seen.add(`${m.path}:${m.line}`);
      appliedEvidence.push(fromMatch(m, 'rate limit applied'));
    }
    const names = libs.length > 0 ? libs.map((u) => u.library).join(', ') : 'framework rate limiter';
    return yes(
      `Rate limiting (${names}) is applied at ${appliedEvidence.length} place(s), first ${appliedEvidence[0]!.path}:${appliedEvidence[0]!.line}.`,
      // A Ruby constant (`Rack::Attack.throttle`) is both the import site and the place it is applied: list it once.
      firstN([...importEvidence.filter((e) => !seen.has(`${e.path}:${e.line}`)).slice(0, 3), ...appliedEvidence], 10),
    );
  },
});
