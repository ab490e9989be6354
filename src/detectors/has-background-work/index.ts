import { defineDetector, firstN, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, Match } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { QUEUE_CODE } from '../../ecosystems/capabilities/job-queue.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

/** Names of processes, services and apps that do work outside requests. */
const WORKER_NAME = String.raw`[\w.-]*(?:worker|consumer|cron|clock|scheduler|celery|sidekiq)[\w.-]*`;
/** Kubernetes names are lower-case DNS labels; upper-case `name:` values are env variables. */
const K8S_WORKER_NAME = String.raw`[a-z0-9.-]*(?:worker|consumer|cron|scheduler|celery|sidekiq)[a-z0-9.-]*`;
/** Browser code polls the UI, not the platform: timers there are not background work. */
const FRONTEND_PATH = /\.(?:jsx|tsx|vue|svelte)$|(?:^|\/)(?:components|hooks|pages|frontend|client|public|static|browser|web-ui|ui)\//;
const WORKER_LITERALS = ['worker', 'Worker', 'WORKER', 'consumer', 'cron', 'clock', 'scheduler', 'celery', 'sidekiq'];
const WORKLOAD = /kind:\s*["']?(?:Deployment|StatefulSet|DaemonSet)\b/;

export default defineDetector({
  id: 'has-background-work',
  pillar: 'background',
  question: 'Does the platform do work outside HTTP requests (queues, schedulers, timers, worker processes)?',
  rationale:
    'Background work has its own failure modes (retries, idempotency, backlog); without any, the background pillar does not apply.',
  patterns: {
    interval: {
      regex: /\bsetInterval\s*\(/,
      literals: ['setInterval'],
      languages: ['javascript', 'typescript'],
    },
    scheduledAnnotation: {
      // Spring `@Scheduled`, Go robfig/cron `cron.New(`, Ruby `Sidekiq::Cron`/whenever `every 1.day`.
      regex: /@Scheduled\s*\(|\bcron\.New\s*\(|\bSidekiq::Cron::Job\b/,
      literals: ['@Scheduled', 'cron.New', 'Sidekiq::Cron'],
      languages: ['java', 'kotlin', 'go', 'ruby'],
    },
    workerCode: {
      // Queue workers and hosted background services in languages whose imports are not tracked:
      // Sidekiq/ActiveJob/Resque, Spring listeners, .NET hosted services/Hangfire, Go asynq/river/Kafka consumers.
      regex: /\binclude\s+Sidekiq::(?:Worker|Job)\b|<\s*(?:ApplicationJob|ActiveJob::Base)\b|\bResque\.enqueue\b|@(?:RabbitListener|KafkaListener|SqsListener|JmsListener)\b|:\s*BackgroundService\b|\bIHostedService\b|\bBackgroundJob\.(?:Enqueue|Schedule)\b|\bRecurringJob\.AddOrUpdate\b|\basynq\.NewServer\s*\(|\briver\.NewClient\s*\(|\bsarama\.NewConsumerGroup\s*\(|\bkafka\.NewReader\s*\(/,
      literals: ['Sidekiq::', 'ApplicationJob', 'ActiveJob', 'Resque', 'Listener', 'BackgroundService', 'IHostedService', 'BackgroundJob', 'RecurringJob', 'asynq', 'river', 'sarama', 'kafka'],
      languages: ['ruby', 'java', 'kotlin', 'csharp', 'go'],
    },
    queueCode: {
      regex: new RegExp(QUEUE_CODE.map((q) => q.regex.source).join('|')),
      literals: QUEUE_CODE.flatMap((q) => q.literals),
      languages: [...new Set(QUEUE_CODE.flatMap((q) => q.languages))],
    },
    procfile: {
      regex: new RegExp(`^(${WORKER_NAME})\\s*:\\s*\\S`, 'mi'),
      literals: WORKER_LITERALS,
      roles: ['config', 'other'],
      paths: ['Procfile', '**/Procfile', '**/Procfile.*'],
      code: false,
    },
    pm2App: {
      // An app entry of a PM2 ecosystem file whose name or script says it is a worker.
      regex: new RegExp(`["']?(?:name|script)["']?\\s*:\\s*["'\`](${WORKER_NAME}|[^"'\`]*\\/${WORKER_NAME})["'\`]`, 'i'),
      literals: ['name', 'script'],
      roles: ['source', 'config'],
      paths: ['**/ecosystem.config.{js,cjs,mjs,json}', '**/pm2.config.{js,cjs,json}', '**/ecosystem.json'],
    },
    composeService: {
      regex: new RegExp(`^ {2,4}(${WORKER_NAME}):\\s*$`, 'mi'),
      literals: WORKER_LITERALS,
      roles: ['config', 'iac'],
      paths: ['**/docker-compose*.{yml,yaml}', '**/compose*.{yml,yaml}'],
    },
    k8sWorkloadName: {
      regex: new RegExp(`^\\s*(?:-\\s*)?name:\\s*["']?(${K8S_WORKER_NAME})["']?\\s*$`, 'm'),
      literals: ['kind:'],
      roles: ['iac', 'config'],
      languages: ['yaml'],
    },
    k8sWorkloadKind: {
      regex: WORKLOAD,
      literals: ['kind:'],
      roles: ['iac', 'config'],
      languages: ['yaml'],
      maxPerFile: 1,
    },
    k8sCronJob: {
      regex: /^\s*kind:\s*["']?CronJob\b/m,
      literals: ['CronJob'],
      roles: ['iac', 'config'],
      languages: ['yaml'],
    },
    crontab: {
      // A crontab line: five time fields (or @daily etc.) then a command.
      regex: /^\s*(?:@(?:reboot|yearly|annually|monthly|weekly|daily|midnight|hourly)|(?:[\d*/,-]+\s+){4}[\d*/,A-Za-z-]+)\s+\S/m,
      roles: ['config', 'other', 'iac'],
      literals: ['*', '@'],
      paths: ['**/crontab', '**/*.crontab', '**/*.cron', '**/cron.d/*', '**/crontabs/*'],
      code: false,
      maxPerFile: 1,
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const kinds: string[] = [];

    for (const cap of ['job-queue', 'scheduler'] as const) {
      const uses = usedLibraries(repo, CAPABILITIES[cap]);
      if (uses.length === 0) continue;
      kinds.push(`${cap} library (${uses.map((u) => u.library).join(', ')})`);
      for (const u of uses) evidence.push(...u.sites.slice(0, 2).map((s) => fromImport(s, `${u.library} imported (${cap})`)));
    }

    const add = (label: string, found: readonly Match[], note: string): void => {
      if (found.length === 0) return;
      kinds.push(label);
      evidence.push(...found.slice(0, 3).map((m) => fromMatch(m, note)));
    };
    add('setInterval timers', matches('interval').filter((m) => !FRONTEND_PATH.test(m.path)), 'timer in production code');
    add('scheduled methods', matches('scheduledAnnotation'), 'scheduled job');
    add('queue workers or hosted services', matches('workerCode'), 'background worker in code');
    const declared = (q: (typeof QUEUE_CODE)[number]): boolean =>
      repo.dependencies().some((d) => !d.dev && d.ecosystem === q.ecosystem && d.name.toLowerCase() === q.package);
    add('queued job classes', matches('queueCode').filter((m) => QUEUE_CODE.some((q) => declared(q) && q.regex.test(m.text))), 'queued job');
    add('Procfile worker processes', matches('procfile'), 'worker process type');
    add('PM2 worker apps', matches('pm2App'), 'PM2 worker app');
    add('compose worker services', matches('composeService'), 'worker service');
    const workloadFiles = new Set(matches('k8sWorkloadKind').map((m) => m.path));
    const firstNamePerFile = new Map<string, Match>();
    for (const m of matches('k8sWorkloadName')) if (workloadFiles.has(m.path) && !firstNamePerFile.has(m.path)) firstNamePerFile.set(m.path, m);
    add('Kubernetes worker workloads', [...firstNamePerFile.values()], 'worker deployment');
    add('Kubernetes CronJobs', matches('k8sCronJob'), 'Kubernetes CronJob');
    add('crontab entries', matches('crontab'), 'crontab entry');

    const seen = new Set<string>();
    const distinct = evidence.filter((e) => !seen.has(`${e.path}:${e.line}`) && seen.add(`${e.path}:${e.line}`));
    if (kinds.length === 0) {
      return no('No job queue, scheduler, timer, worker process or cron job was found in production code or deployment config.');
    }
    return yes(`Background work found: ${kinds.join('; ')}.`, firstN(distinct, 10));
  },
});
