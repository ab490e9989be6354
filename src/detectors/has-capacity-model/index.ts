import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';

/** Documents and spreadsheets named for capacity (docs/capacity-plan.md, capacity-model.xlsx). */
const CAPACITY_NAME = /(^|\/)[^/]*capacity[^/]*\.(md|mdx|markdown|rst|adoc|txt|xlsx|xls|ods|csv|pdf|ipynb|numbers)$/i;
const PROSE = /\.(md|mdx|markdown|rst|adoc|txt)$/i;
const SPREADSHEET_ROLES = new Set(['docs', 'other', 'config']);

export default defineDetector({
  id: 'has-capacity-model',
  pillar: 'scalability',
  question: 'Is there a capacity plan or model (a capacity document, or a "Capacity plan/model/planning" section with content)?',
  rationale: 'A capacity model ties expected load to the resources needed, so growth is planned instead of discovered in an outage.',
  patterns: {
    heading: {
      regex:
        /^#{1,6}[ \t]+[^\n]*\b[Cc]apacity[ \t]+(?:[Pp]lan|[Pp]lanning|[Mm]odel|[Mm]odell?ing|[Ee]stimat\w*|[Rr]equirements)\b[^\n]*\n(?:[ \t]*\n)*(?![ \t]*#)(?![ \t]*(?:TODO|TBD|todo|tbd)\b)[ \t]*\S/m,
      literals: ['apacity'],
      roles: ['docs'],
      languages: ['markdown'],
      code: false,
      maxPerFile: 3,
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    for (const f of repo.files) {
      if (!CAPACITY_NAME.test(f.path)) continue;
      const prose = PROSE.test(f.path);
      if (prose ? f.role !== 'docs' || (f.lines ?? 0) < 5 : !SPREADSHEET_ROLES.has(f.role) || f.size === 0) continue;
      evidence.push({ path: f.path, note: prose ? `capacity document (${f.lines} lines)` : 'capacity model file' });
    }
    const named = new Set(evidence.map((e) => e.path));
    for (const m of matches('heading')) if (!named.has(m.path)) evidence.push(fromMatch(m, 'capacity section'));
    if (evidence.length === 0) return no('No capacity plan or model found in the repository.');
    evidence.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)));
    return yes(`Capacity planning is documented in ${new Set(evidence.map((e) => e.path)).size} file(s).`, evidence.slice(0, 10));
  },
});
