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
    "express-oas-generator",
    "fastify-swagger",
    "hapi-swagger",
    "swagger-autogen",
    "express-jsdoc-swagger",
    "@ts-rest/open-api",
    "trpc-openapi",
    "trpc-to-openapi",
    "@elysiajs/swagger",
    "@elysiajs/openapi"
  ],
  "python": [
    "fastapi",
    {
      "package": "drf-spectacular",
      "imports": [
        "drf_spectacular"
      ]
    },
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
    "graphene",
    {
      "package": "flask-restx",
      "imports": [
        "flask_restx"
      ]
    },
    "flasgger",
    "spectree",
    "apiflask",
    {
      "package": "django-ninja",
      "imports": [
        "ninja"
      ]
    },
    "litestar",
    {
      "package": "graphene-django",
      "imports": [
        "graphene_django"
      ]
    }
  ],
  "go": [
    "github.com/swaggo/swag",
    // The swaggo UI handlers serve the document swag generates from the handlers' annotations.
    "github.com/swaggo/gin-swagger",
    "github.com/swaggo/echo-swagger",
    "github.com/swaggo/http-swagger",
    "github.com/swaggo/fiber-swagger",
    "github.com/danielgtaylor/huma",
    "github.com/swaggest/rest",
    "github.com/go-fuego/fuego"
  ],
  "jvm": [
    "org.springdoc",
    "io.micronaut.openapi"
  ],
  "dotnet": [
    "Swashbuckle.AspNetCore",
    "NSwag.AspNetCore",
    "Microsoft.AspNetCore.OpenApi"
  ],
  "ruby": [
    {
      "package": "grape-swagger",
      "imports": [
        "grape-swagger",
        "grape_swagger"
      ]
    }
  ]
},
});
