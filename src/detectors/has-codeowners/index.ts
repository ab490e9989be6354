import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileEntry } from '../../core/types.ts';
import { CODEOWNERS_PATHS, findCodeowners, isOwn, owningRules } from '../../ecosystems/docs.ts';

/** The top folder of a path (`src/billing/x.ts` -> `src/`), or `.` for root files. */
const topFolder = (p: string): string => (p.includes('/') ? `${p.slice(0, p.indexOf('/'))}/` : '.');

export default defineDetector({
  id: 'has-codeowners',
  pillar: 'team',
  question: 'Does a CODEOWNERS file assign reviewers, and how much of the repository does it cover?',
  rationale: 'Code owners make review by someone who knows the area automatic instead of a matter of luck.',
  measures: {
    'codeowners-rules': { unit: 'rules', description: 'CODEOWNERS rule lines that give a path at least one owner (GitLab section defaults included)' },
    'codeowners-coverage': {
      unit: '%',
      description: 'Percent of the tracked source files (all tracked own files when there is no source) that a rule owns: last matching rule wins, per GitLab section; a rule without owners un-owns',
    },
    'codeowners-unowned-files': { unit: 'files', description: 'Tracked source files no rule owns' },
  },
  contents: [...CODEOWNERS_PATHS],
  detect({ repo }) {
    const co = findCodeowners(repo);
    const zero = { 'codeowners-rules': { value: 0, unit: 'rules' }, 'codeowners-coverage': { value: 0, unit: '%' } };
    if (!co) return no('No CODEOWNERS file (.github/, root, docs/ or .gitlab/).', [], zero);
    const owned = co.rules.filter((r) => r.owners.length > 0);
    if (owned.length === 0) {
      return no(`${co.path} names no owners.`, [{ path: co.path, line: 1, note: 'no rule with an owner' }], zero);
    }
    const source = repo.files.filter((f) => f.role === 'source' && isOwn(f));
    const files: FileEntry[] = source.length > 0 ? source : repo.files.filter((f) => isOwn(f) && f.role !== 'vendored');
    const what = source.length > 0 ? 'source files' : 'files';
    const unowned = files.filter((f) => owningRules(co.rules, f.path).length === 0);
    const covered = files.length - unowned.length;
    const coverage = files.length === 0 ? 0 : Math.floor((covered * 100) / files.length);
    const byFolder = new Map<string, number>();
    for (const f of unowned) byFolder.set(topFolder(f.path), (byFolder.get(topFolder(f.path)) ?? 0) + 1);
    const gaps = [...byFolder].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const measures = {
      'codeowners-rules': { value: owned.length, unit: 'rules' },
      'codeowners-coverage': { value: coverage, unit: '%' },
      'codeowners-unowned-files': { value: unowned.length, unit: 'files' },
    };
    const gapText = gaps.length > 0 ? `; unowned: ${gaps.slice(0, 3).map(([d, n]) => `${d} (${n})`).join(', ')}` : '';
    const evidence: EvidenceItem[] = [
      ...owned.slice(0, 5).map((r) => ({ path: co.path, line: r.line, excerpt: r.excerpt, note: `${r.pattern} owned by ${r.owners.join(' ')}` })),
      ...gaps.slice(0, 4).map(([d, n]) => ({ path: d, note: `${n} ${what} without an owner` })),
    ];
    if (files.length > 0 && covered === 0) {
      return no(`${co.path} has ${owned.length} ownership rule(s), but none owns any of the ${files.length} ${what}${gapText}.`, evidence, measures);
    }
    return yes(`${co.path} has ${owned.length} ownership rule(s) covering ${coverage}% of ${files.length} ${what}${gapText}.`, evidence, measures);
  },
});
