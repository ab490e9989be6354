import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { baseName, checklistItems, DOC_EXTENSION, documentDate, isOwn, isTemplateText, PROSE_GLOBS, sections, substantiveWords } from '../../ecosystems/docs.ts';
import { excerpt } from '../../util/text.ts';

const PM_DIR = new RegExp(String.raw`(^|\/)(post[-_]?mortems?|incident[-_]?(reviews|reports)|pirs?|rcas?)\/|^(docs?\/(.*\/)?)?incidents\/`, 'i');
const PM_NAME = /post[-_]?mortem|incident[-_]?(report|review)|(^|[-_])(rca|pir)([-_.]|$)/i;
const INDEX = /^(readme|index|_index|toc|summary)\./i;
/** A section that lists what will be done about the incident. */
const ACTIONS = /^(?:\d+\.?\s*)?(action[ \t]+(items?|plan)|actions|follow[- ]?ups?|follow[- ]?up[ \t]+(actions|items|tasks)|corrective( and preventive)?( actions)?|preventive( actions)?|remediation( items| actions)?|next[ \t]+steps|what we will do|what we'll do)\b/i;
/** Words a written postmortem has at least (a title, a date and empty headings are a stub). */
const MIN_WORDS = 30;

export default defineDetector({
  id: 'has-postmortems',
  pillar: 'team',
  question: 'Does the repository keep incident postmortems (dated documents with action items)?',
  rationale: 'Written postmortems with actions turn failures into learning; without them the same failure recurs.',
  measures: {
    postmortems: { unit: 'documents', description: 'Written postmortems that carry a date (in the name, front matter or a Date: line); templates and stubs left out' },
    'postmortems-with-actions': { unit: 'documents', description: 'Dated postmortems with an action-items (or follow-up) section or a checklist' },
  },
  contents: [...PROSE_GLOBS],
  detect({ repo }) {
    const docs: EvidenceItem[] = [];
    const undated: EvidenceItem[] = [];
    const templates: EvidenceItem[] = [];
    let withActions = 0;
    for (const f of repo.files) {
      if (f.role !== 'docs' || !isOwn(f) || !DOC_EXTENSION.test(f.path)) continue;
      const name = baseName(f.path);
      if ((!PM_DIR.test(f.path) && !PM_NAME.test(name)) || INDEX.test(name)) continue;
      const text = repo.text(f.path);
      if (text === undefined) continue;
      if (isTemplateText(text, f.path)) {
        templates.push({ path: f.path, note: 'postmortem template' });
        continue;
      }
      if (substantiveWords(text, f.path) < MIN_WORDS) continue;
      const date = documentDate(text, f.path);
      const lines = text.split(/\r?\n/);
      const section = sections(text, f.path).find((s) => s.heading && ACTIONS.test(s.heading.text.replace(/[*_:]/g, '').trim()) && s.words >= 3);
      const items = checklistItems(text, f.path);
      const actionLine = section?.heading?.line ?? items[0]?.line;
      if (!date) {
        undated.push({ path: f.path, note: 'postmortem without a date, not counted' });
        continue;
      }
      const e: EvidenceItem = { path: f.path, note: `postmortem dated ${date.date}` };
      if (actionLine !== undefined) {
        withActions++;
        e.line = actionLine;
        e.excerpt = excerpt(lines[actionLine - 1] ?? '');
        e.note = `postmortem dated ${date.date}, with action items`;
      }
      docs.push(e);
    }
    const measures = {
      postmortems: { value: docs.length, unit: 'documents' },
      'postmortems-with-actions': { value: withActions, unit: 'documents' },
    };
    if (withActions === 0) {
      const why =
        docs.length > 0
          ? `${docs.length} dated postmortem(s), but none lists action items.`
          : undated.length > 0
            ? `${undated.length} incident document(s) without a date: a postmortem records when the incident happened.`
            : templates.length > 0
              ? 'A postmortem template exists but no postmortem has been written.'
              : 'No postmortem or incident-report documents.';
      return no(why, [...docs, ...undated, ...templates].slice(0, 5), measures);
    }
    const sorted = [...docs].sort((a, b) => (b.line !== undefined ? 1 : 0) - (a.line !== undefined ? 1 : 0) || a.path.localeCompare(b.path));
    return yes(`${docs.length} dated postmortem(s), ${withActions} with action items.`, [...sorted.slice(0, 9), ...templates.slice(0, 1)], measures);
  },
});
