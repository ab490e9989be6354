import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string> = {}): string => JSON.stringify({ name: 'app', dependencies: deps }, null, 2);

describe('exposes-queue-metrics', () => {
  it.each<[string, Files, string[]]>([
    ['bull-board mounted', { 'package.json': pkg({ '@bull-board/express': '5' }), 'src/admin.ts': "import { ExpressAdapter } from '@bull-board/express';\n" }, ['src/admin.ts:1']],
    [
      'a prom-client queue-depth gauge',
      { 'src/metrics.ts': "import client from 'prom-client';\nexport const depth = new client.Gauge({\n  name: 'email_queue_depth',\n  help: 'Jobs waiting',\n});\n" },
      ['src/metrics.ts:2'],
    ],
    [
      'BullMQ job counts exported to a gauge',
      { 'src/queue-metrics.ts': "const counts = await queue.getJobCounts('waiting', 'failed');\nwaitingGauge.set(counts.waiting);\n" },
      ['src/queue-metrics.ts:1'],
    ],
    ['a python prometheus_client gauge', { 'app/metrics.py': "QUEUE_LEN = Gauge('celery_queue_length', 'Tasks waiting', ['queue'])\n" }, ['app/metrics.py:1']],
    ['a StatsD gauge', { 'src/stats.js': "statsd.gauge('jobs.waiting', n);\n" }, ['src/stats.js:1']],
    ['Celery Flower in compose', { 'docker-compose.yml': 'services:\n  flower:\n    command: celery -A app flower --port=5555\n' }, ['docker-compose.yml:3']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['metrics exist but none is about queues', { 'src/metrics.ts': "new client.Histogram({ name: 'http_request_duration_seconds', help: 'x' });\n" }],
    ['job counts are only logged', { 'src/status.ts': "const counts = await queue.getJobCounts();\nlogger.info(counts);\n" }],
    ['the gauge is commented out', { 'src/metrics.ts': "// new client.Gauge({ name: 'queue_depth', help: 'x' });\n" }],
    ['only a test registers it', { 'src/metrics.test.ts': "new Gauge({ name: 'queue_depth', help: 'x' });\n" }],
    ['only docs mention bull-board', { 'README.md': "import { ExpressAdapter } from '@bull-board/express';\n" }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
