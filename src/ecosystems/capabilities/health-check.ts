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
    // Rails 7.1's `rails/health#show` and Laravel 11's `health: '/up'` are routes (has-health-endpoint).
    ruby: [
      { package: 'health_check', imports: ['health_check', 'HealthCheck'] },
      { package: 'okcomputer', imports: ['okcomputer', 'OkComputer'] },
    ],
    php: [
      { package: 'spatie/laravel-health', imports: ['Spatie\\Health'] },
      { package: 'liip/monitor-bundle', imports: ['Liip\\MonitorBundle'] },
    ],
  },
});
