import { defineDetector, no, yes } from '../../core/detector.ts';

/** Where GitHub and GitLab look for a security policy. */
const POLICY = /^(?:\.github\/|docs\/|\.gitlab\/)?SECURITY(?:\.(?:md|markdown|rst|txt|adoc))?$/i;

export default defineDetector({
  id: 'has-security-policy',
  pillar: 'security',
  question: 'Does the repository publish a security policy (SECURITY.md)?',
  rationale:
    'A security policy tells researchers and users how to report vulnerabilities privately and which versions get fixes.',
  detect({ repo }) {
    const found = repo.files.filter((f) => POLICY.test(f.path) && f.size > 0);
    if (found.length === 0) return no('No SECURITY.md was found at the root, in .github/ or in docs/.');
    return yes(`Security policy at ${found[0]!.path}.`, found.map((f) => ({ path: f.path, note: 'security policy' })));
  },
});
