import { defineDetector, fromImport, no, yes } from '../../core/detector.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

export default defineDetector({
  id: 'uses-feature-flags',
  pillar: 'cicd',
  question: 'Does production code use a feature-flag service or framework?',
  rationale: 'Feature flags separate deploying code from releasing it, so risky changes can ship dark and be switched off without a deploy.',
  detect({ repo }) {
    const uses = usedLibraries(repo, CAPABILITIES['feature-flags']);
    if (uses.length === 0) return no('No feature-flag SDK is imported by production code.');
    const evidence = uses.flatMap((u) => u.sites.slice(0, 3).map((s) => fromImport(s, `${u.library} imported`)));
    return yes(`Feature flags in use: ${uses.map((u) => u.library).join(', ')}.`, evidence.slice(0, 10));
  },
});
