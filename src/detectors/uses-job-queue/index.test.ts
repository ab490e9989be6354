import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string>): string => JSON.stringify({ name: 'app', dependencies: deps }, null, 2);

describe('uses-job-queue', () => {
  it('answers yes when production code imports a declared queue library', async () => {
    const r = await detect(detector, {
      'package.json': pkg({ bullmq: '^5.0.0' }),
      'src/jobs/email.ts': "import { Queue } from 'bullmq';\nexport const q = new Queue('email');\n",
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['src/jobs/email.ts:1']);
  });

  it('answers yes for python celery declared in requirements.txt', async () => {
    const r = await detect(detector, {
      'requirements.txt': 'celery==5.3.0\n',
      'app/tasks.py': 'from celery import Celery\napp = Celery("tasks")\n',
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['app/tasks.py:1']);
  });

  it.each([
    ['only a README mentions it', { 'package.json': pkg({}), 'README.md': "We use bullmq: import { Queue } from 'bullmq'" }],
    ['the import is commented out', { 'package.json': pkg({ bullmq: '5' }), 'src/a.ts': "// import { Queue } from 'bullmq';\n" }],
    ['only a test imports it', { 'package.json': pkg({ bullmq: '5' }), 'src/a.test.ts': "import { Queue } from 'bullmq';\n" }],
    ['only a vendored copy imports it', { 'package.json': pkg({}), 'vendor/lib/q.js': "require('bullmq')\n" }],
    ['it is imported but not declared', { 'package.json': pkg({}), 'src/a.ts': "import { Queue } from 'bullmq';\n" }],
  ])('answers no when %s', async (_case, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });

  it('ignores git-ignored code', async () => {
    const r = await detect(detector, {
      git: true,
      files: {
        '.gitignore': 'scratch/\n',
        'package.json': pkg({ bullmq: '5' }),
        'scratch/try.ts': "import { Queue } from 'bullmq';\n",
      },
    });
    expect(r.outcome).toBe('no');
  });
});

describe('uses-job-queue in other ecosystems', () => {
  it.each<[string, Files, string[]]>([
    ['Go asynq', { 'go.mod': `module github.com/acme/app

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
    ['Spring AMQP through the Boot starter', { 'pom.xml': `<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-amqp</artifactId></dependency></dependencies></project>
`, 'src/main/java/com/acme/Events.java': `package com.acme;

import org.springframework.amqp.rabbit.annotation.RabbitListener;

class Events {}
` }, ['src/main/java/com/acme/Events.java:3']],
    ['.NET Hangfire', { 'src/Api/Api.csproj': `<Project Sdk="Microsoft.NET.Sdk.Web">
  <ItemGroup>
    <PackageReference Include="Hangfire.AspNetCore" Version="1.0.0" />
  </ItemGroup>
</Project>
`, 'src/Api/Program.cs': `using Hangfire;

BackgroundJob.Enqueue(() => Console.WriteLine("x"));
` }, ['src/Api/Program.cs:1']],
    ['a Sidekiq job in a Rails app (no require)', { 'Gemfile': `source "https://rubygems.org"
gem "rails"
gem "sidekiq"
`, 'app/jobs/charge_job.rb': `class ChargeJob
  include Sidekiq::Job

  def perform(id) = Order.find(id).charge!
end
` }, ['app/jobs/charge_job.rb:2']],
    ['a Laravel queued job', { 'composer.json': `{ "require": { "laravel/framework": "*" } }
`, 'app/Jobs/SendInvoice.php': `<?php
namespace App\\Jobs;

use Illuminate\\Contracts\\Queue\\ShouldQueue;

class SendInvoice implements ShouldQueue
{
    public function handle(): void {}
}
` }, ['app/Jobs/SendInvoice.php:6']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['Spring @Async is the only background mechanism', { 'pom.xml': `<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>
`, 'src/main/java/com/acme/Mailer.java': `package com.acme;

import org.springframework.scheduling.annotation.Async;

class Mailer { @Async void send() {} }
` }],
    ['Sidekiq is named only in a README and a spec', { 'Gemfile': `source "https://rubygems.org"
gem "rails"
gem "sidekiq"
`, 'README.md': `Jobs use Sidekiq::Job.
`, 'spec/jobs/charge_job_spec.rb': `class ChargeJob
  include Sidekiq::Job

  def perform(id) = Order.find(id).charge!
end
` }],
    ['Laravel queue classes exist only under vendor/', { 'composer.json': `{ "require": { "slim/slim": "*" } }
`, 'vendor/laravel/framework/src/Illuminate/Queue/Worker.php': `<?php
namespace Illuminate\\Queue;

use Illuminate\\Contracts\\Queue\\Queue;

class Worker {}
` }],
    ['Hangfire is imported but not referenced by the project', { 'src/Api/Api.csproj': `<Project Sdk="Microsoft.NET.Sdk.Web">
  <ItemGroup>
    <PackageReference Include="Serilog" Version="1.0.0" />
  </ItemGroup>
</Project>
`, 'src/Api/Program.cs': `using Hangfire;

var x = 1;
` }],
    ['a Laravel mailable only imports ShouldQueue (the stub) and is sent inline', { 'composer.json': '{ "require": { "laravel/framework": "^11.0" } }', 'app/Mail/Welcome.php': `<?php
namespace App\\Mail;

use Illuminate\\Bus\\Queueable;
use Illuminate\\Contracts\\Queue\\ShouldQueue;
use Illuminate\\Mail\\Mailable;
use Illuminate\\Queue\\SerializesModels;

class Welcome extends Mailable
{
    use Queueable, SerializesModels;
}
` }],
    ['a queued Laravel job in an app that does not declare Laravel', { 'composer.json': '{ "require": { "slim/slim": "^4.0" } }', 'app/Jobs/SendInvoice.php': '<?php\nclass SendInvoice implements ShouldQueue {}\n' }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
