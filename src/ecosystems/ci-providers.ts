// Structured readers for CI providers other than GitHub Actions and GitLab CI: CircleCI, Jenkins
// (declarative, with a fallback for scripted pipelines), Azure Pipelines, Bitbucket Pipelines and
// Buildkite. Each returns the jobs of one file, with triggers, branch filters and step lines, and
// throws an Error with a one-line message when the file is malformed.
import { LineCounter, parseDocument, isAlias, isMap, isSeq, isScalar, type Document, type Node } from 'yaml';
import { narrow, type CiJob, type CiStep, type CiTrigger, type Narrowing } from './ci.ts';

// ---------------------------------------------------------------------------------------------
// YAML helpers: aliases resolved, `<<` merge keys followed, lines from a LineCounter.

interface Yaml {
  doc: Document;
  lc: LineCounter;
}

function parseYaml(text: string, what: string): Yaml & { root: unknown } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message.split('\n')[0]);
  const root = doc.contents;
  if (root !== null && !isMap(root) && !isSeq(root)) throw new Error(`${what} is not a YAML mapping`);
  return { doc, lc, root };
}

function res(y: Yaml, n: unknown): unknown {
  let cur = n;
  for (let i = 0; i < 10 && isAlias(cur); i++) cur = cur.resolve(y.doc);
  return cur;
}

