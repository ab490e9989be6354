import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

describe('has-dead-letter-queue', () => {
  it.each<[string, Files, string[]]>([
    ['a Terraform SQS redrive policy', { 'infra/queues.tf': 'resource "aws_sqs_queue" "orders" {\n  name = "orders"\n  redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn, maxReceiveCount = 5 })\n}\n' }, ['infra/queues.tf:3']],
    ['RabbitMQ x-dead-letter-exchange in code', { 'src/amqp.ts': "await ch.assertQueue('orders', {\n  arguments: { 'x-dead-letter-exchange': 'orders.dlx' },\n});\n" }, ['src/amqp.ts:2']],
    ['a pg-boss deadLetter option', { 'src/boss.js': "await boss.send('email', data, { retryLimit: 3, deadLetter: 'email-failed' });\n" }, ['src/boss.js:1']],
    ['a DLQ constant', { 'src/config.ts': "export const ORDERS_DLQ_URL = process.env.ORDERS_DLQ_URL;\n" }, ['src/config.ts:1']],
    ['a dlq queue in a compose/config file', { 'config/queues.yaml': 'queues:\n  - name: payments\n  - name: payments-dlq\n' }, ['config/queues.yaml:3']],
    ['a Celery queue with dead-letter arguments', { 'app/celery.py': "Queue('tasks', queue_arguments={'x-dead-letter-routing-key': 'tasks.dead'})\n" }, ['app/celery.py:1']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['only docs mention a DLQ', { 'docs/queues.md': 'We should add a DLQ (dead-letter queue).\n', 'src/a.ts': 'export {};\n' }],
    ['the DLQ is commented out', { 'src/amqp.ts': "// arguments: { 'x-dead-letter-exchange': 'dlx' }\nawait ch.assertQueue('orders');\n", 'infra/q.tf': '# redrive_policy = "..."\nresource "aws_sqs_queue" "q" {}\n' }],
    ['only a vendored library names one', { 'node_modules/amqp/lib/q.js': "const DLQ = 'x-dead-letter-exchange';\n", 'vendor/sqs/q.go': 'var DLQ = "dlq"\n' }],
    ['only a test sets it up', { 'src/amqp.test.ts': "const DLQ = 'test-dlq';\n" }],
    ['a lockfile hash contains DLQ', { 'package-lock.json': '{ "integrity": "sha512-LzOn3h9rG/0vhLdXrV4yJ4QFA9eEoqCl+Yx+kGJd7aB9w6nfNgVHKSYwLPZUHrz4ZGa+t+kXjV9itvcHDLQouA==" }\n', 'config/app.json': '{ "checksum": "Zm9vYmFyYmF6cXV4DLQZm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4" }\n' }],
    ['words merely contain the letters', { 'src/a.ts': 'const headlessLetter = 1; const idlqueue = 2; const readLetters = 3;\n' }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});

describe('has-dead-letter-queue in other ecosystems', () => {
  it.each<[string, Files, string[]]>([
    ['a Spring AMQP queue with a dead-letter exchange', { 'src/main/java/com/acme/Q.java': `package com.acme;

class Q {
  Object q = QueueBuilder.durable("orders").deadLetterExchange("orders.dlx").build();
}
` }, ['src/main/java/com/acme/Q.java:4']],
    ['Azure Service Bus dead-lettering in .NET', { 'src/Worker/P.cs': `public class P
{
    public Task H(ProcessMessageEventArgs a) => a.DeadLetterMessageAsync(a.Message, "MaxDeliveryExceeded");
}
` }, ['src/Worker/P.cs:3']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['only a Python log message says dead-letter', { 'app/worker.py': `import logging
log = logging.getLogger(__name__)

def on_failure(job):
    log.error("job %s failed (no dead-letter queue yet)", job.id)
` }],
    ['only a Go log line names a DLQ', { 'internal/c.go': `package internal

import "log"

func drop(err error) { log.Printf("dropping message, no DLQ: %v", err) }
` }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
