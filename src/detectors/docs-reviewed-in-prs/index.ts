import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { checklistItems, CODEOWNERS_PATHS, findCodeowners, isDocumentationFile, ownerRule, PR_TEMPLATE_GLOBS, prTemplates } from '../../ecosystems/docs.ts';
import { excerpt } from '../../util/text.ts';

/** Paths a docs rule must cover even when the repository has none yet. */
const TYPICAL_DOCS = ['README.md', 'docs/index.md', 'doc/index.md'];
const DOCS_ITEM = /\b(docs?|documentation|documented|document|readme|adrs?|runbooks?)\b/i;

export default defineDetector({
  id: 'docs-reviewed-in-prs',
  pillar: 'docs',
  question: 'Is documentation part of pull-request review (docs owned in CODEOWNERS, or a docs item in the PR template)?',
  rationale: 'Docs that reviewers are asked to check stay true; docs nobody reviews drift until they mislead.',
  contents: [...CODEOWNERS_PATHS, ...PR_TEMPLATE_GLOBS],
  detect({ repo }) {
    const evidence: EvidenceItem[] = [];
    const co = findCodeowners(repo);
    if (co) {
      const docPaths = [
        ...TYPICAL_DOCS,
        ...repo.files.filter((f) => isDocumentationFile(f) && (!f.path.includes('/') || /(^|\/)docs?\//.test(f.path))).map((f) => f.path),
      ];
      const seen = new Set<number>();
      for (const p of docPaths) {
        const rule = ownerRule(co.rules, p);
        if (!rule || rule.owners.length === 0 || seen.has(rule.line)) continue;
        seen.add(rule.line);
        evidence.push({ path: co.path, line: rule.line, excerpt: rule.excerpt, note: `docs owned (e.g. ${p})` });
      }
    }
    for (const t of prTemplates(repo)) {
      for (const item of checklistItems(t.text, t.path)) {
        if (DOCS_ITEM.test(item.text)) evidence.push({ path: t.path, line: item.line, excerpt: excerpt(item.text), note: 'PR checklist item about docs' });
      }
    }
    if (evidence.length === 0) {
      return no(
        co
          ? `${co.path} assigns no owner to documentation, and no PR template checklist item asks for docs.`
          : 'No CODEOWNERS rule owns documentation and no PR template checklist item asks for docs.',
      );
    }
    return yes(`Documentation is part of review: ${evidence[0]!.path}:${evidence[0]!.line} (${evidence[0]!.note}).`, evidence.slice(0, 10));
  },
});
