// Documentation and team-process files read as data: where they live, how their headings and
// prose are counted, CODEOWNERS rules with GitHub's last-match-wins semantics, PR templates, and
// the few history figures the docs detectors share. Pure: no I/O.
import type { RepoView } from '../core/detector.ts';
import { stepCommands, type CiConfig, type CiJob, type CiStep, type CiTrigger } from './ci.ts';
import { DAY, type FileEntry, type FileRole, type History } from '../core/types.ts';
import { excerpt } from '../util/text.ts';

/** Roles that are never the platform's own documentation or process. */
const FOREIGN_ROLES: ReadonlySet<FileRole> = new Set(['vendored', 'fixture', 'test', 'generated']);

/** A file the team wrote for itself (not vendored, generated, a fixture or a test). */
export function isOwn(f: FileEntry): boolean {
  return !FOREIGN_ROLES.has(f.role) && !f.binary;
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A picomatch glob that matches `s` in any letter case (`readme` -> `[Rr][Ee][Aa][Dd][Mm][Ee]`). */
export function nocase(s: string): string {
  return s.replace(/[A-Za-z]/g, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`);
}

/** Text extensions a document is written in. */
export const DOC_EXTENSION = /\.(md|mdx|markdown|rst|adoc|asciidoc|txt)$/i;

const BOILERPLATE =
  /^(changelog|changes|history|news|release[-_]?notes|license|licence|copying|notice|authors|contributors|maintainers|code[-_]of[-_]conduct|third[-_]party[-_]notices?)(\.[a-z]+)?$/i;
const TEMPLATES =
  /(^|\/)(ISSUE_TEMPLATE|PULL_REQUEST_TEMPLATE|merge_request_templates|issue_templates)(\/|\.md$)|(^|\/)pull_request_template\.(md|txt)$|^\.changeset\//i;

/**
 * Documentation a reader maintains: prose files with the docs role (READMEs, docs/**, ADRs,
 * runbooks, architecture notes), minus boilerplate (licences, changelogs) and templates.
 */
export function isDocumentationFile(f: FileEntry): boolean {
  if (f.role !== 'docs' || f.binary) return false;
  const name = baseName(f.path);
  if (BOILERPLATE.test(name) || TEMPLATES.test(f.path)) return false;
  if (f.language === 'markdown') return true;
  if (/\.txt$/i.test(name)) return /^readme/i.test(name) || /(^|\/)docs?\//i.test(f.path);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Prose: headings and words, with code blocks and comments left out.

export interface Heading {
  line: number;
  level: number;
  text: string;
}

type Flavour = 'markdown' | 'rst' | 'adoc' | 'text';

export function flavourOf(path: string): Flavour {
  if (/\.rst$/i.test(path)) return 'rst';
  if (/\.(adoc|asciidoc)$/i.test(path)) return 'adoc';
  if (/\.txt$/i.test(path) || !/\.[A-Za-z0-9]+$/.test(baseName(path))) return 'text';
  return 'markdown';
}

/** Lines of a document with fenced code blocks and HTML comments blanked (line numbers kept). */
export function proseLines(text: string, path = 'x.md'): string[] {
  const noComments = text.replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '));
  const lines = noComments.split(/\r?\n/);
  const flavour = flavourOf(path);
  let fence: string | undefined;
  let rstLiteral = false;
  let adocBlock: string | undefined;
  // YAML front matter (`---` ... `---` on the first lines) is metadata, not prose.
  let frontMatter = flavour === 'markdown' && /^---\s*$/.test(lines[0] ?? '');
  return lines.map((l, i) => {
    if (frontMatter) {
      if (i > 0 && /^(---|\.\.\.)\s*$/.test(l)) frontMatter = false;
      return '';
    }
    if (flavour === 'adoc') {
      if (adocBlock !== undefined) {
        if (l.trim() === adocBlock) adocBlock = undefined;
        return '';
      }
      if (/^(----|\.\.\.\.)\s*$/.test(l)) {
        adocBlock = l.trim();
        return '';
      }
    }
    if (flavour === 'rst') {
      if (rstLiteral) {
        if (l.trim() === '' || /^\s/.test(l)) return '';
        rstLiteral = false;
      }
      if (/::\s*$/.test(l) && (lines[i + 1] ?? '').trim() === '') {
        rstLiteral = true;
        return l.replace(/::\s*$/, ':');
      }
    }
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(l);
    if (fence !== undefined) {
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && l.trim() === m[1]) fence = undefined;
      return '';
    }
    if (m && flavour !== 'rst') {
      fence = m[1]!;
      return '';
    }
    return l;
  });
}

const RST_UNDERLINE = /^([=\-~^"'`#*+<>:._!])\1{2,}\s*$/;

/** Headings of a document: markdown ATX and setext, reStructuredText underlines, AsciiDoc `=`. */
export function headings(text: string, path = 'x.md'): Heading[] {
  const lines = proseLines(text, path);
  const flavour = flavourOf(path);
  const out: Heading[] = [];
  const rstLevels: string[] = [];
  lines.forEach((l, i) => {
    const prev = i > 0 ? lines[i - 1]! : '';
    if (flavour === 'markdown' || flavour === 'text') {
      const atx = /^\s{0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/.exec(l);
      if (atx && atx[2]) {
        out.push({ line: i + 1, level: atx[1]!.length, text: atx[2].trim() });
        return;
      }
      // Setext: a paragraph line underlined with === or ---.
      const setext = /^\s{0,3}(=+|-+)\s*$/.exec(l);
      if (setext && prev.trim() !== '' && !/^\s{0,3}([#>*+-]|\d+[.)])\s/.test(prev) && !/^\s{0,3}(=+|-+)\s*$/.test(prev)) {
        const level = setext[1]![0] === '=' ? 1 : 2;
        if (level === 1 || setext[1]!.length >= 2) out.push({ line: i, level, text: prev.trim() });
      }
    } else if (flavour === 'rst') {
      const u = RST_UNDERLINE.exec(l);
      const t = prev.trim();
      if (u && t !== '' && !RST_UNDERLINE.test(prev) && l.trim().length >= t.length) {
        const ch = u[1]!;
        if (!rstLevels.includes(ch)) rstLevels.push(ch);
        out.push({ line: i, level: rstLevels.indexOf(ch) + 1, text: t });
      }
    } else {
      const a = /^(={1,6}|#{1,6})[ \t]+(.*?)\s*$/.exec(l);
      if (a && a[2]) out.push({ line: i + 1, level: a[1]!.length, text: a[2] });
    }
  });
  return out;
}

/** Words of prose: code blocks, HTML, images, link targets and bare URLs left out. */
export function countWords(text: string, path = 'x.md'): number {
  let n = 0;
  for (const raw of proseLines(text, path)) {
    const l = raw
      .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ') // images and badges
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links keep their text
      .replace(/^\s*\[[^\]]+\]:\s*\S+.*$/, ' ') // reference definitions
      .replace(/<[^>]+>/g, ' ') // HTML tags
      .replace(/`[^`]*`/g, ' ') // inline code
      .replace(/\b(https?|ftp):\/\/\S+/g, ' ');
    n += (l.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// CODEOWNERS: GitHub and GitLab syntax, last matching rule wins, a rule without owners un-owns.

/** Where GitHub (first three, in its lookup order) and GitLab look for CODEOWNERS. */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'] as const;

export interface OwnerRule {
  line: number;
  pattern: string;
  owners: string[];
  /** GitLab section the rule belongs to (0: before any section, and always on GitHub). */
  section: number;
  excerpt: string;
  /** Whether the rule's pattern matches a repository-relative file path. */
  matches: (path: string) => boolean;
}

export interface Codeowners {
  path: string;
  rules: OwnerRule[];
}

function segmentToRegex(seg: string): string {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === '\\' && i + 1 < seg.length) {
      re += seg[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else if (c === '*') {
      re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '[') {
      const end = seg.indexOf(']', i + 2);
      if (end === -1) re += '\\[';
      else {
        re += `[${seg.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return re;
}

/** Compile a CODEOWNERS (gitignore-style) pattern; undefined for unsupported negations. */
export function compileOwnerPattern(pattern: string): RegExp | undefined {
  if (pattern.startsWith('!')) return undefined;
  let s = pattern.replace(/^\\#/, '#');
  const dirOnly = s.endsWith('/');
  s = s.replace(/\/+$/, '');
  const anchored = s.startsWith('/') || s.includes('/');
  s = s.replace(/^\/+/, '');
  if (s === '' || s === '**') return /^/;
  const segs = s.split('/');
  let body = '';
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    if (seg === '**') body += last ? '.*' : '(?:[^/]+/)*';
    else body += segmentToRegex(seg) + (last ? '' : '/');
  });
  const lastSeg = segs[segs.length - 1]!;
  // GitHub: `docs/*` owns the files directly in docs, not nested ones; `docs` owns everything below.
  const suffix = dirOnly ? '/.*' : lastSeg === '**' || /[*?[]/.test(lastSeg) ? '' : '(?:/.*)?';
  return new RegExp(`${anchored ? '^' : '^(?:.*/)?'}${body}${suffix}$`);
}

export function parseCodeowners(text: string): OwnerRule[] {
  const rules: OwnerRule[] = [];
  let section = 0;
  let defaults: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const l = raw.trim();
    if (l === '' || l.startsWith('#')) return;
    // GitLab sections (`[Docs] @team`, `^[Optional][2] @x`) start a new rule set whose default
    // owners apply to its rules that name none.
    const sec = /^\^?\[[^\]]+\](?:\[\d+\])?(.*)$/.exec(l);
    if (sec) {
      section++;
      defaults = sec[1]!.replace(/\s#.*$/, '').split(/\s+/).filter((t) => t.includes('@'));
      return;
    }
    const m = /^((?:\\.|\S)+)(.*)$/.exec(l);
    if (!m) return;
    const pattern = m[1]!.replace(/\\ /g, ' ');
    const rest = m[2]!.replace(/\s#.*$/, '');
    const named = rest.split(/\s+/).filter((t) => t !== '' && t.includes('@'));
    const owners = named.length > 0 || section === 0 ? named : defaults;
    const re = compileOwnerPattern(pattern);
    if (!re) return;
    rules.push({ line: i + 1, pattern, owners, section, excerpt: excerpt(raw), matches: (p) => re.test(p) });
  });
  return rules;
}

/** The CODEOWNERS file in effect (GitHub's lookup order), if any is present and readable. */
export function findCodeowners(repo: RepoView): Codeowners | undefined {
  for (const path of CODEOWNERS_PATHS) {
    const f = repo.file(path);
    if (!f || !isOwn(f)) continue;
    const text = repo.text(path);
    if (text === undefined) continue;
    return { path, rules: parseCodeowners(text) };
  }
  return undefined;
}

/** The rule that decides who owns a path (last match wins), if any. */
export function ownerRule(rules: readonly OwnerRule[], path: string): OwnerRule | undefined {
  for (let i = rules.length - 1; i >= 0; i--) if (rules[i]!.matches(path)) return rules[i];
  return undefined;
}

/**
 * The rules that assign owners to a path: the last matching rule of each GitLab section (one
 * section on GitHub) that names owners. Empty when no rule owns the path.
 */
export function owningRules(rules: readonly OwnerRule[], path: string): OwnerRule[] {
  const last = new Map<number, OwnerRule>();
  for (const r of rules) if (r.matches(path)) last.set(r.section, r);
  return [...last.values()].filter((r) => r.owners.length > 0);
}

// ---------------------------------------------------------------------------------------------
// Pull/merge request templates (GitHub, GitLab, Azure DevOps).

const PR_DIRS = ['', '.github/', 'docs/', '.azuredevops/', '.vsts/'];

/** Globs for `contents`: every place a PR or MR template may live, in any letter case. */
export const PR_TEMPLATE_GLOBS: readonly string[] = [
  ...PR_DIRS.map((d) => `${nocase(d)}${nocase('pull_request_template')}*`),
  ...PR_DIRS.map((d) => `${nocase(d)}${nocase('pull_request_template')}/*`),
  ...PR_DIRS.map((d) => `${nocase(d)}${nocase('pull_request_template')}/${nocase('branches')}/*`),
  `${nocase('.gitlab/merge_request_templates')}/*`,
];

/**
 * GitHub: pull_request_template.md in the root, .github/ or docs/, or several in a
 * PULL_REQUEST_TEMPLATE/ folder; GitLab: .gitlab/merge_request_templates/*.md; Azure DevOps: the
 * same names under .azuredevops/ or .vsts/, with per-branch templates in pull_request_template/branches/.
 */
const PR_TEMPLATE =
  /^((\.github|docs|\.azuredevops|\.vsts)\/)?pull_request_template(\.(md|txt))?$|^((\.github|docs|\.azuredevops|\.vsts)\/)?pull_request_template\/(branches\/)?[^/]+\.(md|txt)$|^\.gitlab\/merge_request_templates\/[^/]+\.md$/i;

export interface Template {
  path: string;
  text: string;
}

export function prTemplates(repo: RepoView): Template[] {
  const out: Template[] = [];
  for (const f of repo.files) {
    if (!PR_TEMPLATE.test(f.path) || !isOwn(f)) continue;
    const text = repo.text(f.path);
    if (text !== undefined && text.trim() !== '') out.push({ path: f.path, text });
  }
  return out;
}

export interface TextLine {
  line: number;
  text: string;
}

/** Checklist items (`- [ ]`, `* [x]`, `1. [ ]`) outside code blocks and HTML comments. */
export function checklistItems(text: string, path = 'x.md'): TextLine[] {
  const out: TextLine[] = [];
  proseLines(text, path).forEach((l, i) => {
    if (/^\s*([-*+]|\d+[.)])\s+\[[ xX]\]\s+\S/.test(l)) out.push({ line: i + 1, text: l.trim() });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// History figures, relative to the newest commit (never the wall clock).

/** Author date of the newest commit in the history. */
export function newestCommitAt(h: History): number {
  let max = 0;
  for (const c of h.commits) if (c.at > max) max = c.at;
  return max;
}

/** Author date of the last commit touching each path (restricted to `paths` when given). */
export function lastChangedAt(h: History, paths?: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of h.commits) {
    for (const p of c.files) {
      if (paths && !paths.has(p)) continue;
      const prev = out.get(p);
      if (prev === undefined || c.at > prev) out.set(p, c.at);
    }
  }
  return out;
}

/** Author date of the first commit touching each path. */
export function firstChangedAt(h: History, paths: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of h.commits) {
    for (const p of c.files) {
      if (!paths.has(p)) continue;
      const prev = out.get(p);
      if (prev === undefined || c.at < prev) out.set(p, c.at);
    }
  }
  return out;
}

export function daysBetween(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / DAY));
}

// ---------------------------------------------------------------------------------------------
// Substance: whether a document says something, or is an empty stub, a template or a placeholder.

/** Globs for `contents`: every prose document a docs or team detector may need to read whole. */
export const PROSE_GLOBS: readonly string[] = ['**/*.md', '**/*.mdx', '**/*.markdown', '**/*.rst', '**/*.adoc', '**/*.asciidoc'];

/** A line that only says the content is missing (TODO, TBD, "coming soon", "...", lorem ipsum). */
const PLACEHOLDER_LINE =
  /^\s*(?:[-*+>]\s*)?(?:_|\*{1,2})?(?:todo|tbd|tba|tbc|fixme|wip|coming soon|to be (?:written|done|completed|defined|added|decided)|work in progress|lorem ipsum\b.*|n\/a|none yet|\.{3}|…)(?:_|\*{1,2})?(?:\s*(?:[:.!(-]|\s-\s).{0,80})?\s*$/i;

/** Fill-in-the-blank markers of a template; two distinct ones make a document a template. */
const TEMPLATE_MARKERS: readonly RegExp[] = [
  /\bYYYY[-/]MM[-/]DD\b|\bDD[-/]MM[-/]YYYY\b/,
  /\{\{[^}\n]*\}\}/,
  /\bNNNN\b/,
  /\[(?:short |brief |one[- ]line )?(?:title|description|summary|date|name|owner|author)[^\]\n]{0,60}\](?![(:[])/i,
  /<(?:title|date|name|owner|author|description|summary|incident[ -]title|service)>/i,
  /\[(?:describe|insert|add|explain|list|enter|write|fill in|replace)\b[^\]\n]*\](?![(:[])/i,
  /\bproposed\s*\|\s*(?:rejected|accepted)\b/i,
  /\blorem ipsum\b/i,
];

/** Whether a document is a fill-in template rather than a written one. */
export function isTemplateText(text: string, path = 'x.md'): boolean {
  if (/template/i.test(baseName(path))) return true;
  // Inline code quotes syntax (`{{ .Values.image }}`, `YYYY-MM-DD`) rather than leaving blanks to fill.
  const body = proseLines(text, path).join('\n').replace(/`[^`\n]*`/g, ' ');
  return TEMPLATE_MARKERS.filter((re) => re.test(body)).length >= 2;
}

/** Heading lines (ATX/setext/rst/adoc) of a document, as 1-based line numbers including underlines. */
function headingLineSet(text: string, path: string): Set<number> {
  const set = new Set<number>();
  const lines = text.split(/\r?\n/);
  for (const h of headings(text, path)) {
    set.add(h.line);
    if (underlined(h, lines, path)) set.add(h.line + 1);
  }
  return set;
}

/** Whether a heading is a title line with an underline (setext, reStructuredText) rather than `# Title`. */
function underlined(h: Heading, lines: readonly string[], path: string): boolean {
  const flavour = flavourOf(path);
  if (flavour === 'rst') return true;
  if (flavour === 'adoc') return false;
  return !/^\s{0,3}#/.test(lines[h.line - 1] ?? '');
}

/**
 * Words of prose that say something: headings, code blocks, HTML comments, badges, URLs, template
 * placeholders and TODO-only lines left out.
 */
export function substantiveWords(text: string, path = 'x.md'): number {
  const heads = headingLineSet(text, path);
  const lines = proseLines(text, path).map((l, i) => (heads.has(i + 1) || PLACEHOLDER_LINE.test(l) ? '' : l));
  return countWords(lines.join('\n'), path);
}

/**
 * A check that documents are written (at least `minWords` substantive words, not a template),
 * remembering the ones that are not, so a detector can name the stubs it passed over.
 */
export function writtenCheck(repo: RepoView, minWords: number): { written: (path: string) => boolean; stubs: string[] } {
  const stubs: string[] = [];
  const written = (path: string): boolean => {
    const text = repo.text(path);
    const ok = text !== undefined && substantiveWords(text, path) >= minWords && !isTemplateText(text, path);
    if (!ok) stubs.push(path);
    return ok;
  };
  return { written, stubs };
}

export interface Section {
  heading: Heading | undefined;
  /** 1-based first and last line of the section's body. */
  from: number;
  to: number;
  words: number;
  /** Fenced code blocks (commands to run) in the body. */
  codeBlocks: number;
}

/** A document cut at its headings: the preamble (heading undefined), then one section per heading. */
export function sections(text: string, path = 'x.md'): Section[] {
  const lines = text.split(/\r?\n/);
  const heads = headings(text, path);
  const out: Section[] = [];
  const cut = (heading: Heading | undefined, from: number, to: number): void => {
    const body = lines.slice(from - 1, Math.max(from - 1, to));
    const bodyText = body.join('\n');
    const codeBlocks =
      ((bodyText.match(/^\s{0,3}(`{3,}|~{3,})/gm) ?? []).length >> 1) +
      (flavourOf(path) === 'rst' ? (bodyText.match(/::\s*$|^\.\. code(-block)?::/gm) ?? []).length : 0) +
      (flavourOf(path) === 'adoc' ? (bodyText.match(/^----\s*$/gm) ?? []).length >> 1 : 0);
    out.push({ heading, from, to, words: substantiveWords(bodyText, path), codeBlocks });
  };
  const firstBody = (h: Heading): number => (underlined(h, lines, path) ? h.line + 2 : h.line + 1);
  cut(undefined, 1, (heads[0]?.line ?? lines.length + 1) - 1);
  heads.forEach((h, i) => cut(h, firstBody(h), (heads[i + 1]?.line ?? lines.length + 1) - 1));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates a document gives itself: in its file name, its front matter or a `Date:` line.

export interface DocDate {
  /** ISO day, YYYY-MM-DD. */
  date: string;
  line?: number;
  source: 'name' | 'front matter' | 'date line';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function iso(y: number, m: number, d: number): string | undefined {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return undefined;
  return t.toISOString().slice(0, 10);
}

/** A calendar day written as 2024-03-02, 2024/03/02, March 2, 2024 or 2 March 2024. */
export function parseDay(s: string): string | undefined {
  let m = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/.exec(s);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(s);
  if (m && MONTHS.includes(m[1]!.slice(0, 3).toLowerCase())) return iso(+m[3]!, MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1, +m[2]!);
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(s);
  if (m && MONTHS.includes(m[2]!.slice(0, 3).toLowerCase())) return iso(+m[3]!, MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1, +m[1]!);
  return undefined;
}

const DATE_LINE =
  /^\s*(?:[-*+]\s+)?(?:\|\s*)?(?:\*\*|__|_|\*)?(?:date|incident date|date of (?:the )?incident|decision date|decided|accepted|started|occurred)(?:\s*\(utc\))?(?:\*\*|__|_|\*)?\s*(?:[:|]|\s-\s)\s*(?:\*\*|__)?\s*(.+)$/i;

/** The date a document gives itself: its front matter `date:`, a `Date:` line near the top, or its name. */
export function documentDate(text: string, path: string): DocDate | undefined {
  const lines = text.split(/\r?\n/);
  if (/^---\s*$/.test(lines[0] ?? '')) {
    for (let i = 1; i < Math.min(lines.length, 40); i++) {
      if (/^(---|\.\.\.)\s*$/.test(lines[i]!)) break;
      const fm = /^\s*date\s*:\s*['"]?([^'"#\n]+)/i.exec(lines[i]!);
      const day = fm ? parseDay(fm[1]!) : undefined;
      if (day) return { date: day, line: i + 1, source: 'front matter' };
    }
  }
  const prose = proseLines(text, path);
  for (let i = 0; i < Math.min(prose.length, 60); i++) {
    const m = DATE_LINE.exec(prose[i]!);
    const day = m ? parseDay(m[1]!) : undefined;
    if (day) return { date: day, line: i + 1, source: 'date line' };
  }
  const n = /(?:^|[^\d])(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?:[^\d]|$)/.exec(baseName(path));
  const day = n ? iso(+n[1]!, +n[2]!, +n[3]!) : undefined;
  if (day) return { date: day, source: 'name' };
  return undefined;
}

/** Each section with its subsections folded in (words and code blocks of deeper headings below it). */
export function withSubsections(list: readonly Section[]): Section[] {
  return list.map((s, i) => {
    if (!s.heading) return s;
    let { words, codeBlocks, to } = s;
    for (let j = i + 1; j < list.length && list[j]!.heading && list[j]!.heading!.level > s.heading.level; j++) {
      words += list[j]!.words;
      codeBlocks += list[j]!.codeBlocks;
      to = list[j]!.to;
    }
    return { ...s, words, codeBlocks, to };
  });
}

// ---------------------------------------------------------------------------------------------
// CI steps that run a tool (read with readCi from ci.ts).

const NEVER = /^\s*(?:false|\$\{\{\s*false\s*\}\})\s*$/;
const INSTALLS = /\b(?:pip3?|pipx|npm|pnpm|yarn|gem|go|brew|apt(?:-get)?|apk|cargo|dotnet\s+tool|uv\s+pip)\s+(?:install|add|get|i)\b/;

/**
 * Steps of jobs that can run (on one of `triggers`, default any) whose command or action matches
 * `tool` (non-global): disabled jobs, `if: false` steps and installing the tool do not count.
 */
export function ciRuns(ci: CiConfig, tool: RegExp, triggers?: readonly CiTrigger[]): { job: CiJob; step: CiStep; command: string }[] {
  const out: { job: CiJob; step: CiStep; command: string }[] = [];
  for (const job of ci.jobs) {
    if (job.disabled || job.triggers.length === 0 || (triggers && !job.triggers.some((t) => triggers.includes(t)))) continue;
    if (job.condition !== undefined && NEVER.test(job.condition)) continue;
    for (const step of job.steps) {
      if (step.condition !== undefined && NEVER.test(step.condition)) continue;
      const command = stepCommands(step).find((l) => tool.test(l) && !INSTALLS.test(l));
      if (command !== undefined) out.push({ job, step, command });
    }
  }
  return out;
}
