import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'request-validation',
  description: 'Validate request payloads against a schema',
  libraries: {
  "js": [
    "zod",
    "joi",
    "yup",
    "ajv",
    "class-validator",
    "express-validator",
    "celebrate",
    "superstruct",
    "valibot",
    "@sinclair/typebox",
    "io-ts",
    "runtypes",
    "fastest-validator",
    "@hapi/joi",
    "express-openapi-validator",
    "typia",
    "arktype",
    "@vinejs/vine",
    "class-transformer-validator",
    "openapi-backend",
    "@fastify/type-provider-typebox"
  ],
  "python": [
    "pydantic",
    "marshmallow",
    "cerberus",
    "voluptuous",
    "jsonschema",
    "webargs",
    "msgspec",
    {
      "package": "djangorestframework",
      "imports": [
        "rest_framework"
      ]
    },
    // These frameworks validate request bodies and parameters against the declared types by design.
    "fastapi",
    {
      "package": "django-ninja",
      "imports": [
        "ninja"
      ]
    },
    "litestar",
    "apiflask",
    {
      "package": "flask-pydantic",
      "imports": [
        "flask_pydantic"
      ]
    }
  ],
  "go": [
    "github.com/go-playground/validator",
    "github.com/go-ozzo/ozzo-validation",
    "github.com/invopop/validation",
    "github.com/xeipuuv/gojsonschema",
    "github.com/santhosh-tekuri/jsonschema",
    // Validates each request against the OpenAPI document.
    "github.com/getkin/kin-openapi/openapi3filter"
  ],
  "jvm": [
    // Bean Validation: @Valid on a request body.
    "jakarta.validation",
    "javax.validation",
    "org.hibernate.validator",
    "am.ik.yavi",
    "com.networknt.schema"
  ],
  "dotnet": [
    "FluentValidation"
  ],
  "ruby": [
    {
      "package": "dry-validation",
      "imports": [
        "dry/validation",
        "dry-validation"
      ]
    },
    {
      "package": "dry-schema",
      "imports": [
        "dry/schema",
        "dry-schema"
      ]
    },
    "json_schemer",
    // Rack middleware validating requests against the OpenAPI document.
    "committee",
    // Grape declares and validates the params of every endpoint.
    "grape"
  ]
},
});
