// Test harness: real repositories on disk (optionally git, with authors, dates and tags), scanned
// by the real scanner, so detector tests exercise the same path as `readiness assess`.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import type { AnyDetector, PatternSpec } from '../src/core/detector.ts';
import type { DetectorResult, Outcome } from '../src/core/types.ts';
import { runDetector } from '../src/engine/assess.ts';
import { scanRepository } from '../src/repo/index.ts';
import { commitHistory, commitWorkTree, writeFiles, type CommitSpec, type Files } from './repo-builder.ts';

export { runGit, type CommitSpec, type Files } from './repo-builder.ts';

export interface RepoSpec {
  /** Files of the work tree (committed in one commit when `git` is true and no commits given). */
  files?: Files;
  git?: boolean;
  commits?: CommitSpec[];
}

/** A temporary directory removed after the current test. */
export function tempDir(prefix = 'readiness-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  } catch {
    // outside a test (e.g. in beforeAll): the caller cleans up
  }
  return dir;
}

/** Build a repository on disk. With `commits`, each is committed with its author and date. */
export function makeRepo(spec: RepoSpec | Files, dir = tempDir()): string {
  const s: RepoSpec = 'files' in spec || 'commits' in spec || 'git' in spec ? (spec as RepoSpec) : { files: spec as Files };
  const useGit = s.git ?? s.commits !== undefined;
  if (!useGit) {
    writeFiles(dir, s.files ?? {});
    return dir;
  }
  // Without a crafted history, everything in the folder (files written before too) is committed once.
  if (s.commits) commitHistory(dir, s.commits);
  else commitWorkTree(dir, s.files ?? {});
  return dir;
}

/** Scan a repository for one detector and run it, exactly as the engine does. */
export async function detect(detector: AnyDetector, repo: string | RepoSpec | Files): Promise<DetectorResult> {
  const root = typeof repo === 'string' ? repo : makeRepo(repo);
  const patterns = new Map<string, PatternSpec>(
    Object.entries<PatternSpec>(detector.patterns ?? {}).map(([name, spec]) => [`${detector.id}#${name}`, spec]),
  );
  const scanned = await scanRepository(root, {
    patterns,
    contents: detector.contents ?? [],
    history: detector.history === true,
    workers: 0,
  });
  return runDetector(detector, {
    repo: scanned.view,
    matches: (name) => scanned.matches.get(`${detector.id}#${name}`) ?? [],
  });
}

export function outcome(r: DetectorResult): Outcome {
  return r.outcome;
}

/** `path:line` of each evidence item, for compact assertions. */
export function locations(r: DetectorResult): string[] {
  return r.evidence.map((e) => (e.line ? `${e.path}:${e.line}` : e.path));
}

/** A stack frame line: never shown to a user without --debug. */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const TEST_CACHE = join(tmpdir(), `readiness-test-cache-${process.pid}`);

/** Run the CLI from source, as a user would run the built one: a separate process. */
/** Newest modification time of the files below a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs);
  return t;
}

let entry: string[] | undefined;
/**
 * How to start the CLI: the built dist/ when it is newer than every source file (CI builds it on
 * install; starting it is seconds faster than compiling with tsx), else the sources through tsx.
 */
function cliEntry(): string[] {
  const built = join(REPO_ROOT, 'dist', 'cli', 'main.js');
  entry ??= existsSync(built) && statSync(built).mtimeMs >= newest(join(REPO_ROOT, 'src')) ? [built] : ['--import', 'tsx', 'src/cli/main.ts'];
  return entry;
}

export function cli(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...cliEntry(), ...args],
      // The history cache of CLI runs under test stays out of the user's home.
      { cwd: REPO_ROOT, env: { ...process.env, READINESS_CACHE_DIR: TEST_CACHE, ...env }, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
