import { defineCapability } from '../capability.ts';

// Outbound HTTP clients (the global `fetch` needs no import and is recognised by pattern).
export default defineCapability({
  id: 'http-client',
  description: 'Outbound HTTP clients',
  libraries: {
    js: ['axios', 'got', 'ky', 'undici', 'node-fetch', 'superagent', 'needle', 'ofetch', '@nestjs/axios', 'cross-fetch', 'isomorphic-fetch', 'request', 'phin', 'wretch', 'redaxios', 'make-fetch-happen'],
    python: ['requests', 'httpx', 'aiohttp', 'urllib3'],
  },
});