function get(y: Yaml, map: unknown, key: string): unknown {
  const m = res(y, map);
  if (!isMap(m)) return undefined;
  for (const pair of m.items) if (scalarOf(y, pair.key) === key) return res(y, pair.value);
  for (const pair of m.items) {
    if (scalarOf(y, pair.key) !== '<<') continue;
    const v = res(y, pair.value);
    for (const src of isSeq(v) ? v.items : [v]) {
      const found = get(y, src, key);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function scalarOf(y: Yaml, n: unknown): string | undefined {
  const v = res(y, n);
  if (isScalar(v)) return v.value === null || v.value === undefined ? undefined : String(v.value);
  return undefined;
}

function entries(y: Yaml, map: unknown): { key: string; keyNode: unknown; value: unknown }[] {
  const m = res(y, map);
  if (!isMap(m)) return [];
  const out: { key: string; keyNode: unknown; value: unknown }[] = [];
  for (const pair of m.items) {
    const key = scalarOf(y, pair.key);
    if (key === undefined) continue;
    if (key === '<<') {
      const v = res(y, pair.value);
      for (const src of isSeq(v) ? v.items : [v]) out.push(...entries(y, src).filter((e) => !out.some((o) => o.key === e.key)));
      continue;
    }
    const at = out.findIndex((o) => o.key === key);
    if (at >= 0) out.splice(at, 1);
    out.push({ key, keyNode: pair.key, value: res(y, pair.value) });
  }
  return out;
}

function items(y: Yaml, seq: unknown): unknown[] {
  const s = res(y, seq);
  return isSeq(s) ? s.items.map((i) => res(y, i)) : [];
}

/** A scalar or a list of scalars, as strings. */
function strings(y: Yaml, n: unknown): string[] {
  const s = scalarOf(y, n);
  if (s !== undefined) return [s];
  return items(y, n).map((i) => scalarOf(y, i)).filter((s): s is string => s !== undefined);
}

function lineOf(y: Yaml, node: unknown): number {
  const range = (node as Node | undefined)?.range;
  return range ? y.lc.linePos(range[0]).line : 1;
}

/** `key: value` lines of a map of inputs, appended to an action-like step's text. */
function inputsText(y: Yaml, map: unknown): string {
  return entries(y, map).map((e) => `${e.key}: ${scalarOf(y, e.value) ?? ''}`).join('\n');
}

function usesStep(uses: string, line: number, inputs = ''): CiStep {
  return { text: `uses: ${uses}${inputs ? `\n${inputs}` : ''}`, uses, line };
}

const FALSE = /^\s*(?:false|\$\{\{\s*false\s*\}\}|0|no)\s*$/i;
const TRUE = /^\s*(?:true|\$\{\{\s*true\s*\}\}|1|yes)\s*$/i;

// ---------------------------------------------------------------------------------------------
// CircleCI

const PIPELINE_VALUE = /^<<\s*pipeline\.(parameters\.[\w-]+|trigger_source|git\.branch|git\.tag|schedule\.name)\s*>>$/;

/**
 * A CircleCI workflow `when:` condition as narrowings: pipeline parameters that default to false
 * (the workflow runs when someone triggers the pipeline with it), the trigger source (scheduled
 * pipelines), the branch. `never` when the condition is false; undefined when it cannot be read.
 */
function circleCondition(c: unknown, params: ReadonlyMap<string, unknown>): Narrowing[] | 'never' | undefined {
  if (c === false || c === 'false') return 'never';
  if (c === true || c === 'true') return [];
  if (typeof c === 'string') {
    const m = PIPELINE_VALUE.exec(c.trim());
    if (m?.[1]?.startsWith('parameters.')) {
      const d = params.get(m[1].slice('parameters.'.length));
      return d === true || (typeof d === 'string' && d !== '') ? [] : [{ external: ['manual'] }];
    }
    return undefined;
  }
  if (typeof c !== 'object' || c === null) return undefined;
  const o = c as Record<string, unknown>;
  if (Array.isArray(o.equal) && o.equal.length === 2) {
    const [a, b] = o.equal.map(String);
    const ref = PIPELINE_VALUE.exec(a!.trim()) ? a! : b!;
    const lit = ref === a ? b! : a!;
    const which = PIPELINE_VALUE.exec(ref.trim())?.[1];
    if (which === 'trigger_source') {
      if (lit === 'scheduled_pipeline') return [{ external: ['schedule'] }];
      if (lit === 'webhook') return [{ only: ['push', 'pull_request', 'tag'] }];
      if (lit === 'api') return [{ external: ['manual'] }];
      return undefined;
    }
    if (which === 'schedule.name') return [{ external: ['schedule'] }];
    if (which === 'git.branch') return [{ branches: [lit] }];
    return undefined;
  }
  if ('not' in o) {
    const inner = circleCondition(o.not, params);
    if (inner === 'never') return [];
    if (inner && inner.length === 1 && (inner[0]!.only ?? inner[0]!.external) && !inner[0]!.branches) return [{ not: inner[0]!.only ?? inner[0]!.external! }];
    return undefined;
  }
  if (Array.isArray(o.and)) {
    const parts = o.and.map((x) => circleCondition(x, params));
    if (parts.includes('never')) return 'never';
    return parts.flatMap((p) => (p === undefined || p === 'never' ? [] : p));
  }
  if (Array.isArray(o.or)) {
    const parts = o.or.map((x) => circleCondition(x, params));
    if (parts.some((p) => p === undefined || (p !== 'never' && p.length === 0))) return undefined;
    const only = parts.flatMap((p) => (p === 'never' ? [] : p!.flatMap((n) => n.only ?? [])));
    if (parts.every((p) => p === 'never' || p!.every((n) => n.only && !n.branches && !n.not && !n.external))) return only.length === 0 ? 'never' : [{ only }];
    return undefined;
  }
  return undefined;
}

/** CircleCI `.circleci/config.yml`: jobs' steps, triggered by the workflows that list them. */
export function readCircleci(file: string, text: string): CiJob[] {
  const y = parseYaml(text, 'CircleCI config');
  const root = y.root;
  if (root === null) return [];
  if (!isMap(root)) throw new Error('CircleCI config is not a mapping');
  const jobsNode = get(y, root, 'jobs');
  if (jobsNode !== undefined && !isMap(jobsNode)) throw new Error('CircleCI `jobs` is not a mapping');

  const readSteps = (list: unknown, out: CiStep[], condition?: string): void => {
    for (const st of items(y, list)) {
      const named = scalarOf(y, st);
      if (named !== undefined) {
        out.push(named.includes('/') ? usesStep(named, lineOf(y, st)) : { text: named, line: lineOf(y, st) });
        continue;
      }
      for (const { key, value } of entries(y, st)) {
        let step: CiStep | undefined;
        if (key === 'run') {
          const cmd = scalarOf(y, value) !== undefined ? value : get(y, value, 'command');
          const t = scalarOf(y, cmd);
          if (t !== undefined) step = { text: t, line: lineOf(y, cmd) };
          // `when: on_fail` runs the step only after an earlier step failed.
          const runWhen = scalarOf(y, get(y, value, 'when'));
          if (step && runWhen && runWhen !== 'on_success') step.condition = runWhen;
        } else if (key === 'when' || key === 'unless') {
          const condNode = get(y, value, 'condition');
          const cond = scalarOf(y, condNode) ?? JSON.stringify(isMap(condNode) || isSeq(condNode) ? condNode.toJSON() : '');
          const never = key === 'when' ? FALSE.test(cond) : TRUE.test(cond);
          if (!never) readSteps(get(y, value, 'steps'), out, `${key}: ${cond}`);
          continue;
        } else if (key.includes('/')) {
          step = usesStep(key, lineOf(y, st), inputsText(y, value));
        } else {
          step = { text: key, line: lineOf(y, st) };
        }
        if (step) {
          if (condition) step.condition = condition;
          out.push(step);
        }
      }
    }
  };

  interface Use {
    triggers: Set<CiTrigger>;
    branches: Set<string>;
    line?: number;
  }
  const uses = new Map<string, Use>();
  const use = (name: string): Use => {
    const u = uses.get(name) ?? { triggers: new Set<CiTrigger>(), branches: new Set<string>() };
    uses.set(name, u);
    return u;
  };
  const params = new Map<string, unknown>();
  for (const p of entries(y, get(y, root, 'parameters'))) {
    const d = get(y, p.value, 'default');
    params.set(p.key, isScalar(d) ? d.value : undefined);
  }
  const workflows = get(y, root, 'workflows');
  for (const wf of entries(y, workflows)) {
    if (wf.key === 'version' || !isMap(wf.value)) continue;
    const whenNode = get(y, wf.value, 'when');
    const unlessNode = get(y, wf.value, 'unless');
    const toJson = (n: unknown): unknown => (isMap(n) || isSeq(n) || isScalar(n) ? n.toJSON() : undefined);
    const narrowing: Narrowing[] = [];
    if (whenNode !== undefined) {
      const c = circleCondition(toJson(whenNode), params);
      if (c === 'never') continue;
      if (c) narrowing.push(...c);
    }
    if (unlessNode !== undefined) {
      const c = circleCondition({ not: toJson(unlessNode) }, params);
      if (c === 'never') continue;
      if (c) narrowing.push(...c);
    }
    const schedules = items(y, get(y, wf.value, 'triggers')).filter((t) => get(y, t, 'schedule') !== undefined);
    const scheduleBranches = schedules.flatMap((t) => strings(y, get(y, get(y, get(y, get(y, t, 'schedule'), 'filters'), 'branches'), 'only')));
    // Jobs that wait for an approval job (directly or through another job) are started by hand.
    const approvals = new Set<string>();
    const gated = new Set<string>();
    for (const j of items(y, get(y, wf.value, 'jobs'))) {
      const simple = scalarOf(y, j);
      const name = simple ?? entries(y, j)[0]?.key;
      if (!name) continue;
      const cfg = simple === undefined ? entries(y, j)[0]?.value : undefined;
      const id = scalarOf(y, get(y, cfg, 'name')) ?? name;
      if (scalarOf(y, get(y, cfg, 'type')) === 'approval') { approvals.add(id); continue; }
      if (strings(y, get(y, cfg, 'requires')).some((r) => approvals.has(r) || gated.has(r))) gated.add(id);
      const u = use(name);
      u.line ??= lineOf(y, j);
      const filters = get(y, cfg, 'filters');
      const triggers = new Set<CiTrigger>();
      const branches: string[] = [];
      if (schedules.length > 0) {
        triggers.add('schedule');
        branches.push(...scheduleBranches);
      } else if (scalarOf(y, filters) !== undefined) {
        // CircleCI's expression filters: `pipeline.git.branch == "main"`, `pipeline.git.tag =~ "v.*"`.
        const expr = scalarOf(y, filters)!;
        for (const m of expr.matchAll(/pipeline\.git\.branch\s*==\s*["']([^"']+)["']/g)) { triggers.add('push'); branches.push(m[1]!); }
        if (/pipeline\.git\.tag\b/.test(expr)) triggers.add('tag');
        if (triggers.size === 0) triggers.add('push');
      } else {
        const only = strings(y, get(y, get(y, filters, 'branches'), 'only'));
        const ignore = strings(y, get(y, get(y, filters, 'branches'), 'ignore'));
        const tags = strings(y, get(y, get(y, filters, 'tags'), 'only'));
        const noBranches = ignore.some((b) => b === '/.*/' || b === '*');
        if (!noBranches) {
          triggers.add('push');
          if (only.length === 0) triggers.add('pull_request');
          branches.push(...only);
        }
        if (tags.length > 0) triggers.add('tag');
      }
      const narrowed = narrow([...triggers], branches, narrowing);
      const final = gated.has(id) && narrowed.triggers.length > 0 ? ['manual' as const] : narrowed.triggers;
      final.forEach((t) => u.triggers.add(t));
      narrowed.branches.forEach((b) => u.branches.add(b));
    }
  }

  const jobs: CiJob[] = [];
  for (const { key: name, keyNode, value } of entries(y, jobsNode)) {
    const steps: CiStep[] = [];
    readSteps(get(y, value, 'steps'), steps);
    const u = uses.get(name);
    // Without any workflow, CircleCI 2.0 runs the job named `build` on every push.
    const legacy = workflows === undefined && name === 'build';
    const triggers: CiTrigger[] = legacy ? ['push', 'pull_request'] : [...(u?.triggers ?? [])];
    jobs.push({ file, provider: 'circleci', name, line: lineOf(y, keyNode), triggers, branches: [...(u?.branches ?? [])], steps, disabled: triggers.length === 0 });
  }
  // Orb jobs called from a workflow (`- node/test`) are jobs of their own, with the orb job as the step.
  for (const [name, u] of uses) {
    if (!name.includes('/') || jobs.some((j) => j.name === name)) continue;
    const triggers = [...u.triggers];
    jobs.push({ file, provider: 'circleci', name, line: u.line ?? 1, triggers, branches: [...u.branches], steps: [usesStep(name, u.line ?? 1)], disabled: triggers.length === 0 });
  }
  return jobs;
}

// ---------------------------------------------------------------------------------------------
// Jenkins

type Tok =
  | { kind: 'id'; value: string; line: number; pos: number }
  | { kind: 'str'; value: string; line: number; pos: number }
  | { kind: 'punct'; value: string; line: number; pos: number };

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '\n') { line++; i++; continue; }
    if (/\s/.test(c)) { i++; continue; }
    if (c === '/' && text[i + 1] === '/') { while (i < n && text[i] !== '\n') i++; continue; }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new Error(`unterminated comment at line ${line}`);
      line += (text.slice(i, end).match(/\n/g) ?? []).length;
      i = end + 2;
      continue;
    }
    if (c === "'" || c === '"') {
      const start = line;
      const pos = i;
      const triple = text.startsWith(c.repeat(3), i);
      const q = triple ? c.repeat(3) : c;
      i += q.length;
      let value = '';
      for (;;) {
        if (i >= n) throw new Error(`unterminated string at line ${start}`);
        if (text[i] === '\\') { value += text[i + 1] ?? ''; if (text[i + 1] === '\n') line++; i += 2; continue; }
        if (text.startsWith(q, i)) { i += q.length; break; }
        if (text[i] === '\n') {
          if (!triple) throw new Error(`unterminated string at line ${start}`);
          line++;
        }
        value += text[i];
        i++;
      }
      toks.push({ kind: 'str', value, line: start, pos });
      continue;
    }
    const id = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 200));
    if (id) { toks.push({ kind: 'id', value: id[0], line, pos: i }); i += id[0].length; continue; }
    toks.push({ kind: 'punct', value: c, line, pos: i });
    i++;
  }
  return toks;
}

