// npm run bench -- [--files N] [--seed S] [--no-rg] [--profile]
//
// Throughput of a whole assessment on a large synthetic repository, with ripgrep over the same
// files and the same patterns as the yardstick. The repository (default 20,000 files of
// JS/TS/Python/Go/Java/YAML/Markdown, 1-40 KB with a few large files, one git commit) is
// generated under the OS temp folder once and reused by later runs with the same parameters.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { rgPath } from '@vscode/ripgrep';
import { isolatedGitEnv } from '../scripts/example-platforms/git.ts';
import { Random } from '../scripts/example-platforms/random.ts';
import { DETECTORS } from '../src/detectors/registry.generated.ts';
import type { PatternSpec } from '../src/core/detector.ts';
import { assess, runDetector, type AssessRun } from '../src/engine/assess.ts';
import { scanRepository } from '../src/repo/index.ts';

// ------------------------------------------------------------------------------------ options

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const FILES = Number(option('files') ?? 20_000);
const SEED = Number(option('seed') ?? 1);
const RUN_RG = !process.argv.includes('--no-rg');
const PROFILE = process.argv.includes('--profile');
/** Bump when the generator changes, so stale trees are not reused. */
const GENERATOR_VERSION = 1;

if (!Number.isInteger(FILES) || FILES < 100) {
  console.error('bench: --files must be an integer >= 100');
  process.exit(2);
}

// ------------------------------------------------------------------------- synthetic content

const WORDS = 'account order invoice payment customer product catalog price cart session user tenant report export import queue job worker event webhook token audit search index cache config limit retry timeout health metric trace log shipment stock warehouse supplier coupon refund ledger balance plan subscription'.split(' ');

type Lang = 'js' | 'ts' | 'py' | 'go' | 'java' | 'yaml' | 'md';

