// `readiness report --format audit-pack`: gathers what an external reviewer's pack needs (the
// attestation, waiver and review files and the cited blobs, read from git by blob id; the built-in
// rubric's files) and writes it as one .tar.gz. What goes in is decided by src/report/audit-pack.ts;
// this file only reads and writes. The archive is deterministic: entries sorted, mtimes set to the
// assessment's time, owner 0:0, and a gzip header without a timestamp or an OS of its own.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Header, Pack, ReadEntry } from 'tar';
import type { Assessment } from '../core/assessment.ts';
import { CONFIG_LOCATIONS } from '../config/load.ts';
import { TOOL } from '../engine/assess.ts';
import { MESSAGES, UserError } from '../errors/index.ts';
import { gitBlobs, gitInfo } from '../repo/git.ts';
import { BUILTIN_RUBRIC_DIR, loadRubric } from '../rubric/load.ts';
import {
  auditPackName,
  buildAuditPack,
  citedBlobs,
  peopleRefs,
  type BuiltinRubric,
  type ConfigReproduction,
  type PackFile,
  type PeopleFile,
} from '../report/audit-pack.ts';

export interface AuditPackOptions {
  assessment: Assessment;
  /** The folder that was assessed (its git repository is read). */
  repoPath: string;
  /** The archive to write; default `readiness-audit-<repo>-<commit8 | worktree>.tar.gz` in the current folder. */
  output?: string | undefined;
  /** The readiness arguments that asked for the pack (without node and script), recorded in the manifest. */
  argv?: string[] | undefined;
}

export interface AuditPackResult {
  /** The path written, as given or the default name. */
  file: string;
  /** Files in the archive (folders not counted). */
  entries: number;
  /** Size of the archive. */
  bytes: number;
}

const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** The repository's name: the last part of its remote, else its folder's name. */
export function repositoryName(remote: string | null, folder: string): string {
  const fromRemote = remote?.replace(/[/\\]+$/, '').replace(/[/\\]?\.git$/, '').replace(/[/\\]+$/, '').split(/[/:\\]/).at(-1);
  return fromRemote || basename(resolve(folder));
}

/** The built-in rubric's YAML files, by path relative to its folder. */
async function builtinRubric(): Promise<BuiltinRubric> {
  const rubric = loadRubric();
  const files = new Map<string, Buffer>();
  const top = await readdir(BUILTIN_RUBRIC_DIR);
  const pillars = await readdir(join(BUILTIN_RUBRIC_DIR, 'pillars')).catch(() => [] as string[]);
  for (const f of top.filter((x) => x.endsWith('.yaml')).sort()) files.set(f, await readFile(join(BUILTIN_RUBRIC_DIR, f)));
  for (const f of pillars.filter((x) => x.endsWith('.yaml')).sort()) files.set(`pillars/${f}`, await readFile(join(BUILTIN_RUBRIC_DIR, 'pillars', f)));
  return { id: rubric.id, version: rubric.version, hash: rubric.hash, files };
}

/**
 * How a reproduction gets the config: discovery finds a config at one of its locations in the
 * assessed folder; any other file must be passed with --config, and may not be in the repository.
 */
export function configReproduction(a: Assessment): ConfigReproduction {
  const file = a.config.file;
  if (!file) return { argument: null, note: null };
  const found = { argument: null, note: null };
  if (isAbsolute(file)) {
    const rel = relative(a.subject.path, file);
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) {
      const inRepo = rel.split(sep).join('/');
      return (CONFIG_LOCATIONS as readonly string[]).includes(inRepo) ? found : { argument: inRepo, note: null };
    }
  } else {
    // Relative to where the assessment ran: discovery records its location joined to the path given.
    const slashed = file.split(sep).join('/');
    if (CONFIG_LOCATIONS.some((loc) => slashed === loc || slashed.endsWith(`/${loc}`))) return found;
  }
  return {
    argument: basename(file),
    note: `The assessment used the config file ${file}, which is not where discovery looks in the repository: get a copy of it from the team and pass it with --config, or targets, exclusions and people folders may differ.`,
  };
}

