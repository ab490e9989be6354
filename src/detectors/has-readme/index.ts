import { defineDetector, no, yes } from '../../core/detector.ts';
import { countWords, headings, isOwn, nocase } from '../../ecosystems/docs.ts';

const MIN_WORDS = 150;
const MIN_HEADINGS = 2;
/** Preferred format first when a repository has several root READMEs. */
const README = /^readme(\.(md|markdown|mdx|rst|adoc|asciidoc|txt))?$/i;
const rank = (p: string): number => ['.md', '.markdown', '.mdx', '.rst', '.adoc', '.asciidoc', '.txt', ''].findIndex((e) => p.toLowerCase().endsWith(e));

export default defineDetector({
  id: 'has-readme',
  pillar: 'docs',
  question: 'Does the repository have a substantial README at its root?',
  rationale: 'The README is the entry point for every newcomer; a stub leaves the platform to tribal knowledge.',
  measures: {
    'readme-words': { unit: 'words', description: 'Words of prose in the root README, code blocks, URLs and images left out' },
    'readme-headings': { unit: 'headings', description: 'Section headings in the root README' },
  },
  contents: [`${nocase('readme')}`, `${nocase('readme')}.*`],
  detect({ repo }) {
    const candidates = repo.files
      .filter((f) => !f.path.includes('/') && README.test(f.path) && isOwn(f) && repo.text(f.path) !== undefined)
      .sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path));
    const f = candidates[0];
    if (!f) {
      return no('No README at the repository root.', [], {
        'readme-words': { value: 0, unit: 'words' },
        'readme-headings': { value: 0, unit: 'headings' },
      });
    }
    const text = repo.text(f.path)!;
    const words = countWords(text, f.path);
    const heads = headings(text, f.path).length;
    const measures = {
      'readme-words': { value: words, unit: 'words' },
      'readme-headings': { value: heads, unit: 'headings' },
    };
    const evidence = [{ path: f.path, line: 1, note: `${words} words, ${heads} headings` }];
    if (words >= MIN_WORDS && heads >= MIN_HEADINGS) {
      return yes(`${f.path} has ${words} words of prose in ${heads} sections.`, evidence, measures);
    }
    return no(
      `${f.path} is a stub: ${words} words and ${heads} headings (needs at least ${MIN_WORDS} words and ${MIN_HEADINGS} headings).`,
      evidence,
      measures,
    );
  },
});
