import { defineCapability } from '../capability.ts';

// Realtime servers that keep rooms and connections per process: broadcasting across hosts needs an
// adapter (Redis, Postgres, Mongo, cluster).
export default defineCapability({
  id: 'websocket-server',
  description: 'Realtime servers with per-process rooms (need an adapter to scale out)',
  libraries: {
    js: ['socket.io'],
  },
});
