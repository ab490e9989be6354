import { defineCapability } from '../capability.ts';

// Tracing SDKs and APM agents that record and export spans. Left out on purpose:
// - `@opentelemetry/api` / python `opentelemetry` API imports: a no-op unless an SDK is set up.
// - `@sentry/node`, `sentry-sdk`: error tracking first; they trace only with a traces sample
//   rate, which uses-distributed-tracing checks itself (see error-tracking.ts).
export default defineCapability({
  id: 'tracing',
  description: 'Distributed tracing',
  libraries: {
    js: [
      '@opentelemetry/sdk-node',
      '@opentelemetry/sdk-trace-node',
      '@opentelemetry/sdk-trace-base',
      '@opentelemetry/auto-instrumentations-node',
      'dd-trace',
      'elastic-apm-node',
      'newrelic',
      'jaeger-client',
      'zipkin',
      '@google-cloud/trace-agent',
      '@vercel/otel',
      '@honeycombio/opentelemetry-node',
      '@splunk/otel',
      '@azure/monitor-opentelemetry',
      'applicationinsights',
      'aws-xray-sdk',
      'aws-xray-sdk-core',
      '@aws-lambda-powertools/tracer',
    ],
    python: [
      { package: 'opentelemetry-sdk', imports: ['opentelemetry.sdk.trace', 'opentelemetry.sdk.trace.export', 'opentelemetry.sdk.trace.sampling'] },
      { package: 'opentelemetry-distro', imports: ['opentelemetry.distro'] },
      { package: 'azure-monitor-opentelemetry', imports: ['azure.monitor.opentelemetry'] },
      'ddtrace',
      { package: 'elastic-apm', imports: ['elasticapm'] },
      'newrelic',
      { package: 'aws-xray-sdk', imports: ['aws_xray_sdk'] },
    ],
    go: [
      'go.opentelemetry.io/otel/sdk/trace',
      'gopkg.in/DataDog/dd-trace-go.v1',
      'github.com/DataDog/dd-trace-go/v2',
      'github.com/newrelic/go-agent',
      'go.elastic.co/apm',
    ],
    jvm: ['io.opentelemetry.sdk.trace', 'brave', 'datadog.trace', 'com.newrelic.api.agent'],
    dotnet: ['OpenTelemetry.Trace'],
  },
});
