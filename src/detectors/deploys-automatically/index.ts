import { defineDetector, fromMatch, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { CI_GLOBS, readCi, runnableJobs, type CiJob } from '../../ecosystems/ci.ts';
import { deployOfStep } from '../../ecosystems/deploy-commands.ts';
import { excerpt } from '../../util/text.ts';

const YAML_ROLES = ['iac', 'config', 'other'] as const;

export default defineDetector({
  id: 'deploys-automatically',
  pillar: 'cicd',
  question: 'Does a pipeline (or a GitOps controller) deploy the platform without someone running commands by hand?',
  rationale: 'Automated deploys make every release the same, auditable procedure, which is what makes frequent deploys safe.',
  measures: {
    'deploy-jobs': { unit: 'jobs', description: 'CI jobs that can run, triggered by push, tag, release, schedule or by hand, that deploy' },
  },
  patterns: {
    gitopsKind: { regex: /^kind:\s*["']?(Application|ApplicationSet|Kustomization|HelmRelease)["']?\s*$/m, literals: ['Application', 'Kustomization', 'HelmRelease'], languages: ['yaml'], roles: YAML_ROLES },
    gitopsApi: { regex: /^apiVersion:\s*["']?(argoproj\.io|kustomize\.toolkit\.fluxcd\.io|helm\.toolkit\.fluxcd\.io)\//m, literals: ['argoproj.io', 'fluxcd.io'], languages: ['yaml'], roles: YAML_ROLES },
  },
  contents: [...CI_GLOBS],
  detect({ repo, matches }) {
    const ci = readCi(repo);
    const jobs = new Map<CiJob, { manual: boolean }>();
    const evidence: EvidenceItem[] = [];
    let ssh = false;
    // Jobs that can run (not disabled, triggered, steps not switched off).
    for (const job of runnableJobs(ci)) {
      // Pull-request deploys are previews; everything else (push, tag, release, dispatch, schedule) ships.
      const live = job.triggers.filter((t) => t !== 'pull_request');
      if (live.length === 0) continue;
      for (const step of job.steps) {
        const hit = deployOfStep(step);
        if (!hit) continue;
        const manual = live.every((t) => t === 'manual');
        if (!jobs.has(job)) {
          evidence.push({
            path: job.file,
            line: step.line,
            excerpt: excerpt(step.uses ? `uses: ${step.uses}` : (hit.command ?? '')),
            note: `job ${job.name} (${live.join('/')}): ${hit.label}${hit.overSsh ? ' over SSH' : ''}${manual ? ', started by hand' : ''}`,
          });
        }
        jobs.set(job, { manual });
        ssh ||= hit.overSsh;
      }
    }
    const apiFiles = new Map(matches('gitopsApi').map((m) => [m.path, m.groups[0]!] as const));
    const gitops = matches('gitopsKind').filter((m) => {
      const api = apiFiles.get(m.path);
      if (!api) return false;
      const kind = m.groups[0]!;
      return api === 'argoproj.io' ? kind.startsWith('Application') : api.startsWith('kustomize') ? kind === 'Kustomization' : kind === 'HelmRelease';
    });
    evidence.push(...gitops.slice(0, 3).map((m) => fromMatch(m, `GitOps ${m.groups[0]} (${apiFiles.get(m.path)!.split('.')[0]})`)));
    const measures = { 'deploy-jobs': { value: jobs.size, unit: 'jobs' } };
    if (jobs.size === 0 && gitops.length === 0 && ci.problems.length > 0) {
      return unknown(`Nothing found that deploys, but ${ci.problems.length} CI file(s) could not be parsed: ${ci.problems.map((p) => `${p.file} (${p.message})`).join('; ')}.`);
    }
    if (jobs.size === 0 && gitops.length === 0) return no('No CI job deploys on push, tag or release, and no GitOps controller (Argo CD, Flux) is configured.', [], measures);
    const manualOnly = jobs.size > 0 && [...jobs.values()].every((j) => j.manual);
    const parts: string[] = [];
    if (jobs.size > 0) parts.push(`${jobs.size} CI job${jobs.size === 1 ? '' : 's'} deploy${manualOnly ? ' (started by hand from the CI UI)' : ''}${ssh ? ', some over SSH' : ''}`);
    if (gitops.length > 0) parts.push(`GitOps ${[...new Set(gitops.map((m) => m.groups[0]))].join('/')} manifests`);
    return yes(`Automated deploys: ${parts.join('; ')}.`, evidence.slice(0, 10), measures);
  },
});
