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
