import { defineDetector, unknown, yes } from '../../core/detector.ts';
import { daysBetween, isDocumentationFile, lastChangedAt, newestCommitAt } from '../../ecosystems/docs.ts';

const FRESH_DAYS = 365;

export default defineDetector({
  id: 'docs-freshness',
  pillar: 'docs',
  question: 'How fresh is the documentation, measured from git history?',
  rationale: 'A documentation health figure (share of docs touched in the last year, median age) shows whether docs are maintained or rotting.',
  history: true,
  measures: {
    docs: { unit: 'documents', description: 'Documentation files measured (READMEs, docs/**, ADRs, runbooks; not licences, changelogs or templates)' },
    'fresh-docs-share': { unit: '%', description: `Percent of documentation files changed within ${FRESH_DAYS} days of the newest commit` },
    'median-doc-age-days': { unit: 'days', description: 'Median days between a document’s last change and the newest commit' },
  },
  detect({ repo }) {
    const h = repo.history();
    if (!h || h.commits.length === 0) return unknown('No git history, so documentation age cannot be measured.');
    const docs = repo.files.filter(isDocumentationFile).map((f) => f.path);
    if (docs.length === 0) return unknown('No documentation files to measure.');
    const newest = newestCommitAt(h);
    const oldest = h.commits.reduce((m, c) => Math.min(m, c.at), newest);
    const last = lastChangedAt(h, new Set(docs));
    // Not in the (possibly cut) history: older than its oldest commit when cut, else not yet committed.
    const ages = docs
      .map((path) => {
        const at = last.get(path) ?? (h.truncated ? oldest : newest);
        return { path, days: daysBetween(at, newest) };
      })
      .sort((a, b) => b.days - a.days || a.path.localeCompare(b.path));
    const fresh = ages.filter((a) => a.days <= FRESH_DAYS).length;
    const share = Math.floor((fresh * 100) / ages.length);
    const asc = ages.map((a) => a.days).sort((a, b) => a - b);
    const mid = asc.length >> 1;
    const median = asc.length % 2 === 1 ? asc[mid]! : Math.floor((asc[mid - 1]! + asc[mid]!) / 2);
    const evidence = ages.slice(0, 5).map((a) => ({ path: a.path, note: `last changed ${a.days} days before HEAD`, value: a.days }));
    return yes(
      `${share}% of ${ages.length} documentation file(s) changed within ${FRESH_DAYS} days of the newest commit; median age ${median} days${h.truncated ? ' (history is cut: ages are lower bounds)' : ''}.`,
      evidence,
      {
        docs: { value: ages.length, unit: 'documents' },
        'fresh-docs-share': { value: share, unit: '%' },
        'median-doc-age-days': { value: median, unit: 'days' },
      },
    );
  },
});
