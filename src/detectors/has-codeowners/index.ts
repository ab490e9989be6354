import { defineDetector, no, yes } from '../../core/detector.ts';
import { CODEOWNERS_PATHS, findCodeowners, ownerRule } from '../../ecosystems/docs.ts';

export default defineDetector({
  id: 'has-codeowners',
  pillar: 'team',
  question: 'Does a CODEOWNERS file assign reviewers, and how much of the repository does it cover?',
  rationale: 'Code owners make review by someone who knows the area automatic instead of a matter of luck.',
  measures: {
    'codeowners-rules': { unit: 'rules', description: 'CODEOWNERS rule lines that name at least one owner' },
    'codeowners-coverage': { unit: '%', description: 'Percent of tracked non-vendored files owned by a rule (last matching rule wins; an ownerless rule un-owns)' },
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
    const files = repo.files.filter((f) => f.role !== 'vendored');
    let covered = 0;
    for (const f of files) if ((ownerRule(co.rules, f.path)?.owners.length ?? 0) > 0) covered++;
    const coverage = files.length === 0 ? 0 : Math.floor((covered * 100) / files.length);
    const evidence = owned.slice(0, 5).map((r) => ({ path: co.path, line: r.line, excerpt: r.excerpt, note: `${r.pattern} owned by ${r.owners.length} owner(s)` }));
    return yes(`${co.path} has ${owned.length} ownership rule(s) covering ${coverage}% of ${files.length} files.`, evidence, {
      'codeowners-rules': { value: owned.length, unit: 'rules' },
      'codeowners-coverage': { value: coverage, unit: '%' },
    });
  },
});
