import { defineDetector, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { QUEUE_CODE } from '../../ecosystems/capabilities/job-queue.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

export default defineDetector({
  id: 'uses-job-queue',
  pillar: 'background',
  question: 'Does production code use a real job queue (durable, with workers and retries)?',
  rationale:
    'A queue moves slow or retryable work off the request path and survives restarts; timers and cron polling do not.',
  patterns: {
    // Queue use shown by a declaration (`class SendInvoice implements ShouldQueue`), not an import.
    queueCode: {
      regex: new RegExp(QUEUE_CODE.map((q) => q.regex.source).join('|')),
      literals: QUEUE_CODE.flatMap((q) => q.literals),
      languages: [...new Set(QUEUE_CODE.flatMap((q) => q.languages))],
    },
  },
  detect({ repo, matches }) {
    const uses = usedLibraries(repo, CAPABILITIES['job-queue']);
    const names = uses.map((u) => u.library);
    const evidence: EvidenceItem[] = uses.flatMap((u) => u.sites.slice(0, 3).map((s) => fromImport(s, `${u.library} imported`)));
    const deps = repo.dependencies().filter((d) => !d.dev);
    for (const q of QUEUE_CODE) {
      if (!deps.some((d) => d.ecosystem === q.ecosystem && d.name.toLowerCase() === q.package)) continue;
      const found = matches('queueCode').filter((m) => q.regex.test(m.text));
      if (found.length === 0) continue;
      if (!names.includes(q.package)) names.push(q.package);
      evidence.push(...found.slice(0, 3).map((m) => fromMatch(m, q.name)));
    }
    if (names.length === 0) return no('No job-queue library is imported by production code.');
    return yes(`Job queue in use: ${names.join(', ')}.`, evidence.slice(0, 10));
  },
});
