import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
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
