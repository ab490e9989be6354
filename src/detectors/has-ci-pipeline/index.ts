import { defineDetector, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, readCi } from '../../ecosystems/ci.ts';

export default defineDetector({
  id: 'has-ci-pipeline',
  pillar: 'cicd',
  question: 'Does the repository define a CI pipeline?',
  rationale: 'A pipeline is the place where builds, tests and deploys become repeatable instead of one person’s laptop ritual.',
  measures: {
    'ci-jobs': { unit: 'jobs', description: 'Jobs across all CI configuration files that can run (disabled jobs and jobs in no workflow left out)' },
  },
  contents: [...CI_GLOBS],
  detect({ repo }) {
    const ci = readCi(repo);
    const byFile = new Map<string, { provider: string; triggers: Set<string>; jobs: number }>();
    const runnable = ci.jobs.filter((j) => !j.disabled);
    for (const j of runnable) {
      const f = byFile.get(j.file) ?? { provider: j.provider, triggers: new Set<string>(), jobs: 0 };
      j.triggers.forEach((t) => f.triggers.add(t));
      f.jobs++;
      byFile.set(j.file, f);
    }
    const measures = { 'ci-jobs': { value: runnable.length, unit: 'jobs' } };
    if (runnable.length === 0 && ci.jobs.length > 0) {
      const files = [...new Set(ci.jobs.map((j) => j.file))];
      return no(`${ci.jobs.length} CI job(s) are defined but none can run (disabled, or in no workflow): ${files.join(', ')}.`, [], measures);
    }
    if (ci.jobs.length === 0) {
      if (ci.problems.length > 0) return unknown(`CI configuration could not be read: ${ci.problems.map((p) => `${p.file} (${p.message})`).join('; ')}.`);
      return no('No CI configuration with a job (GitHub Actions, GitLab CI, CircleCI, Jenkins, Azure Pipelines, Bitbucket, Buildkite, Travis).', [], measures);
    }
    const evidence: EvidenceItem[] = [...byFile].map(([path, f]) => ({
      path,
      line: 1,
      note: `${f.provider}, ${f.jobs} job${f.jobs === 1 ? '' : 's'}, on ${[...f.triggers].join('/') || 'no trigger'}`,
    }));
    const providers = [...new Set([...byFile.values()].map((f) => f.provider))];
    return yes(`${runnable.length} CI jobs in ${byFile.size} files (${providers.join(', ')}).`, evidence.slice(0, 10), measures);
  },
});
