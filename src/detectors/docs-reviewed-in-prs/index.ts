import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, readCi } from '../../ecosystems/ci.ts';
import { checklistItems, ciRuns, CODEOWNERS_PATHS, findCodeowners, isDocumentationFile, owningRules, PR_TEMPLATE_GLOBS, prTemplates } from '../../ecosystems/docs.ts';
import { excerpt } from '../../util/text.ts';

/** Paths a docs rule must cover even when the repository has none yet. */
const TYPICAL_DOCS = ['README.md', 'docs/index.md', 'doc/index.md'];
const DOCS_ITEM = /\b(docs?|documentation|documented|document|readme|adrs?|runbooks?|changelog)\b/i;
/** A rule that owns everything is code review in general, not documentation review. */
const CATCH_ALL = /^(\/?\*{1,2}(\/\*{1,2})*\/?|\/)$/;
/** Documentation checks a pull request runs: Markdown lint, prose lint, link checks, a strict docs build. */
const DOCS_CHECK =
  /\bmarkdownlint(-cli2?)?\b|markdownlint-cli2-action|\bvale\b|vale-action|\blychee\b|lychee-action|markdown-link-check|\bremark\b[^\n]*--frail|\btextlint\b|\bmkdocs\s+build\b[^\n]*(--strict|-s\b)|\bsphinx-build\b[^\n]*\s-W\b|\blinkinator\b|\bmarkdown-cli\b|\bmdl\b\s/;

export default defineDetector({
  id: 'docs-reviewed-in-prs',
  pillar: 'docs',
  question: 'Is documentation part of pull-request review (docs owners in CODEOWNERS, a docs item in the PR template, or docs checks on pull requests)?',
  rationale: 'Docs that reviewers are asked to check stay true; docs nobody reviews drift until they mislead.',
  contents: [...CODEOWNERS_PATHS, ...PR_TEMPLATE_GLOBS, ...CI_GLOBS],
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
        const rule = owningRules(co.rules, p).find((r) => !CATCH_ALL.test(r.pattern));
        if (!rule || seen.has(rule.line)) continue;
        seen.add(rule.line);
        evidence.push({ path: co.path, line: rule.line, excerpt: rule.excerpt, note: `docs owned (e.g. ${p})` });
      }
    }
    for (const t of prTemplates(repo)) {
      for (const item of checklistItems(t.text, t.path)) {
        if (DOCS_ITEM.test(item.text)) evidence.push({ path: t.path, line: item.line, excerpt: excerpt(item.text), note: 'PR checklist item about docs' });
      }
    }
    for (const { job, step, command } of ciRuns(readCi(repo), DOCS_CHECK, ['pull_request'])) {
      evidence.push({ path: job.file, line: step.line, excerpt: excerpt(command), note: `docs checked on pull requests (${job.name})` });
    }
    if (evidence.length === 0) {
      return no(
        co
          ? `${co.path} has no rule that owns documentation (a catch-all owner is review in general), no PR template checklist item asks for docs, and no docs check runs on pull requests.`
          : 'No CODEOWNERS rule owns documentation, no PR template checklist item asks for docs, and no docs check runs on pull requests.',
      );
    }
    return yes(`Documentation is part of review: ${evidence[0]!.path}:${evidence[0]!.line} (${evidence[0]!.note}).`, evidence.slice(0, 10));
  },
});
