import { defineCapability } from '../capability.ts';

// Libraries whose purpose is a per-request id. Generic context stores (cls-hooked,
// express-http-context, nestjs-cls, AsyncLocalStorage) are in context-storage.ts: they count
// only next to a request/correlation id. `request-ip` is not listed: it reads the client IP.
export default defineCapability({
  id: 'correlation-id',
  description: 'Request / correlation id propagation',
  libraries: {
    js: ['cls-rtracer', 'express-request-id', 'express-correlation-id', 'correlation-id', '@fastify/request-id', 'hono-request-id'],
    python: [
      { package: 'asgi-correlation-id', imports: ['asgi_correlation_id'] },
      { package: 'django-guid', imports: ['django_guid'] },
      { package: 'flask-request-id-header', imports: ['flask_request_id_header'] },
    ],
    go: ['github.com/gin-contrib/requestid'],
    jvm: ['org.zalando.tracer'],
    // Rails sets X-Request-Id itself (ActionDispatch::RequestId); propagates-correlation-ids looks for its use.
  },
});

/**
 * Router middleware packages that ship a request-id middleware among others: they count where
 * production code mounts it (`r.Use(middleware.RequestID)`, `e.Use(middleware.RequestID())`).
 */
export const REQUEST_ID_MIDDLEWARE = defineCapability({
  id: 'request-id-middleware',
  description: 'Router middleware packages with a request-id middleware',
  libraries: {
    go: ['github.com/go-chi/chi/v5/middleware', 'github.com/go-chi/chi/middleware', 'github.com/labstack/echo/v4/middleware'],
  },
});

/** Django apps enabled by a dotted path in settings (INSTALLED_APPS, MIDDLEWARE), never imported. */
export const CORRELATION_DJANGO_APPS: readonly { package: string; module: string }[] = [{ package: 'django-guid', module: 'django_guid' }];
