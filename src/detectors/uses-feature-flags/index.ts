import { defineDetector, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import { ANALYTICS_WITH_FLAGS, FLAG_EVALUATION } from '../../ecosystems/capabilities/feature-flags.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

export default defineDetector({
  id: 'uses-feature-flags',
  pillar: 'cicd',
  question: 'Does production code use a feature-flag service or framework?',
  rationale: 'Feature flags separate deploying code from releasing it, so risky changes can ship dark and be switched off without a deploy.',
  patterns: {
    // Flag evaluations with analytics SDKs that also serve flags (PostHog).
    flagCall: {
      regex: FLAG_EVALUATION,
      literals: ['FeatureEnabled', 'FeatureFlag', 'feature_enabled', 'feature_flag', 'AllFlags', 'all_flags'],
      languages: ['typescript', 'javascript', 'python', 'go', 'ruby', 'php', 'java', 'kotlin', 'csharp'],
      maxPerFile: 1,
    },
  },
  detect({ repo, matches }) {
    const uses = usedLibraries(repo, CAPABILITIES['feature-flags']);
    const evidence = uses.flatMap((u) => u.sites.slice(0, 3).map((s) => fromImport(s, `${u.library} imported`)));
    const libraries = uses.map((u) => u.library);
    const calls = matches('flagCall');
    for (const u of usedLibraries(repo, ANALYTICS_WITH_FLAGS)) {
      const files = new Set(u.sites.map((s) => s.path));
      const evaluated = calls.filter((m) => files.has(m.path));
      if (evaluated.length === 0) continue;
      libraries.push(`${u.library} feature flags`);
      evidence.push(...evaluated.slice(0, 3).map((m) => fromMatch(m, `${u.library} evaluates a feature flag`)));
    }
    if (libraries.length === 0) return no('No feature-flag SDK is imported by production code (nor does code evaluate flags with an analytics SDK that serves them).');
    return yes(`Feature flags in use: ${libraries.join(', ')}.`, evidence.slice(0, 10));
  },
});
