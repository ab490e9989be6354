// PHP namespace imports and Ruby constant references: how Laravel and Rails code names the
// libraries it uses (Composer autoloading, Bundler.require), end to end through usedLibraries.
import { describe, expect, it } from 'vitest';
import { makeRepo } from '../../test/harness.ts';
import { scanRepository } from '../repo/index.ts';
import { defineCapability } from './capability.ts';
import { extractImports } from './imports.ts';
import { usedLibraries } from './usage.ts';

const queue = defineCapability({
  id: 'job-queue',
  description: 'test',
  libraries: {
    php: [{ package: 'laravel/framework', imports: ['Illuminate\\Contracts\\Queue', 'Illuminate\\Bus'] }],
    ruby: [{ package: 'sidekiq', imports: ['sidekiq', 'Sidekiq'] }, { package: 'activejob', imports: ['ActiveJob'] }],
  },
});

async function uses(files: Record<string, string>): Promise<string[]> {
  const { view } = await scanRepository(makeRepo(files), { patterns: new Map(), contents: ['**/composer.json', '**/Gemfile'], history: false, exclude: [] });
  return usedLibraries(view, queue).map((u) => `${u.library} ${u.sites.map((s) => `${s.path}:${s.line}`).join(' ')}`);
}

describe('PHP imports', () => {
  it('reads use statements, aliases, group uses and function uses, not trait uses', () => {
    const code = '<?php\nnamespace App\\Jobs;\n\nuse Illuminate\\Bus\\Queueable;\nuse Predis\\Client as Redis;\nuse App\\Models\\{User, Song as S};\nuse function Foo\\bar;\n\nclass X {\n    use Queueable;\n}\n';
    expect(extractImports('php', code).map((i) => i.specifier)).toEqual([
      'Illuminate\\Bus\\Queueable',
      'Predis\\Client',
      'App\\Models\\User',
      'App\\Models\\Song',
      'Foo\\bar',
    ]);
  });

  it('counts a Laravel queue job declared by composer.json, not one in a README or a test', async () => {
    const job = '<?php\n\nnamespace App\\Jobs;\n\nuse Illuminate\\Bus\\Queueable;\nuse Illuminate\\Contracts\\Queue\\ShouldQueue;\n\nclass ScanMedia implements ShouldQueue\n{\n    use Queueable;\n}\n';
    expect(await uses({ 'composer.json': '{"require": {"laravel/framework": "^10.0"}}', 'app/Jobs/ScanMedia.php': job })).toEqual([
      'laravel/framework app/Jobs/ScanMedia.php:5 app/Jobs/ScanMedia.php:6',
    ]);
    expect(await uses({ 'composer.json': '{"require": {"laravel/framework": "^10.0"}}', 'README.md': job, 'tests/Unit/JobTest.php': job })).toEqual([]);
    expect(await uses({ 'composer.json': '{"require": {"slim/slim": "^4"}}', 'app/Jobs/ScanMedia.php': job })).toEqual([]);
  });
});

describe('Ruby constants', () => {
  it('reads constant paths and class-method receivers once per file, not strings or comments', () => {
    const code = 'class SyncJob < ApplicationJob\n  include Sidekiq::Job\n  # Resque.enqueue(x)\n  def perform\n    Redis.new.get("Stripe.key")\n    Sidekiq::Job.x\n  end\nend\n';
    expect(extractImports('ruby', code.replace(/#.*$/m, '').replace(/"[^"]*"/g, '""')).map((i) => i.specifier)).toEqual(['Sidekiq::Job', 'Redis']);
  });

  it('counts Sidekiq in a Rails app without require, and ActiveJob through the rails gem', async () => {
    const files = {
      Gemfile: "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\ngem 'sidekiq', '~> 7.2'\n",
      'app/jobs/sync_job.rb': 'class SyncJob\n  include Sidekiq::Job\n\n  def perform(id)\n    Account.find(id).sync!\n  end\nend\n',
      'app/jobs/application_job.rb': 'class ApplicationJob < ActiveJob::Base\nend\n',
    };
    expect(await uses(files)).toEqual(['sidekiq app/jobs/sync_job.rb:2', 'activejob app/jobs/application_job.rb:1']);
  });

  it('does not count a gem that the Gemfile does not declare, or one named only in a comment', async () => {
    const files = {
      Gemfile: "gem 'rails'\n",
      'app/jobs/sync_job.rb': '# include Sidekiq::Job\nclass SyncJob\n  include Sidekiq::Job\nend\n',
    };
    expect(await uses(files)).toEqual([]);
  });
});

describe('.NET declarations', () => {
  const tracing = defineCapability({ id: 'tracing', description: 'test', libraries: { dotnet: ['OpenTelemetry.Trace', 'RabbitMQ.Client', 'Microsoft.Extensions.Http.Resilience'] } });
  const csproj = (refs: string[]): string =>
    `<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n${refs.map((r) => `    <PackageReference Include="${r}" />`).join('\n')}\n  </ItemGroup>\n</Project>\n`;
  async function used(refs: string[], code: string): Promise<string[]> {
    const { view } = await scanRepository(makeRepo({ 'src/Api/Api.csproj': csproj(refs), 'src/Api/Program.cs': code }), {
      patterns: new Map(),
      contents: ['**/*.csproj'],
      history: false,
      exclude: [],
    });
    return usedLibraries(view, tracing).map((u) => u.library);
  }

  it('a package of the same organisation and an Aspire wrapper declare the namespace', async () => {
    const code = 'using OpenTelemetry.Trace;\nusing RabbitMQ.Client;\n\nvar b = WebApplication.CreateBuilder(args);\n';
    expect(await used(['OpenTelemetry.Extensions.Hosting', 'Aspire.RabbitMQ.Client'], code)).toEqual(['OpenTelemetry.Trace', 'RabbitMQ.Client']);
  });

  it('Microsoft packages do not declare each other, and an undeclared organisation does not count', async () => {
    const code = 'using Microsoft.Extensions.Http.Resilience;\nusing OpenTelemetry.Trace;\n';
    expect(await used(['Microsoft.Extensions.Logging', 'OpenTelemetryLite'], code)).toEqual([]);
  });
});

describe('development-only declarations', () => {
  it('a gem of the :test group does not serve production code in a Rails app', async () => {
    const files = {
      Gemfile: "gem 'rails'\n\ngroup :test do\n  gem 'sidekiq'\nend\n",
      'app/jobs/sync_job.rb': 'class SyncJob\n  include Sidekiq::Job\nend\n',
    };
    expect(await uses(files)).toEqual([]);
    expect(await uses({ ...files, Gemfile: "gem 'rails'\ngem 'sidekiq'\n" })).toEqual(['sidekiq app/jobs/sync_job.rb:2']);
  });
});
