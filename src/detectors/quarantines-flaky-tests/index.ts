import { defineDetector, fromMatch, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, readCi } from '../../ecosystems/ci.ts';
import { excerpt } from '../../util/text.ts';

/** A CI command that leaves quarantined/flaky-tagged tests out of the gate. */
const EXCLUDES_TAGGED = new RegExp(
  [
    String.raw`--grep-invert[= ]\s*["']?@?(?:quarantine|flaky)`,
    String.raw`-m\s+["']?not\s+(?:quarantine|flaky)`,
    String.raw`--exclude-tags?[= ]\s*["']?[\w,@-]*(?:quarantine|flaky)`,
    String.raw`--tags?[= ]\s*["']?(?:~|not\s+)@?(?:quarantine|flaky)`,
    String.raw`-DexcludedGroups=\S*(?:quarantine|flaky)`,
    String.raw`--skip-tags?[= ]\s*["']?\S*(?:quarantine|flaky)`,
    String.raw`grep\s+-v\s+["']?@?(?:quarantine|flaky)`,
    String.raw`--testPathIgnorePatterns[= ]\s*["']?\S*(?:quarantine|flaky)`,
    String.raw`--filter[= ]\s*["']?[^"'\n]*(?:Category|Trait|TestCategory)\s*!=\s*(?:quarantine|flaky)`,
  ].join('|'),
  'i',
);

/** Services that detect and quarantine flaky tests from uploaded results. */
const FLAKY_SERVICES = /^(?:buildpulse\/buildpulse-action|trunk-io\/analytics-uploader|datadog\/junit-upload-github-action)@/i;

const RUNNER_CONFIGS = [
  '**/vitest.config.*',
  '**/vite.config.*',
  '**/vitest.workspace.*',
  '**/playwright.config.*',
  '**/playwright-ct.config.*',
  '**/cypress.config.*',
  '**/cypress.json',
  '**/wdio.conf.*',
  '**/.mocharc*',
];

