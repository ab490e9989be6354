import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { defineDetector, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, Match } from '../../core/types.ts';
import { blankComments, excerpt, lineAt, lineStarts } from '../../util/text.ts';

const PM2_GLOBS = [
  '**/ecosystem.config.{js,cjs,mjs,json,yaml,yml}',
  '**/ecosystem.{json,yaml,yml}',
  '**/pm2.config.{js,cjs,mjs,json}',
  '**/pm2.{json,yaml,yml}',
];
const PROCFILE_GLOBS = ['Procfile', '**/Procfile'];
/** Names of apps and deployments that do work outside requests. */
const WORKER = /worker|consumer|cron|clock|scheduler|celery|sidekiq|queue|jobs?\b|processor|poller|subscriber|listener|daemon/i;
/** Deployments named `queue` are often the broker itself, so Kubernetes names need a stricter word. */
const K8S_WORKER = /worker|consumer|cron|scheduler|celery|sidekiq|processor|poller|subscriber|listener/i;
/** Heroku routes HTTP only to `web`; `release` runs once per deploy. */
const NOT_WORKER_PROCESS = new Set(['web', 'release']);
const SKIP_ROLES = new Set(['test', 'fixture', 'vendored', 'generated', 'docs']);

interface WorkerDef {
  path: string;
  line: number;
  excerpt: string;
  kind: string;
  name: string;
  /** Instances, or undefined when the file does not fix it. */
  size: number | undefined;
}

