import { defineDetector, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, readCi, runnableJobs, type CiJob, type CiStep } from '../../ecosystems/ci.ts';
import { commandSegments } from '../../ecosystems/deploy-commands.ts';

/** Actions that only set a runner up or tend the repository (labels, stale issues): no build of a change. */
const HOUSEKEEPING_ACTION =
  /^(?:actions\/(?:checkout|setup-[\w-]+|cache|upload-artifact|download-artifact|labeler|stale|github-script|first-interaction|add-to-project)|peter-evans\/|release-drafter\/|amannn\/action-semantic-pull-request|dependabot\/fetch-metadata|kentaro-m\/auto-assign|dessant\/lock-threads|pnpm\/action-setup|ruby\/setup-ruby|shivammathur\/setup-php|gradle\/actions\/setup-gradle|codecov\/|coverallsapp\/|checkout$|setup_remote_docker$|NodeTool@|UseDotNet@|UsePythonVersion@|JavaToolInstaller@|PublishTestResults@|PublishBuildArtifacts@|PublishPipelineArtifact@|DownloadPipelineArtifact@|Cache@)/i;
/** Commands that prepare a job (install, move around, print) rather than build or check anything. */
const SETUP_COMMAND =
  /^(?:echo|printf|cd|ls|cat|pwd|true|exit|set|export|source|\.|mkdir|cp|mv|rm|chmod|touch|curl|wget|sleep|env|which|git\s+(?:config|fetch|checkout|submodule|clone)|(?:npm|pnpm|yarn|bun)\s+(?:ci|install|i|config)\b|corepack|nvm|pip3?\s+install|python3?\s+-m\s+pip\s+install|poetry\s+install|uv\s+(?:sync|pip)|pipenv\s+install|bundle\s+(?:install|config)|gem\s+install|composer\s+install|go\s+(?:mod\s+download|install\s+\S+@)|apt(?:-get)?|apk|yum|brew|sudo|dotnet\s+(?:restore|tool)|docker\s+(?:login|pull)|aws\s+configure)\b/;

/** A step that builds, checks or ships something. */
function doesWork(step: CiStep): boolean {
  if ((step.kinds ?? []).length > 0) return true;
  if (step.uses) return !HOUSEKEEPING_ACTION.test(step.uses);
  return commandSegments(step.text).some((c) => !SETUP_COMMAND.test(c));
}

export default defineDetector({
  id: 'has-ci-pipeline',
  pillar: 'cicd',
  question: 'Does a CI pipeline build or check every change (a job that runs on push or pull request and does work)?',
  rationale: 'A pipeline is the place where builds, tests and deploys become repeatable instead of one person’s laptop ritual.',
  measures: {
    'ci-jobs': { unit: 'jobs', description: 'Jobs across all CI configuration files that can run (disabled jobs, jobs in no workflow and reusable workflows nobody calls left out)' },
  },
  contents: [...CI_GLOBS],
  detect({ repo }) {
    const ci = readCi(repo);
    const runnable = runnableJobs(ci);
    const measures = { 'ci-jobs': { value: runnable.length, unit: 'jobs' } };
    if (ci.jobs.length === 0) {
      if (ci.problems.length > 0) return unknown(`CI configuration could not be read: ${ci.problems.map((p) => `${p.file} (${p.message})`).join('; ')}.`);
      return no('No CI configuration with a job (GitHub Actions, GitLab CI, CircleCI, Jenkins, Azure Pipelines, Bitbucket, Buildkite, Travis).', [], measures);
    }
    if (runnable.length === 0) {
      const files = [...new Set(ci.jobs.map((j) => j.file))];
      return no(`${ci.jobs.length} CI job(s) are defined but none can run (disabled, in no workflow, or never triggered): ${files.join(', ')}.`, [], measures);
    }
    // Every change: a job on push or pull request that does more than set a runner up.
    const everyChange = runnable.filter((j) => j.triggers.some((t) => t === 'push' || t === 'pull_request') && j.steps.some(doesWork));
    if (everyChange.length === 0) {
      const on = [...new Set(runnable.flatMap((j) => j.triggers))].join('/');
      if (ci.problems.length > 0) return unknown(`No readable CI job builds changes on push or pull request, and ${ci.problems.map((p) => p.file).join(', ')} could not be parsed.`);
      return no(`${runnable.length} CI job(s) can run, but only on ${on} or without building anything: no job builds each change on push or pull request.`, [], measures);
    }
    const byFile = new Map<string, { provider: string; triggers: Set<string>; jobs: CiJob[] }>();
    for (const j of everyChange) {
      const f = byFile.get(j.file) ?? { provider: j.provider, triggers: new Set<string>(), jobs: [] };
      j.triggers.forEach((t) => f.triggers.add(t));
      f.jobs.push(j);
      byFile.set(j.file, f);
    }
    const evidence: EvidenceItem[] = [...byFile].map(([path, f]) => {
      const kinds = [...new Set(f.jobs.flatMap((j) => j.steps.flatMap((s) => s.kinds ?? [])))];
      return {
        path,
        line: f.jobs[0]!.line,
        note: `${f.provider}, ${f.jobs.length} job${f.jobs.length === 1 ? '' : 's'} on ${[...f.triggers].join('/')}${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}`,
      };
    });
    const providers = [...new Set([...byFile.values()].map((f) => f.provider))];
    return yes(`${everyChange.length} CI job(s) build or check each change on push or pull request, in ${byFile.size} file(s) (${providers.join(', ')}).`, evidence.slice(0, 10), measures);
  },
});
