import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'metrics',
  description: 'Metrics libraries (golden signals)',
  libraries: {
  "js": [
    "prom-client",
    "express-prom-bundle",
    "@opentelemetry/sdk-metrics",
    "@opentelemetry/api",
    "hot-shots",
    "node-statsd",
    "datadog-metrics",
    "@willsoto/nestjs-prometheus",
    "fastify-metrics",
    "prometheus-api-metrics"
  ],
  "python": [
    {
      "package": "prometheus-client",
      "imports": [
        "prometheus_client"
      ]
    },
    {
      "package": "opentelemetry-sdk",
      "imports": [
        "opentelemetry"
      ]
    },
    "statsd",
    "datadog"
  ],
  "go": [
    "github.com/prometheus/client_golang/prometheus",
    "go.opentelemetry.io/otel/metric"
  ]
},
});
