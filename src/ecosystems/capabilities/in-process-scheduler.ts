import { defineCapability } from '../capability.ts';

// Schedulers that fire jobs inside every running process: with two hosts each job runs twice unless
// a distributed lock (distributed-lock.ts) elects one runner. Queue-backed schedulers (Celery beat,
// BullMQ repeatable jobs, Sidekiq-cron, Hangfire, Quartz with a clustered JDBC store) are not listed:
// their store makes one worker take each run.
export default defineCapability({
  id: 'in-process-scheduler',
  description: 'In-process schedulers that run on every host',
  libraries: {
    js: ['node-cron', 'cron', 'node-schedule', 'toad-scheduler', '@nestjs/schedule', 'croner'],
    python: ['apscheduler', 'schedule'],
    go: ['github.com/robfig/cron', 'github.com/go-co-op/gocron'],
    jvm: ['org.springframework.scheduling.annotation.Scheduled'],
    ruby: [{ package: 'rufus-scheduler', imports: ['rufus-scheduler', 'Rufus::Scheduler'] }],
  },
});
