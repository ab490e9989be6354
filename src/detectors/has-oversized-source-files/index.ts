import { defineDetector, firstN, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileEntry, Language } from '../../core/types.ts';

/** Above this many lines a single file is a level-1 smell (maturity model 6.2, Architecture). */
const LIMIT = 5000;

/** Hand-written programming languages (SQL dumps, data and markup never count). */
const CODE: ReadonlySet<Language> = new Set<Language>([
  'javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'ruby', 'csharp', 'php', 'shell',
]);

/** Paths of bundled, declared or generated code that classification cannot tell from source. */
const NOT_HAND_WRITTEN = [
  /\.d\.[cm]?ts$/,
  /(^|\/)(public|static|assets|wwwroot|lib\/vendor)\//,
  /[.\-_](bundle|min|pb|pb2|generated|gen)\.[a-z]+$/i,
  /(^|\/)zz_generated[^/]*$/,
  /_(pb2|pb2_grpc|grpc\.pb|string)\.(py|go)$/,
];

/** Minified or machine-written text: far longer lines than anyone types. */
const MAX_AVERAGE_LINE = 250;

export default defineDetector({
  id: 'has-oversized-source-files',
  pillar: 'architecture',
  question: 'Does production code contain source files over 5,000 lines?',
  rationale: 'A file that large mixes many concerns, is hard to review and turns every change into a merge conflict.',
  measures: {
    'largest-file-lines': { unit: 'lines', description: 'Lines of the largest hand-written production source file.' },
    'oversized-files': { unit: 'files', description: `Production source files over ${LIMIT} lines.` },
    'oversized-lines-total': { unit: 'lines', description: `Lines in production source files over ${LIMIT} lines, summed.` },
  },
  patterns: {
    // Header markers of generated code ("Code generated ... DO NOT EDIT", "@generated").
    generated: {
      regex: /Code generated\b.*\bDO NOT EDIT|@generated\b|\bDO NOT EDIT\b|^\s*(?:\/\/|#|\/?\*+)\s*(?:This (?:file|code) (?:was|is) )?(?:auto(?:matically)?[- ]?)?generated\b/im,
      literals: ['DO NOT EDIT', 'do not edit', '@generated', 'generated', 'Generated', 'GENERATED'],
      code: false,
      maxPerFile: 1,
    },
  },
  detect({ repo, matches }) {
    const generated = new Set(matches('generated').filter((m) => m.line <= 15).map((m) => m.path));
    const sources = repo.files.filter(
      (f): f is FileEntry & { lines: number } =>
        f.role === 'source' &&
        CODE.has(f.language) &&
        !f.binary &&
        f.lines !== undefined &&
        !NOT_HAND_WRITTEN.some((r) => r.test(f.path)) &&
        !generated.has(f.path) &&
        !(f.lines > 0 && f.size / f.lines > MAX_AVERAGE_LINE),
    );
    if (sources.length === 0) return unknown('No hand-written production source file was found to measure.');
    const bySize = [...sources].sort((a, b) => b.lines - a.lines || a.path.localeCompare(b.path));
    const largest = bySize[0]!;
    const over = bySize.filter((f) => f.lines > LIMIT);
    const item = (f: { path: string; lines: number }): EvidenceItem => ({
      path: f.path,
      note: `${f.lines.toLocaleString('en-US')} lines`,
      value: f.lines,
    });
    const measures = {
      'largest-file-lines': { value: largest.lines, unit: 'lines' },
      'oversized-files': { value: over.length, unit: 'files' },
      'oversized-lines-total': { value: over.reduce((s, f) => s + f.lines, 0), unit: 'lines' },
    };
    if (over.length === 0) {
      return no(
        `No production source file exceeds ${LIMIT.toLocaleString('en-US')} lines; the largest is ${largest.path} (${largest.lines.toLocaleString('en-US')} lines).`,
        [item(largest)],
        measures,
      );
    }
    return yes(
      `${over.length} production source file(s) exceed ${LIMIT.toLocaleString('en-US')} lines; the largest is ${largest.path} (${largest.lines.toLocaleString('en-US')} lines).`,
      firstN(over.map(item)),
      measures,
    );
  },
});
