import { defineDetector, no, notApplicable, yes } from '../../core/detector.ts';
import type { EvidenceItem, Language } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { classifyTests, TEST_IDIOM_PATTERNS } from '../../ecosystems/testing.ts';
import { declaredLibraries } from '../../ecosystems/usage.ts';

const CODE: ReadonlySet<Language> = new Set<Language>(['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'ruby', 'csharp', 'php', 'shell']);

export default defineDetector({
  id: 'has-tests',
  pillar: 'testing',
  question: 'Does the repository contain automated tests?',
  rationale: 'Without tests every change is verified by hand or in production, and refactoring becomes too dangerous to attempt.',
  measures: {
    'test-files': { unit: 'files', description: 'Code files classified as tests (suite bootstrap and runner configs excluded)' },
    'source-files': { unit: 'files', description: 'Production code files' },
    'test-ratio': { unit: 'per 100 source files', description: 'Test files per 100 production code files, rounded' },
    'unit-test-files': { unit: 'files', description: 'Test files neither integration nor end-to-end' },
    'integration-test-files': { unit: 'files', description: 'Integration test files, by folder, name or tooling (supertest, Testcontainers, WebApplicationFactory, REST Assured ...)' },
    'e2e-test-files': { unit: 'files', description: 'End-to-end test files, by folder, name or tooling (Playwright, Cypress, Selenium, Capybara system specs ...)' },
  },
  patterns: TEST_IDIOM_PATTERNS,
  detect({ repo, matches }) {
    const suite = classifyTests(repo, matches);
    const tests = suite.tests;
    const sources = repo.files.filter((f) => f.role === 'source' && CODE.has(f.language));
    const measures = {
      'test-files': { value: tests.length, unit: 'files' },
      'source-files': { value: sources.length, unit: 'files' },
      ...(sources.length > 0 ? { 'test-ratio': { value: Math.round((tests.length * 100) / sources.length), unit: 'per 100 source files' } } : {}),
      'unit-test-files': { value: suite.count.unit, unit: 'files' },
      'integration-test-files': { value: suite.count.integration, unit: 'files' },
      'e2e-test-files': { value: suite.count.e2e, unit: 'files' },
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
    // One example of each kind first, then further test files.
    const picked = (['unit', 'integration', 'e2e'] as const).flatMap((k) => tests.filter((t) => t.kind === k).slice(0, 1));
    const rest = tests.filter((t) => !picked.includes(t));
    evidence.push(...[...picked, ...rest].slice(0, 10 - evidence.length).map((t) => ({ path: t.path, note: `${t.kind === 'e2e' ? 'end-to-end' : t.kind} test file` })));
    const { unit, integration, e2e } = suite.count;
    return yes(
      `${tests.length} test files (${unit} unit, ${integration} integration, ${e2e} end-to-end) for ${sources.length} production code files${framework ? ` (${framework.name})` : ''}.`,
      evidence,
      measures,
    );
  },
});