interface Block {
  name: string;
  /** String arguments between the name and the brace (`stage('Build')`). */
  args: string[];
  line: number;
  start: number;
  end: number;
  /** Tokens directly inside the block, not inside a child block. */
  toks: Tok[];
  children: Block[];
}

function blocks(text: string): Block {
  const toks = tokenize(text);
  const top: Block = { name: '', args: [], line: 1, start: 0, end: text.length, toks: [], children: [] };
  const stack: Block[] = [top];
  let depth = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const cur = stack[stack.length - 1]!;
    if (t.kind === 'punct' && t.value === '(') depth++;
    if (t.kind === 'punct' && t.value === ')') depth--;
    if (t.kind === 'punct' && t.value === '{') {
      // The block's name: the identifier before it, skipping a parenthesised argument list.
      let j = cur.toks.length - 1;
      const args: string[] = [];
      let name = '';
      let line = t.line;
      if (j >= 0 && cur.toks[j]!.value === ')' && cur.toks[j]!.kind === 'punct') {
        let d = 0;
        for (; j >= 0; j--) {
          const p = cur.toks[j]!;
          if (p.kind === 'punct' && p.value === ')') d++;
          else if (p.kind === 'punct' && p.value === '(') { d--; if (d === 0) break; }
          else if (p.kind === 'str' && d === 1) args.unshift(p.value);
        }
        j--;
      } else {
        while (j >= 0 && cur.toks[j]!.kind === 'str') { args.unshift(cur.toks[j]!.value); j--; }
      }
      const prev = cur.toks[j];
      if (prev?.kind === 'id') { name = prev.value; line = prev.line; }
      const b: Block = { name, args, line, start: prev?.pos ?? t.pos, end: t.pos, toks: [], children: [] };
      cur.children.push(b);
      stack.push(b);
      continue;
    }
    if (t.kind === 'punct' && t.value === '}') {
      if (stack.length === 1) throw new Error(`unbalanced } at line ${t.line}`);
      stack.pop()!.end = t.pos + 1;
      continue;
    }
    cur.toks.push(t);
  }
  if (stack.length > 1) throw new Error(`unclosed { of ${stack[stack.length - 1]!.name || 'block'} at line ${stack[stack.length - 1]!.line}`);
  if (depth !== 0) throw new Error('unbalanced parentheses');
  return top;
}

