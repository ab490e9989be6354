import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { classifyTests, TEST_IDIOM_PATTERNS } from '../../ecosystems/testing.ts';

export default defineDetector({
  id: 'has-integration-tests',
  pillar: 'testing',
  question: 'Does the repository contain integration or end-to-end tests?',
  rationale: 'Unit tests miss the seams (HTTP stack, database, browser) where most production incidents start.',
  measures: {
    'integration-test-files': { unit: 'files', description: 'Integration test files, by folder, name or tooling' },
    'e2e-test-files': { unit: 'files', description: 'End-to-end test files, by folder, name or tooling' },
  },
  patterns: TEST_IDIOM_PATTERNS,
  detect({ repo, matches }) {
    const suite = classifyTests(repo, matches);
    const found = suite.tests.filter((t) => t.kind !== 'unit');
    const measures = {
      'integration-test-files': { value: suite.count.integration, unit: 'files' },
      'e2e-test-files': { value: suite.count.e2e, unit: 'files' },
    };
    if (found.length === 0) return no('No integration or end-to-end tests: no such test folders, names or tools in test code.', [], measures);
    // What the files use is the strongest evidence (located lines), then folders and names.
    const located = found.flatMap((t) => t.reasons.filter((r) => r.line !== undefined));
    const named = found.filter((t) => t.reasons.every((r) => r.line === undefined)).map((t) => t.reasons[0]!);
    const evidence: EvidenceItem[] = [...located.slice(0, 7), ...named].slice(0, 10).map(({ label: _label, ...e }) => e);
    const labels = [...new Set(found.flatMap((t) => t.reasons.filter((r) => r.line !== undefined).map((r) => r.label)))];
    return yes(
      `${suite.count.integration} integration and ${suite.count.e2e} end-to-end test files${labels.length > 0 ? ` (${labels.join(', ')})` : ''}.`,
      evidence,
      measures,
    );
  },
});
