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
  },
});
