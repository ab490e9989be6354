import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, Measure } from '../../core/types.ts';
import { baseName, daysBetween, documentDate, isOwn, isTemplateText, lastChangedAt, newestCommitAt, PROSE_GLOBS, substantiveWords } from '../../ecosystems/docs.ts';
import { excerpt } from '../../util/text.ts';

/** Conventional ADR folders: doc(s)/adr(s), doc(s)/decisions, docs/architecture/decisions, adr(s)/. */
const ADR_DIR =
  /(^|\/)(docs?\/(architecture\/)?(adrs?|decisions|decision[-_]records|architecture[-_]decisions)|architecture\/decisions|adrs?|architecture[-_]decision[-_]records)\//i;
const ADR_TEXT = /\.(md|mdx|markdown|rst|adoc|asciidoc|txt)$/i;
/** adr-tools, MADR and log4brains names: 0001-use-postgres.md, ADR-012-x.md, 20210101-x.md. */
const ADR_NAME = /^(adr[-_ ]?)?\d{3,8}[-_ ]+[^/]*[a-z][^/]*$/i;
const NOT_AN_ADR = /template|^(readme|index|_index|toc|summary)\./i;
/**
 * The records ADR tooling writes when it is set up (adr-tools `adr init`, MADR, log4brains init):
 * they record the decision to keep ADRs, not a decision about the platform.
 */
const BOOTSTRAP = /^(adr[-_]?)?\d+[-_](record[-_]architecture[-_]decisions|use[-_]markdown[-_](any[-_])?architectural[-_]decision[-_]records|use[-_]log4brains[-_]to[-_]manage[-_]the[-_]adrs)\./i;
/** A record needs a few words beyond its headings (a title and empty sections are a stub). */
const MIN_WORDS = 10;
/** Outside ADR folders a record must still live with documentation (not in src/ or assets/ of a tool). */
const DOCS_PLACE = /(^|\/)docs?\/|decision|adr|rfc/i;

type Section = 'status' | 'context' | 'decision';

