// The file inventory: git-tracked files in a git work tree, otherwise a walk honouring .gitignore.
import { lstat, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { FileEntry, Warning } from '../core/types.ts';
import { languageOf, roleOf } from './classify.ts';
import { git, type GitInfo } from './git.ts';
import { mapLimit } from '../util/concurrency.ts';

export interface InventoryEntry extends FileEntry {
  /** Content differs from the assessed commit (or there is no commit): hash what is read. */
  dirty: boolean;
}

export interface Inventory {
  files: InventoryEntry[];
  warnings: Warning[];
}

const STAT_CONCURRENCY = 32;

function entry(path: string, size: number, blob: string | undefined, dirty: boolean): InventoryEntry {
  const language = languageOf(path);
  const e: InventoryEntry = { path, size, language, role: roleOf(path, language), dirty };
  if (blob) e.blob = blob;
  return e;
}

/** Tracked files of the assessed directory, with their index blob ids and what changed since HEAD. */
export async function gitInventory(root: string, info: GitInfo): Promise<Inventory> {
  const warnings: Warning[] = [];
  const listed = await git(root, ['ls-files', '-z', '--stage', '--', '.']);
  if (!listed.ok) throw new Error(`git ls-files failed: ${listed.stderr.trim()}`);
  const changed = new Set<string>();
  if (info.commit) {
    const diff = await git(root, ['diff', '--name-only', '-z', '--relative', 'HEAD', '--', '.']);
    for (const p of diff.stdout.split('\0')) if (p) changed.add(p);
  }
  const rows: { path: string; blob: string }[] = [];
  let submodules = 0;
  let symlinks = 0;
  const seen = new Set<string>();
  for (const rec of listed.stdout.split('\0')) {
    if (!rec) continue;
    // "<mode> <blob> <stage>\t<path>"
    const tab = rec.indexOf('\t');
    const [mode = '', blob = ''] = rec.slice(0, tab).split(' ');
    const path = rec.slice(tab + 1);
    if (seen.has(path)) continue; // unmerged paths appear once per stage
    seen.add(path);
    if (mode === '160000') {
      submodules++;
      continue;
    }
    if (mode === '120000') {
      symlinks++;
      continue;
    }
    rows.push({ path, blob });
  }
  if (submodules > 0) {
    warnings.push({ code: 'submodules-skipped', message: `${submodules} git submodule(s) not assessed; assess each on its own.` });
  }
  if (symlinks > 0) {
    warnings.push({ code: 'symlinks-skipped', message: `${symlinks} symbolic link(s) not followed.` });
  }
  let missing = 0;
  const files = await mapLimit(rows, STAT_CONCURRENCY, async ({ path, blob }) => {
    try {
      const st = await lstat(join(root, path));
      if (!st.isFile()) return null;
      const dirty = !info.commit || changed.has(path);
      return entry(path, st.size, dirty ? undefined : blob, dirty);
    } catch {
      missing++;
      return null;
    }
  });
  if (missing > 0) {
    warnings.push({ code: 'tracked-files-missing', message: `${missing} tracked file(s) are missing from the work tree and were not assessed.` });
  }
  return { files: files.filter((f): f is InventoryEntry => f !== null), warnings };
}

/** Directories never descended into outside git: third-party trees and VCS metadata. */
const NEVER_WALK = new Set(['.git', '.hg', '.svn', 'node_modules']);

/** A walk for directories that are not git work trees: .gitignore files honoured, links not followed. */
export async function walkInventory(root: string): Promise<Inventory> {
  const warnings: Warning[] = [];
  const files: InventoryEntry[] = [];
  let symlinks = 0;
  let unreadable = 0;
  async function walk(dir: string, rel: string, rules: { base: string; ig: Ignore }[]): Promise<void> {
    let local = rules;
    try {
      const gi = await readFile(join(dir, '.gitignore'), 'utf8');
      local = [...rules, { base: rel, ig: ignore().add(gi) }];
    } catch {
      // no .gitignore here
    }
    let names;
    try {
      names = await readdir(dir, { withFileTypes: true });
    } catch {
      unreadable++;
      return;
    }
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: [string, string][] = [];
    const regular: string[] = [];
    for (const d of names) {
      const path = rel ? `${rel}/${d.name}` : d.name;
      if (d.isSymbolicLink()) {
        symlinks++;
        continue;
      }
      const ignored = local.some(({ base, ig }) => {
        const sub = base ? path.slice(base.length + 1) : path;
        return ig.ignores(d.isDirectory() ? `${sub}/` : sub);
      });
      if (ignored) continue;
      if (d.isDirectory()) {
        if (!NEVER_WALK.has(d.name)) subdirs.push([join(dir, d.name), path]);
      } else if (d.isFile()) {
        regular.push(path);
      }
    }
    const stats = await mapLimit(regular, STAT_CONCURRENCY, async (path) => {
      try {
        return entry(path, (await lstat(join(root, path))).size, undefined, true);
      } catch {
        unreadable++;
        return null;
      }
    });
    for (const s of stats) if (s) files.push(s);
    for (const [abs, path] of subdirs) await walk(abs, path, local);
  }
  await walk(root, '', []);
  if (symlinks > 0) warnings.push({ code: 'symlinks-skipped', message: `${symlinks} symbolic link(s) not followed.` });
  if (unreadable > 0) warnings.push({ code: 'unreadable-files', message: `${unreadable} file(s) or folder(s) could not be read.` });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, warnings };
}
