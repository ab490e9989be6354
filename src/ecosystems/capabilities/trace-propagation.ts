import { defineCapability } from '../capability.ts';

// Instrumentation that injects and extracts trace context (W3C traceparent, B3, vendor headers)
// on inbound and outbound calls without further code.
export default defineCapability({
  id: 'trace-propagation',
  description: 'Automatic trace-context propagation (auto-instrumentation, APM agents)',
  libraries: {
    js: [
      '@opentelemetry/auto-instrumentations-node',
      '@opentelemetry/instrumentation-http',
      '@opentelemetry/instrumentation-undici',
      '@opentelemetry/instrumentation-grpc',
      'dd-trace',
      'elastic-apm-node',
      'newrelic',
      '@vercel/otel',
      '@azure/monitor-opentelemetry',
      '@splunk/otel',
    ],
    python: [
      { package: 'opentelemetry-instrumentation-flask', imports: ['opentelemetry.instrumentation.flask'] },
      { package: 'opentelemetry-instrumentation-fastapi', imports: ['opentelemetry.instrumentation.fastapi'] },
      { package: 'opentelemetry-instrumentation-django', imports: ['opentelemetry.instrumentation.django'] },
      { package: 'opentelemetry-instrumentation-requests', imports: ['opentelemetry.instrumentation.requests'] },
      { package: 'opentelemetry-instrumentation-httpx', imports: ['opentelemetry.instrumentation.httpx'] },
      { package: 'opentelemetry-instrumentation-aiohttp-client', imports: ['opentelemetry.instrumentation.aiohttp_client'] },
      { package: 'opentelemetry-instrumentation-asgi', imports: ['opentelemetry.instrumentation.asgi'] },
      { package: 'opentelemetry-instrumentation-wsgi', imports: ['opentelemetry.instrumentation.wsgi'] },
      { package: 'opentelemetry-instrumentation-grpc', imports: ['opentelemetry.instrumentation.grpc'] },
      { package: 'opentelemetry-api', imports: ['opentelemetry.propagate'] },
      { package: 'opentelemetry-sdk', imports: ['opentelemetry.propagate'] },
      'ddtrace',
      { package: 'elastic-apm', imports: ['elasticapm'] },
      { package: 'azure-monitor-opentelemetry', imports: ['azure.monitor.opentelemetry'] },
    ],
    go: ['go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp', 'go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc'],
    ruby: [
      { package: 'opentelemetry-instrumentation-all', imports: ['opentelemetry/instrumentation/all', 'OpenTelemetry::Instrumentation'] },
      { package: 'opentelemetry-instrumentation-rails', imports: ['opentelemetry/instrumentation/rails', 'OpenTelemetry::Instrumentation'] },
      { package: 'ddtrace', imports: ['ddtrace', 'Datadog'] },
      { package: 'datadog', imports: ['datadog', 'Datadog'] },
      { package: 'newrelic_rpm', imports: ['newrelic_rpm', 'NewRelic'] },
      { package: 'elastic-apm', imports: ['elastic-apm', 'ElasticAPM'] },
    ],
    php: [{ package: 'datadog/dd-trace', imports: ['DDTrace'] }],
  },
});
