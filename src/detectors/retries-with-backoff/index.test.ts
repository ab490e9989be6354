import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import { describeStandardResilienceHandler } from '../../../test/shared/resilience.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string> = {}): string => JSON.stringify({ name: 'app', dependencies: deps }, null, 2);

describe('retries-with-backoff', () => {
  it.each([
    ['p-retry', { 'package.json': pkg({ 'p-retry': '6' }), 'src/sync.ts': "import pRetry from 'p-retry';\nawait pRetry(run, { retries: 5 });\n" }, ['src/sync.ts:1']],
    ['axios-retry with exponential delay', {
      'package.json': pkg({ 'axios-retry': '4' }),
      'src/http.ts': "import axiosRetry from 'axios-retry';\naxiosRetry(client, { retries: 3, retryDelay: axiosRetry.exponentialDelay });\n",
    }, ['src/http.ts:1']],
    ['got with retry options', { 'package.json': pkg({ got: '14' }), 'src/api.ts': "import got from 'got';\nexport const api = got.extend({ retry: { limit: 4 } });\n" }, ['src/api.ts:1']],
    ['hand-written exponential backoff', {
      'package.json': pkg(),
      'src/retry.ts': 'export async function withRetry(fn, maxRetries = 5) {\n  for (let attempt = 0; ; attempt++) {\n    try { return await fn(); } catch (e) {\n      if (attempt >= maxRetries) throw e;\n      await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));\n    }\n  }\n}\n',
    }, ['src/retry.ts:5']],
    ['python tenacity with exponential wait', { 'requirements.txt': 'tenacity==8\n', 'app/client.py': 'from tenacity import retry, wait_exponential\n' }, ['app/client.py:1']],
    ['python urllib3 Retry with backoff_factor', {
      'requirements.txt': 'requests\n',
      'app/http.py': 'from urllib3.util import Retry\nadapter = HTTPAdapter(max_retries=Retry(total=5, backoff_factor=0.5))\n',
    }, ['app/http.py:2']],
    ['Spring Retry with a backoff multiplier', {
      'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.retry</groupId><artifactId>spring-retry</artifactId></dependency></dependencies></project>',
      'src/main/java/com/acme/C.java': 'package com.acme;\nimport org.springframework.retry.annotation.Backoff;\nimport org.springframework.retry.annotation.Retryable;\nclass C {\n  @Retryable(backoff = @Backoff(delay = 200, multiplier = 2))\n  void call() {}\n}\n',
    }, ['src/main/java/com/acme/C.java:2', 'src/main/java/com/acme/C.java:3']],
    ['Polly wait-and-retry', {
      'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="Polly" Version="7.2.4" /></ItemGroup></Project>',
      'Api/R.cs': 'using Polly;\nvar p = Policy.Handle<HttpRequestException>().WaitAndRetryAsync(4, n => TimeSpan.FromSeconds(Math.Pow(2, n)));\n',
    }, ['Api/R.cs:1']],
    ['ruby retriable', { 'Gemfile': 'source "https://rubygems.org"\ngem "retriable"\n', 'lib/sync.rb': 'require "retriable"\nRetriable.retriable(tries: 5) { pull }\n' }, ['lib/sync.rb:1', 'lib/sync.rb:2']],
    ['go cenkalti/backoff', { 'sync.go': 'package sync\nimport "github.com/cenkalti/backoff/v4"\n' }, ['sync.go:2']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['got is used with default options', { 'package.json': pkg({ got: '14' }), 'src/a.ts': "import got from 'got';\nawait got(url);\n" }],
    ['axios-retry has no delay', { 'package.json': pkg({ 'axios-retry': '4' }), 'src/a.ts': "import axiosRetry from 'axios-retry';\naxiosRetry(client, { retries: 3 });\n" }],
    ['a retry loop has no backoff', { 'package.json': pkg(), 'src/a.ts': 'for (let attempt = 0; attempt < 3; attempt++) {\n  await sleep(100);\n}\n' }],
    ['2 ** n appears outside retry code', { 'package.json': pkg(), 'src/bits.ts': 'export const size = 2 ** 16;\n' }],
    ['tenacity waits a fixed time', { 'requirements.txt': 'tenacity==8\n', 'app/pre_start.py': 'from tenacity import retry, stop_after_attempt, wait_fixed\n@retry(stop=stop_after_attempt(60), wait=wait_fixed(1))\ndef init(): ...\n' }],
    ['Spring Retry keeps its default fixed delay', {
      'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.retry</groupId><artifactId>spring-retry</artifactId></dependency></dependencies></project>',
      'src/main/java/com/acme/C.java': 'package com.acme;\nimport org.springframework.retry.annotation.Retryable;\nclass C {\n  @Retryable(maxAttempts = 4)\n  void call() {}\n}\n',
    }],
    ['Polly only exists in a vendored copy', { 'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>', 'vendor/Polly/P.cs': 'using Polly.Retry;\nclass P { void W() => WaitAndRetryAsync(3); }\n' }],
    ['only a test imports p-retry', { 'package.json': pkg({ 'p-retry': '6' }), 'src/a.test.ts': "import pRetry from 'p-retry';\n" }],
    ['backoff code is commented out', { 'package.json': pkg(), 'src/a.ts': '// await setTimeout(r, 2 ** attempt) // retry\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});

describe('retries-with-backoff in Rails and Laravel', () => {
  const laravel = (code: string) => ({ 'composer.json': JSON.stringify({ require: { 'laravel/framework': '^11' } }), 'app/Services/Client.php': `<?php\nnamespace App\\Services;\n\nuse Illuminate\\Support\\Facades\\Http;\n\n${code}\n` });

  it.each([
    ['Retriable by constant in a Rails app', { Gemfile: 'gem "rails"\ngem "retriable"\n', 'app/services/sync.rb': 'class Sync\n  def run\n    Retriable.retriable(tries: 3) { api.pull }\n  end\nend\n' }, ['app/services/sync.rb:3']],
    ['faraday-retry with a backoff factor', {
      Gemfile: 'gem "faraday"\ngem "faraday-retry"\n',
      'app/clients/ledger.rb': 'Faraday.new(url: URL) do |f|\n  f.request :retry, max: 3, interval: 0.5, backoff_factor: 2\n  f.use Faraday::Retry::Middleware\nend\n',
    }, ['app/clients/ledger.rb:3']],
    ['Laravel Http::retry with a closure of the attempt', laravel('$r = Http::retry(3, fn (int $attempt) => $attempt * 200)->get($url);'), ['app/Services/Client.php:6']],
    ['Laravel retry() with growing delays', laravel('$r = retry([100, 200, 400], fn () => Http::get($url)->throw());'), ['app/Services/Client.php:6']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['Laravel retry() with a fixed delay', laravel('$r = retry(3, fn () => Http::get($url)->throw(), 100);')],
    ['faraday-retry without a backoff factor', { Gemfile: 'gem "faraday"\ngem "faraday-retry"\n', 'app/clients/ledger.rb': 'Faraday.new(url: URL) do |f|\n  f.use Faraday::Retry::Middleware, max: 3\nend\n' }],
    ['GuzzleRetry only in require-dev and tests/', {
      'composer.json': JSON.stringify({ require: { 'guzzlehttp/guzzle': '^7' }, 'require-dev': { 'caseyamcl/guzzle_retry_middleware': '^2' } }),
      'tests/ClientTest.php': '<?php\nuse GuzzleRetry\\GuzzleRetryMiddleware;\n',
    }],
  ])('answers no for %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});

describeStandardResilienceHandler(detector);
