import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
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
    ['only a test imports p-retry', { 'package.json': pkg({ 'p-retry': '6' }), 'src/a.test.ts': "import pRetry from 'p-retry';\n" }],
    ['backoff code is commented out', { 'package.json': pkg(), 'src/a.ts': '// await setTimeout(r, 2 ** attempt) // retry\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
