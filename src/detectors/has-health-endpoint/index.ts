import { defineDetector, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

const HEALTH = '(?:health|healthz|healthcheck|health-check|health_check|_health|livez|liveness|readyz|ready|readiness|ping)';
/** Route registrations and decorators across frameworks (Express, Fastify, Nest, Flask, FastAPI, Django, Go, Spring, ASP.NET). */
const ROUTE_CALL =
  // Client calls (axios.get('/health'), request(app).get(...)) are not routes.
  '(?:(?<!\\b(?:axios|https?|client|request|requests|httpx|api|ky|got|superagent|agent|httpClient|session|\\$http|\\)))\\.(?:get|head|all|route|use|handle|handleFunc|HandleFunc|Handle|GET|HEAD|Any|Get|add_url_rule|add_api_route|api_route|MapGet|MapHealthChecks)' +
  '|@(?:[\\w.]+\\.)?(?:get|route|api_route|Get|GetMapping|RequestMapping|Controller|HttpGet)' +
  '|\\b(?:path|re_path|url|HandleFunc|Handle|MapGet|MapHealthChecks))';

export default defineDetector({
  id: 'has-health-endpoint',
  pillar: 'reliability',
  question: 'Does the service expose a health or readiness endpoint (/health, /healthz, /readyz, /ping...)?',
  rationale: 'Load balancers and orchestrators route traffic and restart instances based on health checks; without one, a hung instance keeps receiving traffic.',
  patterns: {
    route: {
      regex: new RegExp(`${ROUTE_CALL}\\s*\\(\\s*(?:(?:path|value)\\s*=\\s*)?r?['"\`]\\^?/?(?:[\\w.-]+/)*?${HEALTH}/?\\$?['"\`]`),
      literals: ['health', 'Health', 'livez', 'liveness', 'readyz', 'ready', 'ping'],
      // Ruby routes have no receiver (rubyRoute); `conn.get('/health')` there is a Faraday call.
      languages: ['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'csharp', 'php'],
    },
    // Fastify / Hapi route objects: fastify.route({ method: 'GET', url: '/health', handler })
    routeObject: {
      regex: new RegExp(`\\.route\\s*\\(\\s*\\[?\\s*\\{[^}]{0,300}?\\b(?:url|path)\\s*:\\s*['"\`]/(?:[\\w.-]+/)*?${HEALTH}/?['"\`]`),
      literals: ['.route'],
      languages: ['javascript', 'typescript'],
    },
    // Rails routes and Sinatra (`get "healthz" => "health#show"`, `get '/health' do`), and Rails 7.1's
    // built-in `get "up" => "rails/health#show"`.
    rubyRoute: {
      regex: new RegExp(`^[ \\t]*(?:get|match)[ \\t(]+["']/?(?:[\\w.-]+/)*?${HEALTH}/?["']|["']rails/health#show["']`, 'm'),
      literals: ['get', 'match', 'rails/health'],
      languages: ['ruby'],
    },
    // Laravel: Route::get('/health', ...) and Laravel 11's ->withRouting(health: '/up').
    phpRoute: {
      regex: new RegExp(`\\bRoute::(?:get|any|match)\\s*\\(\\s*(?:\\[[^\\]]*\\]\\s*,\\s*)?['"]/?(?:[\\w.-]+/)*?${HEALTH}/?['"]|\\bhealth\\s*:\\s*['"]/[\\w/-]*['"]`),
      literals: ['Route::', 'health'],
      languages: ['php'],
    },
    djangoHealthCheck: { regex: /['"]health_check\.urls['"]/, literals: ['health_check.urls'], languages: ['python'] },
    goGrpcHealth: { regex: /"google\.golang\.org\/grpc\/health(?:\/grpc_health_v1)?"/, literals: ['grpc/health'], languages: ['go'] },
    springActuator: {
      regex: /spring-boot-starter-actuator/,
      literals: ['spring-boot-starter-actuator'],
      roles: ['config', 'source', 'other'],
      paths: ['**/pom.xml', '**/build.gradle', '**/build.gradle.kts'],
      maxPerFile: 1,
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [
      ...[...matches('route'), ...matches('routeObject'), ...matches('rubyRoute'), ...matches('phpRoute')].map((m) => fromMatch(m, 'health route')),
      ...matches('djangoHealthCheck').map((m) => fromMatch(m, 'django-health-check URLs')),
      ...matches('goGrpcHealth').map((m) => fromMatch(m, 'gRPC health service')),
      ...matches('springActuator').map((m) => fromMatch(m, 'Spring Boot Actuator (/actuator/health)')),
    ];
    for (const u of usedLibraries(repo, CAPABILITIES['health-check'])) {
      evidence.push(...u.sites.slice(0, 3).map((s) => fromImport(s, `${u.library} (health checks) imported`)));
    }
    if (evidence.length === 0) return no('No health or readiness endpoint found in production code.');
    evidence.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)));
    return yes(`Health endpoint(s) found: ${evidence.slice(0, 3).map((e) => `${e.path}:${e.line ?? 1}`).join(', ')}.`, evidence.slice(0, 10));
  },
});
