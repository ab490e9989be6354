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
    "class-transformer-validator"
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
    }
  ]
},
});
