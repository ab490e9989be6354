import type { Ecosystem } from '../../core/types.ts';
import { defineCapability } from '../capability.ts';

// Metrics SDKs and exporters. `@opentelemetry/api` is not listed: importing the API says nothing
// about metrics (it is mostly used for spans and is a no-op without an SDK). Python OpenTelemetry
// counts only through its metrics modules, not any `opentelemetry` import.
export default defineCapability({
  id: 'metrics',
  description: 'Metrics libraries (golden signals)',
  libraries: {
    js: [
      'prom-client',
      'express-prom-bundle',
      '@opentelemetry/sdk-metrics',
      '@opentelemetry/exporter-prometheus',
      '@opentelemetry/exporter-metrics-otlp-http',
      '@opentelemetry/exporter-metrics-otlp-grpc',
      '@opentelemetry/exporter-metrics-otlp-proto',
      '@opentelemetry/host-metrics',
      'hot-shots',
      'node-statsd',
      'statsd-client',
      'lynx',
      'datadog-metrics',
      '@willsoto/nestjs-prometheus',
      'fastify-metrics',
      'prometheus-api-metrics',
      '@promster/express',
      '@promster/fastify',
      '@promster/hapi',
      '@promster/metrics',
      'aws-embedded-metrics',
      '@aws-lambda-powertools/metrics',
    ],
    python: [
      { package: 'prometheus-client', imports: ['prometheus_client'] },
      { package: 'opentelemetry-sdk', imports: ['opentelemetry.sdk.metrics', 'opentelemetry.sdk.metrics.export'] },
      { package: 'opentelemetry-exporter-prometheus', imports: ['opentelemetry.exporter.prometheus'] },
      { package: 'prometheus-fastapi-instrumentator', imports: ['prometheus_fastapi_instrumentator'] },
      { package: 'starlette-exporter', imports: ['starlette_exporter'] },
      { package: 'prometheus-flask-exporter', imports: ['prometheus_flask_exporter'] },
      { package: 'django-prometheus', imports: ['django_prometheus'] },
      { package: 'aws-embedded-metrics', imports: ['aws_embedded_metrics'] },
      'aioprometheus',
      'statsd',
      'datadog',
    ],
    go: [
      'github.com/prometheus/client_golang/prometheus',
      'go.opentelemetry.io/otel/sdk/metric',
      'go.opentelemetry.io/otel/exporters/prometheus',
      'github.com/DataDog/datadog-go',
      'github.com/cactus/go-statsd-client',
    ],
    jvm: ['io.micrometer', 'io.prometheus', 'io.opentelemetry.sdk.metrics'],
    dotnet: [
      { package: 'prometheus-net', imports: ['Prometheus'] },
      'App.Metrics',
      { package: 'OpenTelemetry', imports: ['OpenTelemetry.Metrics'] },
    ],
    // Ruby gems by constant (Rails loads them with Bundler.require); yabeda-rails and
    // yabeda-prometheus bring the Yabeda registry.
    ruby: [
      { package: 'prometheus-client', imports: ['prometheus/client', 'Prometheus::Client', 'Prometheus::Middleware'] },
      { package: 'yabeda', imports: ['yabeda', 'Yabeda'] },
      { package: 'yabeda-rails', imports: ['yabeda/rails', 'Yabeda'] },
      { package: 'yabeda-prometheus', imports: ['yabeda/prometheus', 'Yabeda'] },
      { package: 'statsd-instrument', imports: ['statsd-instrument', 'StatsD'] },
      { package: 'dogstatsd-ruby', imports: ['datadog/statsd', 'Datadog::Statsd'] },
      { package: 'opentelemetry-metrics-sdk', imports: ['opentelemetry-metrics-sdk', 'OpenTelemetry::SDK::Metrics'] },
    ],
    php: [
      { package: 'promphp/prometheus_client_php', imports: ['Prometheus'] },
      { package: 'jimdo/prometheus_client_php', imports: ['Prometheus'] },
      { package: 'open-telemetry/sdk', imports: ['OpenTelemetry\\SDK\\Metrics'] },
      { package: 'datadog/php-datadogstatsd', imports: ['DataDog'] },
      { package: 'spatie/laravel-prometheus', imports: ['Spatie\\Prometheus'] },
    ],
  },
});

/**
 * Production dependencies that record metrics without an import: Spring Boot auto-configures a
 * Micrometer registry found on the classpath and exposes it through the actuator.
 */
export const METRICS_BUILD_DEPENDENCIES: Partial<Record<Ecosystem, RegExp>> = {
  jvm: /^io\.micrometer:micrometer-registry-|^io\.prometheus:(?:simpleclient|prometheus-metrics-core|prometheus-metrics-exporter)/,
};

/** Django apps enabled by a dotted path in settings (INSTALLED_APPS, MIDDLEWARE), never imported. */
export const METRICS_DJANGO_APPS: readonly { package: string; module: string }[] = [{ package: 'django-prometheus', module: 'django_prometheus' }];
