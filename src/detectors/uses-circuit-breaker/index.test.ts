import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import { describeStandardResilienceHandler } from '../../../test/shared/resilience.ts';
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
    ['a ruby Stoplight', {
      'Gemfile': 'source "https://rubygems.org"\ngem "stoplight"\n',
      'lib/carrier.rb': 'require "stoplight"\nStoplight("carrier").run { fetch_rates }\n',
    }, ['lib/carrier.rb:1']],
    ['a Polly circuit breaker', {
      'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="Polly" Version="8.4.1" /></ItemGroup></Project>',
      'Api/Program.cs': 'using Polly;\nvar breaker = Policy.Handle<HttpRequestException>().CircuitBreakerAsync(5, TimeSpan.FromSeconds(30));\n',
    }, ['Api/Program.cs:1']],
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
    ['Polly is used only for retries', {
      'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="Polly" Version="8.4.1" /></ItemGroup></Project>',
      'Api/Sync.cs': 'using Polly;\nvar retry = Policy.Handle<HttpRequestException>().WaitAndRetryAsync(3, n => TimeSpan.FromSeconds(n));\n',
    }],
    ['a ruby breaker gem is required only by a spec', {
      'Gemfile': 'source "https://rubygems.org"\ngroup :test do\n  gem "stoplight"\nend\n',
      'spec/carrier_spec.rb': 'require "stoplight"\n',
    }],
    ['outlierDetection outside a DestinationRule', { 'k8s/x.yaml': 'kind: ConfigMap\ndata:\n  outlierDetection: x\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});

describe('uses-circuit-breaker in Rails and Laravel', () => {
  const composer = (req: Record<string, string>, dev: Record<string, string> = {}): string => JSON.stringify({ require: req, 'require-dev': dev });

  it('counts Circuitbox and Stoplight(...) in a Rails app without require, and Ganesha by namespace', async () => {
    const circuitbox = await detect(detector, {
      Gemfile: 'gem "rails"\ngem "circuitbox"\n',
      'app/services/pay.rb': 'class Pay\n  def charge\n    Circuitbox.circuit(:pay, exceptions: [Timeout::Error]).run { api.charge }\n  end\nend\n',
    });
    expect([circuitbox.outcome, locations(circuitbox)]).toEqual(['yes', ['app/services/pay.rb:3']]);
    const stoplight = await detect(detector, { Gemfile: 'gem "rails"\ngem "stoplight"\n', 'app/services/rates.rb': 'class Rates\n  def get\n    Stoplight("rates").run { api.rates }\n  end\nend\n' });
    expect([stoplight.outcome, locations(stoplight)]).toEqual(['yes', ['app/services/rates.rb:3']]);
    const ganesha = await detect(detector, { 'composer.json': composer({ 'ackintosh/ganesha': '^3' }), 'app/Services/Pay.php': '<?php\nnamespace App\\Services;\n\nuse Ackintosh\\Ganesha\\Builder;\n' });
    expect([ganesha.outcome, locations(ganesha)]).toEqual(['yes', ['app/Services/Pay.php:4']]);
  });

  it('not for a test-group gem, a spec-only constant, a require-dev package used in tests/ or a commented call', async () => {
    const cases = [
      { Gemfile: 'gem "rails"\ngroup :test do\n  gem "stoplight"\nend\n', 'app/services/rates.rb': 'Stoplight("rates").run { 1 }\n' },
      { Gemfile: 'gem "rails"\ngem "circuitbox"\n', 'spec/pay_spec.rb': 'Circuitbox.circuit(:pay).run { 1 }\n', 'app/models/pay.rb': 'class Pay\nend\n' },
      { 'composer.json': composer({}, { 'ackintosh/ganesha': '^3' }), 'tests/Unit/PayTest.php': '<?php\nuse Ackintosh\\Ganesha\\Builder;\n', 'app/Pay.php': '<?php\nnamespace App;\n' },
      { Gemfile: 'gem "rails"\ngem "circuitbox"\n', 'app/services/pay.rb': '# Circuitbox.circuit(:pay).run { api.charge }\n' },
    ];
    for (const files of cases) expect((await detect(detector, files)).outcome).toBe('no');
  });
});

describeStandardResilienceHandler(detector);
