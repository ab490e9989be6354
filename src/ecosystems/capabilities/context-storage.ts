import { defineCapability } from '../capability.ts';

// Generic request-scoped context stores: they carry whatever the code puts in them, so on their
// own they are no evidence of a correlation id.
export default defineCapability({
  id: 'context-storage',
  description: 'Request-scoped context storage (CLS / async context)',
  libraries: {
    js: ['cls-hooked', 'express-http-context', 'express-http-context2', 'nestjs-cls', '@nestjs/cls', '@fastify/request-context', 'continuation-local-storage'],
    python: [{ package: 'starlette-context', imports: ['starlette_context'] }],
    ruby: [{ package: 'request_store', imports: ['request_store', 'RequestStore'] }],
  },
});