export default defineDetector({
  id: 'quarantines-flaky-tests',
  pillar: 'testing',
  question: 'Are flaky tests retried or quarantined instead of blocking (or being ignored by) the pipeline?',
  rationale: 'Unmanaged flaky tests teach a team to re-run until green, which hides real failures.',
  patterns: {
    retryTimes: { regex: /\bjest\.retryTimes\s*\(\s*[1-9]/, literals: ['retryTimes'], languages: ['javascript', 'typescript'], roles: ['test', 'source'], code: 'strict', maxPerFile: 1 },
    runnerRetries: {
      regex: /\bretr(?:y|ies)["']?\s*:\s*(\{[^}]*\}|[^,\n}]+)/,
      literals: ['retr'],
      paths: RUNNER_CONFIGS,
      roles: ['source', 'config', 'test', 'other'],
      maxPerFile: 3,
    },
    pytestFlaky: { regex: /@pytest\.mark\.flaky\b|^\s*@flaky\b|--reruns[= ]\s*[1-9]/m, literals: ['flaky', 'reruns'], languages: ['python'], roles: ['test'], maxPerFile: 1 },
    // Re-runs switched on: pytest --reruns, surefire/failsafe rerunFailingTestsCount, Gradle test-retry
    // maxRetries (the plugin alone retries nothing), rspec-retry loaded, gotestsum --rerun-fails,
    // the Microsoft.Testing retry extension, minitest-retry.
    rerunFlags: {
      regex: /--reruns[= ]\s*[1-9]|--only-rerun\b|rerunFailingTestsCount>?\s*=?\s*[1-9]|<rerunFailingTestsCount>\s*[1-9]|\bmaxRetries\s*(?:=|\.set\()\s*[1-9]|require\s+["']rspec\/retry["']|--rerun-fails\b(?:=[1-9])?|--retry-failed-tests[= ]\s*[1-9]|Minitest::Retry\.use!/,
      literals: ['reruns', 'only-rerun', 'rerunFailingTestsCount', 'maxRetries', 'rspec/retry', 'rerun-fails', 'retry-failed-tests', 'Minitest::Retry'],
      roles: ['config', 'ci', 'other', 'source', 'test'],
      paths: ['**/pytest.ini', '**/pyproject.toml', '**/setup.cfg', '**/tox.ini', '**/Makefile', '**/package.json', '**/pom.xml', '**/build.gradle', '**/build.gradle.kts', '**/settings.gradle*', '**/spec_helper.rb', '**/rails_helper.rb', '**/test_helper.rb', '**/*.runsettings', ...CI_GLOBS],
      maxPerFile: 1,
    },
    // Retry attributes and annotations on tests: xRetry, NUnit, JUnit Pioneer, mocha this.retries(n).
    retryAnnotations: {
      regex: /\[(?:RetryFact|RetryTheory)\b|\[Retry\(\s*[1-9]|@RetryingTest\(\s*(?:maxAttempts\s*=\s*)?[2-9]|@RepeatedIfExceptionsTest\b|\bthis\.retries\(\s*[1-9]|\bretry:\s*[1-9]/,
      literals: ['RetryFact', 'RetryTheory', 'Retry(', 'RetryingTest', 'RepeatedIfExceptionsTest', 'retries(', 'retry:'],
      languages: ['csharp', 'java', 'kotlin', 'javascript', 'typescript', 'ruby'],
      roles: ['test'],
      maxPerFile: 1,
    },
    quarantineTag: {
      regex: /@quarantine\b|@flaky\b|mark\.quarantine\b|@Tag\(\s*"(?:flaky|quarantine)"\s*\)|\b(?:Trait\(\s*"Category"\s*,\s*|Category\(\s*|TestCategory\(\s*)"(?:quarantine|flaky)"\s*\)|\b(?:quarantine|flaky):\s*true\b|\btag:\s*\[?\s*['"]@?(?:quarantine|flaky)['"]/i,
      literals: ['quarantine', 'flaky', 'Quarantine', 'Flaky'],
      roles: ['test'],
      maxPerFile: 1,
    },
    buildExcludes: {
      regex: /excludeTags\s*\(?\s*["'](?:quarantine|flaky)["']|<excludedGroups>[^<]*(?:quarantine|flaky)/,
      literals: ['excludeTags', 'excludedGroups'],
      paths: ['**/pom.xml', '**/build.gradle', '**/build.gradle.kts'],
      roles: ['config', 'other', 'source'],
      maxPerFile: 1,
    },
  },
  contents: [...CI_GLOBS],
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const how = new Set<string>();
    for (const m of matches('retryTimes')) {
      evidence.push(fromMatch(m, 'jest retries failing tests'));
      how.add('retries');
    }
    for (const m of matches('runnerRetries')) {
      if (!/[1-9]/.test(m.groups[0] ?? '')) continue;
      evidence.push(fromMatch(m, 'test runner retries failing tests'));
      how.add('retries');
    }
    // A rerun plugin only declared (pytest-rerunfailures, rspec-retry, the Gradle plugin) re-runs nothing: its flag, mark or setting must be there.
    for (const m of [...matches('pytestFlaky'), ...matches('rerunFlags'), ...matches('retryAnnotations')]) {
      evidence.push(fromMatch(m, 'failing tests are re-run'));
      how.add('retries');
    }
    const ci = readCi(repo);
    const tags = matches('quarantineTag');
    const excluding = [...matches('buildExcludes').map((m) => fromMatch(m, 'build excludes quarantined tests'))];
    for (const job of ci.jobs) {
      if (job.disabled) continue;
      for (const step of job.steps) {
        if (step.condition && /^\s*(?:false|\$\{\{\s*false\s*\}\})\s*$/.test(step.condition)) continue;
        if (step.uses && FLAKY_SERVICES.test(step.uses)) {
          evidence.push({ path: job.file, line: step.line, excerpt: excerpt(`uses: ${step.uses}`), note: 'flaky-test detection service' });
          how.add('flaky-test service');
        } else if (!step.uses && EXCLUDES_TAGGED.test(step.text)) {
          excluding.push({ path: job.file, line: step.line, excerpt: excerpt(step.text.split('\n').find((l) => EXCLUDES_TAGGED.test(l)) ?? ''), note: 'CI excludes quarantined tests' });
        }
      }
    }
    if (tags.length > 0 && excluding.length > 0) {
      evidence.push(...excluding.slice(0, 3), ...tags.slice(0, 3).map((m) => fromMatch(m, 'test tagged for quarantine')));
      how.add('quarantine');
    }
    if (evidence.length === 0 && ci.problems.length > 0) {
      return unknown(`Nothing found that handles flaky tests, but ${ci.problems.length} CI file(s) could not be parsed: ${ci.problems.map((p) => `${p.file} (${p.message})`).join('; ')}.`);
    }
    if (evidence.length === 0) return no('Flaky tests are neither retried nor quarantined (no retry configuration, rerun plugin or quarantine tag excluded in CI).');
    return yes(`Flaky tests are handled: ${[...how].join(', ')}.`, evidence.slice(0, 10));
  },
});
