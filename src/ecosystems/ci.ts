// CI pipelines read as data: each job's triggers and the commands or actions of its steps, with
// lines, for GitHub Actions and GitLab CI; other providers fall back to their command lines.
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';
import type { RepoView } from '../core/detector.ts';

/** Every CI configuration file the readers know; detectors that read CI declare these as contents. */
export const CI_GLOBS = [
  '.github/workflows/*.yml',
  '.github/workflows/*.yaml',
  '.gitlab-ci.yml',
  '.gitlab-ci.yaml',
  '**/.gitlab-ci.yml',
  '.circleci/config.yml',
  '.circleci/config.yaml',
  'Jenkinsfile',
  '**/Jenkinsfile',
  'azure-pipelines.yml',
  'azure-pipelines.yaml',
  'bitbucket-pipelines.yml',
  '.buildkite/*.yml',
  '.buildkite/*.yaml',
  '.travis.yml',
] as const;

export type CiProvider = 'github-actions' | 'gitlab-ci' | 'circleci' | 'jenkins' | 'azure-pipelines' | 'bitbucket' | 'buildkite' | 'travis';

export type CiTrigger = 'push' | 'pull_request' | 'schedule' | 'tag' | 'manual' | 'release' | 'other';

export interface CiStep {
  /** The shell command(s) of a run step, or `uses: owner/action@ref` for an action. */
  text: string;
  line: number;
  /** For actions, the action reference (`github/codeql-action/analyze@v3`). */
  uses?: string;
  /** Step-level condition (`if:`), e.g. `failure()`. */
  condition?: string;
}

export interface CiJob {
  file: string;
  provider: CiProvider;
  name: string;
  line: number;
  triggers: CiTrigger[];
  /** Branch filters of push triggers, when given. */
  branches: string[];
  steps: CiStep[];
  /** Job-level condition (`if:`), when given. */
  condition?: string;
  /** The job can never run (`if: false`, GitLab `when: never`). */
  disabled: boolean;
}

export interface CiConfig {
  jobs: CiJob[];
  /** Files that could not be parsed, with the reason. */
  problems: { file: string; message: string }[];
}

function providerOf(path: string): CiProvider | undefined {
  if (path.startsWith('.github/workflows/')) return 'github-actions';
  if (/(^|\/)\.gitlab-ci\.ya?ml$/.test(path)) return 'gitlab-ci';
  if (path.startsWith('.circleci/')) return 'circleci';
  if (/(^|\/)Jenkinsfile$/.test(path)) return 'jenkins';
  if (/^azure-pipelines\.ya?ml$/.test(path)) return 'azure-pipelines';
  if (path === 'bitbucket-pipelines.yml') return 'bitbucket';
  if (path.startsWith('.buildkite/')) return 'buildkite';
  if (path === '.travis.yml') return 'travis';
  return undefined;
}

function scalar(n: unknown): string | undefined {
  if (isScalar(n)) return n.value === null || n.value === undefined ? undefined : String(n.value);
  return undefined;
}

function get(map: unknown, key: string): unknown {
  return isMap(map) ? map.get(key, true) : undefined;
}

function githubTriggers(on: unknown): { triggers: CiTrigger[]; branches: string[] } {
  const triggers = new Set<CiTrigger>();
  const branches: string[] = [];
  const add = (name: string, value?: unknown): void => {
    switch (name) {
      case 'push': {
        const tags = get(value, 'tags');
        const br = get(value, 'branches');
        if (isSeq(br)) for (const b of br.items) { const s = scalar(b); if (s) branches.push(s); }
        if (tags && !br) triggers.add('tag');
        else triggers.add('push');
        if (tags && br) triggers.add('tag');
        break;
      }
      case 'pull_request':
      case 'pull_request_target':
      case 'merge_group':
        triggers.add('pull_request');
        break;
      case 'schedule':
        triggers.add('schedule');
        break;
      case 'workflow_dispatch':
      case 'repository_dispatch':
        triggers.add('manual');
        break;
      case 'release':
        triggers.add('release');
        break;
      default:
        triggers.add('other');
    }
  };
  const s = scalar(on);
  if (s) add(s);
  else if (isSeq(on)) for (const i of on.items) { const v = scalar(i); if (v) add(v); }
  else if (isMap(on)) for (const pair of on.items) { const k = scalar(pair.key); if (k) add(k, pair.value); }
  return { triggers: [...triggers], branches };
}

/** A condition that can never be true: the job is switched off. */
function isNever(condition: string | undefined): boolean {
  return condition !== undefined && /^\s*(\$\{\{\s*)?false(\s*\}\})?\s*$/.test(condition);
}

function lineOf(node: unknown, lc: LineCounter): number {
  const range = (node as Node | undefined)?.range;
  return range ? lc.linePos(range[0]).line : 1;
}

