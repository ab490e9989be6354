import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

describe('uses-idempotency-keys', () => {
  it.each<[string, Files, string[]]>([
    ['a BullMQ jobId on add()', { 'src/jobs.ts': "await queue.add('charge', data, { jobId: `charge-${order.id}` });\n" }, ['src/jobs.ts:1']],
    ['a jobId in a multi-line addBulk()', { 'src/jobs.ts': 'await queue.addBulk([\n  { name: "mail", data,\n    opts: { jobId: msg.id } },\n]);\n' }, ['src/jobs.ts:3']],
    ['a Stripe idempotencyKey', { 'src/pay.ts': "await stripe.charges.create(params, {\n  idempotencyKey: req.get('Idempotency-Key'),\n});\n" }, ['src/pay.ts:2']],
    ['a python idempotency_key kwarg', { 'app/pay.py': 'stripe.PaymentIntent.create(amount=100, idempotency_key=key)\n' }, ['app/pay.py:1']],
    ['a unique constraint in a SQL migration', { 'migrations/003_payments.sql': 'ALTER TABLE payments\n  ADD CONSTRAINT payments_idempotency_uq UNIQUE (request_id);\n' }, ['migrations/003_payments.sql:2']],
    ['a unique idempotency field in a Prisma schema', { 'prisma/schema.prisma': 'model Payment {\n  id String @id\n  idempotencyToken String @unique\n}\n' }, ['prisma/schema.prisma:3']],
    ['SQS content-based de-duplication in Terraform', { 'infra/sqs.tf': 'resource "aws_sqs_queue" "q" {\n  fifo_queue = true\n  content_based_deduplication = true\n}\n' }, ['infra/sqs.tf:3']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['jobId is only a field in types and logs', { 'src/types.ts': 'export interface JobView { jobId: string }\nlogger.info({ jobId: job.id }, "done");\n' }],
    ['the key is commented out', { 'src/pay.ts': '// TODO: pass idempotencyKey: key\nawait stripe.charges.create(params);\n' }],
    ['only the README mentions it', { 'README.md': 'Send an Idempotency-Key header.\n' }],
    ['only a test uses it', { 'src/pay.test.ts': "expect(call.idempotencyKey).toBe('k');\n" }],
    ['only a vendored SDK uses it', { 'vendor/stripe/client.js': 'headers["Idempotency-Key"] = key;\n' }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});

describe('uses-idempotency-keys in other ecosystems', () => {
  it.each<[string, Files, string[]]>([
    ['asynq TaskID', { 'internal/tasks/enqueue.go': `package tasks

import "github.com/hibiken/asynq"

func E(c *asynq.Client, t *asynq.Task, id string) {
	_, _ = c.Enqueue(t, asynq.TaskID("receipt:"+id))
}
` }, ['internal/tasks/enqueue.go:6']],
    ['sidekiq-unique-jobs lock', { 'app/jobs/charge_job.rb': `class ChargeJob
  include Sidekiq::Job
  sidekiq_options lock: :until_executed
end
` }, ['app/jobs/charge_job.rb:3']],
    ['SQS FIFO messageDeduplicationId from the Java SDK', { 'src/main/java/com/acme/P.java': `package com.acme;

class P {
  Object r = SendMessageRequest.builder().messageGroupId("g").messageDeduplicationId(orderId).build();
}
` }, ['src/main/java/com/acme/P.java:4']],
    ['a Laravel ShouldBeUnique job', { 'app/Jobs/Recalc.php': `<?php
class Recalc implements ShouldQueue, ShouldBeUnique
{
}
` }, ['app/Jobs/Recalc.php:2']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['asynq tasks carry no id', { 'internal/tasks/enqueue.go': `package tasks

import "github.com/hibiken/asynq"

func Enqueue(c *asynq.Client, t *asynq.Task) error {
	_, err := c.Enqueue(t)
	return err
}
` }],
    ['Sidekiq options name only a queue', { 'app/jobs/charge_job.rb': `class ChargeJob
  include Sidekiq::Job
  sidekiq_options queue: :payments
  # sidekiq_options lock: :until_executed
end
` }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});

describe('uses-idempotency-keys: a component built for idempotency', () => {
  it('finds an Idempotency namespace (eShop request manager) and an idempotent consumer class', async () => {
    const r = await detect(detector, {
      'src/Ordering.Infrastructure/Idempotency/RequestManager.cs':
        'namespace eShop.Ordering.Infrastructure.Idempotency;\n\npublic class RequestManager : IRequestManager\n{\n    public async Task<bool> ExistAsync(Guid id) => await _context.FindAsync<ClientRequest>(id) != null;\n}\n',
      'src/main/java/com/acme/billing/IdempotentPaymentConsumer.java': 'package com.acme.billing;\n\npublic class IdempotentPaymentConsumer {}\n',
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['src/Ordering.Infrastructure/Idempotency/RequestManager.cs:1', 'src/main/java/com/acme/billing/IdempotentPaymentConsumer.java:3']);
  });

  it('does not take a comment, a test class or a word in a string for one', async () => {
    const r = await detect(detector, {
      'src/Ordering.API/Commands/ShipOrderCommandHandler.cs': '// Use for Idempotency in Command process\npublic class ShipOrderCommandHandler {}\n',
      'tests/Ordering.UnitTests/IdempotencyTests.cs': 'namespace Ordering.UnitTests.Idempotency;\npublic class IdempotencyTests {}\n',
      'src/app.ts': "logger.warn('class IdempotentThing is planned');\n",
    });
    expect(r.outcome).toBe('no');
  });
});
