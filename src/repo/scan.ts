// The single content pass: every file read once, in parallel, matched against every detector's
// patterns, with only the files detectors asked for kept in memory.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PatternSpec } from '../core/detector.ts';
import type { FileComplexity, FileEntry, FileRole, ImportSite, Match, Warning } from '../core/types.ts';
import { hasComplexityRules } from '../ecosystems/complexity.ts';
import { ecosystemOfLanguage } from '../ecosystems/imports.ts';
import { mapLimit } from '../util/concurrency.ts';
import { globMatcher } from '../util/glob.ts';
import type { InventoryEntry } from './inventory.ts';
import {
  compilePatterns,
  scanFile,
  type CompiledPattern,
  type FileOutcome,
  type FileTask,
  MAX_SEARCH_BYTES,
} from './scan-file.ts';

export interface ScanRequest {
  /** Patterns keyed `<detector>#<name>`. */
  patterns: ReadonlyMap<string, PatternSpec>;
  /** Globs of files whose text must be kept for detectors and manifest parsers. */
  contents: readonly string[];
  /** Force a number of worker threads (0 = in this thread). Default: by size of the tree. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ScanResult {
  files: FileEntry[];
  texts: Map<string, string>;
  matches: Map<string, Match[]>;
  imports: ImportSite[];
  /** Cyclomatic complexity of each production source file the counter knows. */
  complexity: Map<string, FileComplexity>;
  warnings: Warning[];
  stats: { filesRead: number; bytesRead: number; workers: number };
}

const DEFAULT_ROLES: readonly FileRole[] = ['source'];
const IMPORT_ROLES: ReadonlySet<FileRole> = new Set(['source', 'test']);
/** Text kept in memory is for manifests, lockfiles and configs; a monorepo's lockfile runs to megabytes. */
const MAX_KEPT_BYTES = 8 * 1024 * 1024;
/** Reads in flight across all threads: a cold tree of small files reads 2-3x faster than with 4. */
const READS_IN_FLIGHT = 16;
const BATCH = 256;

function compile(patterns: ReadonlyMap<string, PatternSpec>): CompiledPattern[] {
  return [...patterns].map(([key, p]) => ({
    key,
    source: p.regex.source,
    flags: p.regex.flags,
    literals: p.literals ?? [],
    code: p.code ?? true,
    maxPerFile: p.maxPerFile ?? 50,
  }));
}

function tasksFor(files: readonly InventoryEntry[], req: ScanRequest): FileTask[] {
  const specs = [...req.patterns.values()];
  const matchers = specs.map((p) => (p.paths ? globMatcher(p.paths) : undefined));
  const keep = globMatcher(req.contents.length > 0 ? req.contents : ['\0never']);
  return files.map((f) => {
    const patterns: number[] = [];
    specs.forEach((p, i) => {
      if (!(p.roles ?? DEFAULT_ROLES).includes(f.role)) return;
      if (p.languages && !p.languages.includes(f.language)) return;
      const m = matchers[i];
      if (m && !m(f.path)) return;
      patterns.push(i);
    });
    return {
      path: f.path,
      language: f.language,
      size: f.size,
      patterns,
      keepText: f.size <= MAX_KEPT_BYTES && keep(f.path),
      hash: f.dirty,
      imports: IMPORT_ROLES.has(f.role) && ecosystemOfLanguage(f.language) !== undefined,
      source: f.role === 'source' && hasComplexityRules(f.language),
    };
  });
}

function workerCount(files: readonly InventoryEntry[], forced: number | undefined): number {
  if (forced !== undefined) return forced;
  const bytes = files.reduce((s, f) => s + f.size, 0);
  if (files.length < 2000 && bytes < 8 * 1024 * 1024) return 0;
  return Math.max(1, Math.min(availableParallelism(), 4));
}

function workerUrl(): { url: URL; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // Running from source (tests, tsx): the worker needs the same TypeScript loader.
    return { url: new URL('./scan-worker-dev.mjs', here), execArgv: [] };
  }
  return { url: new URL('./scan-worker.js', here), execArgv: [] };
}

