import { defineDetector, no, notApplicable, yes } from '../../core/detector.ts';
import type { EvidenceItem, Language } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { declaredLibraries } from '../../ecosystems/usage.ts';

const CODE: ReadonlySet<Language> = new Set<Language>(['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'ruby', 'csharp', 'php', 'shell']);

export default defineDetector({
  id: 'has-tests',
  pillar: 'testing',
  question: 'Does the repository contain automated tests?',
  rationale: 'Without tests every change is verified by hand or in production, and refactoring becomes too dangerous to attempt.',
  measures: {
    'test-files': { unit: 'files', description: 'Code files classified as tests' },
    'source-files': { unit: 'files', description: 'Production code files' },
    'test-ratio': { unit: 'per 100 source files', description: 'Test files per 100 production code files, rounded' },
  },
  detect({ repo }) {
    const tests = repo.files.filter((f) => f.role === 'test' && CODE.has(f.language));
    const sources = repo.files.filter((f) => f.role === 'source' && CODE.has(f.language));
    const measures = {
      'test-files': { value: tests.length, unit: 'files' },
      'source-files': { value: sources.length, unit: 'files' },
      ...(sources.length > 0 ? { 'test-ratio': { value: Math.round((tests.length * 100) / sources.length), unit: 'per 100 source files' } } : {}),
    };
    if (tests.length === 0 && sources.length === 0) return notApplicable('The repository has neither production code nor tests.');
    if (tests.length === 0) return no(`No test files next to ${sources.length} production code files.`, [], measures);
    const evidence: EvidenceItem[] = [];
    const framework = declaredLibraries(repo, CAPABILITIES['test-framework'])[0];
    if (framework) {
      const e: EvidenceItem = { path: framework.manifest, note: `test framework ${framework.name} declared` };
      if (framework.line !== undefined) e.line = framework.line;
      evidence.push(e);
    }
    const sorted = [...tests].sort((a, b) => a.path.localeCompare(b.path));
    evidence.push(...sorted.slice(0, 10 - evidence.length).map((f) => ({ path: f.path, note: 'test file' })));
    return yes(
      `${tests.length} test files for ${sources.length} production code files${framework ? ` (${framework.name})` : ''}.`,
      evidence,
      measures,
    );
  },
});
