import { defineDetector, unknown, yes } from '../../core/detector.ts';
import type { FileEntry, FileRole } from '../../core/types.ts';
import { median } from '../../util/stats.ts';
import { PROSE_GLOBS, daysBetween, firstChangedAt, isDocumentationFile, lastChangedAt, newestCommitAt } from '../../ecosystems/docs.ts';

/** A document nothing ties to code is stale once this old. */
const FRESH_DAYS = 365;
/** A document is behind its code when the code changed this long after the document last did. */
const LAG_DAYS = 180;
/** What a document can describe: the platform's own code, config, pipelines and infrastructure. */
const CODE_ROLES: ReadonlySet<FileRole> = new Set(['source', 'config', 'iac', 'ci']);
/** Decision records are history by design: their age says nothing about their health. */
const DECISION_RECORD = /(^|\/)(adrs?|decisions|architecture[-_]decisions|decision[-_]records)\//i;
/** Folders that hold documents about the whole platform, not about the code beside them. */
const DOCS_FOLDER = /(^|\/)(docs?|documentation|wiki|handbook|runbooks?|playbooks?|guides?)(\/|$)/i;
const LINK = /\]\(\s*<?([^)\s>#?]+)[^)]*\)|`([\w@.-]+(?:\/[\w@.-]+)+\/?)`/g;

interface DocAge {
  path: string;
  days: number;
  /** Days the described code changed after the document, when the document describes code. */
  lag?: number;
  code?: { label: string; files: number };
}

function dirOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/** Normalise `base/rel` (., .., leading /) to a repository path; undefined when it leaves the repository. */
function resolvePath(base: string, rel: string): string | undefined {
  const parts = rel.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}

export default defineDetector({
  id: 'docs-freshness',
  pillar: 'docs',
  question: 'How fresh is the documentation against the code it describes, measured from git history?',
  rationale: 'A documentation health figure: a document that has not moved while the code it describes did is likely to mislead.',
  history: true,
  measures: {
    docs: { unit: 'documents', description: 'Documentation files measured (READMEs, docs/**, runbooks; not decision records, licences, changelogs or templates)' },
    'fresh-docs-share': {
      unit: '%',
      description: `Percent of documents not stale: a document that links to code, or sits beside source code, is stale when that code moved (a linked file changed; a file was added to a linked folder or beside it) more than ${LAG_DAYS} days after the document last changed; any other document when it is more than ${FRESH_DAYS} days older than the newest commit`,
    },
    'docs-behind-code': { unit: 'documents', description: `Documents whose code changed more than ${LAG_DAYS} days after them` },
    'median-doc-age-days': { unit: 'days', description: 'Median days between a document’s last change and the newest commit' },
  },
  contents: [...PROSE_GLOBS],
  detect({ repo }) {
    const h = repo.history();
    if (!h || h.commits.length === 0) return unknown('No git history, so documentation age cannot be measured.');
    const docs = repo.files.filter((f) => isDocumentationFile(f) && !DECISION_RECORD.test(f.path)).map((f) => f.path);
    if (docs.length === 0) return unknown('No documentation files to measure.');
    const code = repo.files.filter((f) => CODE_ROLES.has(f.role) && !f.binary);
    const codePaths = new Set(code.map((f) => f.path));
    const newest = newestCommitAt(h);
    const oldest = h.commits.reduce((m, c) => Math.min(m, c.at), newest);
    const last = lastChangedAt(h, new Set([...docs, ...codePaths]));
    // Not in the (possibly cut) history: older than its oldest commit when cut, else not yet committed.
    const changed = (p: string): number => last.get(p) ?? (h.truncated ? oldest : newest);
    // Every folder with the code and the source files below it, built once.
    const codeUnder = new Map<string, FileEntry[]>();
    const sourceUnder = new Map<string, FileEntry[]>();
    for (const f of code) {
      for (let i = f.path.indexOf('/'); i > 0; i = f.path.indexOf('/', i + 1)) {
        const dir = f.path.slice(0, i);
        for (const [index, include] of [[codeUnder, true], [sourceUnder, f.role === 'source']] as const) {
          if (!include) continue;
          const list = index.get(dir);
          if (list) list.push(f);
          else index.set(dir, [f]);
        }
      }
    }
    const first = firstChangedAt(h, codePaths);
    const created = (p: string): number => first.get(p) ?? (h.truncated ? oldest : newest);

    /**
     * The code a document describes, and when it last moved in a way the document should follow: a
     * linked file when it last changed; a linked folder, or the source beside a document outside
     * the docs folders, when a file was last added to it (edits inside a package rarely outdate
     * its README; a new module does).
     */
    const described = (doc: string): { label: string; files: number; at: number } | undefined => {
      const labels: string[] = [];
      let files = 0;
      let at = 0;
      for (const m of (repo.text(doc) ?? '').matchAll(LINK)) {
        const raw = m[1] ?? m[2]!;
        if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) continue; // a URL
        for (const base of [dirOf(doc), '']) {
          const p = resolvePath(base, raw.replace(/\/$/, ''));
          if (p === undefined || p === '' || labels.includes(p)) continue;
          if (codePaths.has(p)) {
            at = Math.max(at, changed(p));
            files++;
          } else {
            const inside = codeUnder.get(p) ?? [];
            if (inside.length === 0) continue;
            at = Math.max(at, ...inside.map((f) => created(f.path)));
            files += inside.length;
          }
          labels.push(p);
          break;
        }
      }
      if (files > 0) return { label: labels.slice(0, 3).join(', ') + (labels.length > 3 ? ', ...' : ''), files, at };
      const dir = dirOf(doc);
      if (dir === '' || DOCS_FOLDER.test(dir)) return undefined;
      const beside = sourceUnder.get(dir) ?? [];
      return beside.length > 0 ? { label: `${dir}/`, files: beside.length, at: Math.max(...beside.map((f) => created(f.path))) } : undefined;
    };

    const ages: DocAge[] = docs.map((path) => {
      const at = changed(path);
      const age: DocAge = { path, days: daysBetween(at, newest) };
      const d = described(path);
      if (d) {
        age.lag = daysBetween(at, d.at);
        age.code = { label: d.label, files: d.files };
      }
      return age;
    });
    const stale = (a: DocAge): boolean => (a.lag !== undefined ? a.lag > LAG_DAYS : a.days > FRESH_DAYS);
    const staleness = (a: DocAge): number => (a.lag !== undefined ? a.lag : a.days - FRESH_DAYS + LAG_DAYS);
    const behind = ages.filter((a) => a.lag !== undefined && a.lag > LAG_DAYS).length;
    const fresh = ages.filter((a) => !stale(a)).length;
    const share = Math.floor((fresh * 100) / ages.length);
    const medianAge = Math.floor(median(ages.map((a) => a.days)));
    const evidence = ages
      .sort((a, b) => Number(stale(b)) - Number(stale(a)) || staleness(b) - staleness(a) || a.path.localeCompare(b.path))
      .slice(0, 6)
      .map((a) => ({
        path: a.path,
        note:
          a.code !== undefined
            ? `last changed ${a.days} days before HEAD; the code it describes (${a.code.label}, ${a.code.files} file(s)) moved ${a.lag} days after it`
            : `last changed ${a.days} days before HEAD`,
        value: a.lag ?? a.days,
      }));
    return yes(
      `${share}% of ${ages.length} document(s) are fresh: ${behind} lag the code they describe by more than ${LAG_DAYS} days, ${ages.length - fresh - behind} others are over ${FRESH_DAYS} days old; median age ${medianAge} days${h.truncated ? ' (history is cut: ages are lower bounds)' : ''}.`,
      evidence,
      {
        docs: { value: ages.length, unit: 'documents' },
        'fresh-docs-share': { value: share, unit: '%' },
        'docs-behind-code': { value: behind, unit: 'documents' },
        'median-doc-age-days': { value: medianAge, unit: 'days' },
      },
    );
  },
});
