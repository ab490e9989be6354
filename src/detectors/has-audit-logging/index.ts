import { defineDetector, firstN, fromMatch, no, yes } from '../../core/detector.ts';
import type { Match } from '../../core/types.ts';

export default defineDetector({
  id: 'has-audit-logging',
  pillar: 'security',
  question: 'Does production code keep an audit trail of privileged actions (audit log module, table or library)?',
  rationale:
    'An audit log answers who did what and when; compliance (SOC 2, ISO 27001) and incident response depend on it.',
  measures: {
    'audit-call-sites': { unit: 'lines', description: 'Production lines that write to or define the audit trail' },
  },
  patterns: {
    audit: {
      // auditLog(...), logAudit(...), audit.log(...), auditService.record(...), AuditLog/AuditEvent models,
      // audit_log / audit_events tables, django-auditlog, django-simple-history.
      regex: /\b(?:logAudit|recordAudit|createAuditLog|writeAudit\w*|emitAudit\w*|trackAudit\w*)\s*\(|\baudit(?:Log(?:ger)?|Service|Trail|er)?\.(?:log|record|create|write|info|emit|track|add|push)\s*\(|[aA]udit_?[lL]ogs?\b|\b\w*Audit(?:Log|Event|Trail|Entry|Record)\w*\b|\baudit_(?:events?|trail|entries|records)\b|\bauditlog\.register\s*\(|(['"])auditlog\1|\bfrom\s+auditlog\b|\bsimple_history\b|\bHistoricalRecords\s*\(/,
      literals: ['udit', 'HistoricalRecords', 'simple_history'],
    },
    framework: {
      // Rails paper_trail / audited, Hibernate Envers.
      regex: /\bhas_paper_trail\b|\bPaperTrail\b|^[ \t]*audited\b|@Audited\b/m,
      literals: ['paper_trail', 'PaperTrail', 'audited', '@Audited'],
      languages: ['ruby', 'java', 'kotlin'],
    },
  },
  detect({ matches }) {
    const byLine = new Map<string, Match>();
    for (const m of [...matches('audit'), ...matches('framework')]) if (!byLine.has(`${m.path}:${m.line}`)) byLine.set(`${m.path}:${m.line}`, m);
    const sites = [...byLine.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
    const measures = { 'audit-call-sites': { value: sites.length, unit: 'lines' } };
    if (sites.length === 0) return no('No audit-log module, table, model or library was found in production code.', [], measures);
    const files = new Set(sites.map((m) => m.path));
    return yes(
      `Audit trail found: ${sites.length} line(s) in ${files.size} production file(s) (first: ${sites[0]!.path}:${sites[0]!.line}).`,
      firstN(sites.map((m) => fromMatch(m, 'audit trail')), 10),
      measures,
    );
  },
});
