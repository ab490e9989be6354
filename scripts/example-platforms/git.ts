// Deterministic git repositories for the example platforms: a whole history (authors, dates,
// branches, merges, annotated tags) is written as one `git fast-import` stream, so hundreds of
// commits take well under a second and the same input always gives the same commit ids.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Person {
  name: string;
  email: string;
  /** UTC offset as git writes it: "+0100", "-0500". */
  tz: string;
}

/** A point in time as a person's wall clock shows it: "2026-03-04T10:15". */
export type WallClock = string;

export interface FileContent {
  text: string;
  executable?: boolean;
}

export type Tree = ReadonlyMap<string, FileContent>;

/** Seconds since the epoch of a wall-clock time in the given UTC offset. */
export function unixAt(wall: WallClock, tz: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall);
  if (!m) throw new Error(`bad wall-clock time: ${wall}`);
  const [, y, mo, d, h, mi, s] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)) / 1000;
  const sign = tz.startsWith('-') ? -1 : 1;
  const offset = sign * (Number(tz.slice(1, 3)) * 3600 + Number(tz.slice(3, 5)) * 60);
  return utc - offset;
}

function ident(p: Person, wall: WallClock): string {
  return `${p.name} <${p.email}> ${unixAt(wall, p.tz)} ${p.tz}`;
}

function data(text: string): Buffer[] {
  const body = Buffer.from(text, 'utf8');
  return [Buffer.from(`data ${body.length}\n`), body, Buffer.from('\n')];
}

function quotePath(p: string): string {
  if (/^[\w./@+-]+$/.test(p)) return p;
  return JSON.stringify(p);
}

export interface CommitOptions {
  author: Person;
  /** Defaults to the author (a merge on GitHub has the merger as both). */
  committer?: Person;
  at: WallClock;
  /** Committer time when it differs (rebased or merged later); defaults to `at`. */
  committedAt?: WallClock;
  message: string;
  tree: Tree;
  /** Refs whose tips become further parents (a merge). */
  merge?: readonly string[];
}

/** Builds a fast-import stream. Refs are branch names ("main", "feature/x"). */
export class HistoryStream {
  private readonly chunks: Buffer[] = [];
  private nextMark = 1;
  private readonly tips = new Map<string, number>();
  private readonly trees = new Map<string, Tree>();
  private readonly created = new Set<string>();
  commits = 0;

  /** Start `ref` at the tip of `from`. */
  branch(ref: string, from: string): void {
    const tip = this.tips.get(from);
    if (tip === undefined) throw new Error(`branch ${ref}: ${from} has no commits`);
    this.tips.set(ref, tip);
    this.trees.set(ref, this.trees.get(from)!);
    this.created.add(ref);
  }

  tree(ref: string): Tree {
    return this.trees.get(ref) ?? new Map();
  }

  /** Commit `tree` on `ref`; returns false (and writes nothing) when the tree is unchanged. */
  commit(ref: string, o: CommitOptions): boolean {
    const before = this.tree(ref);
    const lines: Buffer[] = [];
    for (const [path, f] of [...o.tree].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const old = before.get(path);
      if (old && old.text === f.text && Boolean(old.executable) === Boolean(f.executable)) continue;
      lines.push(Buffer.from(`M ${f.executable ? '100755' : '100644'} inline ${quotePath(path)}\n`), ...data(f.text));
    }
    for (const path of [...before.keys()].sort()) {
      if (!o.tree.has(path)) lines.push(Buffer.from(`D ${quotePath(path)}\n`));
    }
    if (lines.length === 0 && !o.merge?.length) return false;
    const mark = this.nextMark++;
    const committer = o.committer ?? o.author;
    this.chunks.push(
      Buffer.from(`commit refs/heads/${ref}\nmark :${mark}\n`),
      Buffer.from(`author ${ident(o.author, o.at)}\ncommitter ${ident(committer, o.committedAt ?? o.at)}\n`),
      ...data(o.message),
    );
    const parent = this.tips.get(ref);
    if (parent !== undefined) this.chunks.push(Buffer.from(`from :${parent}\n`));
    for (const m of o.merge ?? []) {
      const tip = this.tips.get(m);
      if (tip === undefined) throw new Error(`merge: ${m} has no commits`);
      this.chunks.push(Buffer.from(`merge :${tip}\n`));
    }
    this.chunks.push(...lines, Buffer.from('\n'));
    this.tips.set(ref, mark);
    this.trees.set(ref, o.tree);
    this.commits++;
    return true;
  }

  /** An annotated tag on the tip of `ref`. */
  tag(name: string, ref: string, tagger: Person, at: WallClock, message: string): void {
    const tip = this.tips.get(ref);
    if (tip === undefined) throw new Error(`tag ${name}: ${ref} has no commits`);
    this.chunks.push(Buffer.from(`tag ${name}\nfrom :${tip}\ntagger ${ident(tagger, at)}\n`), ...data(message));
  }

  /** Branches created with branch() that should not outlive the import (merged PR branches). */
  temporaryBranches(): string[] {
    return [...this.created];
  }

  stream(): Buffer {
    return Buffer.concat([...this.chunks, Buffer.from('done\n')]);
  }
}

/**
 * Environment for every git call: no user, system or global config can leak in (HOME isolated,
 * GIT_* variables of the caller dropped), a fixed locale and time zone.
 */
export function isolatedGitEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_')) env[k] = v;
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(home, '.gitconfig'),
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    TZ: 'UTC',
  };
}

export interface WriteOptions {
  /** Who the repository's own config names as user (for anyone committing on top later). */
  user: Person;
  /** Keep these branches; every other branch made by branch() is deleted after the import. */
  keepBranches?: readonly string[];
}

/** Replace `dir` with a fresh repository holding the history, with `main` checked out. */
export function writeRepository(dir: string, history: HistoryStream, opts: WriteOptions): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const home = mkdtempSync(join(tmpdir(), 'readiness-examples-home-'));
  try {
    const env = isolatedGitEnv(home);
    const git = (args: string[], input?: Buffer): string =>
      execFileSync('git', args, { cwd: dir, env, input, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
    git(['init', '-q', '-b', 'main']);
    git(['config', 'user.name', opts.user.name]);
    git(['config', 'user.email', opts.user.email]);
    git(['config', 'commit.gpgsign', 'false']);
    git(['config', 'tag.gpgsign', 'false']);
    git(['config', 'core.autocrlf', 'false']);
    // No deltas at import: the legacy route files are rewritten by 150 commits, and delta
    // search over 1 MB blobs costs seconds; level-1 zlib keeps the pack small enough.
    git(['-c', 'core.compression=1', 'fast-import', '--quiet', '--done', '--date-format=raw', '--depth=0'], history.stream());
    const keep = new Set(['main', ...(opts.keepBranches ?? [])]);
    const drop = history.temporaryBranches().filter((ref) => !keep.has(ref));
    if (drop.length > 0) git(['update-ref', '--stdin'], Buffer.from(drop.map((ref) => `delete refs/heads/${ref}\n`).join('')));
    git(['reset', '-q', '--hard', 'main']);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
