import { defineCapability } from '../capability.ts';

// Circuit-breaker libraries. General resilience toolkits that also offer retries and timeouts
// (cockatiel, Polly) are listed too; uses-circuit-breaker requires their breaker API in the same
// file. `@nestjs/terminus` is a health-check module, not a breaker. Ruby's `Stoplight("name")`
// is a method, not a constant: uses-circuit-breaker recognises it by pattern.
export default defineCapability({
  id: 'circuit-breaker',
  description: 'Circuit breakers',
  libraries: {
    js: ['opossum', 'cockatiel', 'brakes', 'circuit-breaker-js', 'mollitia', 'circuitbreaker', 'hystrixjs', 'levee'],
    python: ['pybreaker', 'circuitbreaker', 'aiobreaker', { package: 'purgatory-circuitbreaker', imports: ['purgatory'] }],
    go: ['github.com/sony/gobreaker', 'github.com/afex/hystrix-go/hystrix', 'github.com/eapache/go-resiliency/breaker', 'github.com/failsafe-go/failsafe-go/circuitbreaker'],
    jvm: ['io.github.resilience4j.circuitbreaker', 'com.netflix.hystrix', 'org.springframework.cloud.client.circuitbreaker', 'dev.failsafe.CircuitBreaker'],
    dotnet: ['Polly'],
    // Rails apps name gems by constant (Bundler.require), PHP code by namespace.
    ruby: [
      { package: 'stoplight', imports: ['stoplight', 'Stoplight'] },
      { package: 'circuitbox', imports: ['circuitbox', 'Circuitbox'] },
      { package: 'semian', imports: ['semian', 'Semian'] },
    ],
    php: [
      { package: 'ackintosh/ganesha', imports: ['Ackintosh\\Ganesha'] },
    ],
  },
});

/**
 * Resilience pipelines that a single call configures with a breaker, retries with exponential
 * backoff and timeouts together: Microsoft.Extensions.Http.Resilience's standard handler chains a
 * rate limiter, a total timeout, retries (exponential backoff with jitter), a circuit breaker and
 * a per-attempt timeout. It counts for all three where the package is declared for production.
 */
export const RESILIENCE_PIPELINES = [
  {
    ecosystem: 'dotnet',
    package: 'Microsoft.Extensions.Http.Resilience',
    literal: 'AddStandardResilienceHandler',
    note: 'standard resilience handler (retry with exponential backoff, circuit breaker, timeouts)',
  },
] as const;

/** The pipelines whose package the repository declares for production. */
export function declaredPipelines(dependencies: readonly { ecosystem: string; name: string; dev: boolean }[]): (typeof RESILIENCE_PIPELINES)[number][] {
  return RESILIENCE_PIPELINES.filter((p) => dependencies.some((d) => d.ecosystem === p.ecosystem && !d.dev && (d.name === p.package || d.name === `Aspire.${p.package}`)));
}

/** The scan pattern that finds those calls (one definition for the three detectors that use it). */
export const RESILIENCE_PIPELINE_PATTERN = {
  regex: /\.AddStandardResilienceHandler\s*\(/,
  literals: RESILIENCE_PIPELINES.map((p) => p.literal),
  languages: ['csharp'],
  maxPerFile: 1,
} as const;
