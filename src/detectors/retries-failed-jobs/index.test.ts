import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string> = {}): string => JSON.stringify({ name: 'app', dependencies: deps }, null, 2);
const BULL = { 'package.json': pkg({ bullmq: '5' }), 'src/queue.ts': "import { Queue } from 'bullmq';\nexport const q = new Queue('mail');\n" };

describe('retries-failed-jobs', () => {
  it.each<[string, Files, string[]]>([
    ['BullMQ default job options', { ...BULL, 'src/config.ts': "export const opts = {\n  defaultJobOptions: {\n    attempts: 5,\n    backoff: { type: 'exponential', delay: 1000 },\n  },\n};\n" }, ['src/config.ts:3']],
    ['backoff before attempts on add()', { ...BULL, 'src/send.ts': "await q.add('x', d, { backoff: 2000, attempts: 3 });\n" }, ['src/send.ts:1']],
    ['pg-boss retry options', { 'package.json': pkg({ 'pg-boss': '9' }), 'src/boss.ts': "import PgBoss from 'pg-boss';\nawait boss.send('email', data, { retryLimit: 5, retryBackoff: true });\n" }, ['src/boss.ts:2']],
    ['Celery autoretry_for with backoff', { 'app/tasks.py': '@app.task(autoretry_for=(IOError,), retry_backoff=True)\ndef sync():\n    pass\n' }, ['app/tasks.py:1']],
    ['Celery self.retry', { 'app/tasks.py': '@app.task(bind=True)\ndef sync(self):\n    try:\n        call()\n    except IOError as exc:\n        raise self.retry(exc=exc, countdown=60)\n' }, ['app/tasks.py:6']],
    ['Sidekiq retry option', { 'app/workers/mail_worker.rb': 'class MailWorker\n  include Sidekiq::Worker\n  sidekiq_options retry: 5\nend\n' }, ['app/workers/mail_worker.rb:3']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['attempts/backoff belong to an HTTP retry helper and no queue is used', { 'package.json': pkg(), 'src/http.ts': 'const policy = { attempts: 3, backoff: 200 };\n' }],
    ['the queue runs a single attempt', { ...BULL, 'src/config.ts': 'const o = { attempts: 1, backoff: 0 };\n' }],
    ['the options are commented out', { ...BULL, 'src/config.ts': '// const o = { attempts: 3, backoff: 1000 };\n' }],
    ['only a test configures retries', { ...BULL, 'src/queue.test.ts': 'const o = { attempts: 3, backoff: 1000 };\n' }],
    ['Sidekiq retries are disabled', { 'app/workers/w.rb': 'class W\n  sidekiq_options retry: false\nend\n' }],
    ['only the docs describe retries', { 'docs/jobs.md': 'Use `autoretry_for=(Exception,)` and `retry_backoff=True`.\n' }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});

describe('retries-failed-jobs in other ecosystems', () => {
  it.each<[string, Files, string[]]>([
    ['an asynq retry delay function', { 'go.mod': `module github.com/acme/app

go 1.22

require (
	github.com/hibiken/asynq v0.24.1
)
`, 'cmd/worker/main.go': `package main

import "github.com/hibiken/asynq"

var cfg = asynq.Config{
	RetryDelayFunc: asynq.DefaultRetryDelayFunc,
}
` }, ['cmd/worker/main.go:6']],
    ['asynq on its default retry policy', { 'go.mod': `module github.com/acme/app

go 1.22

require (
	github.com/hibiken/asynq v0.24.1
)
`, 'internal/tasks/enqueue.go': `package tasks

import "github.com/hibiken/asynq"

func Enqueue(c *asynq.Client, t *asynq.Task) error {
	_, err := c.Enqueue(t)
	return err
}
` }, ['internal/tasks/enqueue.go:3']],
    ['Spring Kafka @RetryableTopic', { 'src/main/java/com/acme/L.java': `package com.acme;

class L {
  @RetryableTopic(attempts = "4", backoff = @Backoff(delay = 1000, multiplier = 2.0))
  void on(String p) {}
}
` }, ['src/main/java/com/acme/L.java:4']],
    ['MassTransit exponential message retry', { 'src/Worker/Program.cs': `cfg.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5)));
` }, ['src/Worker/Program.cs:1']],
    ['a Laravel job with tries and backoff', { 'app/Jobs/Sync.php': `<?php
class Sync implements ShouldQueue
{
    public $tries = 5;
    public $backoff = [10, 60, 300];
}
` }, ['app/Jobs/Sync.php:4', 'app/Jobs/Sync.php:5']],
    ['a Sidekiq job on the default retries', { 'Gemfile': `source "https://rubygems.org"
gem "sidekiq"
`, 'app/jobs/charge_job.rb': `class ChargeJob
  include Sidekiq::Job

  def perform(id) = Order.find(id).charge!
end
` }, ['app/jobs/charge_job.rb:2']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['Sidekiq retries are switched off', { 'Gemfile': `source "https://rubygems.org"
gem "sidekiq"
`, 'app/jobs/charge_job.rb': `class ChargeJob
  include Sidekiq::Job
  sidekiq_options retry: false
end
` }],
    ['asynq is told never to retry', { 'go.mod': `module github.com/acme/app

go 1.22

require (
	github.com/hibiken/asynq v0.24.1
)
`, 'internal/tasks/enqueue.go': `package tasks

import "github.com/hibiken/asynq"

func Enqueue(c *asynq.Client, t *asynq.Task) error {
	_, err := c.Enqueue(t, asynq.MaxRetry(0))
	return err
}
` }],
    ['Hangfire automatic retries are switched off', { 'src/Api/Api.csproj': `<Project Sdk="Microsoft.NET.Sdk.Web">
  <ItemGroup>
    <PackageReference Include="Hangfire.AspNetCore" Version="1.0.0" />
  </ItemGroup>
</Project>
`, 'src/Api/Jobs.cs': `using Hangfire;

public class Jobs
{
    [AutomaticRetry(Attempts = 0)]
    public void Run() {}
}
` }],
    ['a Laravel job tried once', { 'app/Jobs/Sync.php': `<?php
class Sync implements ShouldQueue
{
    public $tries = 1;
}
` }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