async function runInWorkers(
  root: string,
  tasks: FileTask[],
  plan: CompiledPattern[],
  n: number,
  onBatch: (outcomes: FileOutcome[]) => void,
): Promise<void> {
  const { url, execArgv } = workerUrl();
  const inFlight = Math.max(2, Math.ceil(READS_IN_FLIGHT / n));
  const batches: FileTask[][] = [];
  for (let i = 0; i < tasks.length; i += BATCH) batches.push(tasks.slice(i, i + BATCH));
  let next = 0;
  const workers = Array.from({ length: n }, () => new Worker(url, { workerData: { root, plan, inFlight }, execArgv }));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const feed = (): void => {
              const b = batches[next++];
              if (b) w.postMessage(b);
              else resolve();
            };
            w.on('message', (outcomes: FileOutcome[]) => {
              onBatch(outcomes);
              feed();
            });
            w.on('error', reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

export async function scanContents(
  root: string,
  inventory: readonly InventoryEntry[],
  req: ScanRequest,
): Promise<ScanResult> {
  const plan = compile(req.patterns);
  const tasks = tasksFor(inventory, req);
  const byPath = new Map(inventory.map((f) => [f.path, f] as const));
  const texts = new Map<string, string>();
  const matches = new Map<string, Match[]>(plan.map((p) => [p.key, []]));
  const imports: ImportSite[] = [];
  const complexity = new Map<string, FileComplexity>();
  const warnings: Warning[] = [];
  const nonUtf8: string[] = [];
  const tooLarge: string[] = [];
  let unreadable = 0;
  let done = 0;
  let bytesRead = 0;
  const files = new Map<string, FileEntry>();

  const absorb = (outcomes: FileOutcome[]): void => {
    for (const o of outcomes) {
      const inv = byPath.get(o.path)!;
      const { dirty: _dirty, ...base } = inv;
      const f: FileEntry = { ...base };
      if (o.lines !== undefined) f.lines = o.lines;
      if (o.binary) f.binary = true;
      if (o.blob) f.blob = o.blob;
      files.set(o.path, f);
      if (o.skipped === 'unreadable') unreadable++;
      else bytesRead += inv.size;
      if (o.skipped === 'too-large') tooLarge.push(o.path);
      if (o.nonUtf8) nonUtf8.push(o.path);
      if (o.text !== undefined) texts.set(o.path, o.text);
      for (const [idx, line, text, groups, exc] of o.matches) {
        matches.get(plan[idx]!.key)!.push({ path: o.path, line, text, groups, excerpt: exc });
      }
      const eco = ecosystemOfLanguage(inv.language);
      if (eco) {
        for (const [specifier, line, exc, typeOnly] of o.imports) {
          const site: ImportSite = { ecosystem: eco, specifier, path: o.path, line, excerpt: exc, role: inv.role };
          if (typeOnly) site.typeOnly = true;
          imports.push(site);
        }
      }
      if (o.complexity) complexity.set(o.path, o.complexity);
    }
    done += outcomes.length;
    req.onProgress?.(done, tasks.length);
  };

  const n = workerCount(inventory, req.workers);
  if (n === 0) {
    const compiled = compilePatterns(plan);
    for (let i = 0; i < tasks.length; i += BATCH) {
      const batch = tasks.slice(i, i + BATCH);
      absorb(await mapLimit(batch, READS_IN_FLIGHT, (t) => scanFile(root, t, plan, compiled)));
    }
  } else {
    await runInWorkers(root, tasks, plan, n, absorb);
  }

  if (nonUtf8.length > 0) {
    warnings.push({ code: 'non-utf8', message: `${nonUtf8.length} file(s) are not valid UTF-8 and were read with replacement characters (first: ${nonUtf8.sort()[0]}).` });
  }
  if (tooLarge.length > 0) {
    warnings.push({ code: 'file-too-large', message: `${tooLarge.length} file(s) over ${MAX_SEARCH_BYTES / 1024 / 1024} MiB were counted but not searched (first: ${tooLarge.sort()[0]}).` });
  }
  if (unreadable > 0) {
    warnings.push({ code: 'unreadable-files', message: `${unreadable} file(s) could not be read.` });
  }
  // Keep inventory order (sorted paths) and deterministic match order whatever the threads did.
  const ordered = inventory.map((f) => files.get(f.path)!);
  const order = new Map(inventory.map((f, i) => [f.path, i] as const));
  const byLocation = (a: { path: string; line: number }, b: { path: string; line: number }): number =>
    order.get(a.path)! - order.get(b.path)! || a.line - b.line;
  for (const list of matches.values()) list.sort(byLocation);
  imports.sort(byLocation);
  return { files: ordered, texts, matches, imports, complexity, warnings, stats: { filesRead: tasks.length - unreadable, bytesRead, workers: n } };
}
