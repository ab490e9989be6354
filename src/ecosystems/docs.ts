// Documentation and team-process files read as data: where they live, how their headings and
// prose are counted, CODEOWNERS rules with GitHub's last-match-wins semantics, PR templates, and
// the few history figures the docs detectors share. Pure: no I/O.
import type { RepoView } from '../core/detector.ts';
import type { FileEntry, FileRole, History } from '../core/types.ts';
import { excerpt } from '../util/text.ts';

export const DAY = 86_400;

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
  text.split(/\r?\n/).forEach((raw, i) => {
    const l = raw.trim();
    if (l === '' || l.startsWith('#')) return;
    // GitLab sections (`[Docs] @team`, `^[Optional]`) set defaults, they are not path rules.
    if (/^\^?\[[^\]]*\]/.test(l)) return;
    const m = /^((?:\\.|\S)+)(.*)$/.exec(l);
    if (!m) return;
    const pattern = m[1]!.replace(/\\ /g, ' ');
    const rest = m[2]!.replace(/\s#.*$/, '');
    const owners = rest.split(/\s+/).filter((t) => t !== '' && t.includes('@'));
    const re = compileOwnerPattern(pattern);
    if (!re) return;
    rules.push({ line: i + 1, pattern, owners, excerpt: excerpt(raw), matches: (p) => re.test(p) });
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

// ---------------------------------------------------------------------------------------------
// Pull/merge request templates (GitHub, GitLab, Azure DevOps).

const PR_DIRS = ['', '.github/', 'docs/', '.azuredevops/', '.vsts/'];

/** Globs for `contents`: every place a PR or MR template may live, in any letter case. */
export const PR_TEMPLATE_GLOBS: readonly string[] = [
  ...PR_DIRS.map((d) => `${nocase(d)}${nocase('pull_request_template')}*`),
  ...PR_DIRS.map((d) => `${nocase(d)}${nocase('pull_request_template')}/*`),
  `${nocase('.gitlab/merge_request_templates')}/*`,
];

const PR_TEMPLATE =
  /^((\.github|docs|\.azuredevops|\.vsts)\/)?pull_request_template(\.(md|txt))?$|^((\.github|docs)\/)?pull_request_template\/[^/]+\.(md|txt)$|^\.gitlab\/merge_request_templates\/[^/]+\.md$/i;

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

export function daysBetween(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / DAY));
}
