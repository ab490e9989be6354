import { defineDetector, firstN, fromImport, no, yes } from '../../core/detector.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

export default defineDetector({
  id: 'validates-requests',
  pillar: 'api',
  question: 'Does production code validate request payloads with a schema library?',
  rationale: 'Schema validation at the edge rejects malformed input before it reaches business logic and keeps the contract honest.',
  detect({ repo }) {
    const uses = usedLibraries(repo, CAPABILITIES['request-validation']);
    if (uses.length === 0) return no('No schema-validation library is imported by production code.');
    const evidence = uses.flatMap((u) => u.sites.slice(0, 3).map((s) => fromImport(s, `${u.library} imported`)));
    return yes(`Request validation library in use: ${uses.map((u) => u.library).join(', ')}.`, firstN(evidence));
  },
});
