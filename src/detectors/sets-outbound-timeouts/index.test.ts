import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import { describeStandardResilienceHandler } from '../../../test/shared/resilience.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string> = {}): string => JSON.stringify({ name: 'app', dependencies: deps }, null, 2);

describe('sets-outbound-timeouts', () => {
  it.each([
    ['axios.create with a timeout and a per-call timeout', {
      'package.json': pkg({ axios: '1' }),
      'src/http.ts': "import axios from 'axios';\nexport const api = axios.create({\n  baseURL,\n  timeout: 5000,\n});\nawait axios.get(url, { timeout: 2000 });\n",
    }, ['src/http.ts:4', 'src/http.ts:6'], 2],
    ['fetch with AbortSignal.timeout', { 'package.json': pkg(), 'src/pay.ts': 'await fetch(url, { signal: AbortSignal.timeout(3000) });\n' }, ['src/pay.ts:1'], 1],
    ['an AbortController aborted by a timer', {
      'package.json': pkg(),
      'src/pay.ts': 'const ac = new AbortController();\nconst t = setTimeout(() => ac.abort(), 3000);\nawait fetch(url, { signal: ac.signal });\n',
    }, ['src/pay.ts:2'], 1],
    ['python requests with timeout=', { 'requirements.txt': 'requests\n', 'app/client.py': 'import requests\nr = requests.get(url, timeout=5)\n' }, ['app/client.py:2'], 1],
    ['ruby Faraday with open and read timeouts', {
      'Gemfile': 'source "https://rubygems.org"\ngem "faraday"\n',
      'lib/crm.rb': 'require "faraday"\nCONN = Faraday.new(url: ENV["CRM_URL"]) do |f|\n  f.options.open_timeout = 2\n  f.options.timeout = 5\nend\n',
    }, ['lib/crm.rb:3', 'lib/crm.rb:4'], 2],
    ['ruby Net::HTTP with read_timeout', { 'Gemfile': 'source "https://rubygems.org"\n', 'lib/ping.rb': 'require "net/http"\nhttp = Net::HTTP.new(host, 443)\nhttp.read_timeout = 5\n' }, ['lib/ping.rb:3'], 1],
    ['java HttpClient connectTimeout', { 'src/main/java/C.java': 'class C {\n  HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();\n}\n' }, ['src/main/java/C.java:2'], 1],
    ['.NET HttpClient Timeout', { 'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>', 'Api/Program.cs': 'builder.Services.AddHttpClient("crm", c => {\n  c.Timeout = TimeSpan.FromSeconds(10);\n});\n' }, ['Api/Program.cs:2'], 1],
    ['go http.Client with Timeout', { 'client.go': 'package c\nvar c = &http.Client{\n\tTimeout: 5 * time.Second,\n}\n' }, ['client.go:2'], 1],
  ])('answers yes for %s', async (_c, files, locs, n) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
    expect(r.measures).toEqual({ 'timeout-sites': { value: n, unit: 'sites' } });
  });

  it.each([
    ['axios is used with no timeout', { 'package.json': pkg({ axios: '1' }), 'src/a.ts': "import axios from 'axios';\nawait axios.get(url);\n" }, ['src/a.ts:1']],
    ['fetch has no timeout and a timeout is only in a comment', { 'package.json': pkg(), 'src/a.ts': 'await fetch(url); // TODO AbortSignal.timeout(1000)\n' }, ['src/a.ts:1']],
    ['a timeout option exists in a file without an HTTP client', { 'package.json': pkg({ axios: '1' }), 'src/a.ts': "import axios from 'axios';\n", 'src/db.ts': 'export const db = new Pool({ timeout: 1000 });\n' }, ['src/a.ts:1']],
    ['ruby HTTParty has no timeout and one is only commented out', {
      'Gemfile': 'source "https://rubygems.org"\ngem "httparty"\n',
      'lib/crm.rb': 'require "httparty"\n# HTTParty.get(url, timeout: 5)\nHTTParty.get(url, timeout: nil)\n',
    }, ['lib/crm.rb:1', 'lib/crm.rb:3']],
    ['requests has no timeout', { 'requirements.txt': 'requests\n', 'app/a.py': 'import requests\nrequests.get(url)\n' }, ['app/a.py:1']],
  ])('answers no when %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(locations(r)).toEqual(locs);
    expect(r.measures?.['timeout-sites']?.value).toBe(0);
  });

  it.each([
    ['there are no outbound calls', { 'package.json': pkg(), 'src/a.ts': 'export const x = 1;\n' }],
    ['only UI components, browser code and tests fetch', {
      'package.json': pkg({ axios: '1' }),
      'src/App.tsx': 'fetch("/api");\n',
      'frontend/src/client.ts': "import axios from 'axios';\n",
      'src/a.test.ts': 'fetch(url);\n',
    }],
  ])('answers not-applicable when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('not-applicable');
  });
});

describe('sets-outbound-timeouts in Laravel and Rails', () => {
  const composer = JSON.stringify({ require: { 'laravel/framework': '^11', 'guzzlehttp/guzzle': '^7' } });

  it('finds Guzzle options, Http::timeout() and Faraday options named by constant', async () => {
    const guzzle = await detect(detector, { 'composer.json': composer, 'app/Tax.php': "<?php\nuse GuzzleHttp\\Client;\n\n$c = new Client(['timeout' => 3.0]);\n" });
    expect([guzzle.outcome, locations(guzzle)]).toEqual(['yes', ['app/Tax.php:4']]);
    const facade = await detect(detector, { 'composer.json': composer, 'app/Tax.php': "<?php\nuse Illuminate\\Support\\Facades\\Http;\n\n$r = Http::timeout(5)->get($url);\n" });
    expect([facade.outcome, locations(facade)]).toEqual(['yes', ['app/Tax.php:4']]);
    const faraday = await detect(detector, { Gemfile: 'gem "rails"\ngem "faraday"\n', 'app/clients/geo.rb': 'CONN = Faraday.new(url: URL, request: { timeout: 5 })\n' });
    expect([faraday.outcome, locations(faraday)]).toEqual(['yes', ['app/clients/geo.rb:1']]);
  });

  it('answers no for Laravel Http calls without a timeout', async () => {
    const r = await detect(detector, { 'composer.json': composer, 'app/Tax.php': "<?php\nuse Illuminate\\Support\\Facades\\Http;\n\n$r = Http::get($url);\nLog::info('timeout', ['timeout' => null]);\n" });
    expect(r.outcome).toBe('no');
  });
});

describeStandardResilienceHandler(detector);
