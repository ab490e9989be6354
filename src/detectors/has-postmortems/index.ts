import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { baseName, DOC_EXTENSION, isOwn, nocase } from '../../ecosystems/docs.ts';

const PM_DIR = new RegExp(String.raw`(^|\/)(post[-_]?mortems?|incident[-_]?(reviews|reports))\/|^(docs?\/(.*\/)?)?incidents\/`, 'i');
const PM_NAME = /post[-_]?mortem|incident[-_]?report/i;
const INDEX = /^(readme|index|_index|toc|summary)\./i;
const PM_GLOBS = [
  ...['postmortem', 'post-mortem', 'post_mortem', 'incident-report', 'incident_report', 'incident-review'].flatMap((w) => [`**/*${nocase(w)}*`, `**/*${nocase(w)}*/**`]),
  `**/${nocase('incidents')}/**`,
];

export default defineDetector({
  id: 'has-postmortems',
  pillar: 'team',
  question: 'Does the repository keep incident postmortems?',
  rationale: 'Written postmortems turn failures into learning; without them the same failure recurs.',
  measures: {
    postmortems: { unit: 'documents', description: 'Postmortem / incident-report documents (templates excluded)' },
    'postmortems-with-actions': { unit: 'documents', description: 'Postmortems with an "Action items" (or follow-up) section or a checklist' },
  },
  patterns: {
    actions: {
      regex:
        /^[ \t]{0,3}(?:#{1,6}|={1,6})[ \t]*(?:\d+\.?[ \t]*)?(action[ \t]+(items?|plan)|follow[- ]?ups?|follow[- ]?up[ \t]+(actions|items|tasks)|corrective|preventive|remediation|next[ \t]+steps)\b|^[ \t]*([-*+]|\d+[.)])[ \t]+\[[ xX]\][ \t]+\S/gim,
      literals: ['ction', 'ollow', 'orrective', 'reventive', 'emediation', 'ext steps', 'ext Steps', '['],
      roles: ['docs'],
      languages: ['markdown'],
      paths: PM_GLOBS,
      code: false,
      maxPerFile: 1,
    },
  },
  detect({ repo, matches }) {
    const withActions = new Set(matches('actions').map((m) => m.path));
    const docs: EvidenceItem[] = [];
    const templates: EvidenceItem[] = [];
    for (const f of repo.files) {
      if (f.role !== 'docs' || !isOwn(f) || !DOC_EXTENSION.test(f.path)) continue;
      const name = baseName(f.path);
      if (!PM_DIR.test(f.path) && !PM_NAME.test(name)) continue;
      if (/template/i.test(name)) templates.push({ path: f.path, note: 'postmortem template' });
      else if (!INDEX.test(name)) docs.push({ path: f.path, note: withActions.has(f.path) ? 'postmortem with action items' : 'postmortem' });
    }
    const actions = docs.filter((d) => withActions.has(d.path)).length;
    const measures = {
      postmortems: { value: docs.length, unit: 'documents' },
      'postmortems-with-actions': { value: actions, unit: 'documents' },
    };
    if (docs.length === 0) {
      return no(templates.length > 0 ? 'A postmortem template exists but no postmortem has been written.' : 'No postmortem or incident-report documents.', templates.slice(0, 3), measures);
    }
    return yes(`${docs.length} postmortem(s), ${actions} with action items.`, [...docs.slice(0, 9), ...templates.slice(0, 1)], measures);
  },
});
