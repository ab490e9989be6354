// The scan stage: inventory, one content pass, history on demand, exposed as a read-only RepoView.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { PatternSpec, RepoView } from '../core/detector.ts';
import type { Dependency, FileComplexity, FileEntry, FileRole, History, ImportSite, Match, Warning } from '../core/types.ts';
import { DEPENDENCY_FILE_GLOBS, readDependencies } from '../ecosystems/manifests.ts';
import { globMatcher } from '../util/glob.ts';
import { gitInfo, type GitInfo } from './git.ts';
import { readHistory } from './history.ts';
import { gitInventory, walkInventory, type Inventory } from './inventory.ts';
import { scanContents } from './scan.ts';

/** The default history store and its SQLite side files, wherever a `.readiness/` folder is. */
const OWN_STORE = /(^|\/)\.readiness\/[^/]+\.sqlite(-wal|-shm|-journal)?$/;

export { languageOf, roleOf } from './classify.ts';

export interface ScanOptions {
  patterns: ReadonlyMap<string, PatternSpec>;
  contents: readonly string[];
  history: boolean;
  /** Globs of paths left out on top of .gitignore (config `exclude`). */
  exclude?: readonly string[];
  workers?: number;
  /** Folder for caches that survive runs (the history's per-commit cache); none: nothing cached. */
  cacheDir?: string | undefined;
  onProgress?: (phase: 'inventory' | 'read' | 'history', done: number, total: number) => void;
}

export interface Subject {
  path: string;
  isGit: boolean;
  commit: string | null;
  branch: string | null;
  remote: string | null;
  /** The work tree differs from the commit: evidence blob ids are of the files as read. */
  dirty: boolean;
}

export interface ScannedRepo {
  subject: Subject;
  view: RepoView;
  matches: ReadonlyMap<string, readonly Match[]>;
  warnings: Warning[];
  stats: { files: number; filesRead: number; bytesRead: number; workers: number; commits: number };
}

/** Roles whose manifests describe the platform itself. */
const MANIFEST_ROLES: ReadonlySet<FileRole> = new Set(['source', 'config', 'other', 'docs', 'ci', 'iac']);

export class ScanInputError extends Error {
  readonly code: 'path-not-found' | 'not-a-directory';
  readonly path: string;
  constructor(code: 'path-not-found' | 'not-a-directory', path: string) {
    super(`${code}: ${path}`);
    this.code = code;
    this.path = path;
  }
}

export async function scanRepository(path: string, opts: ScanOptions): Promise<ScannedRepo> {
  const root = resolve(path);
  const st = await stat(root).catch(() => null);
  if (!st) throw new ScanInputError('path-not-found', path);
  if (!st.isDirectory()) throw new ScanInputError('not-a-directory', path);

  const warnings: Warning[] = [];
  opts.onProgress?.('inventory', 0, 1);
  let info: GitInfo | null = await gitInfo(root);
  let inventory: Inventory;
  if (info) {
    try {
      inventory = await gitInventory(root, info);
    } catch (e) {
      warnings.push({ code: 'git-unusable', message: `git could not list files (${(e as Error).message.split('\n')[0]}); walked the folder instead.` });
      info = null;
      inventory = await walkInventory(root);
    }
  } else {
    inventory = await walkInventory(root);
    warnings.push({ code: 'not-a-git-repository', message: 'Not a git work tree: history-based criteria are unknown and evidence carries no commit.' });
  }
  warnings.push(...inventory.warnings);
  // readiness's own history store is not the repository's code, and a save must not make the next assessment dirty.
  inventory.files = inventory.files.filter((f) => !OWN_STORE.test(f.path));
  if (opts.exclude && opts.exclude.length > 0) {
    const excluded = globMatcher(opts.exclude);
    inventory.files = inventory.files.filter((f) => !excluded(f.path));
  }
  if (info && !info.commit) {
    warnings.push({ code: 'no-commits', message: 'The repository has no commits yet: evidence is of the work tree.' });
  }

  // History is git's work, the content pass ours: they run side by side.
  const historyRead = opts.history && info?.commit ? readHistory(root, { head: info.commit, shallow: info.shallow, cacheDir: opts.cacheDir }) : undefined;
  const contents = [...opts.contents, ...DEPENDENCY_FILE_GLOBS];
  const scan = await scanContents(root, inventory.files, {
    patterns: opts.patterns,
    contents,
    ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
    onProgress: (d, t) => opts.onProgress?.('read', d, t),
  });
  warnings.push(...scan.warnings);

  let history: History | undefined;
  if (historyRead && info) {
    opts.onProgress?.('history', 0, 1);
    const read = await historyRead;
    history = read?.history;
    if (read) warnings.push(...read.warnings);
    if (info.shallow) warnings.push({ code: 'shallow-clone', message: 'Shallow clone: history-based figures cover only the fetched commits.' });
  }

  const dirty = !info?.commit || inventory.files.some((f) => f.dirty);
  const view = createRepoView({
    isGit: info !== null,
    commit: info?.commit ?? null,
    files: scan.files,
    texts: scan.texts,
    imports: scan.imports,
    complexity: scan.complexity,
    history,
    warnings,
  });
  return {
    subject: {
      path: root,
      isGit: info !== null,
      commit: info?.commit ?? null,
      branch: info?.branch ?? null,
      remote: info?.remote ?? null,
      dirty,
    },
    view,
    matches: scan.matches,
    warnings,
    stats: {
      files: scan.files.length,
      filesRead: scan.stats.filesRead,
      bytesRead: scan.stats.bytesRead,
      workers: scan.stats.workers,
      commits: history?.commits.length ?? 0,
    },
  };
}

export interface RepoViewData {
  isGit: boolean;
  commit: string | null;
  files: readonly FileEntry[];
  texts: ReadonlyMap<string, string>;
  imports: readonly ImportSite[];
  /** Complexity of production source files; absent: none measured. */
  complexity?: ReadonlyMap<string, FileComplexity>;
  history: History | undefined;
  /** Manifest problems are recorded here. */
  warnings: Warning[];
}

/** A RepoView over scanned data; also what the test harness builds from inline files. */
export function createRepoView(data: RepoViewData): RepoView {
  const byPath = new Map(data.files.map((f) => [f.path, f] as const));
  let deps: Dependency[] | undefined;
  return {
    isGit: data.isGit,
    commit: data.commit,
    files: data.files,
    file: (p) => byPath.get(p),
    glob(patterns, roles) {
      const m = globMatcher(patterns);
      return data.files.filter((f) => m(f.path) && (!roles || roles.includes(f.role)));
    },
    text: (p) => data.texts.get(p),
    dependencies() {
      if (deps) return deps;
      // Manifests declare; lockfiles pin what they declare (Dependency.locked). A manifest among the
      // tests (a .NET test project, an e2e package) declares for tests only: development.
      const r = readDependencies(data.files.filter((f) => MANIFEST_ROLES.has(f.role) || f.role === 'test'), (p) => data.texts.get(p));
      for (const p of r.problems) data.warnings.push({ code: 'manifest-unparseable', message: `${p.path}: ${p.message}`, path: p.path });
      deps = r.dependencies.map((d) => (byPath.get(d.manifest)?.role === 'test' && !d.dev ? { ...d, dev: true } : d));
      return deps;
    },
    imports: () => data.imports,
    complexity: (p) => data.complexity?.get(p),
    history: () => data.history,
  };
}
