import { defineDetector, no, yes } from '../../core/detector.ts';
import { checklistItems, PR_TEMPLATE_GLOBS, prTemplates } from '../../ecosystems/docs.ts';
import { excerpt } from '../../util/text.ts';

const MIN_ITEMS = 2;

export default defineDetector({
  id: 'has-pr-template',
  pillar: 'team',
  question: 'Is there a pull/merge request template with a review checklist?',
  rationale: 'A PR template with a checklist codifies what every change must show before review, instead of each reviewer’s memory.',
  measures: { 'checklist-items': { unit: 'items', description: 'Checklist items (`- [ ]`) in the PR template with the most of them' } },
  contents: [...PR_TEMPLATE_GLOBS],
  detect({ repo }) {
    const templates = prTemplates(repo).map((t) => ({ ...t, items: checklistItems(t.text, t.path) }));
    if (templates.length === 0) {
      return no('No pull/merge request template.', [], { 'checklist-items': { value: 0, unit: 'items' } });
    }
    templates.sort((a, b) => b.items.length - a.items.length || a.path.localeCompare(b.path));
    const best = templates[0]!;
    const measures = { 'checklist-items': { value: best.items.length, unit: 'items' } };
    if (best.items.length < MIN_ITEMS) {
      return no(
        `${best.path} has ${best.items.length} checklist item(s); a review checklist needs at least ${MIN_ITEMS}.`,
        templates.slice(0, 5).map((t) => ({ path: t.path, line: 1, note: `${t.items.length} checklist item(s)` })),
        measures,
      );
    }
    const evidence = best.items.slice(0, 10).map((i) => ({ path: best.path, line: i.line, excerpt: excerpt(i.text), note: 'checklist item' }));
    return yes(`${best.path} has a ${best.items.length}-item checklist.`, evidence, measures);
  },
});