/** Attestation, waiver and review files from git: by recorded blob id, else as at the assessed commit. */
async function readPeople(a: Assessment, cwd: string, prefix: string, blobs: ReadonlyMap<string, Buffer>): Promise<PeopleFile[]> {
  const commit = a.subject.commit;
  const byPath = new Map<string, string>();
  for (const r of peopleRefs(a)) {
    if (r.blob || !commit || !OID.test(commit) || isAbsolute(r.path) || /[\n\r]/.test(r.path)) continue;
    byPath.set(r.path, `${commit}:${prefix}${r.path.replace(/^\.\//, '')}`);
  }
  const atCommit = await readBlobs(cwd, [...byPath.values()]);
  return peopleRefs(a).map((r) => {
    const content = r.blob ? (blobs.get(r.blob) ?? null) : (atCommit.get(byPath.get(r.path) ?? '') ?? null);
    return { ...r, content };
  });
}

/** Objects by name in one `git cat-file --batch`; none when the folder is not a git repository. */
async function readBlobs(cwd: string, names: readonly string[]): Promise<Map<string, Buffer>> {
  if (names.length === 0) return new Map();
  return gitBlobs(cwd, names).catch(() => new Map<string, Buffer>());
}

/** Folder entries (`a/`, `a/b/`) for every file path, so the archive lists its own tree. */
function withFolders(top: string, files: readonly PackFile[]): { path: string; content: Buffer | null }[] {
  const folders = new Set<string>([`${top}/`]);
  for (const f of files) {
    const parts = f.path.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(`${top}/${parts.slice(0, i).join('/')}/`);
  }
  const all = [...[...folders].map((path) => ({ path, content: null })), ...files.map((f) => ({ path: `${top}/${f.path}`, content: f.content }))];
  return all.sort((x, y) => Buffer.compare(Buffer.from(x.path), Buffer.from(y.path)));
}

/** A gzipped tar of the files under `top`, every header fixed: the same input gives the same bytes. */
export function tarGz(top: string, files: readonly PackFile[], mtime: Date): Promise<Buffer> {
  // Whole seconds: the ustar header holds no more, so no pax record is added for a fraction.
  const when = new Date(Math.floor((Number.isNaN(mtime.getTime()) ? 0 : mtime.getTime()) / 1000) * 1000);
  return new Promise((resolvePack, reject) => {
    // portable on the gzip stream: no timestamp, and an "unknown" OS byte, whatever the machine.
    const pack = new Pack({ gzip: { portable: true, level: 9 }, mtime: when });
    const chunks: Buffer[] = [];
    pack.on('data', (c: Buffer) => void chunks.push(c));
    pack.on('end', () => resolvePack(Buffer.concat(chunks)));
    pack.on('error', reject);
    for (const e of withFolders(top, files)) {
      const file = e.content !== null;
      const header = new Header({ path: e.path, type: file ? 'File' : 'Directory', size: e.content?.length ?? 0, mode: file ? 0o644 : 0o755, uid: 0, gid: 0, uname: '', gname: '', mtime: when });
      const entry = new ReadEntry(header);
      pack.add(entry);
      if (e.content) entry.end(e.content);
      else entry.end();
    }
    pack.end();
  });
}

export async function writeAuditPack(opts: AuditPackOptions): Promise<AuditPackResult> {
  const a = opts.assessment;
  const info = await gitInfo(opts.repoPath);
  const prefix = info?.prefix ? `${info.prefix}/` : '';
  const repoName = repositoryName(a.subject.remote, info?.topLevel ?? opts.repoPath);
  const name = auditPackName(repoName, a.subject.commit);

  const wanted = new Set(citedBlobs(a));
  for (const r of peopleRefs(a)) if (r.blob && OID.test(r.blob)) wanted.add(r.blob);
  const blobs = await readBlobs(opts.repoPath, [...wanted].sort());
  const people = await readPeople(a, opts.repoPath, prefix, blobs);

  const pack = buildAuditPack({
    assessment: a,
    name,
    repoName,
    prefix: info?.prefix ?? '',
    rubric: await builtinRubric(),
    people,
    blobs,
    config: configReproduction(a),
    packedBy: { name: TOOL.name, version: TOOL.version },
    argv: opts.argv,
  });
  const archive = await tarGz(name, pack.files, new Date(a.assessedAt));
  const file = opts.output ?? `${name}.tar.gz`;
  try {
    await writeFile(file, archive);
  } catch (e) {
    throw new UserError('output-unwritable', MESSAGES.outputUnwritable(file, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
  return { file, entries: pack.files.length, bytes: archive.length };
}
