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

describe('exposes-queue-metrics in other ecosystems', () => {
  it.each<[string, Files, string[]]>([
    ['the Sidekiq Web UI', { 'Gemfile': `source "https://rubygems.org"
gem "rails"
gem "sidekiq"
`, 'config/routes.rb': `require "sidekiq/web"

Rails.application.routes.draw do
  mount Sidekiq::Web => "/sidekiq"
end
` }, ['config/routes.rb:1', 'config/routes.rb:4']],
    ['a Micrometer gauge of queue depth', { 'src/main/java/com/acme/M.java': `package com.acme;

class M {
  M(MeterRegistry r, BlockingQueue<Runnable> q) {
    Gauge.builder("jobs.queue.depth", q, BlockingQueue::size).register(r);
  }
}
` }, ['src/main/java/com/acme/M.java:5']],
    ['the Hangfire dashboard', { 'src/Api/Program.cs': `var app = builder.Build();
app.UseHangfireDashboard("/jobs");
app.Run();
` }, ['src/Api/Program.cs:2']],
    ['the JobRunr dashboard setting', { 'src/main/resources/application.properties': `org.jobrunr.background-job-server.enabled=true
org.jobrunr.dashboard.enabled=true
` }, ['src/main/resources/application.properties:2']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['Sidekiq is used but has no UI or metrics', { 'Gemfile': `source "https://rubygems.org"
gem "sidekiq"
`, 'app/jobs/charge_job.rb': `class ChargeJob
  include Sidekiq::Job

  def perform(id) = Order.find(id).charge!
end
` }],
    ['a Micrometer gauge measures a cache', { 'src/main/java/com/acme/M.java': `package com.acme;

class M {
  M(MeterRegistry r, Map<String, String> c) {
    Gauge.builder("cache.size", c, Map::size).register(r);
  }
}
` }],
    ['the Hangfire dashboard is commented out', { 'src/Api/Program.cs': `var app = builder.Build();
// app.UseHangfireDashboard("/jobs");
app.Run();
` }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
