// Builds fixture repositories on disk: files, and optionally a git history with authors, dates,
// tags, branches and merges. No vitest here, so the accuracy script can use it too.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ignore from 'ignore';

export type Files = Record<string, string | Buffer>;

export interface CommitSpec {
  files?: Files | undefined;
  /** Paths to delete in this commit. */
  remove?: string[] | undefined;
  author?: string | undefined;
  email?: string | undefined;
  /** ISO date of the commit (author and committer). */
  date?: string | undefined;
  message?: string | undefined;
  /** An annotated tag on this commit, dated like it. */
  tag?: string | undefined;
  /** Commit on this branch (created from main the first time it is named) instead of main. */
  branch?: string | undefined;
  /** Merge this branch into main with a merge commit (`--no-ff`), authored and dated like the spec. */
  merge?: string | undefined;
}

export function writeFiles(root: string, files: Files): void {
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

/** Make `dir` a git repository whose one commit holds everything in it, `files` written first. */
export function commitWorkTree(dir: string, files: Files, who: { author?: string; email?: string; message?: string } = {}): void {
  writeFiles(dir, files);
  runGit(dir, ['init', '-q', '-b', 'main']);
  runGit(dir, ['add', '-A']);
  const name = who.author ?? 'Ada Lovelace';
  const email = who.email ?? 'ada@example.com';
  runGit(dir, ['-c', `user.name=${name}`, '-c', `user.email=${email}`, '-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', who.message ?? 'commit 1'], {
    GIT_AUTHOR_DATE: '2026-01-01T12:00:00Z',
    GIT_COMMITTER_DATE: '2026-01-01T12:00:00Z',
  });
}

/**
 * Make `dir` a git repository on `main` holding the commits, in order, and check `main` out.
 * The history is written by one `git fast-import` (a few milliseconds for hundreds of commits).
 */
export function commitHistory(dir: string, commits: readonly CommitSpec[]): void {
  runGit(dir, ['init', '-q', '-b', 'main']);
  runGit(dir, ['config', 'user.name', 'Test']);
  runGit(dir, ['config', 'user.email', 'test@example.com']);
  runGit(dir, ['config', 'commit.gpgsign', 'false']);
  runGit(dir, ['config', 'tag.gpgsign', 'false']);
  const chunks: Buffer[] = [];
  const text = (s: string): void => void chunks.push(Buffer.from(s));
  const data = (content: string | Buffer): void => {
    const b = typeof content === 'string' ? Buffer.from(content) : content;
    text(`data ${b.length}\n`);
    chunks.push(b);
    text('\n');
  };
  const ignoredFiles: Files = {};
  /** Per branch: its last commit's mark and its files. */
  const branches = new Map<string, { mark: number; files: Map<string, string | Buffer> }>();
  let mark = 0;
  commits.forEach((c, i) => {
    const date = c.date ?? `2026-01-${String((i % 28) + 1).padStart(2, '0')}T12:00:00Z`;
    const who = `${c.author ?? 'Ada Lovelace'} <${c.email ?? 'ada@example.com'}> ${Math.floor(Date.parse(date) / 1000)} +0000`;
    const name = c.merge ? 'main' : (c.branch ?? 'main');
    const main = branches.get('main');
    const head = branches.get(name) ?? { mark: name === 'main' ? 0 : (main?.mark ?? 0), files: new Map(main?.files ?? []) };
    const files = new Map(head.files);
    const changes = new Map<string, string | Buffer | null>();
    if (c.merge) {
      const other = branches.get(c.merge);
      if (!other) throw new Error(`merge of unknown branch ${c.merge}`);
      for (const [p, content] of other.files) if (files.get(p) !== content) changes.set(p, content);
    }
    for (const [p, content] of Object.entries(c.files ?? {})) {
      // As `git add -A` would: a new file that .gitignore excludes stays on disk, uncommitted.
      if (!files.has(p) && isIgnored(p, new Map([...files, ...Object.entries(c.files ?? {})]))) ignoredFiles[p] = content;
      else changes.set(p, content);
    }
    for (const p of c.remove ?? []) changes.set(p, null);
    mark++;
    text(`commit refs/heads/${name}\nmark :${mark}\nauthor ${who}\ncommitter ${who}\n`);
    data(c.message ?? (c.merge ? `Merge branch '${c.merge}'` : `commit ${i + 1}`));
    if (head.mark > 0) text(`from :${head.mark}\n`);
    if (c.merge) text(`merge :${branches.get(c.merge)!.mark}\n`);
    for (const [p, content] of changes) {
      if (content === null) {
        files.delete(p);
        text(`D ${p}\n`);
      } else {
        files.set(p, content);
        text(`M 100644 inline ${p}\n`);
        data(content);
      }
    }
    text('\n');
    branches.set(name, { mark, files });
    if (c.tag) {
      text(`tag ${c.tag}\nfrom :${mark}\ntagger ${who}\n`);
      data(c.tag);
    }
  });
  execFileSync('git', ['fast-import', '--quiet', '--done'], {
    cwd: dir,
    input: Buffer.concat([...chunks, Buffer.from('done\n')]),
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir },
  });
  if (branches.has('main')) runGit(dir, ['checkout', '-q', '-f', 'main']);
  writeFiles(dir, ignoredFiles);
}

/** Whether the .gitignore files among `files` exclude `path`. */
function isIgnored(path: string, files: ReadonlyMap<string, string | Buffer>): boolean {
  for (const [p, content] of files) {
    if (p !== '.gitignore' && !p.endsWith('/.gitignore')) continue;
    const base = p.slice(0, -'.gitignore'.length);
    if (!path.startsWith(base)) continue;
    if (ignore().add(content.toString()).ignores(path.slice(base.length))) return true;
  }
  return false;
}