const SHELL = new Set(['sh', 'bat', 'powershell', 'pwsh']);

/** `sh '...'`, `sh "..."`, `sh """..."""`, `sh(script: '...')`, `bat`, `powershell` calls in a block and its children. */
function shellSteps(b: Block, out: CiStep[] = []): CiStep[] {
  const all: (Tok | Block)[] = [...b.toks, ...b.children].sort((p, q) => ('pos' in p ? p.pos : p.start) - ('pos' in q ? q.pos : q.start));
  for (let i = 0; i < all.length; i++) {
    const t = all[i]!;
    if ('children' in t) { shellSteps(t, out); continue; }
    if (t.kind !== 'id' || !SHELL.has(t.value)) continue;
    // The first string of the call: `sh 'x'`, `sh('x')`, `sh(script: 'x', returnStdout: true)`, `sh label: 'l', script: 'x'`.
    let script: string | undefined;
    let first: string | undefined;
    for (let j = i + 1; j < all.length && j < i + 12; j++) {
      const u = all[j]!;
      if ('children' in u) break;
      if (u.line !== t.line && u.kind === 'id') break;
      if (u.kind === 'str') {
        first ??= u.value;
        const k = all[j - 2];
        if (k && !('children' in k) && k.kind === 'id' && k.value === 'script') { script = u.value; break; }
        if (all[j + 1] === undefined || 'children' in all[j + 1]! || (all[j + 1] as Tok).value !== ',') break;
      }
    }
    const cmd = script ?? first;
    if (cmd !== undefined) out.push({ text: cmd.trim(), line: t.line });
  }
  return out;
}

function child(b: Block | undefined, name: string): Block | undefined {
  return b?.children.find((c) => c.name === name);
}

interface When {
  triggers?: CiTrigger[];
  branches: string[];
  disabled: boolean;
  condition?: string;
}

function readWhen(text: string, when: Block | undefined, outer: When): When {
  if (!when) return outer;
  const out: When = { ...outer, branches: [...outer.branches] };
  out.condition = text.slice(when.start, when.end).replace(/\s+/g, ' ');
  const toks = [...when.toks, ...when.children.filter((c) => c.name === 'anyOf' || c.name === 'allOf').flatMap((c) => c.toks)];
  const triggers = new Set<CiTrigger>();
  toks.forEach((t, i) => {
    if (t.kind !== 'id') return;
    const next = toks.slice(i + 1, i + 8).find((u) => u.kind === 'str' || u.kind === 'id');
    if (t.value === 'branch' && next?.kind === 'str') { out.branches.push(next.value); triggers.add('push'); }
    else if (t.value === 'branch' && next?.kind === 'id' && next.value === 'pattern') {
      const s = toks.slice(i + 1, i + 8).find((u) => u.kind === 'str');
      if (s) { out.branches.push(s.value); triggers.add('push'); }
    } else if (t.value === 'tag' || t.value === 'buildingTag') triggers.add('tag');
    else if (t.value === 'changeRequest') triggers.add('pull_request');
    else if (t.value === 'triggeredBy') {
      const cause = toks.slice(i + 1, i + 8).find((u) => u.kind === 'str');
      if (cause) triggers.add(/Timer/.test(cause.value) ? 'schedule' : /User/.test(cause.value) ? 'manual' : /SCM|BranchEvent|BranchIndexing/.test(cause.value) ? 'push' : 'other');
    }
  });
  if (triggers.size > 0) out.triggers = [...(outer.triggers ?? [...triggers]).filter((t) => triggers.has(t) || !outer.triggers)];
  const expr = child(when, 'expression');
  if (expr) {
    const body = expr.toks.map((t) => t.value).join(' ').trim();
    if (/^(?:return\s+)?false\s*;?$/.test(body)) out.disabled = true;
    // A stage that runs when a build parameter says so is started by hand (Build with Parameters).
    else if (/\bparams\s*\.\s*\w+/.test(body)) out.triggers = (out.triggers ?? ['push']).length > 0 ? ['manual'] : [];
  }
  return out;
}

