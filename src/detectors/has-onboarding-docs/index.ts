import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { isOwn, isTemplateText, nocase, PROSE_GLOBS, sections, substantiveWords, withSubsections } from '../../ecosystems/docs.ts';
import { excerpt } from '../../util/text.ts';

const EXT = String.raw`(\.(md|mdx|markdown|rst|adoc|asciidoc|txt))?`;
const ROOT_FILES = new RegExp(String.raw`^((\.github|docs?)\/)?contributing${EXT}$|^(development|developing|hacking|onboarding|getting[-_]?started)${EXT}$`, 'i');
/** docs/onboarding*, docs/getting-started*, docs/development*, docs/setup*, docs/contributing* at any depth under a docs folder. */
const DOCS_FILES = /(^|\/)docs?\/(.*\/)?(onboarding|getting[-_ ]?started|quick[-_ ]?start|development|developing|developer[-_ ]guide|dev[-_ ]?setup|local[-_ ]?(development|setup)|setup|contributing)[^/]*(\/.*)?$/i;
const TEXT = /\.(md|mdx|markdown|rst|adoc|asciidoc|txt)$|(^|\/)[^./]+$/i;
/** A guide needs this many words of its own to be followed (a title and "TODO" are not a guide). */
const MIN_WORDS = 30;
/** A README section about developing the platform. */
const DEV_HEADING =
  /^(development|developing|local development|local setup|development setup|dev(elopment)? environment|setting up (a |the |your )?(local |development )?(environment|machine)|dev setup|running locally|run(ning)? (it |the (app|project|service) )?locally|getting started( with development| for developers)?|contributing|how to contribute|for (developers|contributors))$/i;
/** A README section is onboarding when it says enough, or shows the commands with some words. */
const SECTION_WORDS = 60;
const SECTION_WORDS_WITH_CODE = 20;

export default defineDetector({
  id: 'has-onboarding-docs',
  pillar: 'docs',
  question: 'Does the repository document how a newcomer sets up, develops and contributes?',
  rationale: 'Written onboarding (CONTRIBUTING, getting started, development setup) cuts ramp-up time and removes a truck-factor risk.',
  contents: [...PROSE_GLOBS, nocase('hacking'), nocase('contributing'), nocase('development'), `${nocase('readme')}*`, '*.txt', '**/docs/**/*.txt', '**/doc/**/*.txt'],
  detect({ repo }) {
    const evidence: EvidenceItem[] = [];
    const stubs: string[] = [];
    for (const f of repo.files) {
      if (!isOwn(f) || !TEXT.test(f.path)) continue;
      const guide = ROOT_FILES.test(f.path) ? 'contributor / development guide' : f.role === 'docs' && DOCS_FILES.test(f.path) ? 'onboarding / setup docs' : undefined;
      if (!guide) continue;
      const text = repo.text(f.path);
      if (text === undefined) continue;
      const words = substantiveWords(text, f.path);
      if (words < MIN_WORDS || isTemplateText(text, f.path)) stubs.push(f.path);
      else evidence.push({ path: f.path, note: `${guide}, ${words} words` });
    }
    // A development / getting-started section of the root README.
    for (const f of repo.files) {
      if (f.path.includes('/') || !/^readme(\.[a-z]+)?$/i.test(f.path) || !isOwn(f)) continue;
      const text = repo.text(f.path);
      if (text === undefined) continue;
      const s = withSubsections(sections(text, f.path)).find(
        (x) =>
          x.heading &&
          DEV_HEADING.test(x.heading.text.replace(/[`*_:.!]/g, '').trim()) &&
          (x.words >= SECTION_WORDS || (x.codeBlocks > 0 && x.words >= SECTION_WORDS_WITH_CODE)),
      );
      if (s) evidence.push({ path: f.path, line: s.heading!.line, excerpt: excerpt(text.split(/\r?\n/)[s.heading!.line - 1] ?? ''), note: `development section, ${s.words} words, ${s.codeBlocks} code block(s)` });
    }
    if (evidence.length === 0) {
      return no(
        stubs.length > 0
          ? `Onboarding documents are stubs or templates (${stubs.slice(0, 3).join(', ')}), and the README has no development section of substance.`
          : 'No onboarding docs: no CONTRIBUTING, DEVELOPMENT or HACKING guide, no getting-started, setup or onboarding docs and no development section in the README.',
        stubs.slice(0, 5).map((p) => ({ path: p, note: 'stub, not counted' })),
      );
    }
    return yes(`Onboarding documentation: ${evidence.slice(0, 3).map((e) => (e.line ? `${e.path}:${e.line}` : e.path)).join(', ')}${evidence.length > 3 ? ` and ${evidence.length - 3} more` : ''}.`, evidence.slice(0, 10));
  },
});
