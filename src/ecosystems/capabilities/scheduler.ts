import { defineCapability } from '../capability.ts';

// In-process timers and cron libraries: they start background work on a schedule, but are not a
// durable queue (job-queue.ts). Ruby gems are named by their constants, PHP by namespaces.
export default defineCapability({
  id: 'scheduler',
  description: 'In-process timers and cron libraries',
  libraries: {
    js: ['node-cron', 'cron', 'node-schedule', 'later', 'toad-scheduler', '@nestjs/schedule', 'croner', 'bree'],
    python: [
      'schedule',
      'apscheduler',
      { package: 'celery', imports: ['celery'] },
      { package: 'django-celery-beat', imports: ['django_celery_beat'] },
      { package: 'rq-scheduler', imports: ['rq_scheduler'] },
    ],
    go: ['github.com/robfig/cron/v3', 'github.com/robfig/cron', 'github.com/go-co-op/gocron', 'github.com/go-co-op/gocron/v2'],
    jvm: [
      'org.springframework.scheduling',
      { package: 'org.quartz-scheduler:quartz', imports: ['org.quartz'] },
      'net.javacrumbs.shedlock',
      'com.github.kagkarlsson.scheduler',
    ],
    dotnet: ['Quartz', 'Coravel', 'NCrontab', 'Cronos'],
    ruby: [
      { package: 'sidekiq-cron', imports: ['sidekiq-cron', 'Sidekiq::Cron'] },
      { package: 'sidekiq-scheduler', imports: ['sidekiq-scheduler', 'SidekiqScheduler'] },
      { package: 'rufus-scheduler', imports: ['rufus-scheduler', 'Rufus::Scheduler'] },
      { package: 'clockwork', imports: ['clockwork', 'Clockwork'] },
      { package: 'whenever', imports: ['whenever', 'Whenever'] },
    ],
    php: [{ package: 'laravel/framework', imports: ['Illuminate\\Console\\Scheduling', 'Illuminate\\Support\\Facades\\Schedule'] }],
  },
});