/** Jenkinsfile: declarative pipelines as one job per stage; scripted pipelines as one job. */
export function readJenkinsfile(file: string, text: string): CiJob[] {
  const top = blocks(text);
  const pipeline = child(top, 'pipeline');
  const base: CiTrigger[] = ['push', 'pull_request'];
  if (!pipeline) {
    const steps = shellSteps(top);
    return [{ file, provider: 'jenkins', name: file, line: 1, triggers: base, branches: [], steps, disabled: false }];
  }
  const triggersBlock = child(pipeline, 'triggers');
  const triggers = new Set<CiTrigger>(base);
  for (const t of triggersBlock?.toks ?? []) {
    if (t.kind !== 'id') continue;
    if (t.value === 'cron' || t.value === 'parameterizedCron') triggers.add('schedule');
    else if (t.value === 'upstream') triggers.add('other');
  }
  const jobs: CiJob[] = [];
  /** `post { failure { ... } }` (and `unsuccessful`) of a stage or the pipeline: a job that runs when the build failed. */
  const postJobs = (owner: Block, name: string, when: When): void => {
    for (const cond of child(owner, 'post')?.children ?? []) {
      if (cond.name !== 'failure' && cond.name !== 'unsuccessful') continue;
      const steps = shellSteps(cond);
      if (steps.length === 0) continue;
      jobs.push({
        file, provider: 'jenkins', name: `${name} post ${cond.name}`, line: cond.line,
        triggers: when.triggers ?? [...triggers], branches: when.branches, steps, disabled: when.disabled, condition: `post { ${cond.name} }`,
      });
    }
  };
  const walk = (container: Block | undefined, outer: When): void => {
    for (const stage of container?.children ?? []) {
      if (stage.name !== 'stage') continue;
      const when: When = { ...readWhen(text, child(stage, 'when'), outer) };
      // An `input` directive or step waits for someone to approve: the stage is started by hand.
      if (child(stage, 'input') || stage.children.filter((c) => c.name === 'steps').some(asksForInput)) {
        when.triggers = (when.triggers ?? [...triggers]).length > 0 ? ['manual'] : [];
      }
      const stepsBlocks = stage.children.filter((c) => c.name === 'steps');
      if (stepsBlocks.length > 0) {
        const steps = stepsBlocks.flatMap((b) => shellSteps(b));
        const job: CiJob = {
          file, provider: 'jenkins', name: stage.args[0] ?? 'stage', line: stage.line,
          triggers: when.triggers ?? [...triggers], branches: when.branches, steps, disabled: when.disabled,
        };
        if (when.condition) job.condition = when.condition;
        jobs.push(job);
      }
      postJobs(stage, stage.args[0] ?? 'stage', when);
      walk(child(stage, 'stages'), when);
      walk(child(stage, 'parallel'), when);
      walk(child(child(stage, 'matrix'), 'stages'), when);
    }
  };
  walk(child(pipeline, 'stages'), { branches: [], disabled: false });
  postJobs(pipeline, 'pipeline', { branches: [], disabled: false });
  return jobs;
}

/** An `input` step in a block or its children (`input message: 'Deploy?'`, `input 'Deploy?'`, `input(...)`). */
function asksForInput(b: Block): boolean {
  return b.toks.some((t, i) => t.kind === 'id' && t.value === 'input' && ['str', 'id'].includes(b.toks[i + 1]?.kind ?? '') || (t.kind === 'id' && t.value === 'input' && b.toks[i + 1]?.value === '(')) || b.children.some(asksForInput);
}

// ---------------------------------------------------------------------------------------------
// Azure Pipelines

function azureFilter(y: Yaml, node: unknown): { none: boolean; branches: string[]; tags: boolean; given: boolean } {
  if (node === undefined) return { none: false, branches: [], tags: false, given: false };
  const s = scalarOf(y, node);
  if (s !== undefined) return { none: s === 'none' || FALSE.test(s), branches: [], tags: false, given: true };
  if (isSeq(node)) return { none: false, branches: strings(y, node), tags: false, given: true };
  const br = get(y, node, 'branches');
  const branches = isSeq(br) ? strings(y, br) : strings(y, get(y, br, 'include'));
  const tags = get(y, node, 'tags') !== undefined;
  const enabled = scalarOf(y, get(y, node, 'enabled'));
  return { none: enabled !== undefined && FALSE.test(enabled), branches, tags, given: true };
}

const AZURE_REASONS: Record<string, CiTrigger> = {
  pullrequest: 'pull_request',
  schedule: 'schedule',
  manual: 'manual',
  individualci: 'push',
  batchedci: 'push',
  resourcetrigger: 'other',
  buildcompletion: 'other',
};

/** `variables['Build.Reason']`, `variables.Build.Reason`, `$(Build.Reason)`. */
const azureVar = (name: string): string => `(?:variables\\[\\s*['"]${name}['"]\\s*\\]|variables\\.${name}|\\$\\(${name}\\))`;
const AZ_REASON = azureVar('Build\\.Reason');
const AZ_BRANCH = azureVar('Build\\.SourceBranch');
const AZ_BRANCH_NAME = azureVar('Build\\.SourceBranchName');

/**
 * What an Azure condition or template expression says about when a job runs: Build.Reason
 * (pull request, schedule, manual, CI), Build.SourceBranch (a branch, tags) and boolean pipeline
 * parameters that default to false (set when someone queues the run by hand). `or(...)` and
 * other negations are not read: they narrow nothing.
 */
