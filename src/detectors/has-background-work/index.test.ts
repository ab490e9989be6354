import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string> = {}): string => JSON.stringify({ name: 'app', dependencies: deps }, null, 2);

const K8S_WORKER = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: billing-worker
spec:
  replicas: 2
`;

describe('has-background-work', () => {
  it.each<[string, Files, string[]]>([
    ['a job queue library', { 'package.json': pkg({ bullmq: '5' }), 'src/q.ts': "import { Queue } from 'bullmq';\n" }, ['src/q.ts:1']],
    ['a scheduler library', { 'package.json': pkg({ 'node-cron': '3' }), 'src/cron.js': "const cron = require('node-cron');\n" }, ['src/cron.js:1']],
    ['python APScheduler', { 'requirements.txt': 'apscheduler==3.10\n', 'app/jobs.py': 'from apscheduler.schedulers.blocking import BlockingScheduler\n' }, ['app/jobs.py:1']],
    ['setInterval in server code', { 'src/server.ts': 'import x from "./x";\n\nsetInterval(() => purge(), 60_000);\n' }, ['src/server.ts:3']],
    ['a Procfile worker', { Procfile: 'web: node server.js\nworker: node worker.js\n' }, ['Procfile:2']],
    ['a PM2 worker app', { 'ecosystem.config.js': "module.exports = { apps: [\n  { name: 'api', script: 'server.js' },\n  { name: 'mailer', script: './dist/worker.js' },\n] };\n" }, ['ecosystem.config.js:3']],
    ['a compose worker service', { 'docker-compose.yml': 'services:\n  api:\n    image: app\n  worker:\n    image: app\n' }, ['docker-compose.yml:4']],
    ['a Kubernetes worker deployment', { 'k8s/worker.yaml': K8S_WORKER }, ['k8s/worker.yaml:4']],
    ['a Kubernetes CronJob', { 'k8s/report.yaml': 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: report\n' }, ['k8s/report.yaml:2']],
    ['a crontab', { 'deploy/crontab': '# nightly\n0 3 * * * /app/bin/cleanup\n' }, ['deploy/crontab:2']],
    ['a Spring @Scheduled method', { 'src/main/java/Jobs.java': 'class Jobs {\n  @Scheduled(cron = "0 0 * * * *")\n  void run() {}\n}\n' }, ['src/main/java/Jobs.java:2']],
    ['a Sidekiq worker', { 'app/workers/mail_worker.rb': 'class MailWorker\n  include Sidekiq::Worker\nend\n' }, ['app/workers/mail_worker.rb:2']],
    ['a .NET hosted service', { 'src/Worker.cs': 'public class Outbox : BackgroundService {\n}\n' }, ['src/Worker.cs:1']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['only a README mentions workers', { 'package.json': pkg(), 'README.md': 'Run `worker: node worker.js` and setInterval(poll)\n', 'src/app.ts': 'export const a = 1;\n' }],
    ['the timer is commented out', { 'src/server.ts': '// setInterval(() => purge(), 1000);\nexport {};\n' }],
    ['the timer is in a test', { 'src/server.test.ts': 'setInterval(() => purge(), 1000);\n' }],
    ['the timer is in a React component', { 'src/components/Clock.tsx': 'setInterval(() => tick(), 1000);\n' }],
    ['the queue is only in a fixture', { 'package.json': pkg(), 'fixtures/q.ts': "import { Queue } from 'bullmq';\n" }],
    ['the Procfile only has web', { Procfile: 'web: node server.js\nrelease: npm run migrate\n' }],
    ['the PM2 file only runs the API', { 'ecosystem.config.js': "module.exports = { apps: [{ name: 'api', script: 'server.js', instances: 4 }] };\n" }],
    ['a web deployment has a WORKER_* env variable', { 'k8s/web.yaml': 'kind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - env:\n            - name: WORKER_THREADS\n' }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});

describe('has-background-work in other ecosystems', () => {
  it.each<[string, Files, string[]]>([
    ['a Laravel queued job', { 'composer.json': `{ "require": { "laravel/framework": "*" } }
`, 'app/Jobs/SendInvoice.php': `<?php
namespace App\\Jobs;

use Illuminate\\Contracts\\Queue\\ShouldQueue;

class SendInvoice implements ShouldQueue
{
    public function handle(): void {}
}
` }, ['app/Jobs/SendInvoice.php:6']],
    ['a Quartz scheduler', { 'pom.xml': `<project><dependencies><dependency><groupId>org.quartz-scheduler</groupId><artifactId>quartz</artifactId></dependency></dependencies></project>
`, 'src/main/java/com/acme/Jobs.java': `package com.acme;

import org.quartz.Scheduler;

class Jobs {}
` }, ['src/main/java/com/acme/Jobs.java:3']],
    ['Go robfig/cron', { 'go.mod': `module github.com/acme/app

go 1.22

require (
	github.com/robfig/cron/v3 v3.0.1
)
`, 'cmd/cron/main.go': `package main

import "github.com/robfig/cron/v3"

func main() { _ = cron.New() }
` }, ['cmd/cron/main.go:3', 'cmd/cron/main.go:5']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['Laravel queue code is only vendored', { 'composer.json': `{ "require": { "slim/slim": "*" } }
`, 'vendor/laravel/framework/src/Illuminate/Queue/Worker.php': `<?php
namespace Illuminate\\Queue;

use Illuminate\\Contracts\\Queue\\Queue;

class Worker {}
` }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
