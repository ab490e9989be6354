import { defineDetector, firstN, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';

export default defineDetector({
  id: 'uses-idempotency-keys',
  pillar: 'background',
  question: 'Do side-effecting jobs or endpoints carry idempotency keys?',
  rationale:
    'Queues and clients retry; without an idempotency key a retried payment, email or write happens twice.',
  patterns: {
    queueJobId: {
      // A `jobId:` option inside a queue `add(...)`/`addBulk(...)` call (BullMQ, Bull): dedupes jobs.
      regex: /(?<=\.add(?:Bulk)?\s*\([^;]{0,400}?)\bjobId\s*:/,
      literals: ['jobId'],
      languages: ['javascript', 'typescript'],
    },
    idempotencyKey: {
      // Stripe `idempotencyKey:`, `Idempotency-Key` headers, `idempotency_key` columns and kwargs.
      regex: /idempotency[_-]?key/i,
      literals: ['dempotency', 'DEMPOTENCY'],
    },
    idempotencyConstraint: {
      // A unique constraint or index named after idempotency in a migration or schema.
      regex: /\b(?:CONSTRAINT|UNIQUE|INDEX|unique|index)\b[^;\n]*idempoten/,
      literals: ['dempoten'],
    },
    prismaKey: {
      regex: /idempotency\w*\s+String\b[^\n]*@unique|@@unique\(\[[^\]]*idempoten/i,
      literals: ['dempoten'],
      roles: ['other', 'source'],
      paths: ['**/*.prisma'],
    },
    uniqueJob: {
      // Queue-level de-duplication: asynq `TaskID`/`Unique`, River `UniqueOpts`, BullMQ `deduplication`,
      // pg-boss `singletonKey`, graphile-worker `jobKey`, Sidekiq Enterprise `unique_for` and
      // sidekiq-unique-jobs `lock:`, Laravel `ShouldBeUnique`, Hangfire/JobRunr ids are not keys.
      regex: /\basynq\.(?:TaskID|Unique)\s*\(|\bUniqueOpts\s*:|\bdeduplication\s*:\s*\{\s*id\s*:|\bsingletonKey\s*:|\bjobKey\s*:|\bsidekiq_options\b[^\n]*\b(?:unique_for|lock):\s*:?\w|\bimplements\b[^{\n]*\bShouldBeUnique(?:UntilProcessing)?\b/,
      literals: ['asynq.', 'UniqueOpts', 'deduplication', 'singletonKey', 'jobKey', 'sidekiq_options', 'ShouldBeUnique'],
      languages: ['go', 'javascript', 'typescript', 'ruby', 'php'],
    },
    messageDedup: {
      // SQS FIFO de-duplication: per message (`MessageDeduplicationId`, Java SDK `messageDeduplicationId(`),
      // or content-based on the queue.
      regex: /\b[Mm]essageDeduplicationId\b|\bcontent_based_deduplication\s*=\s*true\b|\bContentBasedDeduplication\s*:\s*["']?true\b|\bcontentBasedDeduplication\s*:\s*true\b/,
      literals: ['essageDeduplicationId', 'content_based_deduplication', 'ContentBasedDeduplication', 'contentBasedDeduplication'],
      roles: ['source', 'iac', 'config'],
    },
    // A component built for it: `namespace Shop.Ordering.Infrastructure.Idempotency;` (eShop's
    // request manager), `class IdempotentConsumer`, `package com.acme.idempotency`.
    idempotencyComponent: {
      regex: /^[ \t]*(?:namespace|package)[ \t]+[\w.]*\b[Ii]dempoten\w*|\b(?:class|interface|struct|record)[ \t]+\w*[Ii]dempoten\w*/m,
      literals: ['dempoten'],
      languages: ['csharp', 'java', 'kotlin', 'go', 'typescript', 'javascript', 'python', 'ruby', 'php'],
      code: 'strict',
      maxPerFile: 1,
    },
  },
  detect({ matches }) {
    const evidence: EvidenceItem[] = [];
    const kinds: string[] = [];
    const take = (name: 'queueJobId' | 'uniqueJob' | 'idempotencyKey' | 'idempotencyConstraint' | 'prismaKey' | 'messageDedup' | 'idempotencyComponent', label: string, note: string): void => {
      const found = matches(name);
      if (found.length === 0) return;
      kinds.push(label);
      const seen = new Set(evidence.map((e) => `${e.path}:${e.line}`));
      let added = 0;
      for (const m of found) {
        const key = `${m.path}:${m.line}`;
        if (seen.has(key) || added >= 4) continue;
        seen.add(key);
        added++;
        evidence.push(fromMatch(m, note));
      }
    };
    take('queueJobId', 'queue jobs added with a jobId', 'job added with a de-duplicating jobId');
    take('uniqueJob', 'unique (de-duplicated) jobs', 'job de-duplicated by key');
    take('idempotencyKey', 'idempotency keys in code or migrations', 'idempotency key');
    take('idempotencyConstraint', 'unique constraint on an idempotency column', 'idempotency unique constraint');
    take('prismaKey', 'unique idempotency field in the schema', 'idempotency unique field');
    take('messageDedup', 'SQS message de-duplication', 'message de-duplication');
    take('idempotencyComponent', 'an idempotency component in production code', 'idempotency component');
    if (kinds.length === 0) {
      return no('No idempotency key, de-duplicating job id or message de-duplication was found in production code, migrations or infrastructure.');
    }
    return yes(`Idempotency found: ${kinds.join('; ')}.`, firstN(evidence, 10));
  },
});