function azureNarrowing(expr: string | undefined, params: ReadonlyMap<string, string | undefined>): Narrowing[] {
  if (!expr) return [];
  const reasons = (list: string): CiTrigger[] => [...list.matchAll(/'(\w+)'/g)].map((m) => AZURE_REASONS[m[1]!.toLowerCase()] ?? 'other');
  const out: Narrowing[] = [];
  let e = expr.replace(/\s+/g, ' ');
  // Anyone can queue a pipeline by hand: `Build.Reason == 'Manual'` keeps the job, as started by hand.
  if (new RegExp(`\\beq\\(\\s*${AZ_REASON}\\s*,\\s*'Manual'\\s*\\)`, 'i').test(e) && !/\bor\(/i.test(e)) out.push({ external: ['manual'] });
  e = e.replace(new RegExp(`\\beq\\(\\s*${AZ_REASON}\\s*,\\s*'Manual'\\s*\\)`, 'gi'), 'true');
  for (const m of e.matchAll(new RegExp(`not\\(\\s*eq\\(\\s*${AZ_REASON}\\s*,\\s*('\\w+')\\s*\\)\\s*\\)`, 'gi'))) out.push({ not: reasons(m[1]!) });
  e = e.replace(new RegExp(`not\\(\\s*eq\\(\\s*${AZ_REASON}\\s*,\\s*'\\w+'\\s*\\)\\s*\\)`, 'gi'), 'true');
  if (/\bor\(|\bnot\(|\bxor\(/i.test(e)) return out;
  for (const m of e.matchAll(new RegExp(`\\b(eq|ne|in|notIn)\\(\\s*${AZ_REASON}\\s*,((?:\\s*'\\w+'\\s*,?)+)\\)`, 'gi'))) {
    const op = m[1]!.toLowerCase();
    out.push(op === 'eq' || op === 'in' ? { only: reasons(m[2]!) } : { not: reasons(m[2]!) });
  }
  for (const m of e.matchAll(new RegExp(`\\beq\\(\\s*${AZ_BRANCH}\\s*,\\s*'refs/heads/([^']+)'\\s*\\)`, 'gi'))) out.push({ branches: [m[1]!] });
  for (const m of e.matchAll(new RegExp(`\\beq\\(\\s*${AZ_BRANCH_NAME}\\s*,\\s*'([^']+)'\\s*\\)`, 'gi'))) out.push({ branches: [m[1]!] });
  if (new RegExp(`\\bstartsWith\\(\\s*${AZ_BRANCH}\\s*,\\s*'refs/tags/?'\\s*\\)`, 'i').test(e)) out.push({ only: ['tag'] });
  for (const m of e.matchAll(/(?:\beq\(\s*)?parameters(?:\.([\w-]+)|\[\s*'([\w-]+)'\s*\])(?:\s*,\s*'?(true|false)'?\s*\))?/gi)) {
    const name = m[1] ?? m[2]!;
    if (!params.has(name) || (m[3] !== undefined && m[3].toLowerCase() !== 'true')) continue;
    const d = params.get(name);
    if (d === undefined || FALSE.test(d)) out.push({ external: ['manual'] });
  }
  return out;
}

/** Azure Pipelines: `trigger`/`pr`/`schedules`, and the steps of `stages[].jobs[]`, `jobs[]` or top-level `steps`. */
export function readAzure(file: string, text: string): CiJob[] {
  const y = parseYaml(text, 'Azure pipeline');
  const root = y.root;
  if (root === null) return [];
  if (!isMap(root)) throw new Error('Azure pipeline is not a mapping');
  const trigger = azureFilter(y, get(y, root, 'trigger'));
  const pr = azureFilter(y, get(y, root, 'pr'));
  const triggers: CiTrigger[] = [];
  if (!trigger.none && !(trigger.given && trigger.branches.length === 0 && trigger.tags && !isSeq(get(y, root, 'trigger')) && get(y, get(y, root, 'trigger'), 'branches') === undefined)) triggers.push('push');
  if (trigger.tags) triggers.push('tag');
  if (!pr.none) triggers.push('pull_request');
  if (items(y, get(y, root, 'schedules')).length > 0) triggers.push('schedule');
  if (items(y, get(y, get(y, root, 'resources'), 'pipelines')).some((p) => get(y, p, 'trigger') !== undefined)) triggers.push('other');
  // `trigger: none` and `pr: none` with nothing else: the pipeline is queued by hand.
  if (triggers.length === 0) triggers.push('manual');
  const branches = trigger.none ? [] : trigger.branches;
  const params = new Map<string, string | undefined>();
  for (const p of items(y, get(y, root, 'parameters'))) {
    const name = scalarOf(y, get(y, p, 'name'));
    if (name) params.set(name, scalarOf(y, get(y, p, 'default')));
  }

  /** List items with `${{ if }}`, `${{ elseif }}`, `${{ else }}` and `${{ each }}` template entries expanded. */
  const expand = (list: unknown, conds: readonly string[] = []): { node: unknown; conds: string[] }[] => {
    const out: { node: unknown; conds: string[] }[] = [];
    for (const it of items(y, list)) {
      const es = entries(y, it);
      const m = es.length === 1 ? /^\$\{\{\s*(if|elseif|else|each)\b\s*(.*?)\s*\}\}$/.exec(es[0]!.key) : null;
      if (!m) { out.push({ node: it, conds: [...conds] }); continue; }
      if (m[1] === 'if' || m[1] === 'elseif') {
        if (FALSE.test(m[2]!)) continue;
        out.push(...expand(es[0]!.value, [...conds, m[2]!]));
      } else out.push(...expand(es[0]!.value, conds));
    }
    return out;
  };

  const readSteps = (list: unknown): CiStep[] => {
    const out: CiStep[] = [];
    for (const { node: st, conds } of expand(list)) {
      let step: CiStep | undefined;
      for (const key of ['script', 'bash', 'pwsh', 'powershell']) {
        const v = get(y, st, key);
        const t = scalarOf(y, v);
        if (t !== undefined) { step = { text: t, line: lineOf(y, v) }; break; }
      }
      const task = scalarOf(y, get(y, st, 'task'));
      if (!step && task) step = usesStep(task, lineOf(y, st), inputsText(y, get(y, st, 'inputs')));
      if (!step) continue;
      const condition = [...conds, scalarOf(y, get(y, st, 'condition'))].filter((c): c is string => c !== undefined);
      const enabled = scalarOf(y, get(y, st, 'enabled'));
      if (enabled !== undefined && FALSE.test(enabled)) step.condition = 'false';
      else if (condition.length > 0) step.condition = condition.join(' && ');
      out.push(step);
    }
    return out;
  };
  /** Steps of a deployment job's strategy (`runOnce.deploy.steps`, `canary.deploy.steps`, `on.failure.steps`, …). */
  const strategySteps = (node: unknown, depth = 0, path = ''): CiStep[] => {
    if (depth > 4) return [];
    return entries(y, node).flatMap((e) => {
      if (e.key !== 'steps') return strategySteps(e.value, depth + 1, `${path}.${e.key}`);
      const steps = readSteps(e.value);
      // `on: failure:` hooks of a deployment strategy run when the deployment failed.
      if (/\.on\.failure$/.test(path)) for (const st of steps) st.condition = st.condition ? `failed() && ${st.condition}` : 'failed()';
      return steps;
    });
  };

  const jobs: CiJob[] = [];
  const addJob = (j: unknown, stageConds: readonly string[], fallback: string, templateConds: readonly string[]): void => {
    if (get(y, j, 'template') !== undefined) return;
    const nameNode = get(y, j, 'job') ?? get(y, j, 'deployment');
    const name = scalarOf(y, nameNode) ?? scalarOf(y, get(y, j, 'displayName')) ?? fallback;
    const steps = [...readSteps(get(y, j, 'steps')), ...strategySteps(get(y, j, 'strategy'))];
    const own = scalarOf(y, get(y, j, 'condition'));
    const all = [...stageConds, ...templateConds, ...(own !== undefined ? [own] : [])];
    const narrowed = narrow(triggers, branches, all.flatMap((c) => azureNarrowing(c, params)));
    const disabled = all.some((c) => FALSE.test(c)) || narrowed.triggers.length === 0;
    const job: CiJob = { file, provider: 'azure-pipelines', name, line: lineOf(y, j), triggers: narrowed.triggers, branches: narrowed.branches, steps, disabled };
    const shown = own ?? stageConds[stageConds.length - 1] ?? templateConds[templateConds.length - 1];
    if (shown !== undefined) job.condition = shown;
    jobs.push(job);
  };
  const stages = get(y, root, 'stages');
  if (stages !== undefined) {
    if (!isSeq(stages)) throw new Error('Azure `stages` is not a list');
    for (const { node: stage, conds } of expand(stages)) {
      const cond = scalarOf(y, get(y, stage, 'condition'));
      const stageConds = [...conds, ...(cond !== undefined ? [cond] : [])];
      expand(get(y, stage, 'jobs')).forEach(({ node: j, conds: jc }, i) => addJob(j, stageConds, `${scalarOf(y, get(y, stage, 'stage')) ?? 'stage'} job ${i + 1}`, jc));
    }
  }
  const jobsNode = get(y, root, 'jobs');
  if (jobsNode !== undefined && !isSeq(jobsNode)) throw new Error('Azure `jobs` is not a list');
  expand(jobsNode).forEach(({ node: j, conds }, i) => addJob(j, [], `job ${i + 1}`, conds));
  const stepsNode = get(y, root, 'steps');
  if (stepsNode !== undefined) {
    if (!isSeq(stepsNode)) throw new Error('Azure `steps` is not a list');
    jobs.push({ file, provider: 'azure-pipelines', name: 'Job', line: lineOf(y, stepsNode), triggers, branches, steps: readSteps(stepsNode), disabled: false });
  }
  return jobs;
}

// ---------------------------------------------------------------------------------------------
// Bitbucket Pipelines

/** Bitbucket Pipelines: each `step` of `default`, `branches`, `pull-requests`, `tags` and `custom` pipelines is a job. */
export function readBitbucket(file: string, text: string): CiJob[] {
  const y = parseYaml(text, 'Bitbucket pipeline');
  const root = y.root;
  if (root === null) return [];
  if (!isMap(root)) throw new Error('Bitbucket pipeline is not a mapping');
  const pipelines = get(y, root, 'pipelines');
  if (pipelines === undefined) throw new Error('Bitbucket pipeline has no `pipelines` section');
  if (!isMap(pipelines)) throw new Error('Bitbucket `pipelines` is not a mapping');
  const jobs: CiJob[] = [];

  const scriptSteps = (list: unknown): CiStep[] => {
    const out: CiStep[] = [];
    for (const item of items(y, list)) {
      const t = scalarOf(y, item);
      if (t !== undefined) { out.push({ text: t, line: lineOf(y, item) }); continue; }
      const pipe = scalarOf(y, get(y, item, 'pipe'));
      if (pipe) out.push(usesStep(pipe, lineOf(y, item), inputsText(y, get(y, item, 'variables'))));
    }
    return out;
  };
  const addStep = (step: unknown, line: number, triggers: CiTrigger[], branches: string[], label: string): void => {
    const name = scalarOf(y, get(y, step, 'name')) ?? `${label} step ${jobs.filter((j) => j.name.startsWith(label)).length + 1}`;
    const manual = scalarOf(y, get(y, step, 'trigger')) === 'manual';
    const job: CiJob = {
      file, provider: 'bitbucket', name, line, triggers: manual ? ['manual'] : triggers, branches,
      steps: [...scriptSteps(get(y, step, 'script')), ...scriptSteps(get(y, step, 'after-script'))], disabled: false,
    };
    const cond = get(y, step, 'condition');
    if (cond !== undefined) {
      // `condition: changesets: includePaths: [...]`: the step runs when a push changes one of the paths.
      const paths = get(y, get(y, cond, 'changesets'), 'includePaths');
      if (paths !== undefined) {
        const list = strings(y, paths);
        job.condition = `changesets.includePaths: ${list.join(', ')}`;
        if (list.length === 0) job.disabled = true;
      } else job.condition = JSON.stringify(isMap(cond) || isSeq(cond) ? cond.toJSON() : scalarOf(y, cond));
    }
    jobs.push(job);
  };
  const readList = (list: unknown, triggers: CiTrigger[], branches: string[], label: string): void => {
    const s = res(y, list);
    if (s !== undefined && s !== null && !isSeq(s)) throw new Error(`Bitbucket pipeline \`${label}\` is not a list of steps`);
    for (const item of items(y, list)) {
      const step = get(y, item, 'step');
      if (step !== undefined) { addStep(step, lineOf(y, item), triggers, branches, label); continue; }
      const parallel = get(y, item, 'parallel');
      if (parallel !== undefined) { readList(isSeq(parallel) ? parallel : get(y, parallel, 'steps'), triggers, branches, label); continue; }
      const stage = get(y, item, 'stage');
      if (stage !== undefined) {
        const manual = scalarOf(y, get(y, stage, 'trigger')) === 'manual';
        readList(get(y, stage, 'steps'), manual ? ['manual'] : triggers, branches, label);
      }
    }
  };
  for (const { key, value } of entries(y, pipelines)) {
    if (key === 'default') readList(value, ['push'], [], 'default');
    else if (key === 'branches') for (const b of entries(y, value)) readList(b.value, ['push'], [b.key], `branches ${b.key}`);
    else if (key === 'pull-requests') for (const b of entries(y, value)) readList(b.value, ['pull_request'], [], `pull-requests ${b.key}`);
    else if (key === 'tags') for (const b of entries(y, value)) readList(b.value, ['tag'], [], `tags ${b.key}`);
    else if (key === 'custom') for (const b of entries(y, value)) readList(b.value, ['manual'], [], `custom ${b.key}`);
    else if (key === 'bookmarks') for (const b of entries(y, value)) readList(b.value, ['push'], [b.key], `bookmarks ${b.key}`);
  }
  return jobs;
}

// ---------------------------------------------------------------------------------------------
// Buildkite

/** Buildkite `.buildkite/*.yml`: each command step is a job; `block`, `wait`, `input` and `trigger` steps are skipped. */
export function readBuildkite(file: string, text: string): CiJob[] {
  const y = parseYaml(text, 'Buildkite pipeline');
  const root = y.root;
  if (root === null) return [];
  const list = isSeq(root) ? root : get(y, root, 'steps');
  if (list === undefined) return [];
  if (!isSeq(list)) throw new Error('Buildkite `steps` is not a list');
  const jobs: CiJob[] = [];
  const branchList = (st: unknown): string[] => (scalarOf(y, get(y, st, 'branches')) ?? strings(y, get(y, st, 'branches')).join(' ')).split(/\s+/).filter(Boolean);
  /** Branch filters of the `block`/`input` steps passed so far (an empty list: every branch); later steps wait for a human there. */
  const blocks: string[][] = [];
  const walk = (steps: unknown, outerIf?: string): void => {
    for (const st of items(y, steps)) {
      const shorthand = scalarOf(y, st);
      if (shorthand !== undefined) { // `- wait`, `- block` shorthand
        if (shorthand === 'block' || shorthand === 'input') blocks.push([]);
        continue;
      }
      if (['block', 'input'].some((k) => get(y, st, k) !== undefined) && scalarOf(y, get(y, st, 'if')) === undefined) blocks.push(branchList(st));
      if (['block', 'wait', 'input', 'trigger', 'waiter'].some((k) => get(y, st, k) !== undefined)) continue;
      const group = get(y, st, 'steps');
      if (group !== undefined) { walk(group, scalarOf(y, get(y, st, 'if')) ?? outerIf); continue; }
      const cmdNode = get(y, st, 'command') ?? get(y, st, 'commands');
      const steps: CiStep[] = [];
      for (const p of items(y, get(y, st, 'plugins'))) {
        const s = scalarOf(y, p);
        if (s !== undefined) steps.push(usesStep(s, lineOf(y, p)));
        else for (const e of entries(y, p)) steps.push(usesStep(e.key, lineOf(y, e.keyNode), inputsText(y, e.value)));
      }
      for (const [k, v] of entries(y, get(y, st, 'plugins')).map((e) => [e.key, e] as const)) steps.push(usesStep(k, lineOf(y, v.keyNode), inputsText(y, v.value)));
      const single = scalarOf(y, cmdNode);
      if (single !== undefined) steps.push({ text: single, line: lineOf(y, cmdNode) });
      else for (const c of items(y, cmdNode)) { const t = scalarOf(y, c); if (t !== undefined) steps.push({ text: t, line: lineOf(y, c) }); }
      if (steps.length === 0 && cmdNode === undefined) continue;
      const branchFilter = branchList(st);
      const cond = [outerIf, scalarOf(y, get(y, st, 'if'))].filter(Boolean).join(' && ') || undefined;
      const triggers = new Set<CiTrigger>();
      const branches = branchFilter.filter((b) => !b.startsWith('!'));
      if (cond && /build\.tag\s*(?:!=\s*null|=~|==)/.test(cond)) triggers.add('tag');
      if (cond && /build\.pull_request\.id\s*!=\s*null/.test(cond)) triggers.add('pull_request');
      if (cond && /build\.source\s*==\s*["']schedule["']/.test(cond)) triggers.add('schedule');
      if (cond && /build\.source\s*==\s*["']ui["']/.test(cond)) triggers.add('manual');
      for (const m of cond?.matchAll(/build\.branch\s*==\s*["']([^"']+)["']/g) ?? []) { branches.push(m[1]!); triggers.add('push'); }
      if (cond && /build\.pull_request\.id\s*==\s*null/.test(cond)) triggers.add('push');
      if (cond && /build\.branch\s*==\s*pipeline\.default_branch/.test(cond)) triggers.add('push');
      if (cond && /build\.source\s*==\s*["'](?:api|trigger_job)["']/.test(cond)) triggers.add('other');
      if (triggers.size === 0) { triggers.add('push'); if (branches.length === 0) triggers.add('pull_request'); }
      // After a block step that applies to the step's branches, someone has to unblock the build.
      const own = branches.filter((b) => !b.startsWith('!'));
      if (blocks.some((bl) => bl.length === 0 || (own.length > 0 && own.every((b) => bl.includes(b))))) { triggers.clear(); triggers.add('manual'); }
      const label = scalarOf(y, get(y, st, 'label')) ?? scalarOf(y, get(y, st, 'name')) ?? scalarOf(y, get(y, st, 'key')) ?? `step ${jobs.length + 1}`;
      const skip = scalarOf(y, get(y, st, 'skip'));
      const disabled = (skip !== undefined && !FALSE.test(skip)) || (cond !== undefined && FALSE.test(cond));
      const job: CiJob = { file, provider: 'buildkite', name: label, line: lineOf(y, st), triggers: [...triggers], branches, steps, disabled };
      if (cond) job.condition = cond;
      jobs.push(job);
    }
  };
  walk(list);
  return jobs;
}
