import { defineDetector, fromImport, no, yes } from '../../core/detector.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

export default defineDetector({
  id: 'uses-job-queue',
  pillar: 'background',
  question: 'Does production code use a real job queue (durable, with workers and retries)?',
  rationale:
    'A queue moves slow or retryable work off the request path and survives restarts; timers and cron polling do not.',
  detect({ repo }) {
    const uses = usedLibraries(repo, CAPABILITIES['job-queue']);
    if (uses.length === 0) return no('No job-queue library is imported by production code.');
    const evidence = uses.flatMap((u) => u.sites.slice(0, 3).map((s) => fromImport(s, `${u.library} imported`)));
    return yes(`Job queue in use: ${uses.map((u) => u.library).join(', ')}.`, evidence);
  },
});
