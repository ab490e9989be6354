// CI pipelines read as data: each job's triggers and the commands or actions of its steps, with
// lines, for GitHub Actions and GitLab CI here, and CircleCI, Jenkins, Azure Pipelines, Bitbucket and
// Buildkite in ci-providers.ts; Travis and unknown providers fall back to their command lines.
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';
import type { RepoView } from '../core/detector.ts';
import { commandSegments } from './deploy-commands.ts';
import { readAzure, readBitbucket, readBuildkite, readCircleci, readJenkinsfile } from './ci-providers.ts';

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

const READERS: Partial<Record<CiProvider, (file: string, text: string) => CiJob[]>> = {
  'github-actions': readGithub,
  'gitlab-ci': readGitlab,
  circleci: readCircleci,
  jenkins: readJenkinsfile,
  'azure-pipelines': readAzure,
  bitbucket: readBitbucket,
  buildkite: readBuildkite,
};

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
      const reader = READERS[provider];
      jobs.push(...(reader ? reader(f.path, text) : readLines(f.path, provider, text)));
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

/** Installing a scanner is not running it. */
const INSTALL = /\b(?:pip3?|pipx|npm|pnpm|yarn|gem|go|brew|apt(?:-get)?|apk|cargo|dotnet\s+tool|uv\s+pip)\s+(?:install|add|get|i)\b/;
/** A step condition that is never true (`if: false`). */
const STEP_DISABLED = /^\s*(?:false|\$\{\{\s*false\s*\}\})\s*$/;

/**
 * The parts of a step that say what it runs: an action's `uses:` and its `command`/`args` inputs (not
 * paths or options that merely name a tool), or a script's lines without shell comments, split at `&&`.
 */
export function stepCommands(step: CiStep): string[] {
  const lines = step.text.split('\n');
  if (step.uses) return [lines[0] ?? '', ...lines.slice(1).filter((l) => /^(?:command|args|scan-type)\s*:/.test(l))];
  return lines
    .filter((l) => !l.trim().startsWith('#'))
    .flatMap((l) => l.split(/&&|\|\||;/))
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * Steps that run a tool matching `tool` (a non-global pattern), with the first command that runs
 * it: installing the tool does not count, nor do steps switched off with `if: false`.
 */
export function toolRuns(ci: CiConfig, tool: RegExp): { job: CiJob; step: CiStep; command: string }[] {
  const out: { job: CiJob; step: CiStep; command: string }[] = [];
  for (const { job, step } of findSteps(ci, tool)) {
    if (step.condition && STEP_DISABLED.test(step.condition)) continue;
    const command = stepCommands(step).find((l) => tool.test(l) && !INSTALL.test(l));
    if (command !== undefined) out.push({ job, step, command });
  }
  return out;
}

/** Lines of GitLab CI files (role ci) that include a template matching `template`; comment lines skipped. */
export function gitlabTemplateIncludes(repo: RepoView, template: RegExp): { path: string; line: number; text: string }[] {
  const out: { path: string; line: number; text: string }[] = [];
  for (const f of repo.glob(['.gitlab-ci.yml', '.gitlab-ci.yaml', '**/.gitlab-ci.yml'])) {
    if (f.role !== 'ci') continue;
    (repo.text(f.path) ?? '').split('\n').forEach((l, i) => {
      if (!l.trim().startsWith('#') && template.test(l)) out.push({ path: f.path, line: i + 1, text: l });
    });
  }
  return out;
}

/** A command (one segment of a script, see commandSegments) that runs a tool, and the tool's label. */
export type CommandRule = readonly [command: RegExp, label: string];
/** An action that runs a tool: its `uses:` reference, inputs it must be given (if any), and the tool's label. */
export type ActionRule = readonly [uses: RegExp, inputs: RegExp | undefined, label: string];

export interface ToolStep {
  job: CiJob;
  step: CiStep;
  label: string;
  /** What runs the tool: `uses: owner/action@ref`, or the first command segment that matched. */
  shown: string;
}

/**
 * Steps of the given jobs that run a known tool: an action matched by an ActionRule, or a script
 * with a command segment matched by a CommandRule (the first such segment, first rule in order).
 */
export function toolSteps(jobs: readonly CiJob[], commands: readonly CommandRule[], actions: readonly ActionRule[]): ToolStep[] {
  const out: ToolStep[] = [];
  for (const job of jobs) {
    for (const step of job.steps) {
      if (step.uses) {
        const uses = step.uses;
        const label = actions.find(([u, w]) => u.test(uses) && (!w || w.test(step.text)))?.[2];
        if (label) out.push({ job, step, label, shown: `uses: ${uses}` });
        continue;
      }
      for (const seg of commandSegments(step.text)) {
        const found = commands.find(([re]) => re.test(seg));
        if (found) {
          out.push({ job, step, label: found[1], shown: seg });
          break;
        }
      }
    }
  }
  return out;
}

/** `npm run x`, `yarn x`, `pnpm x`, `bun run x`: the script name. */
export const SCRIPT_CALL = /\b(?:npm\s+run(?:-script)?|yarn(?:\s+run)?|pnpm(?:\s+run)?|bun\s+run)\s+([\w:.-]+)/g;

export interface PackageScript {
  /** The package.json that declares it. */
  path: string;
  body: string;
}

/** package.json scripts of the platform's own manifests (role config), by name; the files must be `contents`. */
export function packageScripts(repo: RepoView): Map<string, PackageScript[]> {
  const out = new Map<string, PackageScript[]>();
  for (const f of repo.glob('**/package.json', ['config'])) {
    const text = repo.text(f.path);
    if (!text) continue;
    try {
      const s = (JSON.parse(text) as { scripts?: Record<string, unknown> }).scripts ?? {};
      for (const [name, body] of Object.entries(s)) {
        if (typeof body !== 'string') continue;
        const list = out.get(name) ?? [];
        list.push({ path: f.path, body });
        out.set(name, list);
      }
    } catch {
      // malformed manifests are reported by the scanner
    }
  }
  return out;
}

/**
 * The package.json script through which a command runs something matching `tool` (a non-global
 * pattern): a script called by the command whose body matches, or calls such a script in turn.
 */
export function scriptRunning(
  command: string,
  tool: RegExp,
  scripts: ReadonlyMap<string, readonly PackageScript[]>,
  depth = 0,
): (PackageScript & { name: string }) | undefined {
  if (depth > 1) return undefined;
  for (const m of command.matchAll(SCRIPT_CALL)) {
    for (const s of scripts.get(m[1]!) ?? []) {
      if (tool.test(s.body) || scriptRunning(s.body, tool, scripts, depth + 1)) return { ...s, name: m[1]! };
    }
  }
  return undefined;
}
