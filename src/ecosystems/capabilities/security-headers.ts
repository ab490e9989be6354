import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'security-headers',
  description: 'HTTP security headers',
  libraries: {
  "js": [
    "helmet",
    "@fastify/helmet",
    "fastify-helmet",
    "koa-helmet",
    "lusca",
    "@nestjs/helmet",
    "secure-headers",
    "helmet-csp",
    {
      "package": "hono",
      "imports": [
        "hono/secure-headers"
      ]
    }
  ],
  "python": [
    {
      "package": "flask-talisman",
      "imports": [
        "flask_talisman"
      ]
    },
    "secure"
  ],
  "jvm": [
    "org.springframework.security.config"
  ],
  "ruby": [
    { "package": "secure_headers", "imports": ["secure_headers", "SecureHeaders"] }
  ],
  // Laravel middleware are often registered by fully qualified name (`\\Bepsvpt\\...::class` in
  // Kernel.php) rather than imported: uses-security-headers also matches those names.
  "php": [
    { "package": "bepsvpt/secure-headers", "imports": ["Bepsvpt\\SecureHeaders"] },
    { "package": "spatie/laravel-csp", "imports": ["Spatie\\Csp"] },
    { "package": "nelmio/security-bundle", "imports": ["Nelmio\\SecurityBundle"] }
  ]
},
});
