import type { Ecosystem } from '../../core/types.ts';
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
    dotnet: [{ package: 'OpenTelemetry', imports: ['OpenTelemetry.Trace'] }, 'Datadog.Trace', 'Elastic.Apm'],
    // Ruby gems by constant: `OpenTelemetry::SDK.configure`, `Datadog.configure` (ddtrace 1.x and
    // the datadog 2.x gem), `NewRelic::Agent`, `ElasticAPM`.
    ruby: [
      { package: 'opentelemetry-sdk', imports: ['opentelemetry/sdk', 'OpenTelemetry::SDK'] },
      { package: 'ddtrace', imports: ['ddtrace', 'datadog/auto_instrument', 'Datadog::Tracing', 'Datadog'] },
      { package: 'datadog', imports: ['datadog', 'datadog/auto_instrument', 'Datadog::Tracing', 'Datadog'] },
      { package: 'newrelic_rpm', imports: ['newrelic_rpm', 'NewRelic::Agent'] },
      { package: 'elastic-apm', imports: ['elastic-apm', 'ElasticAPM'] },
    ],
    php: [
      { package: 'open-telemetry/sdk', imports: ['OpenTelemetry\\SDK\\Trace', 'OpenTelemetry\\SDK\\Sdk'] },
      { package: 'datadog/dd-trace', imports: ['DDTrace'] },
    ],
  },
});

/**
 * Production dependencies that trace without an import: Spring Boot auto-configures Micrometer
 * Tracing bridges and the OpenTelemetry starter; Sleuth did the same before Boot 3.
 */
export const TRACING_BUILD_DEPENDENCIES: Partial<Record<Ecosystem, RegExp>> = {
  jvm: /^io\.micrometer:micrometer-tracing-bridge-|^io\.opentelemetry\.instrumentation:opentelemetry-spring-boot-starter$|^org\.springframework\.cloud:spring-cloud-starter-(?:sleuth|zipkin)$/,
};

/**
 * Code instrumented through the OpenTelemetry API with the SDK wired at launch: the distro
 * (`opentelemetry-distro`, run by `opentelemetry-instrument`) exists only to configure the SDK
 * and its exporters from the environment. Its production declaration plus API use in production
 * code is tracing (or metrics) without an SDK import; the API alone is a no-op.
 */
export const OTEL_DISTRO = {
  ecosystem: 'python',
  package: 'opentelemetry-distro',
  api: { traces: 'opentelemetry.trace', metrics: 'opentelemetry.metrics' },
} as const;

/** Production import sites of the OpenTelemetry API for one signal, when the distro is declared. */
export function distroInstrumented<S extends { ecosystem: string; specifier: string; role: string }>(
  dependencies: readonly { ecosystem: string; name: string; dev: boolean }[],
  imports: readonly S[],
  signal: keyof typeof OTEL_DISTRO.api,
): S[] {
  if (!dependencies.some((d) => d.ecosystem === OTEL_DISTRO.ecosystem && !d.dev && d.name === OTEL_DISTRO.package)) return [];
  const api = OTEL_DISTRO.api[signal];
  return imports.filter((s) => s.ecosystem === OTEL_DISTRO.ecosystem && s.role === 'source' && (s.specifier === api || s.specifier.startsWith(`${api}.`)));
}
