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
    "fastest-validator"
  ],
  "python": [
    "pydantic",
    "marshmallow",
    "cerberus",
    "voluptuous",
    "jsonschema"
  ]
},
});
