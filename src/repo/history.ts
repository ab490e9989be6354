// Git history, read once and shared by every detector: commits (author, dates, parents, subject,
// touched files), line churn for the last year, and tags. History never changes, so commits are
// cached by hash and a re-run reads only the commits that arrived since.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { CHURN_DAYS, DAY, type FileChurn, type History, type HistoryAuthor, type HistoryCommit, type HistoryTag, type Warning } from '../core/types.ts';
import { git, gitLines } from './git.ts';

const SEP = '\x1f';
/** Enough for every history figure in the rubric; longer histories are cut and say so. */
export const MAX_COMMITS = 200_000;
/** Bump when the cached shape or what is read changes. */
const CACHE_FORMAT = 3;

export interface HistoryOptions {
  /** The commit assessed. */
  head: string;
  shallow: boolean;
  /** Folder for the per-commit cache; without one every run reads the whole log. */
  cacheDir?: string | undefined;
}

export interface HistoryRead {
  history: History;
  /** Commits taken from the cache rather than read from git. */
  cached: number;
  warnings: Warning[];
}

interface CacheData {
  head: string;
  truncated: boolean;
  churnSince: number;
  commits: HistoryCommit[];
}

/** On disk, paths and authors are stored once and referred to by index: half the size, twice as fast to load. */
interface CacheFile {
  format: number;
  head: string;
  truncated: boolean;
  churnSince: number;
  strings: string[];
  commits: (Omit<HistoryCommit, 'author' | 'files' | 'churn'> & { author: number; files: number[]; churn?: [number, number, number][] })[];
}

function pack(data: CacheData): CacheFile {
  const index = new Map<string, number>();
  const id = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = index.size));
    return i;
  };
  const commits = data.commits.map(({ author, files, churn, ...rest }) => ({
    ...rest,
    author: id(author),
    files: files.map(id),
    ...(churn ? { churn: churn.map((c): [number, number, number] => [id(c.path), c.added, c.deleted]) } : {}),
  }));
  return { format: CACHE_FORMAT, head: data.head, truncated: data.truncated, churnSince: data.churnSince, strings: [...index.keys()], commits };
}

function unpack(file: CacheFile): CacheData {
  const s = file.strings;
  const commits = file.commits.map(({ author, files, churn, ...rest }) => ({
    ...rest,
    author: s[author]!,
    files: files.map((i) => s[i]!),
    ...(churn ? { churn: churn.map(([p, added, deleted]) => ({ path: s[p]!, added, deleted })) } : {}),
  }));
  return { head: file.head, truncated: file.truncated, churnSince: file.churnSince, commits };
}

/** Newest first by committer date, then author date, then hash: the same order however the commits were read. */
function canonicalOrder(a: HistoryCommit, b: HistoryCommit): number {
  return b.committedAt - a.committedAt || b.at - a.at || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0);
}

/** Commits in `range` (a revision or `old..new`), newest first as git lists them. */
const FORMAT = `--format=@@${SEP}%H${SEP}%aN${SEP}%aE${SEP}%at${SEP}%ct${SEP}%P${SEP}%s`;

/**
 * Commits in `range` (a revision or `old..new`), newest first as git lists them, with the files
 * each touched; or, given `stdin` revisions (`--stdin`), the commits they select without files.
 */
async function readCommits(root: string, range: string, stdin?: string): Promise<{ ok: boolean; commits: HistoryCommit[] }> {
  const commits: HistoryCommit[] = [];
  let current: HistoryCommit | undefined;
  const args = stdin === undefined ? ['log', `--max-count=${MAX_COMMITS}`, '--no-renames', '--name-only', '--relative', FORMAT, range] : ['log', `--max-count=${MAX_COMMITS}`, FORMAT, '--stdin'];
  const ok = await gitLines(
    root,
    args,
    (line) => {
      if (line.startsWith(`@@${SEP}`)) {
        const [, hash = '', name = '', email = '', at = '0', ct = '0', parents = '', subject = ''] = line.split(SEP);
        current = { hash, author: `${name} <${email.toLowerCase()}>`, at: Number(at), committedAt: Number(ct), parents: parents ? parents.split(' ') : [], subject, files: [] };
        commits.push(current);
      } else if (line && current) {
        current.files.push(line);
      }
    },
    stdin,
  );
  return { ok, commits };
}

