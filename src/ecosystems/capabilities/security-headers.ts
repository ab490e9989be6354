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
  ]
},
});
