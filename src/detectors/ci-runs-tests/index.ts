import { defineDetector, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, packageScripts, readCi, type CiJob, type CiStep, type PackageScript } from '../../ecosystems/ci.ts';
import { commandSegments } from '../../ecosystems/deploy-commands.ts';
import { excerpt } from '../../util/text.ts';

/** One command (prefixes stripped) that runs a test suite. */
const TEST_COMMAND = new RegExp(
  [
    String.raw`(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?(?:test[:\w-]*|t)(?:\s|$)`,
    String.raw`(?:npm|pnpm|yarn|bun)\s+run-script\s+test`,
    String.raw`(?:yarn\s+|pnpm\s+)?(?:jest|vitest|mocha|ava|nyc\s+\S+|c8\s+\S+)(?:\s|$)`,
    String.raw`(?:yarn\s+|pnpm\s+)?(?:playwright\s+test|cypress\s+run)\b`,
    String.raw`bun\s+test\b`,
    String.raw`deno\s+test\b`,
    String.raw`(?:python[\d.]*\s+-m\s+)?pytest\b`,
    String.raw`python[\d.]*\s+-m\s+unittest\b`,
    String.raw`coverage\s+run\b.*(?:-m\s+(?:pytest|unittest)|manage\.py\s+test)\b`,
    String.raw`(?:bash\s+|sh\s+)?(?:\.?\/)?(?:[\w.-]+\/)*(?:[\w-]*[-_])?tests?(?:[-_][\w-]*)?\.sh(?:\s|$)`,
    String.raw`python[\d.]*\s+manage\.py\s+test\b`,
    String.raw`(?:tox|nox)(?:\s|$)`,
    String.raw`go\s+test\b`,
    String.raw`gotestsum\b`,
    String.raw`(?:\.\/)?mvnw?\b(?!.*-D(?:skipTests|maven\.test\.skip)(?:=true)?\b).*\s(?:test|verify|install|package)\b`,
    String.raw`(?:\.\/)?gradlew?\b(?!.*\s-x\s+test\b).*\s:?(?:[\w:-]*:)?(?:test|check|build)\b`,
    // Rails binstubs: bin/rails test, bin/rspec.
    String.raw`(?:bundle\s+exec\s+)?(?:\.?\/?bin\/)?(?:rspec|rake\s+(?:test|spec)|rails\s+(?:test|spec))\b`,
    String.raw`dotnet\s+test\b`,
    String.raw`(?:\.?\/?vendor\/bin\/)?(?:phpunit|pest)\b`,
    String.raw`php\s+artisan\s+test\b`,
    String.raw`composer\s+(?:run(?:-script)?\s+)?test\b`,
    String.raw`make\s+(?:-\S+\s+)*(?:test|check)[\w-]*(?:\s|$)`,
    String.raw`cargo\s+(?:test|nextest\s+run)\b`,
    String.raw`mix\s+test\b`,
  ].map((s) => `^(?:${s})`).join('|'),
);

/** Actions that run a test suite themselves. */
const TEST_ACTIONS = /^cypress-io\/github-action@/;

/** `npm test` and friends: the package script they run. */
const PACKAGE_TEST = /^(?:npm|pnpm|yarn|bun)\s+(?:run\s+|run-script\s+)?(test[:\w-]*|t)(?:\s|$)/;
/** The script `npm init` writes, which fails without testing anything. */
const PLACEHOLDER = /^\s*echo\s+["']?Error: no test specified["']?\s*&&\s*exit\s+1\s*$/;

function testCommandOf(step: CiStep, scripts: ReadonlyMap<string, readonly PackageScript[]>): string | undefined {
  if (step.uses) return TEST_ACTIONS.test(step.uses) ? step.uses : undefined;
  return commandSegments(step.text).find((s) => {
    if (!TEST_COMMAND.test(s)) return false;
    // `npm test` runs nothing when every package's test script is the npm-init placeholder.
    const name = PACKAGE_TEST.exec(s)?.[1];
    const bodies = name === undefined ? [] : (scripts.get(name === 't' ? 'test' : name) ?? []);
    return bodies.length === 0 || !bodies.every((b) => PLACEHOLDER.test(b.body));
  });
}

export default defineDetector({
  id: 'ci-runs-tests',
  pillar: 'testing',
  question: 'Does CI run the test suite on every push or pull request?',
  rationale: 'Tests only protect the main branch when a pipeline runs them before and after every merge.',
  measures: {
    'test-jobs': { unit: 'jobs', description: 'CI jobs triggered by push or pull request that run tests' },
  },
  contents: [...CI_GLOBS, '**/package.json'],
  detect({ repo }) {
    const ci = readCi(repo);
    const scripts = packageScripts(repo);
    const jobs = new Set<CiJob>();
    const evidence: EvidenceItem[] = [];
    for (const job of ci.jobs) {
      if (job.disabled || !job.triggers.some((t) => t === 'push' || t === 'pull_request')) continue;
      for (const step of job.steps) {
        const cmd = testCommandOf(step, scripts);
        if (!cmd) continue;
        if (!jobs.has(job)) evidence.push({ path: job.file, line: step.line, excerpt: excerpt(cmd), note: `job ${job.name} runs tests` });
        jobs.add(job);
      }
    }
    const measures = { 'test-jobs': { value: jobs.size, unit: 'jobs' } };
    if (jobs.size > 0) return yes(`${jobs.size} CI jobs on push/pull request run tests.`, evidence.slice(0, 10), measures);
    if (ci.problems.length > 0) return unknown(`No readable CI job runs tests, and ${ci.problems.length} CI file(s) could not be parsed: ${ci.problems.map((p) => `${p.file} (${p.message})`).join('; ')}.`);
    if (ci.jobs.length === 0) return no('No CI pipeline, so no tests run in CI.', [], measures);
    return no(`None of ${ci.jobs.length} CI jobs triggered by push or pull request runs a test command.`, [], measures);
  },
});