/**
 * Files whose line churn says nothing about the code and costs the most to diff: lockfiles,
 * minified bundles, snapshots: names and endings. Leaving them out roughly halves the numstat read of a
 * JS repository. Plain pathspecs (`*` spans folders) match faster than glob ones.
 */
const NO_CHURN = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'poetry.lock', 'uv.lock', 'Pipfile.lock', 'Gemfile.lock', 'composer.lock', 'go.sum', 'Cargo.lock', 'packages.lock.json', 'gradle.lockfile', '.min.js', '.min.css', '.snap'];

/** Line churn of exactly these commits (fed to git on stdin, so no date heuristics decide which). */
async function readChurn(root: string, hashes: readonly string[]): Promise<{ ok: boolean; churn: Map<string, FileChurn[]> }> {
  const out = new Map<string, FileChurn[]>();
  if (hashes.length === 0) return { ok: true, churn: out };
  let current: FileChurn[] | undefined;
  const ok = await gitLines(
    root,
    ['log', '--no-walk=unsorted', '--stdin', '--numstat', '--no-renames', '--relative', '--format=@@%H', '--', '.', ...NO_CHURN.map((end) => `:(exclude)*${end}`)],
    (line) => {
      if (line.startsWith('@@')) {
        current = [];
        out.set(line.slice(2), current);
        return;
      }
      const m = /^(-|\d+)\t(-|\d+)\t(.+)$/.exec(line);
      if (m && current) current.push({ path: m[3]!, added: m[1] === '-' ? 0 : Number(m[1]), deleted: m[2] === '-' ? 0 : Number(m[2]) });
    },
    `${hashes.join('\n')}\n`,
  );
  return { ok, churn: out };
}

/** Where a repository's cache lives: keyed by the assessed folder and what changes author names (.mailmap). */
async function cachePath(root: string, dir: string): Promise<string> {
  const mailmap = await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD:.mailmap']);
  const key = createHash('sha256').update(`${CACHE_FORMAT}\0${root}\0${mailmap.ok ? mailmap.stdout.trim() : ''}`).digest('hex');
  return join(dir, 'history', `${key.slice(0, 32)}.json.gz`);
}

async function loadCache(file: string): Promise<CacheData | undefined> {
  try {
    const data = JSON.parse((await promisify(gunzip)(await readFile(file))).toString('utf8')) as CacheFile;
    const valid = data.format === CACHE_FORMAT && typeof data.head === 'string' && Array.isArray(data.commits) && Array.isArray(data.strings);
    return valid ? unpack(data) : undefined;
  } catch {
    return undefined;
  }
}

async function saveCache(file: string, data: CacheData): Promise<void> {
  await mkdir(join(file, '..'), { recursive: true });
  // Write then rename: a reader never sees half a file, and concurrent runs do not mix writes.
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, await promisify(gzip)(JSON.stringify(pack(data)), { level: 1 }));
    await rename(tmp, file);
  } finally {
    await rm(tmp, { force: true });
  }
}

async function readTags(root: string): Promise<HistoryTag[]> {
  const tags: HistoryTag[] = [];
  const refs = await git(root, ['for-each-ref', '--format=%(refname:short)%09%(*objectname)%09%(objectname)%09%(creatordate:unix)', 'refs/tags']);
  if (refs.ok) {
    for (const line of refs.stdout.split('\n')) {
      const [name, peeled, obj, at] = line.split('\t');
      if (name && at) tags.push({ name, commit: peeled || obj || '', at: Number(at) });
    }
  }
  return tags.sort((a, b) => a.at - b.at || a.name.localeCompare(b.name));
}

function authorsOf(commits: readonly HistoryCommit[]): HistoryAuthor[] {
  const authors = new Map<string, HistoryAuthor>();
  for (const c of commits) {
    const [, name = '', email = ''] = /^(.*) <(.*)>$/.exec(c.author) ?? [];
    const a = authors.get(c.author);
    if (a) {
      a.commits++;
      a.firstAt = Math.min(a.firstAt, c.at);
      a.lastAt = Math.max(a.lastAt, c.at);
    } else {
      authors.set(c.author, { name, email, commits: 1, firstAt: c.at, lastAt: c.at });
    }
  }
  return [...authors.values()].sort((a, b) => b.commits - a.commits || a.email.localeCompare(b.email));
}