function pascal(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** One chunk of plausible code in a language: functions, routes, queries, logging, timers. */
function chunk(lang: Lang, r: Random): string {
  const a = r.pick(WORDS);
  const b = r.pick(WORDS);
  const n = r.int(1, 999);
  switch (lang) {
    case 'js':
    case 'ts': {
      const t = lang === 'ts' ? ': string' : '';
      return r.pick([
        `\nexport async function load${pascal(a)}${pascal(b)}(id${t}) {\n  const rows = await db.query('SELECT * FROM ${a}s WHERE ${b}_id = $1 LIMIT ${n}', [id]);\n  if (rows.length === 0) throw new NotFound('${a} ' + id);\n  logger.info({ id, count: rows.length }, 'loaded ${a}');\n  return rows.map((row) => ({ ...row, ${b}: row.${b}_id }));\n}\n`,
        `\nrouter.get('/api/v${r.int(1, 2)}/${a}s/:id/${b}s', requireAuth('${a}:read'), async (req, res) => {\n  const items = await ${a}Service.list${pascal(b)}s(req.params.id, { limit: Number(req.query.limit ?? ${n}) });\n  res.json({ items });\n});\n`,
        `\nconst ${a}Timer = setInterval(async () => {\n  try {\n    await sync${pascal(a)}();\n  } catch (err) {\n    console.error('sync ${a} failed', err);\n  }\n}, ${n * 1000});\n`,
        `\n// ${a} ${b}: retry with backoff on transient failures\nasync function call${pascal(b)}(url${t}) {\n  for (let attempt = 0; attempt < 5; attempt++) {\n    const res = await fetch(url, { signal: AbortSignal.timeout(${n * 10}) });\n    if (res.ok) return res.json();\n    await new Promise((r) => setTimeout(r, 2 ** attempt * 100));\n  }\n  throw new Error('${b} unavailable');\n}\n`,
        `\nexport class ${pascal(a)}${pascal(b)}Repository {\n  constructor(private readonly pool) {}\n  async save(entity) {\n    await this.pool.query('INSERT INTO ${a}_${b} (id, payload) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET payload = $2', [entity.id, JSON.stringify(entity)]);\n  }\n  async remove(id) {\n    await this.pool.query('DELETE FROM ${a}_${b} WHERE id = $1', [id]);\n  }\n}\n`,
        `\nprocess.on('SIGTERM', async () => {\n  console.log('shutting down ${a}');\n  await server.close();\n});\n`,
        `\nconst ${a}Schema = z.object({\n  id: z.string().uuid(),\n  ${b}: z.number().int().min(0).max(${n}),\n  note: z.string().optional(),\n});\n`,
      ]);
    }
    case 'py':
      return r.pick([
        `\n\ndef load_${a}_${b}(conn, ${a}_id):\n    cur = conn.cursor()\n    cur.execute("SELECT * FROM ${a}s WHERE ${b}_id = %s LIMIT ${n}", (${a}_id,))\n    rows = cur.fetchall()\n    logger.info("loaded %d ${a}s", len(rows))\n    return [dict(r) for r in rows]\n`,
        `\n\n@app.route("/v1/${a}s/<int:${a}_id>/${b}s", methods=["GET"])\ndef list_${b}s(${a}_id):\n    resp = requests.get(f"{SERVICE_URL}/${b}s/{${a}_id}", timeout=${r.int(2, 30)})\n    resp.raise_for_status()\n    return jsonify(resp.json())\n`,
        `\n\nclass ${pascal(a)}${pascal(b)}Worker:\n    def __init__(self, queue):\n        self.queue = queue\n\n    def run(self):\n        while True:\n            job = self.queue.get(timeout=${n})\n            print("processing", job)\n            self.handle(job)\n`,
      ]);
    case 'go':
      return r.pick([
        `\n\nfunc Load${pascal(a)}${pascal(b)}(ctx context.Context, db *sql.DB, id int64) ([]${pascal(a)}, error) {\n\trows, err := db.QueryContext(ctx, "SELECT id, ${b} FROM ${a}s WHERE ${b}_id = $1 LIMIT ${n}", id)\n\tif err != nil {\n\t\treturn nil, fmt.Errorf("load ${a}: %w", err)\n\t}\n\tdefer rows.Close()\n\tvar out []${pascal(a)}\n\tfor rows.Next() {\n\t\tvar x ${pascal(a)}\n\t\tif err := rows.Scan(&x.ID, &x.${pascal(b)}); err != nil {\n\t\t\treturn nil, err\n\t\t}\n\t\tout = append(out, x)\n\t}\n\treturn out, rows.Err()\n}\n`,
        `\n\nfunc register${pascal(a)}Routes(mux *http.ServeMux) {\n\tmux.HandleFunc("/v1/${a}s/${b}", func(w http.ResponseWriter, r *http.Request) {\n\t\tlog.Printf("${a} ${b} %s", r.URL.Path)\n\t\tw.Header().Set("Content-Type", "application/json")\n\t\t_ = json.NewEncoder(w).Encode(map[string]int{"${b}": ${n}})\n\t})\n}\n`,
      ]);
    case 'java':
      return r.pick([
        `\n    @GetMapping("/v1/${a}s/{id}/${b}s")\n    public List<${pascal(b)}> list${pascal(b)}s(@PathVariable long id) {\n        log.info("listing ${b}s of ${a} {}", id);\n        return jdbcTemplate.query("SELECT * FROM ${b}s WHERE ${a}_id = ? LIMIT ${n}", mapper, id);\n    }\n`,
        `\n    @Transactional\n    public void update${pascal(a)}(long id, ${pascal(a)}Request req) {\n        var entity = repository.findById(id).orElseThrow(() -> new NotFoundException("${a} " + id));\n        entity.set${pascal(b)}(req.get${pascal(b)}());\n        repository.save(entity);\n    }\n`,
      ]);
    case 'yaml':
      return `\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${a}-${b}\n  labels:\n    app: ${a}\nspec:\n  replicas: ${r.int(1, 6)}\n  template:\n    spec:\n      containers:\n        - name: ${a}\n          image: registry.example.com/${a}:${n}\n          resources:\n            requests:\n              cpu: ${r.int(1, 9)}00m\n              memory: ${r.int(1, 9)}00Mi\n            limits:\n              cpu: "1"\n              memory: 1Gi\n`;
    case 'md':
      return `\n## ${pascal(a)} ${b}\n\nThe ${a} service keeps ${b} records for every tenant. Requests go through the gateway, are validated, and end up in the ${a} table; a worker reconciles ${b}s every ${n} seconds and emits events for the ${r.pick(WORDS)} service.\n\n1. Check the ${a} dashboard for errors.\n2. Look up the ${b} by id in the admin.\n3. Escalate to the ${r.pick(WORDS)} on-call when the backlog grows.\n`;
  }
}

const HEADERS: Record<Lang, string> = {
  js: "import express from 'express';\nimport { logger } from '../lib/logger.js';\nimport { db } from '../lib/db.js';\n\nconst router = express.Router();\n",
  ts: "import { Router } from 'express';\nimport { z } from 'zod';\nimport { logger } from '../platform/logger.js';\nimport { db } from '../platform/db.js';\n\nexport const router = Router();\n",
  py: 'import logging\n\nimport requests\nfrom flask import Flask, jsonify\n\nlogger = logging.getLogger(__name__)\napp = Flask(__name__)\n',
  go: 'package service\n\nimport (\n\t"context"\n\t"database/sql"\n\t"encoding/json"\n\t"fmt"\n\t"log"\n\t"net/http"\n)\n',
  java: 'package com.example.service;\n\nimport java.util.List;\nimport org.springframework.web.bind.annotation.*;\n\n@RestController\npublic class Service {\n',
  yaml: '# generated manifests\n',
  md: '# Service notes\n',
};

const EXT: Record<Lang, string> = { js: 'js', ts: 'ts', py: 'py', go: 'go', java: 'java', yaml: 'yaml', md: 'md' };
const LANG_WEIGHTS: [Lang, number][] = [['ts', 27], ['js', 22], ['py', 15], ['go', 10], ['java', 10], ['yaml', 8], ['md', 8]];

function pickLang(r: Random): Lang {
  let x = r.next() * 100;
  for (const [l, w] of LANG_WEIGHTS) if ((x -= w) < 0) return l;
  return 'ts';
}

/** Folder of the i-th file: services, packages, tests, docs, deploy, some vendored code. */
function folderFor(lang: Lang, r: Random): string {
  const svc = `${r.pick(WORDS)}-${r.pick(['api', 'service', 'worker', 'core'])}`;
  if (lang === 'md') return r.chance(0.7) ? `docs/${r.pick(WORDS)}` : `services/${svc}`;
  if (lang === 'yaml') return r.chance(0.8) ? `deploy/k8s/${svc}` : `config/${svc}`;
  if (lang === 'go' && r.chance(0.1)) return `vendor/github.com/acme/${r.pick(WORDS)}`;
  if (r.chance(0.15)) return `services/${svc}/test`;
  return r.chance(0.5) ? `services/${svc}/src/${r.pick(WORDS)}` : `packages/${r.pick(WORDS)}/src`;
}

/** Sizes: log-uniform between 1 and 40 KB; 0.5% are large (100 KB - 2 MB). */
function sizeFor(r: Random): number {
  if (r.chance(0.005)) return Math.round(Math.exp(Math.log(100 * 1024) + r.next() * Math.log(20)));
  return Math.round(Math.exp(Math.log(1024) + r.next() * Math.log(40)));
}

function generateTree(dir: string, files: number, seed: number): { bytes: number } {
  const r = new Random(seed);
  let bytes = 0;
  const seen = new Set<string>();
  for (let i = 0; i < files; i++) {
    const lang = pickLang(r);
    let path = `${folderFor(lang, r)}/${r.pick(WORDS)}-${r.pick(WORDS)}-${i}.${EXT[lang]}`;
    if (lang === 'ts' && path.includes('/test/')) path = path.replace(/\.ts$/, '.test.ts');
    if (seen.has(path)) continue;
    seen.add(path);
    const target = sizeFor(r);
    const parts = [HEADERS[lang]];
    let size = parts[0]!.length;
    while (size < target) {
      const c = chunk(lang, r);
      parts.push(c);
      size += c.length;
    }
    if (lang === 'java') parts.push('}\n');
    const text = parts.join('');
    const abs = join(dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    bytes += text.length;
  }
  // A manifest and a CI workflow, so manifest- and CI-reading detectors have work too.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-monorepo', private: true, dependencies: { express: '^5.1.0', zod: '^4.1.0', pino: '^9.9.0' } }, null, 2));
  mkdirSync(join(dir, '.github/workflows'), { recursive: true });
  writeFileSync(join(dir, '.github/workflows/ci.yml'), 'name: ci\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v5\n      - run: npm ci\n      - run: npm test\n');
  return { bytes };
}

/** The benchmark repository: generated once per (files, seed, generator version), then reused. */
function benchRepository(): { dir: string; reused: boolean; ms: number } {
  const dir = join(tmpdir(), `readiness-bench-v${GENERATOR_VERSION}-${FILES}-files-seed-${SEED}`);
  const done = join(dir, '.git', 'readiness-bench-complete');
  if (existsSync(done)) return { dir, reused: true, ms: 0 };
  const t0 = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  process.stderr.write(`generating ${FILES} files in ${dir} ...\n`);
  generateTree(dir, FILES, SEED);
  const home = join(dir, '.git-home');
  mkdirSync(home, { recursive: true });
  const env = { ...isolatedGitEnv(home), GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com', GIT_AUTHOR_DATE: '2026-01-01T12:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T12:00:00Z' };
  const git = (...args: string[]): void => {
    execFileSync('git', args, { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  };
  git('init', '-q', '-b', 'main');
  writeFileSync(join(dir, '.gitignore'), '.git-home/\n');
  git('add', '-A');
  git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'synthetic repository for the scan benchmark');
  writeFileSync(done, new Date().toISOString());
  return { dir, reused: false, ms: performance.now() - t0 };
}

// ----------------------------------------------------------------------------- measurements

interface Row {
  name: string;
  files: number;
  bytes: number;
  seconds: number;
  note?: string;
}

async function runAssess(dir: string, name: string): Promise<{ row: Row; scan: Row; run: AssessRun }> {
  const run = await assess(dir, { now: new Date('2026-01-02T00:00:00Z') });
  const s = run.stats;
  return {
    run,
    row: { name, files: s.files, bytes: s.bytesRead, seconds: s.totalMs / 1000, note: `${s.workers} worker thread(s), ${run.assessment.detectors.length} detectors, ${s.patterns} patterns` },
    scan: { name: '  of which scan', files: s.files, bytes: s.bytesRead, seconds: s.scanMs / 1000 },
  };
}

/** JS regex -> ripgrep pattern: flags become inline groups; the `g`, `u`, `y` flags mean nothing to rg. */
function rgSource(re: RegExp): string {
  const inline = [...re.flags].filter((f) => f === 'i' || f === 'm' || f === 's').join('');
  return inline ? `(?${inline})${re.source}` : re.source;
}

/** Representative patterns, used when few detectors are registered (before integration). */
const FALLBACK_PATTERNS: RegExp[] = [
  /\bconsole\.(?:log|info|warn|error|debug)\(/,
  /\bsetInterval\(/,
  /\bsetTimeout\(/,
  /\bprocess\.on\(\s*['"]SIG(?:TERM|INT)['"]/,
  /\b(?:app|router|server)\.(?:get|post|put|patch|delete|all|use)\(\s*['"`]\/[^'"`]*['"`]/,
  /['"`]\/(?:api\/)?v\d+\//,
  /\bSELECT\s+[\s\S]{0,80}?\bFROM\b/i,
  /\b(?:CREATE|ALTER|DROP)\s+TABLE\b/i,
  /\bCREATE\s+(?:UNIQUE\s+)?INDEX\b/i,
  /\.query\(/,
  /\.execute\(/,
  /\.findMany\(/,
  /\bcors\(\s*\)/,
  /Access-Control-Allow-Origin['"]\s*,\s*['"]\*/,
  /\borigin:\s*(?:true|['"]\*['"])/,
  /\bhelmet\(/,
  /\brateLimit\(/,
  /\bAbortSignal\.timeout\(/,
  /\btimeout\s*[:=]\s*\d+/,
  /\bjobId\s*:/,
  /\bidempotency[_-]?key\b/i,
  /\battempts\s*:\s*\d+/,
  /\bbackoff\s*:/,
  /\b(?:deadLetter|dead_letter|dlq)\b/i,
  /\bnew\s+CircuitBreaker\(/,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/,
  /\bgh[pousr]_[A-Za-z0-9]{36,}\b/,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/,
  /-----BEGIN (?:RSA |EC |DSA |OPENSSH )?PRIVATE KEY-----/,
  /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"`]+:[^\s@'"`/]{4,}@/,
  /\b[A-Za-z0-9_]*(?:password|secret|api[_-]?key|token)[A-Za-z0-9_]*["']?\s*(?:=|:)\s*["'][^"'\s]{6,}["']/i,
  /\bx-request-id\b/i,
  /\btraceparent\b/,
  /\bAsyncLocalStorage\b/,
  /\bhistogram|counter|gauge\b/i,
  /^\s*-?\s*alert:\s*\S+/m,
  /\brunbook_url\b/,
  /^\s*replicas:\s*\d+/m,
  /^\s*kind:\s*(?:HorizontalPodAutoscaler|ScaledObject|Deployment|CronJob)\b/m,
  /^\s*(?:limits|requests):\s*$/m,
  /\bmulti_az\s*=\s*true\b/,
  /\bbackup_retention_period\s*=\s*\d+/,
  /\bpg_restore\b|\bmongorestore\b/,
  /\bhelm\s+upgrade\b[^\n]*--atomic/,
  /\bkubectl\s+(?:apply|rollout)\b/,
  /\bfmt\.Print(?:ln|f)?\(/,
  /\bSystem\.out\.println\(/,
  /^\s*print\(/m,
  /@(?:Get|Post|Put|Delete)Mapping\(\s*"\/v\d+/,
  /^#{1,3}\s+(?:Runbook|Postmortem|Threat model|Deprecation policy)\b/im,
];

interface RgPlan {
  plain: string[];
  pcre: string[];
  skipped: string[];
}

/** rg accepts the pattern (exit 0 or 1 on an empty input), with or without PCRE2. */
function rgAccepts(pattern: string, pcre: boolean): boolean {
  const res = spawnSync(rgPath, [...(pcre ? ['-P'] : []), '--no-messages', '-q', '-e', pattern, '-'], { input: '', encoding: 'utf8' });
  return res.status === 0 || res.status === 1;
}

function planRg(patterns: readonly string[]): RgPlan {
  const plan: RgPlan = { plain: [], pcre: [], skipped: [] };
  for (const p of [...new Set(patterns)]) {
    if (p.includes('\n')) plan.skipped.push(p);
    else if (rgAccepts(p, false)) plan.plain.push(p);
    else if (rgAccepts(p, true)) plan.pcre.push(p);
    else plan.skipped.push(p);
  }
  return plan;
}

/** One rg pass over the tree; files and bytes from --stats. */
function runRg(dir: string, patternsFile: string, pcre: boolean, threads?: number): { files: number; bytes: number; seconds: number } {
  const args = ['--no-messages', '-c', '--hidden', '--glob', '!.git', '--glob', '!.git-home', '--stats', ...(pcre ? ['-P'] : []), ...(threads ? ['-j', String(threads)] : []), '-f', patternsFile, '.'];
  const t0 = performance.now();
  const res = spawnSync(rgPath, args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - t0) / 1000;
  if (res.status !== 0 && res.status !== 1) throw new Error(`rg failed (${res.status}): ${res.stderr}`);
  const files = Number(/(\d+) files searched/.exec(res.stdout)?.[1] ?? 0);
  const bytes = Number(/(\d+) bytes searched/.exec(res.stdout)?.[1] ?? 0);
  return { files, bytes, seconds };
}

function ripgrepRows(dir: string, threadsLikeUs: number): { rows: Row[]; plan: RgPlan; source: string } {
  const registered = DETECTORS.flatMap((d) => Object.values(d.patterns ?? {}).map((p) => rgSource(p.regex)));
  const source = registered.length >= 20 ? `${registered.length} patterns of ${DETECTORS.length} registered detectors` : `${FALLBACK_PATTERNS.length} representative patterns (only ${registered.length} registered)`;
  const plan = planRg(registered.length >= 20 ? registered : FALLBACK_PATTERNS.map(rgSource));
  const work = join(tmpdir(), `readiness-bench-rg-${process.pid}`);
  mkdirSync(work, { recursive: true });
  try {
    const plainFile = join(work, 'patterns.txt');
    const pcreFile = join(work, 'patterns-pcre2.txt');
    writeFileSync(plainFile, `${plan.plain.join('\n')}\n`);
    writeFileSync(pcreFile, `${plan.pcre.join('\n')}\n`);
    const rows: Row[] = [];
    // rg with its own thread count, and with as many threads as readiness used when different.
    for (const threads of threadsLikeUs === availableParallelism() ? [undefined] : [undefined, threadsLikeUs]) {
      const a = runRg(dir, plainFile, false, threads);
      const b = plan.pcre.length > 0 ? runRg(dir, pcreFile, true, threads) : { files: 0, bytes: 0, seconds: 0 };
      rows.push({
        name: threads ? `ripgrep -j ${threads}` : `ripgrep (-j ${availableParallelism()})`,
        files: a.files,
        bytes: a.bytes,
        seconds: a.seconds + b.seconds,
        note: plan.pcre.length > 0 ? `${a.seconds.toFixed(2)} s default engine + ${b.seconds.toFixed(2)} s PCRE2 pass` : 'one pass',
      });
    }
    return { rows, plan, source };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * --profile: time every detector pattern alone over the tree (after its literal prefilter, on
 * every file: roles, languages and paths are ignored), to find the expensive ones.
 */
function profilePatterns(dir: string): string {
  const paths = execFileSync('git', ['ls-files', '-z'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 }).split('\0').filter(Boolean);
  const texts = paths.map((p) => readFileSync(join(dir, p), 'utf8'));
  const timings: { id: string; ms: number; files: number; matches: number }[] = [];
  for (const d of DETECTORS) {
    for (const [name, spec] of Object.entries(d.patterns ?? {})) {
      const re = new RegExp(spec.regex.source, spec.regex.flags.includes('g') ? spec.regex.flags : `${spec.regex.flags}g`);
      const literals = spec.literals ?? [];
      let files = 0;
      let matches = 0;
      const t0 = performance.now();
      for (const text of texts) {
        if (literals.length > 0 && !literals.some((l) => text.includes(l))) continue;
        files++;
        re.lastIndex = 0;
        for (const _m of text.matchAll(re)) if (++matches > 1e7) break;
      }
      timings.push({ id: `${d.id}#${name}`, ms: performance.now() - t0, files, matches });
    }
  }
  timings.sort((a, b) => b.ms - a.ms);
  const total = timings.reduce((s, t) => s + t.ms, 0);
  const lines = timings.slice(0, 15).map((t) => `  ${t.ms.toFixed(0).padStart(7)} ms  ${String(t.files).padStart(6)} files  ${String(t.matches).padStart(8)} matches  ${t.id}`);
  return [`pattern profile: ${timings.length} patterns, ${total.toFixed(0)} ms in total over ${texts.length} files; the 15 slowest:`, ...lines].join('\n');
}

/** --profile: the scan once, then each detector timed alone, as the engine runs them. */
async function profileDetectors(dir: string): Promise<string> {
  const patterns = new Map<string, PatternSpec>();
  const contents: string[] = [];
  let history = false;
  for (const d of DETECTORS) {
    for (const [name, spec] of Object.entries<PatternSpec>(d.patterns ?? {})) patterns.set(`${d.id}#${name}`, spec);
    contents.push(...(d.contents ?? []));
    history ||= d.history === true;
  }
  const scanned = await scanRepository(dir, { patterns, contents, history });
  const timings: { id: string; ms: number }[] = [];
  for (const d of DETECTORS) {
    const t0 = performance.now();
    await runDetector(d, { repo: scanned.view, matches: (name) => scanned.matches.get(`${d.id}#${name}`) ?? [] });
    timings.push({ id: d.id, ms: performance.now() - t0 });
  }
  timings.sort((a, b) => b.ms - a.ms);
  const total = timings.reduce((sum, t) => sum + t.ms, 0);
  return [`detector profile: ${timings.length} detectors, ${total.toFixed(0)} ms after the scan; the 10 slowest:`, ...timings.slice(0, 10).map((t) => `  ${t.ms.toFixed(0).padStart(7)} ms  ${t.id}`)].join('\n');
}

// ---------------------------------------------------------------------------------- report

function table(rows: readonly Row[]): string {
  const head = ['', 'files', 'MB', 'seconds', 'files/s', 'MB/s', ''];
  const body = rows.map((r) => [
    r.name,
    String(r.files),
    (r.bytes / 1e6).toFixed(1),
    r.seconds.toFixed(2),
    Math.round(r.files / r.seconds).toLocaleString('en-US'),
    (r.bytes / 1e6 / r.seconds).toFixed(1),
    r.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(head), ...body.map(line)].join('\n');
}

const repo = benchRepository();
console.log(`repository: ${repo.dir} (${repo.reused ? 'reused' : `generated in ${(repo.ms / 1000).toFixed(1)} s`})`);
console.log(`machine: ${availableParallelism()} CPU(s), node ${process.version}`);

const cold = await runAssess(repo.dir, 'readiness, 1st run');
const warm = await runAssess(repo.dir, 'readiness, 2nd run');
const rows: Row[] = [cold.row, cold.scan, warm.row, warm.scan];
let rgNote = '';
if (RUN_RG) {
  const rg = ripgrepRows(repo.dir, Math.max(1, warm.run.stats.workers));
  rows.push(...rg.rows);
  rgNote = `ripgrep: ${rg.source}: ${rg.plan.plain.length} run by the default engine, ${rg.plan.pcre.length} need PCRE2 (-P), ${rg.plan.skipped.length} skipped (rejected by both).`;
}
console.log('');
console.log(table(rows));
console.log('');
if (rgNote) console.log(rgNote);
if (PROFILE) {
  console.log(`\n${await profileDetectors(repo.dir)}`);
  console.log(`\n${profilePatterns(repo.dir)}\n`);
}
console.log('readiness runs every pattern only on the files its roles, languages and literals select, and also hashes, classifies, parses manifests and imports, reads history and runs the detectors; ripgrep runs every pattern on every file and does nothing else.');
