import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { isOwn } from '../../ecosystems/docs.ts';

const EXT = String.raw`(\.(md|mdx|markdown|rst|adoc|asciidoc|txt))?`;
const ROOT_FILES = new RegExp(String.raw`^((\.github|docs?)\/)?contributing${EXT}$|^(development|developing|hacking|onboarding|getting[-_]?started)${EXT}$`, 'i');
/** docs/onboarding*, docs/getting-started*, docs/development*, docs/setup*, docs/contributing* at any depth under a docs folder. */
const DOCS_FILES = /(^|\/)docs?\/(.*\/)?(onboarding|getting[-_ ]?started|quick[-_ ]?start|development|developing|developer[-_ ]guide|dev[-_ ]?setup|local[-_ ]?(development|setup)|setup|contributing)[^/]*(\/.*)?$/i;
const TEXT = /\.(md|mdx|markdown|rst|adoc|asciidoc|txt)$|(^|\/)[^./]+$/i;
/** A file this small says nothing a newcomer can follow. */
const MIN_BYTES = 100;

export default defineDetector({
  id: 'has-onboarding-docs',
  pillar: 'docs',
  question: 'Does the repository document how a newcomer sets up, develops and contributes?',
  rationale: 'Written onboarding (CONTRIBUTING, getting started, development setup) cuts ramp-up time and removes a truck-factor risk.',
  detect({ repo }) {
    const evidence: EvidenceItem[] = [];
    for (const f of repo.files) {
      if (!isOwn(f) || f.size < MIN_BYTES || !TEXT.test(f.path)) continue;
      if (ROOT_FILES.test(f.path)) evidence.push({ path: f.path, note: 'contributor / development guide' });
      else if (f.role === 'docs' && DOCS_FILES.test(f.path)) evidence.push({ path: f.path, note: 'onboarding / setup docs' });
    }
    if (evidence.length === 0) {
      return no('No onboarding docs: no CONTRIBUTING, DEVELOPMENT or HACKING guide and no getting-started, setup or onboarding docs.');
    }
    return yes(`Onboarding documentation: ${evidence.slice(0, 3).map((e) => e.path).join(', ')}${evidence.length > 3 ? ` and ${evidence.length - 3} more` : ''}.`, evidence.slice(0, 10));
  },
});