export async function readHistory(root: string, opts: HistoryOptions): Promise<HistoryRead | undefined> {
  const warnings: Warning[] = [];
  // A shallow clone's history grows backwards when deepened: never cache it.
  const file = opts.cacheDir && !opts.shallow ? await cachePath(root, opts.cacheDir) : undefined;
  let cache = file ? await loadCache(file) : undefined;
  if (cache && cache.head !== opts.head) {
    const ancestor = await git(root, ['merge-base', '--is-ancestor', cache.head, opts.head]);
    if (!ancestor.ok) cache = undefined; // rewritten or another branch: start over
  }

  const fresh = cache?.head === opts.head ? { ok: true, commits: [] } : await readCommits(root, cache ? `${cache.head}..${opts.head}` : opts.head);
  if (!fresh.ok && fresh.commits.length === 0 && !cache) return undefined;
  const all = [...fresh.commits, ...(cache?.commits ?? [])];
  all.sort(canonicalOrder);
  const newest = all.reduce((m, c) => Math.max(m, c.committedAt), 0);
  const churnSince = newest - CHURN_DAYS * DAY;
  // The cached churn covers the window only if the window has not moved back (clock skew).
  if (cache && churnSince < cache.churnSince) for (const c of all) delete c.churn;

  if (!fresh.ok) {
    warnings.push({ code: 'history-unreadable', message: `git log stopped early (missing objects or a broken repository): history figures cover the ${all.length} commit(s) read.` });
  }
  const missing = all.filter((c) => c.committedAt >= churnSince && !c.churn && c.parents.length < 2).map((c) => c.hash);
  const read = await readChurn(root, missing);
  // A commit git does not list touched only files left out of churn; when git stopped early, the
  // ones after the failure were not read at all.
  if (read.ok) for (const h of missing) if (!read.churn.has(h)) read.churn.set(h, []);
  const lost = missing.filter((h) => !read.churn.has(h)).length;
  if (lost > 0) {
    warnings.push({ code: 'history-churn-unreadable', message: `Line churn could not be read for ${lost} of ${missing.length} recent commit(s) (missing objects, e.g. a partial clone): churn figures leave them out.` });
  }
  for (const c of all) {
    if (c.committedAt < churnSince) delete c.churn;
    else if (c.parents.length < 2 && (c.churn || read.churn.has(c.hash))) c.churn ??= read.churn.get(c.hash)!;
  }
  const truncated = opts.shallow || !fresh.ok || all.length >= MAX_COMMITS || (cache?.truncated ?? false);
  const commits = all.length > MAX_COMMITS ? all.slice(0, MAX_COMMITS) : all;

  // Tags of the last year on other branches (release and maintenance branches): their own commits,
  // so that what each release shipped can be followed. Tags move, so this is never cached.
  const tags = await readTags(root);
  const known = new Set(commits.map((c) => c.hash));
  const elsewhere = [...new Set(tags.filter((t) => t.at >= churnSince && t.commit && !known.has(t.commit)).map((t) => t.commit))];
  const releaseBranches = elsewhere.length > 0 ? (await readCommits(root, '', `${elsewhere.join('\n')}\n^${opts.head}\n`)).commits.sort(canonicalOrder) : [];

  // Never cache what could not be read whole: the next run tries again.
  if (file && cache?.head !== opts.head && fresh.ok && read.ok) {
    try {
      await saveCache(file, { head: opts.head, truncated, churnSince, commits });
    } catch (e) {
      warnings.push({ code: 'history-cache-unwritable', message: `History cache not written (${(e as Error).message.split('\n')[0]}): the next run reads the whole log again.` });
    }
  }
  return {
    history: { head: opts.head, commits, authors: authorsOf(commits), tags, releaseBranches, truncated, churnSince },
    cached: cache ? commits.length - fresh.commits.length : 0,
    warnings,
  };
}
