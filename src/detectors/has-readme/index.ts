import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { isOwn, nocase, sections, type Section } from '../../ecosystems/docs.ts';
import { excerpt } from '../../util/text.ts';

const MIN_WORDS = 150;
const MIN_SECTIONS = 2;
/** A concise README still has substance when its sections cover three newcomer topics. */
const CONCISE_WORDS = 100;
const CONCISE_SECTIONS = 3;
const CONCISE_TOPICS = 3;
/** A section says something when it has this many words, or a code block (the commands to run). */
const SECTION_WORDS = 15;
/** Preferred format first when a repository has several root READMEs. */
const README = /^readme(\.(md|markdown|mdx|rst|adoc|asciidoc|txt))?$/i;
const rank = (p: string): number => ['.md', '.markdown', '.mdx', '.rst', '.adoc', '.asciidoc', '.txt', ''].findIndex((e) => p.toLowerCase().endsWith(e));

/**
 * READMEs a generator writes (create-react-app, Vite, Next.js, Angular CLI, Rails, Laravel, NestJS,
 * GitLab's project template): a sentence that marks the generator's text, and the headings of the
 * sections it writes. Those sections are the generator's words, not the team's.
 */
const GENERATED: readonly (readonly [marker: RegExp, label: string, headings: RegExp])[] = [
  [
    /bootstrapped with \[?create react app|getting started with create react app/i,
    'create-react-app',
    /^(getting started with create react app|available scripts|npm (start|test|run build|run eject)|yarn (start|test|build|eject)|learn more|code splitting|analyzing the bundle size|making a progressive web app|advanced configuration|deployment|npm run build fails to minify)$/i,
  ],
  [
    /this template provides a minimal setup to get react working in vite|currently, two official plugins are available/i,
    'Vite template',
    /^(react \+ typescript \+ vite|react \+ vite|expanding the eslint configuration|react compiler)$/i,
  ],
  [/this is a \[?next\.js\]?(\([^)]*\))? project bootstrapped with/i, 'create-next-app', /^(getting started|learn more|deploy on vercel)$/i],
  [
    /this project was generated (with|using) \[?angular cli/i,
    'Angular CLI',
    /^(development server|code scaffolding|building|build|running unit tests|running end-to-end tests|further help|additional resources)$/i,
  ],
  [/this readme would normally document whatever steps are necessary to get the\s+application up and running/i, 'Rails', /^readme$/i],
  [
    /laravel is a web application framework with expressive, elegant syntax/i,
    'Laravel',
    /^(about laravel|learning laravel|laravel sponsors|premium partners|contributing|code of conduct|security vulnerabilities|license)$/i,
  ],
  [
    /to make it easy for you to get started with gitlab, here'?s a list of recommended next steps/i,
    'GitLab project template',
    /^(getting started|add your files|integrate with your tools|collaborate with your team|test and deploy|editing this readme|suggestions for a good readme|name|description|badges|visuals|installation|usage|support|roadmap|contributing|authors and acknowledgment|license|project status)$/i,
  ],
  [
    /\[nest\]\(https:\/\/github\.com\/nestjs\/nest\) framework typescript starter repository/i,
    'NestJS starter',
    /^(description|project setup|installation|compile and run the project|running the app|run tests|test|deployment|resources|support|stay in touch|license)$/i,
  ],
  [/this template should help get you started developing with vue 3 in vite/i, 'Vue/Vite template', /^(recommended ide setup|type support for \.vue imports in ts|customize configuration|project setup|compile and hot-reload for development|type-check, compile and minify for production|lint with eslint)$/i],
];
/** Sections that hold boilerplate rather than knowledge about the platform. */
const BOILERPLATE_HEADING =
  /^(table of contents|contents|toc|badges?|licen[cs]e|copyright|authors?|contributors|acknowledge?ments?|credits|sponsors?|support|show your support|stargazers|star history|code of conduct)$/i;
/** Topics a newcomer looks for, counted for the measure. */
const TOPICS: readonly (readonly [string, RegExp])[] = [
  ['install', /\b(install(ation|ing)?|setup|set[- ]up|prerequisites|requirements|getting started|quick ?start)\b/i],
  ['run', /\b(usage|running|run|how to use|local development|development|develop(ing)?|start(ing)?)\b/i],
  ['test', /\btest(s|ing)?\b/i],
  ['deploy', /\b(deploy(ments?|ing|s)?|releases?|releasing|production|operations?|operating|hosting)\b/i],
  ['configure', /\b(config(uration)?|environment variables|settings)\b/i],
  ['architecture', /\b(architecture|design|overview|how it works|structure|components|modules)\b/i],
];

/** Heading text without markup: `npm start` -> npm start. */
const plain = (h: string): string => h.replace(/[`*_[\]]/g, '').replace(/\([^)]*\)/g, '').replace(/[:.!?\s]+$/, '').trim();

function own(s: Section, lines: string[], generator: (typeof GENERATED)[number] | undefined): boolean {
  const title = s.heading ? plain(s.heading.text) : '';
  if (s.heading && BOILERPLATE_HEADING.test(title)) return false;
  if (!generator) return true;
  const body = lines.slice(s.from - 1, s.to).join('\n');
  return !generator[0].test(body) && !generator[0].test(title) && !(s.heading && generator[2].test(title));
}

export default defineDetector({
  id: 'has-readme',
  pillar: 'docs',
  question: 'Does the repository have a substantial README at its root?',
  rationale: 'The README is the entry point for every newcomer; a stub leaves the platform to tribal knowledge.',
  measures: {
    'readme-words': { unit: 'words', description: 'Words of the team’s own prose in the root README: code blocks, badges, URLs, TODO lines, boilerplate (licence, contents) and generator text left out' },
    'readme-headings': { unit: 'headings', description: 'Sections of the root README that say something (at least 15 words or a code block), boilerplate and generator sections left out' },
    'readme-topics': { unit: 'topics', description: 'Topics among install, run, test, deploy, configure and architecture that the README’s sections cover' },
  },
  contents: [`${nocase('readme')}`, `${nocase('readme')}.*`],
  detect({ repo }) {
    const candidates = repo.files
      .filter((f) => !f.path.includes('/') && README.test(f.path) && isOwn(f) && repo.text(f.path) !== undefined)
      .sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path));
    const f = candidates[0];
    const measuresOf = (words: number, heads: number, topics: number): Record<string, { value: number; unit: string }> => ({
      'readme-words': { value: words, unit: 'words' },
      'readme-headings': { value: heads, unit: 'headings' },
      'readme-topics': { value: topics, unit: 'topics' },
    });
    if (!f) return no('No README at the repository root.', [], measuresOf(0, 0, 0));
    const text = repo.text(f.path)!;
    const lines = text.split(/\r?\n/);
    const generated = GENERATED.find(([re]) => re.test(text));
    const kept = sections(text, f.path).filter((s) => own(s, lines, generated));
    const words = kept.reduce((n, s) => n + s.words, 0);
    const substantive = kept.filter((s) => s.heading && (s.words >= SECTION_WORDS || s.codeBlocks > 0));
    const topics = TOPICS.filter(([, re]) => substantive.some((s) => re.test(s.heading!.text))).map(([t]) => t);
    const measures = measuresOf(words, substantive.length, topics.length);
    const generator = generated?.[1];
    const evidence: EvidenceItem[] = [{ path: f.path, line: 1, note: `${words} words in ${substantive.length} sections${topics.length > 0 ? ` (${topics.join(', ')})` : ''}${generator ? `; ${generator} boilerplate left out` : ''}` }];
    for (const s of substantive.slice(0, 6)) evidence.push({ path: f.path, line: s.heading!.line, excerpt: excerpt(lines[s.heading!.line - 1] ?? ''), note: `${s.words} words` });
    const concise = words >= CONCISE_WORDS && substantive.length >= CONCISE_SECTIONS && topics.length >= CONCISE_TOPICS;
    if ((words >= MIN_WORDS && substantive.length >= MIN_SECTIONS) || concise) {
      return yes(`${f.path} has ${words} words of prose in ${substantive.length} sections${topics.length > 0 ? ` covering ${topics.join(', ')}` : ''}.`, evidence, measures);
    }
    const why = generator ? `the ${generator} README left as generated, ` : '';
    return no(
      `${f.path} is a stub: ${why}${words} words of own prose in ${substantive.length} sections (needs at least ${MIN_WORDS} words and ${MIN_SECTIONS} sections, or ${CONCISE_WORDS} words in ${CONCISE_SECTIONS} sections covering ${CONCISE_TOPICS} of install, run, test, deploy, configure and architecture).`,
      evidence.slice(0, 1),
      measures,
    );
  },
});
