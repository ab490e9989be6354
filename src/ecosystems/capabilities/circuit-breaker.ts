import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'circuit-breaker',
  description: 'Circuit breakers',
  libraries: {
  "js": [
    "opossum",
    "cockatiel",
    "brakes",
    "circuit-breaker-js",
    "@nestjs/terminus",
    "mollitia",
    "circuitbreaker"
  ],
  "python": [
    "pybreaker",
    "circuitbreaker",
    "aiobreaker"
  ],
  "go": [
    "github.com/sony/gobreaker",
    "github.com/afex/hystrix-go/hystrix"
  ],
  "jvm": [
    "io.github.resilience4j"
  ],
  "dotnet": [
    "Polly"
  ]
},
});
