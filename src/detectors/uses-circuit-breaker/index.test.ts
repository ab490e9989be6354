import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string> = {}): string => JSON.stringify({ name: 'app', dependencies: deps }, null, 2);

describe('uses-circuit-breaker', () => {
  it.each([
    ['opossum', { 'package.json': pkg({ opossum: '8' }), 'src/payments.ts': "import CircuitBreaker from 'opossum';\nconst breaker = new CircuitBreaker(charge);\n" }, ['src/payments.ts:1']],
    ['a cockatiel circuit breaker', {
      'package.json': pkg({ cockatiel: '3' }),
      'src/client.ts': "import { circuitBreaker, handleAll, ConsecutiveBreaker } from 'cockatiel';\nconst p = circuitBreaker(handleAll, { breaker: new ConsecutiveBreaker(5) });\n",
    }, ['src/client.ts:1']],
    ['python pybreaker', { 'requirements.txt': 'pybreaker==1.0\n', 'app/client.py': 'import pybreaker\n' }, ['app/client.py:1']],
    ['go gobreaker', { 'client.go': 'package client\nimport "github.com/sony/gobreaker/v2"\n' }, ['client.go:2']],
    ['resilience4j', { 'src/main/java/Client.java': 'import io.github.resilience4j.circuitbreaker.CircuitBreaker;\n' }, ['src/main/java/Client.java:1']],
    ['an Istio DestinationRule with outlier detection', {
      'k8s/dr.yaml': 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nspec:\n  trafficPolicy:\n    outlierDetection:\n      consecutive5xxErrors: 5\n',
    }, ['k8s/dr.yaml:5']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['cockatiel is used only for retries', { 'package.json': pkg({ cockatiel: '3' }), 'src/c.ts': "import { retry, handleAll } from 'cockatiel';\nretry(handleAll, { maxAttempts: 3 });\n" }],
    ['@nestjs/terminus is used (health checks)', { 'package.json': pkg({ '@nestjs/terminus': '10' }), 'src/h.ts': "import { TerminusModule } from '@nestjs/terminus';\n" }],
    ['only a README mentions opossum', { 'package.json': pkg(), 'README.md': "import CircuitBreaker from 'opossum'\n" }],
    ['only a test imports it', { 'package.json': pkg({ opossum: '8' }), 'src/b.test.ts': "import CircuitBreaker from 'opossum';\n" }],
    ['the import is commented out', { 'package.json': pkg({ opossum: '8' }), 'src/b.ts': "// import CircuitBreaker from 'opossum';\n" }],
    ['outlierDetection outside a DestinationRule', { 'k8s/x.yaml': 'kind: ConfigMap\ndata:\n  outlierDetection: x\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
