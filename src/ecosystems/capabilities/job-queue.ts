import type { Ecosystem, Language } from '../../core/types.ts';
import { defineCapability } from '../capability.ts';

// A real job queue: durable, with workers and retries. Brokers (RabbitMQ, Kafka, SQS, Pub/Sub,
// Service Bus) count: work put there survives a restart. Left out: in-process executors (Spring
// @Async, ActiveJob's :async adapter, Coravel's queue), which lose their work on a restart, and
// cron libraries (scheduler.ts). Ruby gems are named by their constants (Bundler loads them) and
// PHP packages by their namespaces.
export default defineCapability({
  id: 'job-queue',
  description: 'A real job queue: durable, with workers and retries',
  libraries: {
    js: [
      'bullmq', 'bull', 'bee-queue', 'agenda', 'pg-boss', 'graphile-worker', 'amqplib', 'amqp-connection-manager',
      'kafkajs', '@aws-sdk/client-sqs', 'sqs-consumer', '@google-cloud/pubsub', '@azure/service-bus', 'nats',
      '@temporalio/client', '@temporalio/worker', 'inngest', '@trigger.dev/sdk', 'rhea', 'rascal', 'bullmq-pro', 'kue',
      '@nestjs/bullmq', '@nestjs/bull', '@confluentinc/kafka-javascript', 'node-rdkafka',
    ],
    python: [
      'celery', 'rq', 'dramatiq', 'huey', 'arq', 'kombu', 'pika', 'taskiq', 'procrastinate', 'saq', 'aio-pika',
      { package: 'confluent-kafka', imports: ['confluent_kafka'] },
      { package: 'kafka-python', imports: ['kafka'] },
      { package: 'aiokafka', imports: ['aiokafka'] },
      { package: 'google-cloud-pubsub', imports: ['google.cloud.pubsub', 'google.cloud.pubsub_v1'] },
      { package: 'azure-servicebus', imports: ['azure.servicebus'] },
      { package: 'django-q2', imports: ['django_q'] },
    ],
    ruby: [
      { package: 'sidekiq', imports: ['sidekiq', 'Sidekiq'] },
      { package: 'resque', imports: ['resque', 'Resque'] },
      { package: 'good_job', imports: ['good_job', 'GoodJob'] },
      { package: 'solid_queue', imports: ['solid_queue', 'SolidQueue'] },
      { package: 'delayed_job', imports: ['delayed_job', 'Delayed::Job', 'Delayed::Worker'] },
      { package: 'delayed_job_active_record', imports: ['delayed_job_active_record', 'Delayed::Job', 'Delayed::Worker'] },
      { package: 'que', imports: ['que', 'Que'] },
      { package: 'sneakers', imports: ['sneakers', 'Sneakers'] },
      { package: 'shoryuken', imports: ['shoryuken', 'Shoryuken'] },
      { package: 'bunny', imports: ['bunny', 'Bunny'] },
      { package: 'karafka', imports: ['karafka', 'Karafka'] },
      { package: 'aws-sdk-sqs', imports: ['aws-sdk-sqs', 'Aws::SQS'] },
    ],
    go: [
      'github.com/hibiken/asynq',
      'github.com/riverqueue/river',
      'github.com/RichardKnop/machinery/v1',
      'github.com/RichardKnop/machinery/v2',
      'github.com/gocraft/work',
      'github.com/vmihailenco/taskq/v3',
      'github.com/rabbitmq/amqp091-go',
      'github.com/streadway/amqp',
      'github.com/segmentio/kafka-go',
      'github.com/IBM/sarama',
      'github.com/Shopify/sarama',
      'github.com/confluentinc/confluent-kafka-go/v2',
      'github.com/aws/aws-sdk-go-v2/service/sqs',
      'cloud.google.com/go/pubsub',
      'github.com/nats-io/nats.go',
      'go.temporal.io/sdk',
      'github.com/ThreeDotsLabs/watermill',
    ],
    jvm: [
      'org.springframework.amqp',
      'org.springframework.kafka',
      'org.springframework.jms',
      'org.springframework.cloud.stream',
      'io.awspring.cloud.sqs',
      'org.jobrunr',
      'org.apache.kafka.clients',
      'org.apache.kafka.streams',
      'com.rabbitmq.client',
      'software.amazon.awssdk.services.sqs',
      'com.amazonaws.services.sqs',
      'com.google.cloud.pubsub',
      'com.google.cloud.spring.pubsub',
      'com.azure.messaging.servicebus',
      'io.temporal',
      'io.nats.client',
    ],
    dotnet: [
      'Hangfire',
      'MassTransit',
      'NServiceBus',
      'Rebus',
      'Wolverine',
      'DotNetCore.CAP',
      'RabbitMQ.Client',
      'Confluent.Kafka',
      'Azure.Messaging.ServiceBus',
      'Azure.Storage.Queues',
      { package: 'AWSSDK.SQS', imports: ['Amazon.SQS'] },
      'Temporalio',
    ],
    php: [
      // The Queue facade. Laravel's generated mailables and notifications import ShouldQueue,
      // Queueable and SerializesModels without queueing anything: queued jobs are QUEUE_CODE below.
      { package: 'laravel/framework', imports: ['Illuminate\\Support\\Facades\\Queue'] },
      { package: 'symfony/messenger', imports: ['Symfony\\Component\\Messenger'] },
      { package: 'php-amqplib/php-amqplib', imports: ['PhpAmqpLib'] },
      { package: 'enqueue/enqueue', imports: ['Enqueue'] },
      { package: 'aws/aws-sdk-php', imports: ['Aws\\Sqs'] },
    ],
  },
});

/** Queue use that code shows by declaration rather than by import, with the package that must be declared. */
export const QUEUE_CODE: readonly { name: string; package: string; ecosystem: Ecosystem; languages: readonly Language[]; regex: RegExp; literals: readonly string[] }[] = [
  { name: 'Laravel queued jobs', package: 'laravel/framework', ecosystem: 'php', languages: ['php'], regex: /\bimplements\b[^{;]*\bShouldQueue\b/, literals: ['ShouldQueue'] },
];

/**
 * Queue libraries (package names above) whose workers retry a failed job with growing delays
 * unless told otherwise: Sidekiq 25 times, asynq and River 25, graphile-worker 25, Hangfire 10,
 * JobRunr 10, Temporal without limit.
 */
export const RETRIES_BY_DEFAULT: ReadonlySet<string> = new Set([
  'graphile-worker', '@temporalio/worker', 'sidekiq', 'github.com/hibiken/asynq', 'github.com/riverqueue/river', 'go.temporal.io/sdk',
  'Hangfire', 'Temporalio', 'org.jobrunr', 'io.temporal',
]);
