import { defineDetector, no, yes, type RepoView } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, readCi, type CiJob, type CiStep } from '../../ecosystems/ci.ts';
import { excerpt } from '../../util/text.ts';

const OWN = ['source', 'config', 'other', 'ci', 'iac', 'test'] as const;

const LOAD_TOOL =
  /\bk6\s+(?:run|cloud)\b|grafana\/(?:k6-action|run-k6-action|setup-k6-action)\b|\bartillery\s+(?:run|run-fargate|run-lambda|quick)\b|artilleryio\/action|\blocust\b[^\n]*--headless|\bgatling(?::test|:testOnly|Run|\.sh)\b|gatling-maven-plugin:test|\bjmeter\b[^\n]*\s-n\b|\bautocannon\s|\bvegeta\s+attack\b/;
/** `npm run perf`, `yarn load:test`, `pnpm run k6`, `make loadtest`: resolved to the script they run. */
const NPM_SCRIPT = /\b(?:npm\s+run(?:-script)?|yarn(?:\s+run)?|pnpm(?:\s+run)?|bun\s+run)\s+([\w:.-]+)/g;
const MAKE_TARGET = /\bmake\s+(?:-\S+\s+)*([\w.-]+)/g;

function npmScripts(repo: RepoView): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of repo.glob('**/package.json', OWN)) {
    try {
      const pkg = JSON.parse(repo.text(f.path) ?? '{}') as { scripts?: Record<string, unknown> };
      for (const [k, v] of Object.entries(pkg.scripts ?? {})) if (typeof v === 'string') out.set(k, `${out.get(k) ?? ''}\n${v}`);
    } catch {
      // an unparseable manifest is reported by the manifest reader
    }
  }
  return out;
}

function makeTargets(repo: RepoView): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of repo.glob(['Makefile', '**/Makefile'], OWN)) {
    let target: string | undefined;
    for (const line of (repo.text(f.path) ?? '').split('\n')) {
      const head = /^([\w.-]+)\s*:(?!=)/.exec(line);
      if (head) target = head[1];
      else if (target && /^\t/.test(line)) out.set(target, `${out.get(target) ?? ''}\n${line}`);
      else if (line.trim() !== '') target = undefined;
    }
  }
  return out;
}

export default defineDetector({
  id: 'ci-runs-load-tests',
  pillar: 'scalability',
  question: 'Does a CI job run a load test (k6, Artillery, Locust, Gatling, JMeter, autocannon)?',
  rationale: 'Load tests that run in the pipeline catch performance regressions before release instead of after an incident.',
  contents: [...CI_GLOBS, '**/package.json', 'Makefile', '**/Makefile'],
  detect({ repo }) {
    const ci = readCi(repo);
    const scripts = npmScripts(repo);
    const targets = makeTargets(repo);
    const runsLoad = (step: CiStep): string | undefined => {
      if (LOAD_TOOL.test(step.text)) return 'runs a load test';
      for (const m of step.text.matchAll(NPM_SCRIPT)) if (LOAD_TOOL.test(scripts.get(m[1]!) ?? '')) return `runs script "${m[1]}", a load test`;
      for (const m of step.text.matchAll(MAKE_TARGET)) if (LOAD_TOOL.test(targets.get(m[1]!) ?? '')) return `runs make ${m[1]}, a load test`;
      return undefined;
    };
    const hits: { job: CiJob; step: CiStep; note: string }[] = [];
    for (const job of ci.jobs) {
      for (const step of job.steps) {
        const note = runsLoad(step);
        if (note) hits.push({ job, step, note });
      }
    }
    if (hits.length === 0) {
      const problems = ci.problems.length > 0 ? ` (${ci.problems.length} CI file(s) could not be parsed)` : '';
      return no(`No CI job runs a load test${problems}.`);
    }
    const evidence: EvidenceItem[] = hits.slice(0, 10).map(({ job, step, note }) => ({
      path: job.file,
      line: step.line,
      excerpt: excerpt(step.text.split('\n')[0]!),
      note: `job ${job.name} (${job.triggers.join(', ')}) ${note}`,
    }));
    return yes(`Load tests run in CI: ${[...new Set(hits.map((h) => `${h.job.file} job ${h.job.name}`))].join('; ')}.`, evidence);
  },
});
