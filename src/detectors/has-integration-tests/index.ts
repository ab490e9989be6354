import { defineDetector, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, Language } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

const CODE: ReadonlySet<Language> = new Set<Language>(['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'ruby', 'csharp', 'php']);

/** Test files whose folder or name says integration / end-to-end. */
const BY_FOLDER = /(^|\/)(integration|integration-tests?|e2e|it|end-to-end|acceptance)\//i;
const BY_NAME = /\.(int|integration|e2e|it)\.(test|spec)\.[cm]?[jt]sx?$|\.e2e(-spec)?\.[cm]?[jt]sx?$|\.cy\.[cm]?[jt]sx?$|IT\.(java|kt)$|(^|\/)test_\w*integration\w*\.py$|_integration_test\.(go|py|rb)$|IntegrationTests?\.(cs|java|kt)$/;

export default defineDetector({
  id: 'has-integration-tests',
  pillar: 'testing',
  question: 'Does the repository contain integration or end-to-end tests?',
  rationale: 'Unit tests miss the seams (HTTP stack, database, browser) where most production incidents start.',
  measures: {
    'integration-test-files': { unit: 'files', description: 'Test files that are integration or end-to-end tests by folder, name or tooling' },
  },
  patterns: {
    // Go integration suites are gated by a build tag, which lives in a comment.
    goBuildTag: { regex: /^\/\/(?:go:build|\s*\+build)\s.*\b(integration|e2e)\b/m, literals: ['integration', 'e2e'], languages: ['go'], roles: ['test'], code: false, maxPerFile: 1 },
    // Libraries the import index does not cover: Testcontainers and REST Assured on the JVM and in Go.
    jvmGo: {
      regex: /^\s*import\s+(?:static\s+)?(org\.testcontainers\.|io\.restassured\.)|"github\.com\/testcontainers\/testcontainers-go/m,
      literals: ['testcontainers', 'restassured'],
      languages: ['java', 'kotlin', 'go'],
      roles: ['test'],
      maxPerFile: 1,
    },
  },
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const files = new Set<string>();
    const uses = usedLibraries(repo, CAPABILITIES['integration-testing'], ['test']);
    for (const u of uses) {
      for (const s of u.sites) files.add(s.path);
      evidence.push(...u.sites.slice(0, 2).map((s) => fromImport(s, `${u.library} in tests`)));
    }
    for (const m of [...matches('goBuildTag'), ...matches('jvmGo')]) {
      files.add(m.path);
      evidence.push(fromMatch(m, m.text.includes('build') ? 'integration build tag' : 'integration test library'));
    }
    const named = repo.files
      .filter((f) => f.role === 'test' && CODE.has(f.language) && !/\.config\.[cm]?[jt]s$/.test(f.path) && (BY_FOLDER.test(f.path) || BY_NAME.test(f.path)))
      .sort((a, b) => a.path.localeCompare(b.path));
    for (const f of named) files.add(f.path);
    evidence.push(...named.slice(0, 5).map((f) => ({ path: f.path, note: 'integration/e2e test file' })));
    const measures = { 'integration-test-files': { value: files.size, unit: 'files' } };
    if (files.size === 0) return no('No integration or end-to-end tests: no such test folders, names or tools in test code.', [], measures);
    const libs = uses.map((u) => u.library);
    return yes(
      `${files.size} integration/e2e test files${libs.length > 0 ? ` (${libs.join(', ')})` : ''}.`,
      evidence.slice(0, 10),
      measures,
    );
  },
});
