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
    "express-limiter",
    "koa2-ratelimit",
    "@upstash/ratelimit",
    "hono-rate-limiter",
    "@hono-rate-limiter/redis",
    "graphql-rate-limit"
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
    "slowapi",
    {
      "package": "fastapi-limiter",
      "imports": [
        "fastapi_limiter"
      ]
    }
  ]
},
});
