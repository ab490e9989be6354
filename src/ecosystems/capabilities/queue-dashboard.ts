import type { Ecosystem, Language } from '../../core/types.ts';
import { defineCapability } from '../capability.ts';

// Queue dashboards and exporters of queue metrics. Ruby gems are named by what code loads
// (`require "sidekiq/web"`, `Sidekiq::Web`), PHP packages by namespace.
export default defineCapability({
  id: 'queue-dashboard',
  description: 'Queue dashboards and queue metrics',
  libraries: {
    js: [
      '@bull-board/api', '@bull-board/express', 'bull-board', 'bull-arena', '@bull-board/fastify', '@bull-board/koa',
      '@bull-board/hapi', '@bull-board/nestjs', '@bull-board/hono', 'bullmq-prometheus', 'bull-prom',
      '@bull-monitor/express', '@bull-monitor/koa',
    ],
    python: [
      'flower',
      { package: 'rq-dashboard', imports: ['rq_dashboard'] },
      { package: 'celery-exporter', imports: ['celery_exporter'] },
    ],
    ruby: [
      { package: 'sidekiq', imports: ['sidekiq/web', 'Sidekiq::Web', 'sidekiq/api', 'Sidekiq::Stats', 'Sidekiq::Queue'] },
      { package: 'good_job', imports: ['GoodJob::Engine'] },
      { package: 'mission_control-jobs', imports: ['MissionControl::Jobs'] },
      { package: 'resque', imports: ['resque/server', 'Resque::Server'] },
      { package: 'yabeda-sidekiq', imports: ['yabeda/sidekiq', 'Yabeda'] },
      { package: 'sidekiq-prometheus-exporter', imports: ['sidekiq/prometheus/exporter', 'Sidekiq::Prometheus'] },
    ],
    go: ['github.com/hibiken/asynqmon', 'github.com/hibiken/asynq/x/metrics'],
    php: [{ package: 'laravel/horizon', imports: ['Laravel\\Horizon'] }],
  },
});

/** Dashboards switched on by a call or a setting rather than an import of their own. */
export const QUEUE_DASHBOARD_SETTINGS: readonly { name: string; ecosystem: Ecosystem; languages: readonly Language[]; regex: RegExp; literals: readonly string[] }[] = [
  { name: 'Hangfire dashboard', ecosystem: 'dotnet', languages: ['csharp'], regex: /\.(?:UseHangfireDashboard|MapHangfireDashboard)\s*\(/, literals: ['HangfireDashboard'] },
  { name: 'JobRunr dashboard', ecosystem: 'jvm', languages: ['java', 'kotlin', 'other', 'yaml'], regex: /\bjobrunr\.dashboard\.enabled\s*[=:]\s*true\b|\.useDashboard\s*\(/, literals: ['jobrunr.dashboard', 'useDashboard'] },
];
