import { defineDetector, firstN, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole } from '../../core/types.ts';

const ROLES: readonly FileRole[] = ['source', 'iac', 'config'];
const LOCKFILE = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.ya?ml|poetry\.lock|Pipfile\.lock|composer\.lock|Gemfile\.lock|go\.sum|Cargo\.lock|[^/]+\.lock)$/;
/** Hashes and base64 blobs contain `DLQ` by chance. */
const BLOB = /[A-Za-z0-9+/]{40,}|\bsha(?:1|256|384|512)-|\bintegrity\b/;
/** Inside the message of a log or print call: "no dead-letter queue yet" configures nothing. */
const LOG_LINE = /\b(?:(?:log|logger|logging|console|Log|Logger)\.\w+|print|puts|fmt\.Print\w*|System\.(?:out|err)\.print\w*)\s*\(?\s*f?["'`][^"'`]*(?:dead[_ -]?letter|dlq)/i;

export default defineDetector({
  id: 'has-dead-letter-queue',
  pillar: 'background',
  question: 'Do failed jobs or messages go to a dead-letter queue?',
  rationale:
    'A dead-letter queue keeps messages that keep failing out of the hot path and available for inspection and replay, instead of lost or retried forever.',
  patterns: {
    deadLetter: {
      // deadLetter / dead_letter / dead-letter (incl. RabbitMQ x-dead-letter-exchange, pg-boss deadLetter,
      // Pub/Sub dead_letter_policy, Lambda dead_letter_config) and DLQ identifiers.
      regex: /[Dd]ead[_-]?[Ll]etter|DEAD_?LETTER|DLQ|(?<![A-Za-z])dlq(?![A-Za-z])|[a-z0-9_]Dlq|\bDlq[A-Z_]/,
      literals: ['ead_letter', 'ead-letter', 'eadLetter', 'eadletter', 'EAD_LETTER', 'EADLETTER', 'DLQ', 'dlq', 'Dlq'],
      roles: ROLES,
    },
    redrive: {
      // SQS redrive to a dead-letter queue: CloudFormation/SDK RedrivePolicy, Terraform redrive_policy.
      regex: /\b(?:RedrivePolicy|redrive_policy|redrivePolicy|deadLetterTargetArn)\b/,
      literals: ['RedrivePolicy', 'redrive_policy', 'redrivePolicy', 'deadLetterTargetArn'],
      roles: ROLES,
    },
    sidekiqDead: {
      regex: /\bSidekiq::DeadSet\b|\bdead_max_jobs\b/,
      literals: ['DeadSet', 'dead_max_jobs'],
      roles: ['source', 'config'],
      languages: ['ruby', 'yaml'],
    },
  },
  detect({ matches }) {
    const evidence: EvidenceItem[] = [];
    const seen = new Set<string>();
    const kinds: string[] = [];
    for (const [name, label] of [
      ['redrive', 'SQS redrive policy'],
      ['deadLetter', 'dead-letter queue configuration'],
      ['sidekiqDead', 'Sidekiq dead set'],
    ] as const) {
      const found = matches(name).filter((m) => !LOCKFILE.test(m.path) && !BLOB.test(m.excerpt) && !LOG_LINE.test(m.excerpt));
      if (found.length === 0) continue;
      kinds.push(label);
      let added = 0;
      for (const m of found) {
        const key = `${m.path}:${m.line}`;
        if (seen.has(key) || added >= 5) continue;
        seen.add(key);
        added++;
        evidence.push(fromMatch(m, label));
      }
    }
    if (kinds.length === 0) {
      return no('No dead-letter queue, redrive policy or dead set is configured in production code or infrastructure.');
    }
    const files = new Set(evidence.map((e) => e.path));
    return yes(`Dead-letter handling found (${kinds.join(', ')}) in ${[...files].slice(0, 3).join(', ')}.`, firstN(evidence, 10));
  },
});
