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
  ],
  "go": [
    "github.com/go-chi/httprate",
    "github.com/ulule/limiter",
    "github.com/didip/tollbooth",
    "github.com/gofiber/fiber/v2/middleware/limiter",
    "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/ratelimit"
  ],
  "jvm": [
    {
      "package": "com.bucket4j",
      "imports": [
        "io.github.bucket4j"
      ]
    },
    {
      "package": "com.github.vladimir-bukhtoyarov",
      "imports": [
        "io.github.bucket4j"
      ]
    }
  ],
  // Rails 7.2 controllers' `rate_limit to:` is built in and recognised by pattern (uses-rate-limiting).
  "ruby": [
    { "package": "rack-attack", "imports": ["rack/attack", "Rack::Attack"] }
  ],
  // Laravel's throttle middleware and RateLimiter facade come with laravel/framework.
  "php": [
    { "package": "laravel/framework", "imports": ["Illuminate\\Cache\\RateLimiting", "Illuminate\\Support\\Facades\\RateLimiter", "Illuminate\\Cache\\RateLimiter", "Illuminate\\Routing\\Middleware\\ThrottleRequests"] },
    { "package": "symfony/rate-limiter", "imports": ["Symfony\\Component\\RateLimiter"] }
  ]
},
});
