import { defineCapability } from '../capability.ts';

// Server-side session middleware whose default store is the process memory (MemoryStore):
// sessions vanish on restart and are not seen by a second host unless a `store` is configured.
// Cookie-only sessions (cookie-session, koa-session's default, @fastify/secure-session) are not
// listed: their state travels with the client.
export default defineCapability({
  id: 'session-middleware',
  description: 'Server-side session middleware with an in-memory default store',
  libraries: {
    js: ['express-session', '@fastify/session', 'fastify-session', 'koa-generic-session'],
  },
});
