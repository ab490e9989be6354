import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'rate-limiting',
  description: 'Rate limiting of requests',
  libraries: {
  "js": [
    "express-rate-limit",
    "rate-limiter-flexible",
    "@fastify/rate-limit",
    "fastify-rate-limit",
    "@nestjs/throttler",
    "koa-ratelimit",
    "express-slow-down",
    "express-brute",
    "bottleneck",
    "@upstash/ratelimit",
    "hono-rate-limiter"
  ],
  "python": [
    {
      "package": "django-ratelimit",
      "imports": [
        "django_ratelimit",
        "ratelimit"
      ]
    },
    {
      "package": "flask-limiter",
      "imports": [
        "flask_limiter"
      ]
    },
    "slowapi"
  ]
},
});
