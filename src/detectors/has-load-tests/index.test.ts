import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const artillery = 'config:\n  target: "https://staging.example.com"\n  phases:\n    - duration: 60\n      arrivalRate: 20\nscenarios:\n  - flow:\n      - get:\n          url: "/"\n';

describe('has-load-tests', () => {
  it('counts k6, artillery, locust and JMeter files', async () => {
    const r = await detect(detector, {
      'package.json': JSON.stringify({ name: 'app' }),
      'load/checkout.js': "import http from 'k6/http';\nimport { sleep } from 'k6';\nexport default function () { http.get(__ENV.URL); sleep(1); }\n",
      'tests/load/browse.ts': "import http from 'k6/http';\n",
      'perf/artillery.yml': artillery,
      'perf/locustfile.py': 'from locust import HttpUser, task\n',
      'perf/plan.jmx': '<jmeterTestPlan version="1.2"></jmeterTestPlan>\n',
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['load/checkout.js:1', 'perf/artillery.yml:1', 'perf/locustfile.py:1', 'perf/plan.jmx', 'tests/load/browse.ts:1']);
    expect(r.measures).toEqual({ 'load-test-files': { value: 5, unit: 'files' } });
  });

  it.each([
    ['a Gatling simulation', { 'src/test/scala/ApiSimulation.scala': 'class ApiSimulation extends Simulation {\n}\n' }, ['src/test/scala/ApiSimulation.scala:1']],
    ['a Go Vegeta attacker', {
      'go.mod': 'module example.com/api\n\ngo 1.22\n\nrequire github.com/tsenart/vegeta/v12 v12.12.0\n',
      'loadtest/main.go': 'package main\n\nimport vegeta "github.com/tsenart/vegeta/v12/lib"\n\nvar attacker = vegeta.NewAttacker()\n',
    }, ['loadtest/main.go:3']],
    ['a Java Gatling simulation', { 'src/test/java/com/acme/BrowseSimulation.java': 'package com.acme;\npublic class BrowseSimulation extends Simulation {\n}\n' }, ['src/test/java/com/acme/BrowseSimulation.java:2']],
    ['an autocannon script', { 'package.json': JSON.stringify({ devDependencies: { autocannon: '7' } }), 'bench/api.js': "const autocannon = require('autocannon');\n" }, ['bench/api.js:1']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['only docs show a k6 script', { 'docs/perf.md': "import http from 'k6/http';\n" }],
    ['the k6 import is commented out', { 'load/a.js': "// import http from 'k6/http';\n" }],
    ['an example folder holds one', { 'examples/k6.js': "import http from 'k6/http';\n" }],
    ['a k6 script sits in node_modules', { 'node_modules/sdk/examples/load.js': "import http from 'k6/http';\n" }],
    ['a locustfile is in a git-ignored folder', { git: true, files: { '.gitignore': 'scratch/\n', 'scratch/locustfile.py': 'from locust import HttpUser\n' } }],
    ['only Go benchmarks exist', { 'go.mod': 'module example.com/api\n', 'price_test.go': 'package price\nfunc BenchmarkTotal(b *testing.B) {}\n' }],
    ['a YAML config has only a target', { 'config/app.yml': 'config:\n  target: x\n' }],
  ])('answers no when %s', async (_c, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['load-test-files']?.value).toBe(0);
  });
});