function readGithub(file: string, text: string): CiJob[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message.split('\n')[0]);
  const root = doc.contents;
  // YAML 1.1 reads a bare `on:` key as true; the yaml library keeps it as the string "on".
  const { triggers, branches } = githubTriggers(get(root, 'on') ?? get(root, 'true'));
  const jobs: CiJob[] = [];
  const jobsNode = get(root, 'jobs');
  if (!isMap(jobsNode)) return jobs;
  for (const pair of jobsNode.items) {
    const name = scalar(pair.key) ?? 'job';
    const steps: CiStep[] = [];
    const stepsNode = get(pair.value, 'steps');
    if (isSeq(stepsNode)) {
      for (const st of stepsNode.items) {
        const run = get(st, 'run');
        const uses = scalar(get(st, 'uses'));
        const condition = scalar(get(st, 'if'));
        const withNode = get(st, 'with');
        const withText = isMap(withNode) ? withNode.items.map((p) => `${scalar(p.key) ?? ''}: ${scalar(p.value) ?? ''}`).join('\n') : '';
        const step: CiStep = { text: '', line: lineOf(st, lc) };
        if (run !== undefined) {
          step.text = scalar(run) ?? '';
          step.line = lineOf(run, lc);
        } else if (uses) {
          step.text = `uses: ${uses}${withText ? `\n${withText}` : ''}`;
          step.uses = uses;
        } else continue;
        if (condition) step.condition = condition;
        steps.push(step);
      }
    }
    // A reusable-workflow call is a step of its own.
    const usesJob = scalar(get(pair.value, 'uses'));
    if (usesJob) steps.push({ text: `uses: ${usesJob}`, uses: usesJob, line: lineOf(pair.value, lc) });
    const condition = scalar(get(pair.value, 'if'));
    const job: CiJob = { file, provider: 'github-actions', name, line: lineOf(pair.key, lc), triggers, branches, steps, disabled: isNever(condition) };
    if (condition !== undefined) job.condition = condition;
    jobs.push(job);
  }
  return jobs;
}

const GITLAB_RESERVED = new Set(['stages', 'variables', 'default', 'include', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'types', 'pages']);

function readGitlab(file: string, text: string): CiJob[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message.split('\n')[0]);
  const root = doc.contents;
  const jobs: CiJob[] = [];
  if (!isMap(root)) return jobs;
  for (const pair of root.items) {
    const name = scalar(pair.key) ?? '';
    if (GITLAB_RESERVED.has(name) || name.startsWith('.')) continue;
    if (!isMap(pair.value)) continue;
    const steps: CiStep[] = [];
    for (const key of ['before_script', 'script', 'after_script']) {
      const s = get(pair.value, key);
      if (isSeq(s)) for (const item of s.items) { const t = scalar(item); if (t) steps.push({ text: t, line: lineOf(item, lc) }); }
      else { const t = scalar(s); if (t) steps.push({ text: t, line: lineOf(s, lc) }); }
    }
    const when = scalar(get(pair.value, 'when'));
    const rulesText = JSON.stringify(get(pair.value, 'rules')?.toString() ?? '') + JSON.stringify(get(pair.value, 'only')?.toString() ?? '');
    const triggers: CiTrigger[] = [];
    if (when === 'manual') triggers.push('manual');
    else {
      triggers.push('push');
      if (/merge_request/.test(rulesText) || rulesText === '""""') triggers.push('pull_request');
      if (/schedule/.test(rulesText)) triggers.push('schedule');
      if (/tags|COMMIT_TAG/.test(rulesText)) triggers.push('tag');
    }
    jobs.push({ file, provider: 'gitlab-ci', name, line: lineOf(pair.key, lc), triggers, branches: [], steps, disabled: when === 'never' });
  }
  return jobs;
}

/** Providers without a structured reader: every non-comment line is a step; triggers unknown. */
function readLines(file: string, provider: CiProvider, text: string): CiJob[] {
  const steps: CiStep[] = [];
  text.split('\n').forEach((l, i) => {
    const t = l.trim();
    if (t && !t.startsWith('#') && !t.startsWith('//')) steps.push({ text: t, line: i + 1 });
  });
  return [{ file, provider, name: file, line: 1, triggers: ['push', 'pull_request'], branches: [], steps, disabled: false }];
}

/** Parse every CI file the detector was given (it must declare CI_GLOBS in `contents`). */
export function readCi(repo: RepoView): CiConfig {
  const jobs: CiJob[] = [];
  const problems: CiConfig['problems'] = [];
  for (const f of repo.glob([...CI_GLOBS])) {
    if (f.role === 'vendored' || f.role === 'fixture') continue;
    const provider = providerOf(f.path);
    const text = repo.text(f.path);
    if (!provider || text === undefined) continue;
    try {
      if (provider === 'github-actions') jobs.push(...readGithub(f.path, text));
      else if (provider === 'gitlab-ci') jobs.push(...readGitlab(f.path, text));
      else jobs.push(...readLines(f.path, provider, text));
    } catch (e) {
      problems.push({ file: f.path, message: (e as Error).message });
    }
  }
  return { jobs, problems };
}

/** Steps whose text matches, across every job that actually runs on the given triggers. */
export function findSteps(
  ci: CiConfig,
  pattern: RegExp,
  triggers: readonly CiTrigger[] = ['push', 'pull_request', 'schedule', 'tag', 'release', 'manual', 'other'],
): { job: CiJob; step: CiStep }[] {
  const out: { job: CiJob; step: CiStep }[] = [];
  for (const job of ci.jobs) {
    if (job.disabled || !job.triggers.some((t) => triggers.includes(t))) continue;
    for (const step of job.steps) if (pattern.test(step.text)) out.push({ job, step });
  }
  return out;
}
