// Test harness: real repositories on disk (optionally git, with authors, dates and tags), scanned
// by the real scanner, so detector tests exercise the same path as `readiness assess`.
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import type { AnyDetector, PatternSpec } from '../src/core/detector.ts';
import type { DetectorResult, Outcome } from '../src/core/types.ts';
import { runDetector } from '../src/engine/assess.ts';
import { scanRepository } from '../src/repo/index.ts';

export type Files = Record<string, string | Buffer>;

export interface CommitSpec {
  files: Files;
  /** Paths to delete in this commit. */
  remove?: string[];
  author?: string;
  email?: string;
  /** ISO date of the commit. */
  date?: string;
  message?: string;
  tag?: string;
}

export interface RepoSpec {
  /** Files of the work tree (committed in one commit when `git` is true and no commits given). */
  files?: Files;
  git?: boolean;
  commits?: CommitSpec[];
}

function writeFiles(root: string, files: Files): void {
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

export function runGit(root: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: root, ...env },
  });
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
  runGit(dir, ['init', '-q', '-b', 'main']);
  runGit(dir, ['config', 'user.name', 'Test']);
  runGit(dir, ['config', 'user.email', 'test@example.com']);
  runGit(dir, ['config', 'commit.gpgsign', 'false']);
  const commits = s.commits ?? [{ files: s.files ?? {} }];
  commits.forEach((c, i) => {
    writeFiles(dir, c.files);
    for (const p of c.remove ?? []) rmSync(join(dir, p), { force: true });
    runGit(dir, ['add', '-A']);
    const date = c.date ?? `2026-01-${String((i % 28) + 1).padStart(2, '0')}T12:00:00Z`;
    const env = {
      GIT_AUTHOR_NAME: c.author ?? 'Ada Lovelace',
      GIT_AUTHOR_EMAIL: c.email ?? 'ada@example.com',
      GIT_COMMITTER_NAME: c.author ?? 'Ada Lovelace',
      GIT_COMMITTER_EMAIL: c.email ?? 'ada@example.com',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    };
    runGit(dir, ['commit', '-q', '--allow-empty', '-m', c.message ?? `commit ${i + 1}`], env);
    if (c.tag) runGit(dir, ['tag', '-a', c.tag, '-m', c.tag], env);
  });
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

/** Run the CLI from source, as a user would run the built one: a separate process. */
export function cli(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      { cwd: REPO_ROOT, env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
