import { defineDetector, no, yes } from '../../core/detector.ts';

/** Where GitHub and GitLab look for a security policy. */
const POLICY = /^(?:\.github\/|docs\/|\.gitlab\/)?SECURITY(?:\.(?:md|markdown|rst|txt|adoc))?$/i;

export default defineDetector({
  id: 'has-security-policy',
  pillar: 'security',
  question: 'Does the repository publish a security policy (SECURITY.md)?',
  rationale:
    'A security policy tells researchers and users how to report vulnerabilities privately and which versions get fixes.',
  patterns: {
    // GitHub's "Security policy" template, committed without being filled in.
    unfilledTemplate: {
      regex: /Use this section to tell people how to report a vulnerability/,
      literals: ['Use this section'],
      roles: ['docs', 'other', 'config'],
      code: false,
      maxPerFile: 1,
    },
  },
  detect({ repo, matches }) {
    const templates = new Set(matches('unfilledTemplate').map((m) => m.path));
    const candidates = repo.files.filter((f) => POLICY.test(f.path) && f.size > 0);
    const found = candidates.filter((f) => !templates.has(f.path));
    if (found.length === 0 && candidates.length > 0) {
      return no(`${candidates[0]!.path} is GitHub's unfilled template: it does not say how to report a vulnerability.`, [{ path: candidates[0]!.path, note: 'unfilled template' }]);
    }
    if (found.length === 0) return no('No SECURITY.md was found at the root, in .github/ or in docs/.');
    return yes(`Security policy at ${found[0]!.path}.`, found.map((f) => ({ path: f.path, note: 'security policy' })));
  },
});
