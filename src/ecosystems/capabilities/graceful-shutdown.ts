import { defineCapability } from '../capability.ts';

// Libraries that stop accepting connections and drain in-flight requests on SIGTERM.
export default defineCapability({
  id: 'graceful-shutdown',
  description: 'Graceful shutdown helpers (signal handling and connection draining)',
  libraries: {
    js: ['@godaddy/terminus', 'lightship', 'http-terminator', 'close-with-grace', 'fastify-graceful-shutdown', 'http-graceful-shutdown', 'stoppable'],
  },
});
