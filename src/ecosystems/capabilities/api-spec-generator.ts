import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'api-spec-generator',
  description: 'Generate an OpenAPI/GraphQL schema from code',
  libraries: {
  "js": [
    "@nestjs/swagger",
    "tsoa",
    "@fastify/swagger",
    "swagger-jsdoc",
    "express-openapi",
    "@asteasolutions/zod-to-openapi",
    "zod-openapi",
    "@hono/zod-openapi",
    "type-graphql",
    "@nestjs/graphql",
    "nexus",
    "pothos",
    "@pothos/core",
    "routing-controllers-openapi",
    "express-oas-generator"
  ],
  "python": [
    "fastapi",
    "drf-spectacular",
    {
      "package": "drf-yasg",
      "imports": [
        "drf_yasg"
      ]
    },
    {
      "package": "flask-smorest",
      "imports": [
        "flask_smorest"
      ]
    },
    "apispec",
    {
      "package": "strawberry-graphql",
      "imports": [
        "strawberry"
      ]
    },
    "graphene"
  ],
  "go": [
    "github.com/swaggo/swag",
    "github.com/swaggo/gin-swagger"
  ]
},
});
