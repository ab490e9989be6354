import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'tracing',
  description: 'Distributed tracing',
  libraries: {
  "js": [
    "@opentelemetry/sdk-node",
    "@opentelemetry/sdk-trace-node",
    "@opentelemetry/sdk-trace-base",
    "@opentelemetry/auto-instrumentations-node",
    "@opentelemetry/api",
    "dd-trace",
    "elastic-apm-node",
    "newrelic",
    "jaeger-client",
    "zipkin",
    "@sentry/node",
    "@google-cloud/trace-agent",
    "@vercel/otel",
    "@honeycombio/opentelemetry-node"
  ],
  "python": [
    {
      "package": "opentelemetry-sdk",
      "imports": [
        "opentelemetry"
      ]
    },
    {
      "package": "ddtrace",
      "imports": [
        "ddtrace"
      ]
    },
    {
      "package": "sentry-sdk",
      "imports": [
        "sentry_sdk"
      ]
    },
    {
      "package": "elastic-apm",
      "imports": [
        "elasticapm"
      ]
    }
  ],
  "go": [
    "go.opentelemetry.io/otel",
    "gopkg.in/DataDog/dd-trace-go.v1"
  ]
},
});
