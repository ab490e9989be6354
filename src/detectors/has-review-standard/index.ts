import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CODEOWNERS_PATHS, findCodeowners, nocase, PR_TEMPLATE_GLOBS, prTemplates, PROSE_GLOBS, sections, withSubsections } from '../../ecosystems/docs.ts';

/** Review guidelines say what a reviewer checks: a heading over one line is not a standard. */
const MIN_SECTION_WORDS = 25;

/** A heading about the code-review process itself, not any heading that mentions reviews. */
const REVIEW_TOPIC = [
  /^(the |our )?(code|peer|pull[- ]?requests?|PRs?|merge[- ]?requests?|MRs?)[- ]reviews?( (process|guidelines?|checklist|standards?|policy|expectations))?$/i,
  /\breview(ing)? (process|guidelines?|checklist|standards?|polic(y|ies)|expectations|etiquette|requirements)\b/i,
  /^(how to review|reviewing( (code|pull requests|PRs|changes|merge requests|contributions))?|reviews?|reviewers?|getting (your |a )?(PR|pull request|change|code|contribution)s? reviewed)$/i,
];
const isReviewTopic = (heading: string): boolean => {
  const h = heading.replace(/^[\d.)\s]+/, '').replace(/[:.!?\s]+$/, '').trim();
  return REVIEW_TOPIC.some((re) => re.test(h));
};

export default defineDetector({
  id: 'has-review-standard',
  pillar: 'team',
  question: 'Is there any codified code-review standard (CODEOWNERS, PR template, written review guidelines or branch protection as code)?',
  rationale: 'Without a standard, review depth depends on who happens to review: the level-1 "ad-hoc PR review" anti-pattern.',
  contents: [...CODEOWNERS_PATHS, ...PR_TEMPLATE_GLOBS, ...PROSE_GLOBS],
  patterns: {
    reviewHeading: {
      regex: /^[ \t]{0,3}(?:#{1,6}|={1,6})[ \t]+([^\n]*review[^\n]*?)[ \t#]*$/gim,
      literals: ['review', 'Review', 'REVIEW'],
      roles: ['docs', 'config'],
      paths: ['**/docs/**', '**/doc/**', `${nocase('contributing')}*`, `.github/${nocase('contributing')}*`, `${nocase('development')}*`],
      code: false,
    },
    protection: {
      // GitHub branch protection / rulesets (Terraform, probot settings.yml, exported JSON), GitLab approval rules.
      regex:
        /required_approving_review_count"?\s*[:=]\s*"?[1-9]|\brequired_pull_request_reviews\s*\{|^[ \t]*required_pull_request_reviews:[ \t]*\r?\n[ \t]+[a-z]|\bapprovals_required\s*=\s*[1-9]/gm,
      literals: ['required_approving_review_count', 'required_pull_request_reviews', 'approvals_required'],
      roles: ['iac', 'config'],
      languages: ['hcl', 'yaml', 'json'],
      maxPerFile: 1,
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const kinds: string[] = [];
    const co = findCodeowners(repo);
    const rule = co?.rules.find((r) => r.owners.length > 0);
    if (co && rule) {
      kinds.push('CODEOWNERS');
      evidence.push({ path: co.path, line: rule.line, excerpt: rule.excerpt, note: 'code owners review' });
    }
    const templates = prTemplates(repo);
    if (templates.length > 0) {
      kinds.push('PR template');
      evidence.push(...templates.slice(0, 3).map((t) => ({ path: t.path, line: 1, note: 'PR template' })));
    }
    const headings = matches('reviewHeading').filter((m) => {
      if (!isReviewTopic(m.groups[0] ?? '')) return false;
      const text = repo.text(m.path);
      const s = text === undefined ? undefined : withSubsections(sections(text, m.path)).find((x) => x.heading?.line === m.line);
      return s !== undefined && s.words >= MIN_SECTION_WORDS;
    });
    if (headings.length > 0) {
      kinds.push('review guidelines');
      evidence.push(...headings.slice(0, 3).map((m) => fromMatch(m, 'review guidelines')));
    }
    const protection = matches('protection');
    if (protection.length > 0) {
      kinds.push('branch protection requiring reviews');
      evidence.push(...protection.slice(0, 3).map((m) => fromMatch(m, 'required PR approvals as code')));
    }
    if (evidence.length === 0) {
      return no('No review standard: no CODEOWNERS, PR template, written review guidelines or review-requiring branch protection as code.');
    }
    return yes(`Code review is codified: ${kinds.join(', ')}.`, evidence.slice(0, 10));
  },
});
