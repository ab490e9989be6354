import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, Match } from '../../core/types.ts';
import { baseName, checklistItems, headings, isOwn, PR_TEMPLATE_GLOBS, prTemplates, PROSE_GLOBS, writtenCheck } from '../../ecosystems/docs.ts';
import { excerpt } from '../../util/text.ts';

const EXT = String.raw`\.(md|mdx|markdown|rst|adoc|asciidoc|txt)$`;
const CHANGE_DOC = new RegExp(
  String.raw`^(docs?\/(.*\/)?)?(change[-_ ]?(management|process|policy|control|advisory[-_ ]board)|high[-_ ]risk[-_ ]changes?|risky[-_ ]changes?|cab[-_ ]process|deploy(ment)?[-_ ]approvals?)[^/]*(\/.+)?${EXT}`,
  'i',
);
/** A process document says how: a title and "TODO" are not a process. */
const MIN_WORDS = 30;
const RELEASE_DOC = new RegExp(
  String.raw`^(docs?\/(.*\/)?)?(releasing|release[-_ ]?(process|procedure|guide|checklist|policy|management|playbook|runbook|workflow))([-_ ][^/]*)?(\/.+)?${EXT}`,
  'i',
);
const RFC_DOC = new RegExp(String.raw`^(docs?\/)?rfcs?\/.+${EXT}`, 'i');
/** A section about change risk, or a checklist item that asks for a rollback / migration / risk plan. */
const RISKY_HEADING = /\b(risks?|risk assessment|roll[- ]?backs?|revert plan|backout|migrations?|blast radius|deployment plan)\b/i;
const RISKY_ITEM = /\b(roll[- ]?backs?|revert plan|backout|migrations?|blast radius|high[- ]risk|risk (assessment|level|analysis|mitigation|review)|deployment plan)\b/i;
const ENV_RESOURCES = new Set(['github_repository_environment', 'gitlab_project_protected_environment']);

function settingsEnvironments(path: string, text: string): EvidenceItem[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return [];
  const envs = doc.contents.get('environments', true);
  if (!isSeq(envs)) return [];
  const out: EvidenceItem[] = [];
  for (const env of envs.items) {
    if (!isMap(env)) continue;
    const reviewers = env.get('reviewers', true);
    if (isSeq(reviewers) && reviewers.items.length > 0) {
      const line = lc.linePos(reviewers.range?.[0] ?? 0).line;
      out.push({ path, line, note: `environment ${String(env.get('name') ?? '')} requires reviewers` });
    }
  }
  return out;
}

export default defineDetector({
  id: 'has-change-management',
  pillar: 'team',
  question: 'Is change management codified for high-risk changes (change/release process docs, RFCs, a risk/rollback PR section, or environments with required reviewers)?',
  rationale: 'High-risk changes need an agreed path (risk assessment, rollback plan, approval) rather than each author’s judgement.',
  contents: [...PR_TEMPLATE_GLOBS, '.github/settings.yml', ...PROSE_GLOBS],
  patterns: {
    // Every resource header of files that declare protected environments, to find each block's owner.
    tfResource: {
      regex: /^[ \t]*resource[ \t]+"([\w-]+)"/gm,
      literals: [...ENV_RESOURCES],
      roles: ['iac'],
      languages: ['hcl'],
    },
    tfApproval: {
      regex: /^[ \t]*(reviewers[ \t]*\{|approval_rules[ \t]*\{|required_approval_count[ \t]*=[ \t]*[1-9])/gm,
      literals: ['reviewers', 'approval_rules', 'required_approval_count'],
      roles: ['iac'],
      languages: ['hcl'],
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const kinds = new Set<string>();
    const { written, stubs } = writtenCheck(repo, MIN_WORDS);
    for (const f of repo.files) {
      if (f.role !== 'docs' || !isOwn(f)) continue;
      if (CHANGE_DOC.test(f.path)) {
        if (!written(f.path)) continue;
        kinds.add('change-management doc');
        evidence.push({ path: f.path, note: 'change-management process' });
      } else if (RELEASE_DOC.test(f.path) && !/notes|changelog/i.test(f.path)) {
        if (!written(f.path)) continue;
        kinds.add('release process doc');
        evidence.push({ path: f.path, note: 'release process' });
      }
    }
    const rfcs = repo.files.filter((f) => f.role === 'docs' && isOwn(f) && RFC_DOC.test(f.path) && !/^(readme|index)\./i.test(baseName(f.path)) && written(f.path));
    if (rfcs.length > 0) {
      kinds.add('RFC process');
      evidence.push({ path: rfcs[0]!.path, note: `RFC process (${rfcs.length} written RFC(s))` });
    }
    for (const t of prTemplates(repo)) {
      const lines = [...headings(t.text, t.path).filter((l) => RISKY_HEADING.test(l.text)), ...checklistItems(t.text, t.path).filter((l) => RISKY_ITEM.test(l.text))];
      lines.sort((a, b) => a.line - b.line);
      if (lines.length > 0) {
        kinds.add('PR template risk/rollback section');
        evidence.push({ path: t.path, line: lines[0]!.line, excerpt: excerpt(lines[0]!.text), note: 'risk / rollback section in PR template' });
      }
    }
    const resources = new Map<string, Match[]>();
    for (const m of matches('tfResource')) {
      const list = resources.get(m.path);
      if (list) list.push(m);
      else resources.set(m.path, [m]);
    }
    for (const m of matches('tfApproval')) {
      const owner = (resources.get(m.path) ?? []).filter((r) => r.line < m.line).pop();
      if (owner && ENV_RESOURCES.has(owner.groups[0] ?? '')) {
        kinds.add('environment approvals as code');
        evidence.push(fromMatch(m, `${owner.groups[0]} requires approval`));
      }
    }
    const settings = repo.file('.github/settings.yml');
    const settingsText = settings && isOwn(settings) ? repo.text(settings.path) : undefined;
    if (settingsText !== undefined) {
      const envs = settingsEnvironments('.github/settings.yml', settingsText);
      if (envs.length > 0) kinds.add('environment approvals as code');
      evidence.push(...envs);
    }
    if (evidence.length === 0) {
      return no(
        `No codified change management: no change/release process doc, RFC, risk/rollback PR section or environment approvals as code${stubs.length > 0 ? ` (${stubs.slice(0, 3).join(', ')}: empty or template, not counted)` : ''}.`,
        stubs.slice(0, 5).map((p) => ({ path: p, note: 'stub or template, not counted' })),
      );
    }
    return yes(`Change management is codified: ${[...kinds].join(', ')}.`, evidence.slice(0, 10));
  },
});
