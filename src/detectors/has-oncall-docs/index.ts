import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { baseName, DOC_EXTENSION, isDocumentationFile, isOwn, isTemplateText, PROSE_GLOBS, sections, substantiveWords, withSubsections } from '../../ecosystems/docs.ts';

/** on-call.md, oncall/, escalation-policy.md (by name, not by mention). */
/** An on-call document or section says who is paged and how (a heading and "TBD" do not). */
const MIN_DOC_WORDS = 20;
const MIN_SECTION_WORDS = 15;
const ONCALL_PATH = /(^|[-_.\/])(on[-_]?call|escalation[-_]?(policy|policies|path|matrix|procedure))([-_.\/]|s?\.|$)/i;

export default defineDetector({
  id: 'has-oncall-docs',
  pillar: 'team',
  question: 'Is there on-call documentation (rotation, escalation policy) or on-call schedules as code?',
  rationale: 'A documented on-call rotation and escalation path means incidents reach someone who can act, at any hour.',
  contents: [...PROSE_GLOBS],
  patterns: {
    heading: {
      regex:
        /^[ \t]{0,3}(?:#{1,6}|={1,6})[ \t]*[^\n]*?\b(on[- ]?call|escalation[ \t]+(?:policy|policies|paths?|matrix|procedures?|process|contacts?)|paging[ \t]+(?:policy|rotation)|pager[ \t]+rotation)\b/gim,
      literals: ['call', 'Call', 'CALL', 'scalation', 'SCALATION', 'aging', 'ager'],
      roles: ['docs'],
      languages: ['markdown'],
      code: false,
      maxPerFile: 1,
    },
    schedule: {
      regex:
        /\bresource[ \t]+"(pagerduty_schedule|pagerduty_escalation_policy|opsgenie_schedule|opsgenie_schedule_rotation|opsgenie_escalation|grafana_oncall_schedule|grafana_oncall_escalation_chain|grafana_oncall_on_call_shift)"/g,
      literals: ['pagerduty_', 'opsgenie_', 'grafana_oncall_'],
      roles: ['iac'],
      languages: ['hcl'],
      maxPerFile: 3,
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const seen = new Set<string>();
    for (const f of repo.files) {
      if (f.role !== 'docs' || !isOwn(f) || !DOC_EXTENSION.test(f.path) || !ONCALL_PATH.test(f.path)) continue;
      seen.add(f.path);
      const text = repo.text(f.path);
      const words = text === undefined ? 0 : substantiveWords(text, f.path);
      if (text === undefined || words < MIN_DOC_WORDS || isTemplateText(text, f.path)) continue;
      evidence.push({ path: f.path, note: `on-call document, ${words} words` });
    }
    for (const m of matches('heading')) {
      const f = repo.file(m.path);
      if (seen.has(m.path) || !f || !isDocumentationFile(f) || /^changelog/i.test(baseName(m.path))) continue;
      const text = repo.text(m.path);
      const section = text === undefined ? undefined : withSubsections(sections(text, m.path)).find((s) => s.heading?.line === m.line);
      if (!section || section.words < MIN_SECTION_WORDS) continue;
      seen.add(m.path);
      evidence.push(fromMatch(m, `on-call section, ${section.words} words`));
    }
    for (const m of matches('schedule')) evidence.push(fromMatch(m, `${m.groups[0]} as code`));
    if (evidence.length === 0) return no('No on-call documentation, escalation policy or on-call schedule as code.');
    return yes(`On-call is documented: ${evidence.slice(0, 3).map((e) => (e.line ? `${e.path}:${e.line}` : e.path)).join(', ')}.`, evidence.slice(0, 10));
  },
});
