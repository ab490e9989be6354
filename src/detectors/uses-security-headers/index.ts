import { defineDetector, firstN, fromImport, fromMatch, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem, Language, Match } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

const JS: readonly Language[] = ['javascript', 'typescript'];
const SECURITY_HEADERS = 'Content-Security-Policy|Strict-Transport-Security|X-Frame-Options|X-Content-Type-Options|Referrer-Policy|Permissions-Policy';
const BROWSER_PATH = /\.(?:jsx|tsx|vue|svelte)$|(?:^|\/)(?:components|hooks|frontend|client|public|static|browser)\//;

export default defineDetector({
  id: 'uses-security-headers',
  pillar: 'security',
  question: 'Does the application send HTTP security headers (helmet, SecurityMiddleware, Talisman, Spring Security headers)?',
  rationale:
    'Security headers (CSP, HSTS, frame and sniffing protection) close whole classes of browser attacks for the cost of one middleware.',
  patterns: {
    jsApply: {
      // `app.use(helmet())`, Hono `app.use('*', secureHeaders())`, `app.use(helmet.hsts(...))`, `app.use(koaHelmet())`, `app.use(lusca({...}))`,
      // `fastify.register(helmet)`, `register(require('@fastify/helmet'))`.
      regex: /\.use\s*\(\s*(?:(['"`])[^'"`]*\1\s*,\s*)?(?:[\w$]*[hH]elmet\w*|lusca|secureHeaders)(?:\.\w+)?\s*[()]|\.register\s*\(\s*(?:[\w$]*[hH]elmet\w*|require\s*\(\s*['"](?:@fastify\/helmet|fastify-helmet)['"]\s*\))/,
      literals: ['elmet', 'lusca', 'secureHeaders'],
      languages: JS,
    },
    djangoMiddleware: {
      regex: /(['"])django\.middleware\.security\.SecurityMiddleware\1/,
      literals: ['SecurityMiddleware'],
      languages: ['python'],
    },
    talisman: {
      regex: /\bTalisman\s*\(\s*\w+|\btalisman\.init_app\s*\(/,
      literals: ['Talisman', 'talisman'],
      languages: ['python'],
    },
    springHeaders: {
      regex: /\.headers\s*\((?![^\n]*\.disable\s*\()/,
      literals: ['.headers('],
      languages: ['java', 'kotlin'],
    },
    springHeadersDisabled: {
      // `.headers(AbstractHttpConfigurer::disable)`, `.headers(h -> h.disable())`, `.headers().disable()`, Kotlin `headers { disable() }`.
      regex: /\.headers\s*\(\s*(?:AbstractHttpConfigurer::disable|(\w+)\s*->\s*\1\.disable\s*\(\s*\))\s*\)|\.headers\s*\(\s*\)\s*\.disable\s*\(|\bheaders\s*\{\s*disable\s*\(\s*\)/,
      literals: ['headers'],
      languages: ['java', 'kotlin'],
    },
    railsHeaders: {
      // secure_headers gem configuration; Rails' own content security policy (generated commented out).
      regex: /\bSecureHeaders::Configuration\.default\b|\.content_security_policy\s+do\b/,
      literals: ['SecureHeaders', 'content_security_policy'],
      languages: ['ruby'],
    },
    phpMiddleware: {
      // Laravel middleware registered by class (Kernel.php `\Bepsvpt\SecureHeaders\SecureHeadersMiddleware::class`,
      // Laravel 11 `$middleware->append(AddCspHeaders::class)`), Symfony's nelmio_security bundle config.
      regex: /\b(?:SecureHeadersMiddleware|AddCspHeaders)::class\b|^nelmio_security:/m,
      literals: ['SecureHeadersMiddleware', 'AddCspHeaders', 'nelmio_security'],
      languages: ['php', 'yaml'],
      roles: ['source', 'config'],
    },
    springFilterChain: {
      // The method that configures HttpSecurity: a SecurityFilterChain bean, Kotlin `fun x(http: HttpSecurity)`, the older `configure(HttpSecurity)`.
      regex: /\b\w+\s*\(\s*(?:final\s+)?HttpSecurity\s+\w+\s*\)|\bfun\s+\w+\s*\(\s*\w+\s*:\s*HttpSecurity\b/,
      literals: ['HttpSecurity'],
      languages: ['java', 'kotlin'],
      maxPerFile: 1,
    },
    springHttp: {
      regex: /\bHttpSecurity\b/,
      literals: ['HttpSecurity'],
      languages: ['java', 'kotlin'],
      maxPerFile: 1,
    },
    otherFramework: {
      // Go unrolled/secure and helmet, ASP.NET NetEscapades UseSecurityHeaders.
      regex: /\bsecure\.New\s*\(\s*secure\.Options|\bhelmet\.(?:Default|New)\s*\(|\.UseSecurityHeaders\s*\(/,
      literals: ['secure.New', 'helmet.', 'UseSecurityHeaders'],
      languages: ['go', 'csharp'],
    },
    headerInCode: {
      // Headers set by hand: `res.setHeader('X-Frame-Options', ...)`, next.config `key: 'Strict-Transport-Security'`.
      regex: new RegExp(String.raw`(['"\`])(${SECURITY_HEADERS})\1\s*\]?\s*[,:=]`, 'i'),
      literals: ['Content-Security-Policy', 'Strict-Transport-Security', 'X-Frame-Options', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy'],
      languages: ['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'ruby', 'php', 'csharp'],
    },
    headerInProxy: {
      // nginx `add_header Strict-Transport-Security ...`
      regex: new RegExp(String.raw`\badd_header\s+['"]?(${SECURITY_HEADERS})\b`, 'i'),
      literals: ['add_header'],
      roles: ['config', 'other', 'iac'],
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const kinds: string[] = [];
    const libs = usedLibraries(repo, CAPABILITIES['security-headers']);
    const jsLibs = libs.filter((u) => u.ecosystem === 'js');
    const pyLibs = libs.filter((u) => u.ecosystem === 'python');
    const add = (label: string, found: readonly Match[], note: string): void => {
      if (found.length === 0) return;
      kinds.push(label);
      evidence.push(...found.slice(0, 3).map((m) => fromMatch(m, note)));
    };

    if (jsLibs.length > 0) {
      const applied = matches('jsApply');
      if (applied.length > 0) evidence.push(...jsLibs.map((u) => fromImport(u.sites[0]!, `${u.library} imported`)));
      add(`${jsLibs.map((u) => u.library).join(', ')} applied`, applied, 'security-headers middleware applied');
    }
    add('Django SecurityMiddleware', matches('djangoMiddleware'), 'SecurityMiddleware in MIDDLEWARE');
    if (pyLibs.some((u) => u.library === 'flask-talisman')) add('Flask-Talisman', matches('talisman'), 'Talisman applied');
    const httpSecurity = new Set(matches('springHttp').map((m) => m.path));
    const headersOff = new Set(matches('springHeadersDisabled').map((m) => m.path));
    const springOn = (m: Match): boolean => httpSecurity.has(m.path) && !headersOff.has(m.path);
    add('Spring Security headers', matches('springHeaders').filter(springOn), 'Spring Security headers()');
    if (!kinds.includes('Spring Security headers')) {
      // Spring Security writes its default headers (HSTS, X-Frame-Options, nosniff, cache control) unless they are disabled.
      const springFiles = new Set(libs.filter((u) => u.ecosystem === 'jvm').flatMap((u) => u.sites.map((s) => s.path)));
      add('Spring Security default headers', matches('springFilterChain').filter((m) => springFiles.has(m.path) && springOn(m)), 'Spring Security filter chain (default headers on)');
    }
    add('Rails security headers', matches('railsHeaders'), 'security headers configured');
    // PHP middleware count where their Composer package is declared for production.
    const phpPackages = new Set(repo.dependencies().filter((d) => d.ecosystem === 'php' && !d.dev).map((d) => d.name.toLowerCase()));
    const phpHeaders = matches('phpMiddleware').filter((m) =>
      m.text.includes('SecureHeadersMiddleware') ? phpPackages.has('bepsvpt/secure-headers') : m.text.includes('AddCspHeaders') ? phpPackages.has('spatie/laravel-csp') : phpPackages.has('nelmio/security-bundle'),
    );
    add('Laravel / Symfony security-headers middleware', phpHeaders, 'security-headers middleware registered');
    add('security-headers middleware', matches('otherFramework'), 'security-headers middleware');

    // Two or more distinct security headers set by hand (code or proxy) is a deliberate policy.
    const manual = [...matches('headerInCode').filter((m) => !BROWSER_PATH.test(m.path)), ...matches('headerInProxy')];
    const names = new Set(manual.map((m) => (m.groups[m.groups.length - 1] ?? '').toLowerCase()));
    if (names.size >= 2) add(`${names.size} security headers set explicitly`, manual, 'security header set');

    if (kinds.length > 0) return yes(`Security headers are applied: ${kinds.join('; ')}.`, firstN(evidence, 10));
    if (jsLibs.length > 0 || pyLibs.length > 0) {
      return unknown(
        `A security-headers library (${[...jsLibs, ...pyLibs].map((u) => u.library).join(', ')}) is imported, but where it is applied could not be found.`,
        firstN(libs.flatMap((u) => u.sites.slice(0, 2).map((s) => fromImport(s, `${u.library} imported`))), 10),
      );
    }
    return no('No security-headers middleware or explicit security headers were found in production code or proxy config.');
  },
});