/** PM2 `instances`: a positive count, or undefined for 'max', 0, -1 and expressions. */
function pm2Size(raw: string | undefined, present: boolean): number | undefined {
  if (!present) return 1; // fork mode, one process
  if (raw === undefined) return undefined;
  const n = Number(raw.replace(/["'`]/g, ''));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The `apps: [ {...}, ... ]` objects of a JS or JSON ecosystem file, with the line of each. */
function pm2AppsFromCode(path: string, text: string, code: string): WorkerDef[] {
  const starts = lineStarts(text);
  const apps = /["']?apps["']?\s*:\s*\[/.exec(code);
  if (!apps) return [];
  const out: WorkerDef[] = [];
  let depth = 0;
  let objStart = -1;
  let quote = '';
  for (let i = apps.index + apps[0].length; i < code.length; i++) {
    const ch = code[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '{' || ch === '[') {
      if (depth === 0 && ch === '{') objStart = i;
      depth++;
    } else if (ch === '}' || ch === ']') {
      if (depth === 0) break; // end of the apps array
      depth--;
      if (depth === 0 && ch === '}' && objStart >= 0) {
        const body = code.slice(objStart, i + 1);
        const field = (key: string): string | undefined =>
          new RegExp(`["']?${key}["']?\\s*:\\s*(["'\`][^"'\`]*["'\`]|-?\\d+)`).exec(body)?.[1];
        const name = field('name')?.replace(/["'`]/g, '');
        const script = field('script')?.replace(/["'`]/g, '');
        const label = name ?? script ?? '';
        const nameAt = /["']?name["']?\s*:/.exec(body);
        const line = lineAt(starts, objStart + (nameAt?.index ?? 0));
        const lineText = text.slice(starts[line - 1], starts[line] ?? text.length);
        if (WORKER.test(name ?? '') || WORKER.test(script ?? '')) {
          out.push({ path, line, excerpt: excerpt(lineText), kind: 'PM2 app', name: label, size: pm2Size(field('instances'), /["']?instances["']?\s*:/.test(body)) });
        }
        objStart = -1;
      }
    }
  }
  return out;
}

function pm2AppsFromYaml(path: string, text: string): WorkerDef[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return [];
  const apps = doc.contents.get('apps', true);
  if (!isSeq(apps)) return [];
  const lines = text.split('\n');
  const out: WorkerDef[] = [];
  for (const app of apps.items) {
    if (!isMap(app)) continue;
    const str = (k: string): string | undefined => {
      const v = app.get(k, true);
      return isScalar(v) && v.value !== null ? String(v.value) : undefined;
    };
    const name = str('name');
    const script = str('script');
    if (!WORKER.test(name ?? '') && !WORKER.test(script ?? '')) continue;
    const range = (app as Node).range;
    const line = range ? lc.linePos(range[0]).line : 1;
    out.push({ path, line, excerpt: excerpt(lines[line - 1] ?? ''), kind: 'PM2 app', name: name ?? script ?? '', size: pm2Size(str('instances'), app.has('instances')) });
  }
  return out;
}

function procfileTypes(path: string, text: string): WorkerDef[] {
  const out: WorkerDef[] = [];
  text.split('\n').forEach((raw, i) => {
    const m = /^([A-Za-z0-9_-]+)\s*:\s*\S/.exec(raw);
    if (!m || NOT_WORKER_PROCESS.has(m[1]!.toLowerCase())) return;
    // Dyno counts are set with `heroku ps:scale`, not in the Procfile.
    out.push({ path, line: i + 1, excerpt: excerpt(raw), kind: 'Procfile process', name: m[1]!, size: undefined });
  });
  return out;
}

/** Worker-named Deployments and StatefulSets, one per YAML document, from line matches. */
function k8sWorkers(lines: readonly Match[]): WorkerDef[] {
  const byFile = new Map<string, Match[]>();
  for (const m of lines) byFile.set(m.path, [...(byFile.get(m.path) ?? []), m]);
  const out: WorkerDef[] = [];
  for (const [path, ms] of byFile) {
    const autoscaled = ms.some((m) => m.groups[0] === 'HorizontalPodAutoscaler' || m.groups[0] === 'ScaledObject');
    let doc: { kind?: string; name?: Match; replicas?: string } = {};
    const flush = (): void => {
      if ((doc.kind === 'Deployment' || doc.kind === 'StatefulSet') && doc.name && K8S_WORKER.test(doc.name.groups[1] ?? '')) {
        const n = doc.replicas === undefined ? (autoscaled ? undefined : 1) : Number(doc.replicas);
        out.push({
          path,
          line: doc.name.line,
          excerpt: doc.name.excerpt,
          kind: `Kubernetes ${doc.kind}`,
          name: (doc.name.groups[1] ?? '').replace(/["']/g, ''),
          size: n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined,
        });
      }
      doc = {};
    };
    for (const m of ms) {
      if (m.text.startsWith('---')) flush();
      else if (m.groups[0] !== undefined) doc.kind = m.groups[0];
      else if (m.groups[1] !== undefined) doc.name ??= m;
      else if (m.groups[2] !== undefined) doc.replicas = m.groups[2];
    }
    flush();
  }
  return out;
}

export default defineDetector({
  id: 'runs-worker-fleet',
  pillar: 'background',
  question: 'Does the platform declare dedicated worker processes (PM2 apps, Procfile process types, worker deployments)?',
  rationale:
    'Workers declared as their own processes can be scaled and restarted apart from the request fleet; their count shows the worker topology.',
  measures: {
    'worker-processes': { unit: 'processes', description: 'Sum of declared worker instances (omitted when any count is not fixed in the files)' },
    'worker-definitions': { unit: 'definitions', description: 'Worker apps, process types and deployments declared' },
  },
  contents: [...PM2_GLOBS, ...PROCFILE_GLOBS],
  patterns: {
    k8s: {
      // Document separators, top-level kind, metadata name and spec replicas (2-space indent).
      regex: /^(?:---|kind:[ \t]*["']?(\w+)["']?|[ ]{2}name:[ \t]*(.+?)|[ ]{2}replicas:[ \t]*(.+?))[ \t]*$/m,
      literals: ['kind:'],
      roles: ['iac', 'config'],
      languages: ['yaml'],
      maxPerFile: 5000,
    },
  },
  detect({ repo, matches }) {
    const defs: WorkerDef[] = [];
    for (const f of repo.glob(PM2_GLOBS)) {
      if (SKIP_ROLES.has(f.role)) continue;
      const text = repo.text(f.path);
      if (text === undefined) continue;
      if (f.language === 'yaml') defs.push(...pm2AppsFromYaml(f.path, text));
      else defs.push(...pm2AppsFromCode(f.path, text, blankComments(text, f.language)));
    }
    for (const f of repo.glob(PROCFILE_GLOBS)) {
      if (SKIP_ROLES.has(f.role)) continue;
      const text = repo.text(f.path);
      if (text !== undefined) defs.push(...procfileTypes(f.path, text));
    }
    defs.push(...k8sWorkers(matches('k8s')));

    if (defs.length === 0) {
      return no('No worker process is declared in PM2 ecosystem files, Procfiles or worker-named Kubernetes deployments.', [], {
        'worker-definitions': { value: 0, unit: 'definitions' },
      });
    }
    const known = defs.every((d) => d.size !== undefined);
    const total = defs.reduce((s, d) => s + (d.size ?? 0), 0);
    const measures: Record<string, { value: number; unit: string }> = { 'worker-definitions': { value: defs.length, unit: 'definitions' } };
    if (known) measures['worker-processes'] = { value: total, unit: 'processes' };
    const evidence: EvidenceItem[] = defs.slice(0, 10).map((d) => {
      const e: EvidenceItem = {
        path: d.path,
        line: d.line,
        excerpt: d.excerpt,
        note: `${d.kind} '${d.name}': ${d.size === undefined ? 'instance count not fixed' : `${d.size} instance(s)`}`,
      };
      if (d.size !== undefined) e.value = d.size;
      return e;
    });
    const size = known ? `${total} worker process(es)` : 'worker count not fixed in the files';
    return yes(`${defs.length} worker definition(s) declared (${size}): ${defs.slice(0, 5).map((d) => d.name).join(', ')}.`, evidence, measures);
  },
});
