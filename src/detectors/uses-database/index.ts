import { defineDetector, firstN, fromImport, no, yes } from '../../core/detector.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

/** Key-value caches: using only these does not make a platform own a database worth a data pillar. */
const CACHE_ONLY: ReadonlySet<string> = new Set(['redis', 'ioredis']);

export default defineDetector({
  id: 'uses-database',
  pillar: 'data',
  question: 'Does production code use a database (driver or ORM)?',
  rationale: 'The data pillar applies only to a platform that owns data in a database.',
  detect({ repo }) {
    const all = usedLibraries(repo, CAPABILITIES['database-driver']);
    const uses = all.filter((u) => !CACHE_ONLY.has(u.library));
    if (uses.length === 0) {
      const caches = all.map((u) => u.library);
      return no(`No database driver or ORM is imported by production code${caches.length > 0 ? ` (only the cache client ${caches.join(', ')})` : ''}.`);
    }
    // One import site can belong to two entries (`ActiveRecord::Base` to rails and activerecord).
    const seen = new Set<string>();
    const evidence = uses.flatMap((u) => u.sites.slice(0, 3).filter((s) => !seen.has(`${s.path}:${s.line}`) && seen.add(`${s.path}:${s.line}`)).map((s) => fromImport(s, `${u.library} imported`)));
    return yes(`Production code uses a database through ${uses.map((u) => u.library).join(', ')}.`, firstN(evidence));
  },
});
