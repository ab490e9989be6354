import { defineDetector, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import CONTEXT_STORAGE from '../../ecosystems/capabilities/context-storage.ts';
import { CORRELATION_DJANGO_APPS, REQUEST_ID_MIDDLEWARE } from '../../ecosystems/capabilities/correlation-id.ts';
import { TRACING_BUILD_DEPENDENCIES } from '../../ecosystems/capabilities/tracing.ts';
import TRACE_PROPAGATION from '../../ecosystems/capabilities/trace-propagation.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

const JS = ['javascript', 'typescript'] as const;

/** Lines that only list a header for CORS are not propagation. */
const CORS_LINE = /allowedHeaders|exposedHeaders|Access-Control|allow_headers|expose_headers|AllowHeaders|ExposeHeaders|AllowedHeaders|ExposedHeaders/i;
/** A header name that is read, set or named as a constant, not an item of a bare list. */
const HEADER_USE = /header|\.get\s*\(|\.set\s*\(|\[|[:=]/i;

export default defineDetector({
  id: 'propagates-correlation-ids',
  pillar: 'observability',
  question: 'Does production code propagate a request or correlation id (or trace context) across requests and services?',
  rationale:
    'A shared id joins the log lines and spans of one request across services; without it an incident means grepping by timestamp.',
  patterns: {
    header: {
      regex: /(['"`])(?:x-request-id|x-correlation-id|traceparent|x-b3-traceid|x-amzn-trace-id)\1/i,
      literals: ['equest-', 'EQUEST-', 'orrelation-', 'ORRELATION-', 'raceparent', 'RACEPARENT', '-b3-', '-B3-', 'mzn-trace', 'MZN-TRACE'],
    },
    genReqId: { regex: /\b(?:genReqId|requestIdHeader|requestIdLogLabel)\s*[:=(]/, literals: ['genReqId', 'requestIdHeader', 'requestIdLogLabel'], languages: JS },
    asyncContext: { regex: /\bAsyncLocalStorage\b/, literals: ['AsyncLocalStorage'], languages: JS, maxPerFile: 1 },
    contextVar: { regex: /\bContextVar\s*\(/, literals: ['ContextVar'], languages: ['python'], maxPerFile: 1 },
    idName: {
      regex: /\b(?:request_?id|correlation_?id|req_?id|trace_?id)\b|\bgenerateId\s*:\s*true/i,
      literals: ['equestId', 'equestID', 'equest_id', 'EQUEST_ID', 'orrelationId', 'orrelationID', 'orrelation_id', 'ORRELATION_ID', 'reqId', 'req_id', 'raceId', 'raceID', 'race_id', 'RACE_ID', 'generateId'],
      maxPerFile: 1,
    },
    otelApi: {
      regex: /\bpropagation\.(?:inject|extract|setGlobalPropagator)\s*\(|\bW3CTraceContextPropagator\b/,
      literals: ['propagation.', 'W3CTraceContextPropagator'],
      languages: JS,
    },
    // Django apps named by dotted path in settings (INSTALLED_APPS, MIDDLEWARE).
    djangoApp: {
      regex: new RegExp(`(['"])(${CORRELATION_DJANGO_APPS.map((a) => a.module).join('|')})(?:\\.[\\w.]+)?\\1`),
      literals: CORRELATION_DJANGO_APPS.map((a) => a.module),
      languages: ['python'],
      maxPerFile: 1,
    },
    goRequestIdMiddleware: { regex: /\bmiddleware\.RequestID\b/, literals: ['middleware.RequestID'], languages: ['go'] },
    goOtel: {
      regex: /\botel\.SetTextMapPropagator\s*\(|\botelhttp\.New(?:Handler|Transport)?\s*\(|\botelgrpc\.\w+\s*\(/,
      literals: ['SetTextMapPropagator', 'otelhttp.', 'otelgrpc.'],
      languages: ['go'],
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const how = new Set<string>();
    const add = (kind: string, items: EvidenceItem[]): void => {
      if (items.length === 0) return;
      how.add(kind);
      evidence.push(...items.slice(0, 3));
    };

    for (const u of usedLibraries(repo, CAPABILITIES['correlation-id'])) {
      add(`${u.library}`, u.sites.map((s) => fromImport(s, `${u.library} (request ids) imported`)));
    }
    add('request-id header', matches('header').filter((m) => !CORS_LINE.test(m.excerpt) && HEADER_USE.test(m.excerpt)).map((m) => fromMatch(m, 'request/trace id header read or set')));
    const python = new Set(repo.dependencies().filter((d) => d.ecosystem === 'python' && !d.dev).map((d) => d.name.toLowerCase().replace(/[-_.]+/g, '-')));
    for (const m of matches('djangoApp')) {
      const app = CORRELATION_DJANGO_APPS.find((a) => a.module === m.groups[1]);
      if (app && python.has(app.package)) add(app.package, [fromMatch(m, `${app.package} enabled in Django settings`)]);
    }
    const mounting = new Set(usedLibraries(repo, REQUEST_ID_MIDDLEWARE).flatMap((u) => u.sites.map((s) => s.path)));
    add('request-id middleware', matches('goRequestIdMiddleware').filter((m) => mounting.has(m.path)).map((m) => fromMatch(m, 'request-id middleware mounted')));
    add('server-generated request ids', matches('genReqId').map((m) => fromMatch(m, 'request id generation configured')));

    // Generic context stores count next to a request/correlation id in the same file.
    const idFiles = new Set(matches('idName').map((m) => m.path));
    for (const u of usedLibraries(repo, CONTEXT_STORAGE)) {
      add(`${u.library} with a request id`, u.sites.filter((s) => idFiles.has(s.path)).map((s) => fromImport(s, `${u.library} holds a request id`)));
    }
    add('AsyncLocalStorage with a request id', [...matches('asyncContext'), ...matches('contextVar')].filter((m) => idFiles.has(m.path)).map((m) => fromMatch(m, 'async context holds a request id')));

    // Trace context: automatic instrumentation, or explicit OpenTelemetry propagation.
    for (const u of usedLibraries(repo, TRACE_PROPAGATION)) {
      add(`${u.library} (trace context)`, u.sites.map((s) => fromImport(s, `${u.library} propagates trace context`)));
    }
    // Micrometer Tracing / Sleuth in Spring Boot propagate W3C or B3 headers on their own.
    for (const d of repo.dependencies()) {
      if (d.dev || !TRACING_BUILD_DEPENDENCIES[d.ecosystem]?.test(d.name)) continue;
      add(`${d.name} (trace context)`, [{ path: d.manifest, ...(d.line !== undefined ? { line: d.line } : {}), note: `${d.name} propagates trace context` }]);
    }
    const otelFiles = new Set(repo.imports().filter((s) => s.role === 'source' && s.specifier.startsWith('@opentelemetry/')).map((s) => s.path));
    add('OpenTelemetry propagation', matches('otelApi').filter((m) => otelFiles.has(m.path)).map((m) => fromMatch(m, 'trace context injected/extracted')));
    add('OpenTelemetry propagation (Go)', matches('goOtel').map((m) => fromMatch(m, 'trace context propagation')));

    if (how.size === 0) {
      return no('No request/correlation id or trace-context propagation found in production code.');
    }
    return yes(`Request context is propagated: ${[...how].join(', ')}.`, evidence.slice(0, 10));
  },
});
