import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { Match } from '../../core/types.ts';

/** A duration: "4h", "15 minutes", "< 1 hour", "30 s", "1 day". */
const DURATION = '\\d+(?:\\.\\d+)?\\s*(?:[Ss]ec(?:ond)?s?|s|[Mm]in(?:ute)?s?|m|[Hh](?:ou)?rs?|[Hh]ours?|h|[Dd]ays?|d)\\b';
const DOCS = { roles: ['docs'] as const, languages: ['markdown'] as const, code: false };

export default defineDetector({
  id: 'documents-rto-rpo',
  pillar: 'reliability',
  question: 'Do the docs state recovery objectives with values (RTO and RPO as durations)?',
  rationale: 'RTO and RPO turn "we have backups" into a commitment that backup frequency, replication and restore drills can be checked against.',
  patterns: {
    rto: { regex: new RegExp(`\\b(?:RTO|[Rr]ecovery [Tt]ime [Oo]bjective)s?\\b[^\\n]{0,80}?${DURATION}`), literals: ['RTO', 'ecovery'], ...DOCS },
    rpo: { regex: new RegExp(`\\b(?:RPO|[Rr]ecovery [Pp]oint [Oo]bjective)s?\\b[^\\n]{0,80}?${DURATION}`), literals: ['RPO', 'ecovery'], ...DOCS },
    // Tables: | Service | RTO | RPO | followed by rows of durations.
    tableHeader: { regex: /^\|.*\b(?:RTO\b.*\bRPO|RPO\b.*\bRTO)\b.*\|/m, literals: ['RTO'], ...DOCS },
    tableRow: { regex: new RegExp(`^\\|[^\\n]*${DURATION}[^\\n]*\\|[^\\n]*${DURATION}`, 'm'), literals: ['RTO', 'RPO'], ...DOCS, maxPerFile: 5 },
  },
  detect({ matches }) {
    const firstBy = (list: readonly Match[]): Map<string, Match> => {
      const out = new Map<string, Match>();
      for (const m of list) if (!out.has(m.path)) out.set(m.path, m);
      return out;
    };
    const rto = firstBy(matches('rto'));
    const rpo = firstBy(matches('rpo'));
    const rows = matches('tableRow');
    const docs: { path: string; lines: Match[] }[] = [];
    for (const [path, t] of rto) {
      const p = rpo.get(path);
      if (p) docs.push({ path, lines: t.line === p.line ? [t] : [t, p].sort((a, b) => a.line - b.line) });
    }
    for (const h of matches('tableHeader')) {
      if (docs.some((d) => d.path === h.path)) continue;
      const row = rows.find((r) => r.path === h.path && r.line > h.line);
      if (row) docs.push({ path: h.path, lines: [h, row] });
    }
    if (docs.length === 0) return no('No document states both an RTO and an RPO with a duration.');
    docs.sort((a, b) => (a.path < b.path ? -1 : 1));
    return yes(
      `RTO and RPO are stated with values in ${docs.map((d) => d.path).join(', ')}.`,
      docs.flatMap((d) => d.lines.map((m) => fromMatch(m, 'recovery objective'))).slice(0, 10),
    );
  },
});
