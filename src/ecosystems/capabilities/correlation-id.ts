import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'correlation-id',
  description: 'Request / correlation id propagation',
  libraries: {
  "js": [
    "cls-rtracer",
    "express-request-id",
    "express-correlation-id",
    "correlation-id",
    "@nestjs/cls",
    "nestjs-cls",
    "cls-hooked",
    "express-http-context",
    "request-ip"
  ],
  "python": [
    {
      "package": "asgi-correlation-id",
      "imports": [
        "asgi_correlation_id"
      ]
    },
    {
      "package": "django-guid",
      "imports": [
        "django_guid"
      ]
    }
  ]
},
});
