import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { baseName, DOC_EXTENSION, isOwn, PROSE_GLOBS, writtenCheck } from '../../ecosystems/docs.ts';

const RUNBOOK_DIR = /(^|\/)run[-_]?books?\//i;
const PLAYBOOK_DIR = /(^|\/)playbooks?\//i;
const RUNBOOK_NAME = /run[-_]?book/i;
const INDEX = /^(readme|index|_index|toc|summary)\.|template/i;
/** A runbook says what to do: a title and "TODO" are not one. */
const MIN_WORDS = 20;
const OPS_GLOBS = ['**/docs/operations/**', '**/doc/operations/**', '**/docs/ops/**', '**/doc/ops/**'];

export default defineDetector({
  id: 'has-runbooks',
  pillar: 'docs',
  question: 'Does the repository keep operational runbooks?',
  rationale: 'Runbooks let whoever is on call diagnose and fix known failures without the one person who knows how.',
  measures: { runbooks: { unit: 'documents', description: 'Runbook and playbook documents with content (stubs and templates left out)' } },
  contents: [...PROSE_GLOBS, '**/docs/**/*.txt', '**/doc/**/*.txt', '**/run*books/**/*.txt', '**/playbooks/**/*.txt'],
  patterns: {
    // A procedure: steps, diagnosis, mitigation, rollback, escalation...
    procedural: {
      regex:
        /^[ \t]{0,3}#{1,6}[ \t]*(?:\d+[.)]?[ \t]*)?(steps?\b|procedure|mitigat|remediat|resolution|resolv|diagnos|troubleshoot|symptoms?\b|roll ?back|recover|restor|escalat|verif|investigat|triage|failover|how to\b|when to\b)/gim,
      literals: ['#'],
      roles: ['docs'],
      languages: ['markdown'],
      paths: OPS_GLOBS,
      code: false,
      maxPerFile: 1,
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const seen = new Set<string>();
    const { written, stubs } = writtenCheck(repo, MIN_WORDS);
    for (const f of repo.files) {
      if (f.role !== 'docs' || !isOwn(f) || !DOC_EXTENSION.test(f.path)) continue;
      const name = baseName(f.path);
      const inFolder = RUNBOOK_DIR.test(f.path) || PLAYBOOK_DIR.test(f.path);
      if ((inFolder && !INDEX.test(name)) || (RUNBOOK_NAME.test(name) && !/template/i.test(name))) {
        seen.add(f.path);
        if (!written(f.path)) continue;
        evidence.push({ path: f.path, note: inFolder ? 'runbook folder' : 'runbook' });
      }
    }
    for (const m of matches('procedural')) {
      if (seen.has(m.path) || INDEX.test(baseName(m.path))) continue;
      seen.add(m.path);
      if (!written(m.path)) continue;
      evidence.push(fromMatch(m, 'operations procedure'));
    }
    const measures = { runbooks: { value: evidence.length, unit: 'documents' } };
    if (evidence.length === 0) {
      return no(
        stubs.length > 0
          ? `Runbooks are empty stubs or templates (${stubs.slice(0, 3).join(', ')}).`
          : 'No runbooks: no runbook/playbook documents or operational procedures under docs.',
        stubs.slice(0, 5).map((p) => ({ path: p, note: 'stub or template, not counted' })),
        measures,
      );
    }
    evidence.sort((a, b) => a.path.localeCompare(b.path));
    return yes(`${evidence.length} runbook document(s), e.g. ${evidence[0]!.path}.`, evidence.slice(0, 10), measures);
  },
});
