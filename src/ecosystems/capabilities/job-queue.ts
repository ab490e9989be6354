import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'job-queue',
  description: 'A real job queue: durable, with workers and retries',
  libraries: {
  "js": [
    "bullmq",
    "bull",
    "bee-queue",
    "agenda",
    "pg-boss",
    "graphile-worker",
    "amqplib",
    "amqp-connection-manager",
    "kafkajs",
    "@aws-sdk/client-sqs",
    "sqs-consumer",
    "@google-cloud/pubsub",
    "@azure/service-bus",
    "nats",
    "@temporalio/client",
    "@temporalio/worker",
    "inngest",
    "@trigger.dev/sdk",
    "rhea",
    "rascal",
    "bullmq-pro",
    "kue"
  ],
  "python": [
    "celery",
    "rq",
    "dramatiq",
    "huey",
    "arq",
    "kombu",
    "pika",
    {
      "package": "confluent-kafka",
      "imports": [
        "confluent_kafka"
      ]
    },
    {
      "package": "kafka-python",
      "imports": [
        "kafka"
      ]
    }
  ],
  "ruby": [
    "sidekiq",
    "resque",
    "good_job",
    "solid_queue",
    "delayed_job"
  ],
  "go": [
    "github.com/hibiken/asynq",
    "github.com/riverqueue/river"
  ]
},
});