export default defineDetector({
  id: 'has-adrs',
  pillar: 'docs',
  question: 'Does the repository keep architecture decision records (ADRs)?',
  rationale: 'ADRs record why the architecture is the way it is, so decisions survive the people who made them.',
  history: true,
  measures: {
    'adr-count': { unit: 'records', description: 'Architecture decision records in the repository' },
    'adr-newest-age-days': { unit: 'days', description: 'Days between the last change to any ADR and the newest commit' },
    'adr-dated': { unit: 'records', description: 'Records that carry their own date (Date: line, front matter or a dated file name)' },
    'adr-span-days': { unit: 'days', description: 'Days between the dates of the first and the newest dated record' },
  },
  contents: ['**/.adr-dir', '**/.log4brains.yml', ...PROSE_GLOBS],
  patterns: {
    section: {
      // Nygard / MADR sections, and MADR's `status:` front matter or `* Status: accepted` line.
      regex:
        /^(?:[ \t]{0,3}(?:#{1,6}|={1,6})[ \t]*(?:\d+\.?[ \t]*)?(status|context|decision)\b|[ \t]*(?:[*-][ \t]+)?(?:\*\*)?(status)(?:\*\*)?[ \t]*:)/gim,
      literals: ['Status', 'status', 'STATUS', 'Context', 'context', 'Decision', 'decision'],
      roles: ['docs'],
      languages: ['markdown'],
      code: false,
    },
  },
  detect({ repo, matches }) {
    // Folders configured by adr-tools (.adr-dir) and log4brains (adrFolder).
    const configured: string[] = [];
    for (const f of repo.glob(['**/.adr-dir', '**/.log4brains.yml'])) {
      if (!isOwn(f)) continue;
      const text = repo.text(f.path) ?? '';
      const dir = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/') + 1) : '';
      const raw = f.path.endsWith('.adr-dir') ? text.trim().split(/\r?\n/)[0] : /^\s*adrFolder:\s*['"]?([^'"\n#]+)/m.exec(text)?.[1];
      const rel = raw?.trim().replace(/^\.\//, '').replace(/\/+$/, '');
      if (rel && !rel.startsWith('/') && !rel.includes('..')) configured.push(`${dir}${rel}/`);
    }

    const sections = new Map<string, Set<Section>>();
    for (const m of matches('section')) {
      const s = (m.groups[0] ?? m.groups[1] ?? '').toLowerCase() as Section;
      const set = sections.get(m.path) ?? new Set<Section>();
      set.add(s);
      sections.set(m.path, set);
    }

    const adrs: EvidenceItem[] = [];
    const dates: string[] = [];
    let bootstrap = 0;
    let stubs = 0;
    for (const f of repo.files) {
      if (f.role !== 'docs' || !isOwn(f) || !ADR_TEXT.test(f.path)) continue;
      const name = baseName(f.path);
      if (NOT_AN_ADR.test(name)) continue;
      const s = sections.get(f.path) ?? new Set<Section>();
      const inFolder = ADR_DIR.test(f.path) || configured.some((d) => f.path.startsWith(d));
      let note: string;
      if (inFolder && (ADR_NAME.test(name) || (s.has('status') && (s.has('context') || s.has('decision'))))) note = 'decision record';
      else if (!inFolder && DOCS_PLACE.test(f.path.slice(0, f.path.lastIndexOf('/') + 1)) && s.has('status') && s.has('context') && s.has('decision')) {
        note = 'decision record (Status, Context and Decision sections)';
      } else continue;
      const text = repo.text(f.path) ?? '';
      if (substantiveWords(text, f.path) < MIN_WORDS || isTemplateText(text, f.path)) {
        stubs++;
        continue;
      }
      if (BOOTSTRAP.test(name)) {
        bootstrap++;
        continue;
      }
      const e: EvidenceItem = { path: f.path, note };
      const d = documentDate(text, f.path);
      if (d) {
        dates.push(d.date);
        e.note = `${note}, dated ${d.date}`;
        if (d.line !== undefined) {
          e.line = d.line;
          e.excerpt = excerpt(text.split(/\r?\n/)[d.line - 1] ?? '');
        }
      }
      adrs.push(e);
    }

    const measures: Record<string, Measure> = { 'adr-count': { value: adrs.length, unit: 'records' } };
    if (adrs.length === 0) {
      const why = bootstrap > 0 ? ' (ADR tooling is set up, but its only record is the decision to keep ADRs)' : stubs > 0 ? ` (${stubs} empty or template record(s) not counted)` : '';
      return no(`No architecture decision records found${why}.`, [], measures);
    }
    dates.sort();
    let dated = '';
    if (dates.length > 0) {
      measures['adr-dated'] = { value: dates.length, unit: 'records' };
      measures['adr-span-days'] = { value: daysBetween(Date.parse(dates[0]!) / 1000, Date.parse(dates[dates.length - 1]!) / 1000), unit: 'days' };
      dated = `, dated ${dates[0]} to ${dates[dates.length - 1]}`;
    }
    let age = '';
    const h = repo.history();
    if (h && h.commits.length > 0) {
      const last = lastChangedAt(h, new Set(adrs.map((a) => a.path)));
      if (last.size > 0) {
        const days = daysBetween([...last.values()].reduce((a, b) => Math.max(a, b), 0), newestCommitAt(h));
        measures['adr-newest-age-days'] = { value: days, unit: 'days' };
        age = `; the newest was last changed ${days} days before the newest commit`;
      }
    }
    const folders = [...new Set(adrs.map((a) => a.path.slice(0, a.path.lastIndexOf('/') + 1) || '.'))];
    return yes(`${adrs.length} architecture decision record(s) in ${folders.slice(0, 3).join(', ')}${dated}${age}.`, adrs.slice(0, 10), measures);
  },
});
