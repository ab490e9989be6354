import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'health-check',
  description: 'Health and readiness endpoints',
  libraries: {
    js: [
      '@nestjs/terminus',
      'lightship',
      '@godaddy/terminus',
      'express-healthcheck',
      'fastify-healthcheck',
      '@cloudnative/health-connect',
      'express-actuator',
      '@hapi/inert-health',
    ],
    python: [
      { package: 'django-health-check', imports: ['health_check'] },
      { package: 'fastapi-health', imports: ['fastapi_health'] },
      { package: 'flask-healthz', imports: ['flask_healthz'] },
      { package: 'py-healthcheck', imports: ['healthcheck'] },
    ],
  },
});
