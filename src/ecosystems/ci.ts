// CI pipelines read as data: each job's triggers and the commands or actions of its steps, with
// lines, for GitHub Actions and GitLab CI here, and CircleCI, Jenkins, Azure Pipelines, Bitbucket and
// Buildkite in ci-providers.ts; Travis and unknown providers fall back to their command lines.
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';
import type { RepoView } from '../core/detector.ts';
import { commandSegments, deployOfStep } from './deploy-commands.ts';
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

/** What a step does, as far as its command or action says (a step may do several: `helm upgrade --atomic`). */
export type StepKind = 'build' | 'test' | 'lint' | 'scan' | 'deploy' | 'rollback';

export interface CiStep {
  /** The shell command(s) of a run step, or `uses: owner/action@ref` for an action. */
  text: string;
  line: number;
  /** For actions, the action reference (`github/codeql-action/analyze@v3`). */
  uses?: string;
  /** Step-level condition (`if:`), e.g. `failure()`. */
  condition?: string;
  /** What the step does (set by readCi; see classifyStep). */
  kinds?: StepKind[];
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

/** What a GitHub event starts, as a trigger; `workflow_call` is resolved from the callers (readCi). */
function githubEvent(name: string): CiTrigger | undefined {
  switch (name) {
    case 'push':
      return 'push';
    case 'pull_request':
    case 'pull_request_target':
    case 'merge_group':
      return 'pull_request';
    case 'schedule':
      return 'schedule';
    case 'workflow_dispatch':
      return 'manual';
    case 'release':
      return 'release';
    case 'workflow_call':
      return undefined;
    default:
      return 'other';
  }
}

function githubTriggers(on: unknown): { triggers: CiTrigger[]; branches: string[]; callable: boolean } {
  const triggers = new Set<CiTrigger>();
  const branches: string[] = [];
  let callable = false;
  const add = (name: string, value?: unknown): void => {
    if (name === 'workflow_call') {
      callable = true;
      return;
    }
    if (name === 'push') {
      const tags = get(value, 'tags');
      const br = get(value, 'branches');
      if (isSeq(br)) for (const b of br.items) { const s = scalar(b); if (s) branches.push(s); }
      if (tags && !br) triggers.add('tag');
      else triggers.add('push');
      if (tags && br) triggers.add('tag');
      return;
    }
    triggers.add(githubEvent(name)!);
  };
  const s = scalar(on);
  if (s) add(s);
  else if (isSeq(on)) for (const i of on.items) { const v = scalar(i); if (v) add(v); }
  else if (isMap(on)) for (const pair of on.items) { const k = scalar(pair.key); if (k) add(k, pair.value); }
  return { triggers: [...triggers], branches, callable };
}

/** A condition that can never be true: the job is switched off. */
function isNever(condition: string | undefined): boolean {
  return condition !== undefined && /^\s*(\$\{\{\s*)?false(\s*\}\})?\s*$/.test(condition);
}

/**
 * What a job condition says about when the job runs: only on some triggers, never on others, only
 * on some branches. Conditions the readers cannot read narrow nothing (the job keeps its triggers).
 */
export interface Narrowing {
  only?: CiTrigger[];
  not?: CiTrigger[];
  branches?: string[];
  /**
   * Runs only when started from outside the file (someone queues the pipeline with a parameter, a
   * schedule set up in the CI's UI): the job keeps these triggers if the pipeline runs at all.
   */
  external?: CiTrigger[];
  /** GitHub `github.event.pull_request.merged`: the pull-request event is a merge, i.e. a push to the base branch. */
  merged?: boolean;
}

/** Triggers and branches of a job after its condition: an empty trigger list means it never runs. */
export function narrow(triggers: readonly CiTrigger[], branches: readonly string[], n: readonly Narrowing[]): { triggers: CiTrigger[]; branches: string[] } {
  let t = [...triggers];
  let b = [...branches];
  for (const x of n) {
    if (x.only) {
      const only = x.only;
      // A push without a branch filter also runs for tags.
      t = t.flatMap((v) => (only.includes(v) ? [v] : v === 'push' && b.length === 0 && only.includes('tag') ? ['tag' as const] : []));
    }
    if (x.external) t = t.length > 0 ? [...x.external] : [];
    if (x.not) t = t.filter((v) => !x.not!.includes(v));
    if (x.branches && x.branches.length > 0) {
      b = x.branches;
      t = t.filter((v) => v !== 'pull_request');
    }
  }
  return { triggers: [...new Set(t)], branches: b };
}

/** An expression without the parentheses around all of it. */
function unwrap(expr: string): string {
  let e = expr.trim();
  while (e.startsWith('(') && e.endsWith(')')) {
    let depth = 0;
    let whole = true;
    for (let i = 0; i < e.length - 1; i++) {
      if (e[i] === '(') depth++;
      else if (e[i] === ')') depth--;
      if (depth === 0) { whole = false; break; }
    }
    if (!whole) break;
    e = e.slice(1, -1).trim();
  }
  return e;
}

/** GitHub `if:` on a job: `github.event_name`, `github.ref`, tags and merged pull requests. */
function githubNarrowing(condition: string | undefined): Narrowing[] {
  if (!condition) return [];
  const c = condition.replace(/^\s*\$\{\{/, '').replace(/\}\}\s*$/, '').trim();
  const out: Narrowing[] = [];
  for (const raw of c.split('&&')) {
    const clause = unwrap(raw);
    const alts = clause.split('||').map(unwrap);
    const events = alts.map((a) => /^github\.event_name\s*==\s*['"](\w+)['"]$/.exec(a)?.[1]);
    if (events.every((e) => e !== undefined)) {
      out.push({ only: events.map((e) => githubEvent(e!) ?? 'other') });
      continue;
    }
    if (alts.length > 1) continue;
    let m: RegExpExecArray | null;
    if ((m = /^github\.event_name\s*!=\s*['"](\w+)['"]$/.exec(clause))) out.push({ not: [githubEvent(m[1]!) ?? 'other'] });
    else if ((m = /^github\.ref\s*==\s*['"]refs\/heads\/([^'"]+)['"]$/.exec(clause))) out.push({ branches: [m[1]!] });
    else if (/^(?:startsWith|contains)\(\s*github\.ref\s*,\s*['"]refs\/tags\/?['"]\s*\)$/.test(clause) || /^github\.ref_type\s*==\s*['"]tag['"]$/.test(clause)) out.push({ only: ['tag'] });
    else if (/^github\.event\.pull_request\.merged(?:\s*==\s*true)?$/.test(clause)) out.push({ only: ['pull_request'], merged: true });
  }
  return out;
}

function lineOf(node: unknown, lc: LineCounter): number {
  const range = (node as Node | undefined)?.range;
  return range ? lc.linePos(range[0]).line : 1;
}

/** Jobs of workflows other workflows call (`on: workflow_call`): their triggers are their callers' (readCi). */
const CALLABLE = new WeakMap<CiJob, { narrowing: Narrowing[]; merged: boolean }>();

function readGithub(file: string, text: string): CiJob[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message.split('\n')[0]);
  const root = doc.contents;
  // YAML 1.1 reads a bare `on:` key as true; the yaml library keeps it as the string "on".
  const { triggers, branches, callable } = githubTriggers(get(root, 'on') ?? get(root, 'true'));
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
    const narrowing = githubNarrowing(condition);
    const merged = narrowing.some((n) => n.merged);
    const own = narrow(triggers, branches, narrowing);
    // `pull_request: types: [closed]` with `if: github.event.pull_request.merged`: a merge is a push to the base branch.
    const jobTriggers = merged ? own.triggers.map((t) => (t === 'pull_request' ? 'push' : t)) : own.triggers;
    const narrowedAway = triggers.length > 0 && jobTriggers.length === 0;
    const job: CiJob = { file, provider: 'github-actions', name, line: lineOf(pair.key, lc), triggers: jobTriggers, branches: own.branches, steps, disabled: isNever(condition) || (narrowedAway && !callable) };
    if (condition !== undefined) job.condition = condition;
    if (callable) CALLABLE.set(job, { narrowing, merged });
    jobs.push(job);
  }
  return jobs;
}

const GITLAB_RESERVED = new Set(['stages', 'variables', 'default', 'include', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'types', 'pages', 'spec']);

/** GitLab `$CI_PIPELINE_SOURCE` values as triggers. */
const GITLAB_SOURCES: Record<string, CiTrigger> = {
  push: 'push',
  merge_request_event: 'pull_request',
  external_pull_request_event: 'pull_request',
  schedule: 'schedule',
  web: 'manual',
  api: 'other',
  trigger: 'other',
  pipeline: 'other',
  parent_pipeline: 'other',
  chat: 'other',
};

/** The pipeline kinds a rule is evaluated against (web pipelines are started by hand). */
const GITLAB_UNIVERSE: readonly CiTrigger[] = ['push', 'pull_request', 'tag', 'schedule', 'manual'];

/**
 * The triggers a GitLab `if:` expression can hold for, and the branches it names; undefined when
 * the expression says nothing the reader understands (it may then hold on a push).
 */
function gitlabIf(expr: string): { triggers: CiTrigger[]; branches: string[] } | undefined {
  const clauses = expr.split('&&').map(unwrap);
  let triggers: CiTrigger[] | undefined;
  const branches: string[] = [];
  const meet = (t: CiTrigger[]): void => {
    triggers = triggers ? triggers.filter((x) => t.includes(x)) : t;
  };
  let understood = false;
  for (const clause of clauses) {
    const alts = clause.split('||').map(unwrap);
    const union = new Set<CiTrigger>();
    let all = true;
    for (const a of alts) {
      let m: RegExpExecArray | null;
      if ((m = /^\$CI_PIPELINE_SOURCE\s*==\s*["'](\w+)["']$/.exec(a))) union.add(GITLAB_SOURCES[m[1]!] ?? 'other');
      else if ((m = /^\$CI_PIPELINE_SOURCE\s*!=\s*["'](\w+)["']$/.exec(a))) {
        const not = GITLAB_SOURCES[m[1]!] ?? 'other';
        GITLAB_UNIVERSE.filter((t) => t !== not).forEach((t) => union.add(t));
      } else if (/^\$CI_(?:COMMIT_TAG|MERGE_REQUEST_I?ID)\s*==\s*(?:null|""|'')$/.test(a)) union.add('push');
      else if (/^\$CI_COMMIT_TAG(?:\s*(?:=~|==)\s*\S.*)?$/.test(a) || /^\$CI_COMMIT_TAG\s*!=\s*(?:null|"")$/.test(a)) union.add('tag');
      else if (/^\$CI_MERGE_REQUEST_(?:IID|ID|SOURCE_BRANCH_NAME|TARGET_BRANCH_NAME)(?:\s*(?:=~|==|!=)\s*\S.*)?$/.test(a)) union.add('pull_request');
      else if ((m = /^\$CI_COMMIT_(?:BRANCH|REF_NAME)\s*==\s*(?:["']([^"']+)["']|\$CI_DEFAULT_BRANCH)$/.exec(a))) {
        union.add('push');
        if (m[1]) branches.push(m[1]);
      } else if (/^\$CI_COMMIT_BRANCH(?:\s*=~\s*\S.*)?$/.test(a)) union.add('push');
      else all = false;
    }
    if (all && alts.length > 0) {
      understood = true;
      meet([...union]);
    }
  }
  if (!understood) return undefined;
  return { triggers: triggers ?? [], branches };
}

/**
 * GitLab `rules:` (first matching rule wins): the triggers of the pipelines the job joins, with
 * `when: manual` rules turned into manual starts, and whether it runs when an earlier job fails.
 */
function gitlabRules(
  rules: { if?: string | undefined; when?: string | undefined }[],
  catchAll: readonly CiTrigger[] = ['push', 'pull_request'],
): { triggers: CiTrigger[]; branches: string[] } {
  const out = new Set<CiTrigger>();
  const branches: string[] = [];
  for (const t of GITLAB_UNIVERSE) {
    for (const r of rules) {
      const cond = r.if === undefined ? undefined : gitlabIf(r.if);
      // A rule without `if` matches every pipeline; one the reader cannot read may match a push.
      const matches = r.if === undefined ? catchAll.includes(t) : cond ? cond.triggers.includes(t) : t === 'push';
      if (!matches) continue;
      if (r.when === 'never') break;
      out.add(r.when === 'manual' ? 'manual' : t);
      if (cond) branches.push(...cond.branches.filter((b) => !branches.includes(b)));
      break;
    }
  }
  return { triggers: GITLAB_UNIVERSE.filter((t) => out.has(t)), branches };
}

/** GitLab `only:`/`except:` refs as triggers (legacy syntax); branch names and regexes filter pushes. */
function gitlabRefs(refs: string[]): { triggers: CiTrigger[]; branches: string[] } {
  const triggers = new Set<CiTrigger>();
  const branches: string[] = [];
  for (const r of refs) {
    if (r === 'branches' || r === 'pushes') triggers.add('push');
    else if (r === 'tags') triggers.add('tag');
    else if (r === 'merge_requests' || r === 'external_pull_requests') triggers.add('pull_request');
    else if (r === 'schedules') triggers.add('schedule');
    else if (r === 'web') triggers.add('manual');
    else if (['api', 'triggers', 'pipelines', 'chat'].includes(r)) triggers.add('other');
    else {
      triggers.add('push');
      branches.push(r);
    }
  }
  return { triggers: [...triggers], branches };
}

function readGitlab(file: string, text: string): CiJob[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message.split('\n')[0]);
  const root = doc.contents;
  const jobs: CiJob[] = [];
  if (!isMap(root)) return jobs;
  const top = new Map<string, unknown>();
  for (const pair of root.items) { const k = scalar(pair.key); if (k !== undefined) top.set(k, pair.value); }

  /** A job's keys with its `extends:` templates merged in (the job's own keys win). */
  const resolved = (node: unknown, depth = 0): Map<string, unknown> => {
    const out = new Map<string, unknown>();
    if (!isMap(node) || depth > 10) return out;
    const ext = get(node, 'extends');
    const parents = isSeq(ext) ? ext.items.map(scalar) : [scalar(ext)];
    for (const p of parents) if (p) for (const [k, v] of resolved(top.get(p), depth + 1)) out.set(k, v);
    for (const pair of node.items) { const k = scalar(pair.key); if (k !== undefined && k !== 'extends') out.set(k, pair.value); }
    return out;
  };
  /** Script lines, following `!reference [.job, script]`. */
  const scriptLines = (n: unknown, out: CiStep[], depth = 0): void => {
    if (depth > 5) return;
    if (isSeq(n) && n.tag === '!reference') {
      const [name, key] = n.items.map(scalar);
      if (name && key) scriptLines(resolved(top.get(name)).get(key), out, depth + 1);
      return;
    }
    if (isSeq(n)) { for (const item of n.items) scriptLines(item, out, depth + 1); return; }
    const t = scalar(n);
    if (t) out.push({ text: t, line: lineOf(n, lc) });
  };
  const readRules = (n: unknown): { if?: string | undefined; when?: string | undefined }[] | undefined =>
    isSeq(n) ? n.items.map((r) => ({ if: scalar(get(r, 'if')), when: scalar(get(r, 'when')) })) : undefined;
  const refList = (n: unknown): string[] | undefined => {
    const refs = isMap(n) ? get(n, 'refs') : n;
    if (isSeq(refs)) return refs.items.map(scalar).filter((s): s is string => s !== undefined);
    const s = scalar(refs);
    return s === undefined ? (isMap(n) ? [] : undefined) : [s];
  };

  // `workflow: rules:` decide whether a pipeline is created at all.
  const workflowRules = readRules(get(top.get('workflow'), 'rules'));
  const allowed = workflowRules ? gitlabRules(workflowRules, GITLAB_UNIVERSE).triggers : undefined;

  for (const pair of root.items) {
    const name = scalar(pair.key) ?? '';
    if (GITLAB_RESERVED.has(name) || name.startsWith('.')) continue;
    if (!isMap(pair.value)) continue;
    const job = resolved(pair.value);
    const steps: CiStep[] = [];
    for (const key of ['before_script', 'script', 'after_script']) scriptLines(job.get(key), steps);
    const when = scalar(job.get('when'));
    const rules = readRules(job.get('rules'));
    const only = refList(job.get('only'));
    const except = refList(job.get('except'));
    let triggers: CiTrigger[];
    let branches: string[] = [];
    if (rules) ({ triggers, branches } = gitlabRules(rules));
    else if (only && only.length > 0) ({ triggers, branches } = gitlabRefs(only));
    else triggers = ['push', 'pull_request'];
    if (!rules && except) {
      const ex = gitlabRefs(except.filter((r) => ['branches', 'tags', 'merge_requests', 'schedules', 'web', 'api', 'triggers', 'pipelines', 'pushes'].includes(r)));
      triggers = triggers.filter((t) => !ex.triggers.includes(t));
    }
    if (when === 'manual') triggers = triggers.length > 0 ? ['manual'] : [];
    if (allowed) triggers = triggers.filter((t) => allowed.includes(t) || (t === 'manual' && allowed.length > 0));
    const ci: CiJob = { file, provider: 'gitlab-ci', name, line: lineOf(pair.key, lc), triggers, branches, steps, disabled: when === 'never' || triggers.length === 0 };
    const onFailure = when === 'on_failure' || (rules?.some((r) => r.when === 'on_failure') ?? false);
    if (onFailure) ci.condition = 'when: on_failure';
    jobs.push(ci);
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

/** `./.github/workflows/x.yml` (a reusable workflow of this repository) as a path. */
function localWorkflow(uses: string): string | undefined {
  const m = /^\.\/(\.github\/workflows\/[^@\s]+\.ya?ml)$/.exec(uses.trim());
  return m?.[1];
}

/**
 * Reusable workflows (`on: workflow_call`) run when a job of a triggered workflow calls them: their
 * jobs take the callers' triggers (after their own `if:`); a reusable workflow nobody calls never
 * runs. Chains of calls are followed a few levels deep.
 */
function resolveReusableWorkflows(jobs: CiJob[]): void {
  const github = jobs.filter((j) => j.provider === 'github-actions');
  const callees = github.filter((j) => CALLABLE.has(j));
  if (callees.length === 0) return;
  const own = new Map(callees.map((j) => [j, { triggers: [...j.triggers], branches: [...j.branches] }] as const));
  for (let round = 0; round < 4; round++) {
    for (const callee of callees) {
      const info = CALLABLE.get(callee)!;
      const callers = github.filter((j) => !j.disabled && j !== callee && j.steps.some((s) => s.uses !== undefined && localWorkflow(s.uses) === callee.file));
      const from = narrow(
        [...new Set(callers.flatMap((c) => c.triggers))],
        [...new Set(callers.flatMap((c) => c.branches))],
        info.narrowing,
      );
      const base = own.get(callee)!;
      let triggers = [...new Set([...base.triggers, ...from.triggers])];
      if (info.merged) triggers = [...new Set(triggers.map((t) => (t === 'pull_request' ? ('push' as const) : t)))];
      callee.triggers = triggers;
      callee.branches = [...new Set([...base.branches, ...from.branches])];
      callee.disabled = isNever(callee.condition) || triggers.length === 0;
    }
  }
}

/**
 * Buildkite pipelines uploaded by a step (`buildkite-agent pipeline upload .buildkite/deploy.yml`)
 * run when that step runs: their steps take its triggers and branches, and do not run when it
 * cannot. Pipelines generated by a script (`./gen.sh | buildkite-agent pipeline upload`) are not
 * evaluated.
 */
function resolveBuildkiteUploads(jobs: CiJob[]): void {
  const bk = jobs.filter((j) => j.provider === 'buildkite');
  const uploaders = new Map<string, CiJob[]>();
  for (const job of bk) {
    for (const step of job.steps) {
      if (/\|\s*buildkite-agent\s+pipeline\s+upload\b/.test(step.text)) continue;
      for (const seg of commandSegments(step.text)) {
        const m = /^buildkite-agent\s+pipeline\s+upload\b(.*)$/.exec(seg);
        if (!m) continue;
        const arg = m[1]!.split(/\s+/).find((a) => a && !a.startsWith('-'));
        const target = (arg ?? '.buildkite/pipeline.yml').replace(/^\.\//, '');
        if (target === job.file) continue;
        uploaders.set(target, [...(uploaders.get(target) ?? []), job]);
      }
    }
  }
  for (const job of bk) {
    const by = uploaders.get(job.file);
    if (!by) continue;
    const live = by.filter((u) => !u.disabled);
    const triggers = new Set<CiTrigger>();
    const branches = new Set<string>();
    for (const u of live) {
      for (const t of u.triggers) {
        if (job.triggers.includes('manual')) triggers.add('manual');
        else if (t === 'manual' || job.triggers.includes(t)) triggers.add(t);
        else if (t === 'push' && job.triggers.includes('tag')) triggers.add('tag');
      }
      u.branches.forEach((b) => branches.add(b));
    }
    job.triggers = [...triggers];
    if (job.branches.length === 0) job.branches = [...branches];
    job.disabled ||= triggers.size === 0;
    if (live.length > 0 && live.every((u) => u.condition)) job.condition = [live[0]!.condition, job.condition].filter(Boolean).join(' && ');
  }
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
  resolveReusableWorkflows(jobs);
  resolveBuildkiteUploads(jobs);
  for (const job of jobs) for (const step of job.steps) step.kinds = classifyStep(step);
  return { jobs, problems };
}

/** A step condition that is never true (`if: false`, Azure `enabled: false`). */
export function stepNeverRuns(step: CiStep): boolean {
  return step.condition !== undefined && STEP_DISABLED.test(step.condition);
}

/**
 * The jobs that can run, on any of the given triggers (default: any trigger), each with the steps
 * that can run: disabled jobs, jobs nothing triggers and steps switched off are left out.
 */
export function runnableJobs(ci: CiConfig, triggers?: readonly CiTrigger[]): CiJob[] {
  return ci.jobs
    .filter((j) => !j.disabled && j.triggers.length > 0 && (!triggers || j.triggers.some((t) => triggers.includes(t))))
    .map((j) => ({ ...j, steps: j.steps.filter((s) => !stepNeverRuns(s)) }));
}

/** A condition under which a step or job runs only when something before it failed. */
const ON_FAILURE = /\bfailure\(\)|\bfailed\(\)|\bon_fail(?:ure)?\b|\bpost \{ (?:failure|unsuccessful)\b|BITBUCKET_EXIT_CODE\s*!=\s*0|build\.state\s*==\s*["']failed["']/;

/** Whether a step of a job runs only when the job (or the pipeline) failed. */
export function runsOnFailure(job: CiJob, step: CiStep): boolean {
  return ON_FAILURE.test(step.condition ?? '') || ON_FAILURE.test(job.condition ?? '');
}

// ---------------------------------------------------------------------------------------------
// What a step does

/** Command segments (see commandSegments) by what they do. */
const KIND_COMMANDS: readonly (readonly [StepKind, RegExp])[] = [
  ['test', /^(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?(?:test|tests|e2e|cover(?:age)?|test:[\w:-]+)(?:\s|$)|^(?:npm\s+)?(?:cit|it)$|^(?:jest|vitest|mocha|ava|tap|karma|cypress\s+run|playwright\s+test|nyc|c8)\b/],
  ['test', /^(?:python3?\s+-m\s+)?(?:pytest|tox|nox|unittest|coverage\s+run)\b|^(?:python3?\s+)?(?:\.\/)?manage\.py\s+test\b|^go\s+test\b|^gotestsum\b|^ginkgo\b/],
  ['test', /^(?:\.\/)?(?:mvnw?|gradlew?)(?:\.cmd|\.bat)?\b.*\s(?:test|verify|check|integrationTest)\b|^dotnet\s+test\b|^(?:bundle\s+exec\s+)?(?:\.?\/?bin\/)?(?:rspec|cucumber|rake\s+(?:test|spec)|rails\s+(?:test|spec))\b/],
  ['test', /^(?:\.?\/?vendor\/bin\/)?(?:phpunit|pest|paratest|codecept\s+run)\b|^(?:php\s+)?artisan\s+test\b|^composer\s+(?:run(?:-script)?\s+)?test\b|^cargo\s+(?:test|nextest)\b|^make\s+(?:test|check|ci)[\w-]*$|^ctest\b|^mix\s+test\b|^just\s+test\b/],
  ['lint', /^(?:eslint|prettier\s+(?:--check|-c)|biome\s+(?:ci|check|lint)|tsc\b.*--noEmit|oxlint|standard|xo|stylelint|markdownlint|hadolint|shellcheck|actionlint|yamllint)\b|^(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?(?:lint|typecheck|type-check|check-types|format:check|lint:[\w:-]+)(?:\s|$)/],
  ['lint', /^(?:ruff|flake8|pylint|mypy|pyright|black\s+--check|isort\s+--check|pre-commit\s+run)\b|^(?:golangci-lint|staticcheck|revive)\b|^go\s+vet\b|^gofmt\s+-l\b|^(?:bundle\s+exec\s+)?(?:rubocop|standardrb|erb_lint)\b|^(?:\.?\/?vendor\/bin\/)?(?:phpstan|psalm|phpcs|php-cs-fixer\s+fix\b.*--dry-run|pint\s+--test)\b|^dotnet\s+format\b.*--verify-no-changes|^(?:ktlint|detekt)\b|^(?:\.\/)?(?:mvnw?|gradlew?)\b.*\s(?:checkstyle:check|spotless(?::c|C)heck|ktlintCheck|detekt|pmd:check|spotbugs:check)\b|^make\s+lint[\w-]*$/],
  ['scan', /^(?:semgrep|bandit|gosec|govulncheck|trivy|grype|snyk\s+(?:test|code|container|iac)|osv-scanner|checkov|tfsec|kics|terrascan|gitleaks|trufflehog|brakeman|bundle(?:r)?[\s-]audit|pip-audit|safety\s+check|codeql|sonar-scanner|dependency-check(?:\.sh)?|zap-\w+\.py|retire|audit-ci|better-npm-audit|njsscan|horusec)\b|^(?:npm|pnpm|yarn)\s+audit\b|^composer\s+audit\b|^dotnet\s+list\b.*--vulnerable|^(?:\.\/)?(?:mvnw?|gradlew?)\b.*\s(?:sonar(?::sonar)?|dependency-check:\w+|dependencyCheck\w*|org\.owasp:\S+)\b/],
  ['build', /^(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?(?:build|compile|bundle|package|dist)(?::[\w-]+)?(?:\s|$)|^(?:tsc|vite\s+build|next\s+build|nuxt\s+build|ng\s+build|webpack|rollup|esbuild|parcel\s+build|tsup)\b(?!.*--noEmit)/],
  ['build', /^go\s+(?:build|install)\b|^goreleaser\b|^(?:\.\/)?mvnw?(?:\.cmd)?\b.*\s(?:package|install|verify|compile|deploy|spring-boot:build-image|jib:\w+)\b|^(?:\.\/)?gradlew?(?:\.bat)?\b.*\s(?:build|assemble|bootJar|jar|shadowJar|bootBuildImage|jib\w*|publish\w*)\b|^dotnet\s+(?:build|publish|pack|msbuild)\b|^msbuild\b|^cargo\s+build\b/],
  ['build', /^(?:docker|podman)\s+(?:buildx\s+)?(?:build|bake|image\s+build)\b|^docker(?:-|\s+)compose\b.*\sbuild\b|^buildah\s+(?:bud|build)\b|^\/kaniko\/executor\b|^pack\s+build\b|^ko\s+(?:build|publish|resolve|apply)\b|^nixpacks\s+build\b|^(?:python3?\s+-m\s+build|poetry\s+build|uv\s+build|hatch\s+build|pdm\s+build|python3?\s+setup\.py\s+(?:sdist|bdist\w*))\b|^(?:bundle\s+exec\s+)?rake\s+assets:precompile\b|^gem\s+build\b|^make(?:\s+(?:all|build|release|dist|image|docker)[\w-]*)?$|^(?:cmake|ninja|bazel\s+build)\b/],
];

/** Actions, orbs, tasks and pipes (`uses`) by what they do; the second pattern, if any, must match the inputs. */
const KIND_ACTIONS: readonly (readonly [StepKind, RegExp, RegExp?])[] = [
  ['build', /^docker\/(?:build-push-action|bake-action)@|^redhat-actions\/buildah-build@|^aws-ecr\/build[-_]and[-_]push[-_]image$|^Docker@\d/i],
  ['build', /^(?:DotNetCoreCLI|Maven|Gradle|Npm|MSBuild|VSBuild)@\d/i, /^(?:command|goals|tasks|customCommand):\s*(?:build|publish|pack|package|install|assemble|run build)\b/im],
  ['test', /^(?:DotNetCoreCLI|Maven|Gradle|Npm)@\d/i, /^(?:command|goals|tasks|customCommand):\s*(?:test|verify|check|run test)\b/im],
  ['test', /^(?:node|python|ruby|go|maven|gradle|php)\/test$|^cypress-io\/github-action@/],
  ['lint', /^golangci\/golangci-lint-action@|^github\/super-linter|^super-linter\/super-linter|^reviewdog\/|^wearerequired\/lint-action@/],
  ['scan', /^github\/codeql-action\/analyze@|^aquasecurity\/trivy-action@|^snyk\/actions\/|^anchore\/(?:scan-action|sbom-action)@|^securego\/gosec@|^(?:returntocorp|semgrep)\/semgrep-action@|^SonarSource\/sonar\w*-action@|^sonarsource\/sonar\w*-action@|^actions\/dependency-review-action@|^ossf\/scorecard-action@|^(?:snyk|sonarcloud|trivy)\/|^atlassian\/(?:git-secrets-scan|snyk-scan)|^(?:SonarCloudAnalyze|SonarQubeAnalyze|AdvancedSecurity-\w+)@/i],
];

/** Rolling back a release by hand: the command a failure step runs. */
export const ROLLBACK_COMMAND = /^(?:kubectl\b.*\srollout\s+undo\b|kubectl\s+argo\s+rollouts\s+(?:undo|abort)\b|helm\s+rollback\b|argocd\s+app\s+rollback\b|aws\s+deploy\s+stop-deployment\b.*--auto-rollback-enabled|kamal\s+rollback\b|(?:bundle\s+exec\s+)?cap\s+\w+\s+deploy:rollback\b|heroku\s+rollback\b|dep\s+rollback\b)/;
/** Deploy commands that roll themselves back when the release fails its checks. */
export const SELF_ROLLING_BACK = /^(?:helm\s+(?:upgrade|install)\b.*\s--(?:atomic|rollback-on-failure)\b|helmfile\b.*\s(?:apply|sync)\b.*--atomic\b|aws\s+ecs\s+(?:create-service|update-service)\b.*deploymentCircuitBreaker=\{?enable=true,rollback=true|aws\s+deploy\s+create-deployment\b.*--auto-rollback-configuration\s+enabled=true)/;

/** What a step does: build, test, lint, scan, deploy, roll back (several, or none for set-up steps). */
export function classifyStep(step: CiStep): StepKind[] {
  const kinds = new Set<StepKind>();
  if (step.uses) {
    for (const [kind, uses, inputs] of KIND_ACTIONS) if (uses.test(step.uses) && (!inputs || inputs.test(step.text))) kinds.add(kind);
    if (/--(?:atomic|rollback-on-failure)\b|^atomic:\s*true$/m.test(step.text) && deployOfStep(step)) kinds.add('rollback');
  } else {
    for (const seg of commandSegments(step.text)) {
      for (const [kind, re] of KIND_COMMANDS) if (re.test(seg)) kinds.add(kind);
      if (ROLLBACK_COMMAND.test(seg) || SELF_ROLLING_BACK.test(seg)) kinds.add('rollback');
    }
  }
  if (deployOfStep(step)) kinds.add('deploy');
  return (['build', 'test', 'lint', 'scan', 'deploy', 'rollback'] as const).filter((k) => kinds.has(k));
}

/** Steps whose text matches, across every job that actually runs on the given triggers (steps switched off left out). */
export function findSteps(
  ci: CiConfig,
  pattern: RegExp,
  triggers: readonly CiTrigger[] = ['push', 'pull_request', 'schedule', 'tag', 'release', 'manual', 'other'],
): { job: CiJob; step: CiStep }[] {
  const out: { job: CiJob; step: CiStep }[] = [];
  for (const job of ci.jobs) {
    if (job.disabled || !job.triggers.some((t) => triggers.includes(t))) continue;
    for (const step of job.steps) if (!stepNeverRuns(step) && pattern.test(step.text)) out.push({ job, step });
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
 * Disabled jobs and steps that never run are left out.
 */
export function toolSteps(jobs: readonly CiJob[], commands: readonly CommandRule[], actions: readonly ActionRule[]): ToolStep[] {
  const out: ToolStep[] = [];
  for (const job of jobs) {
    if (job.disabled) continue;
    for (const step of job.steps) {
      if (stepNeverRuns(step)) continue;
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
