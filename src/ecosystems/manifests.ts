// Manifest readers: text in, dependencies out. Tolerant: a malformed manifest yields a problem
// and no dependencies, never an exception.
import type { Dependency, Ecosystem } from '../core/types.ts';
import { globMatcher } from '../util/glob.ts';
import { LOCKFILE_READERS, type LockedPackage, type LockfileReader, type LockfileResult } from './lockfiles.ts';
import { csproj, directoryPackagesProps, packagesConfig } from './manifests/dotnet.ts';
import { goMod } from './manifests/go.ts';
import { buildGradle, pomXml, readVersionCatalog, VERSION_CATALOG_GLOB } from './manifests/jvm.ts';
import { composerJson } from './manifests/php.ts';
import { pipfile } from './manifests/python.ts';
import { gemfile } from './manifests/ruby.ts';
import { devGroup, normalisePython, parseTomlTable } from './manifests/util.ts';

export interface ManifestResult {
  dependencies: Dependency[];
  problem?: string;
}

export interface ManifestReader {
  ecosystem: Ecosystem;
  /** Glob of the manifest's file name anywhere in the tree. */
  glob: string;
  /** `context` gives the text of other files (Gradle's version catalog); readers work without it. */
  read(path: string, text: string, context?: ManifestContext): ManifestResult;
}

export interface ManifestContext {
  /** The text of a file of the tree by repository-relative path, when it was read. */
  text(path: string): string | undefined;
}

function lineOfKey(text: string, key: string): number | undefined {
  const idx = text.indexOf(`"${key}"`);
  if (idx === -1) return undefined;
  let line = 1;
  for (let i = 0; i < idx; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const packageJson: ManifestReader = {
  ecosystem: 'js',
  glob: '**/package.json',
  read(path, text) {
    let pkg: unknown;
    try {
      pkg = JSON.parse(text);
    } catch (e) {
      return { dependencies: [], problem: `not valid JSON (${(e as Error).message})` };
    }
    if (typeof pkg !== 'object' || pkg === null) return { dependencies: [], problem: 'not a JSON object' };
    const deps: Dependency[] = [];
    const sections: [string, boolean][] = [
      ['dependencies', false],
      ['optionalDependencies', false],
      ['peerDependencies', false],
      ['devDependencies', true],
    ];
    for (const [section, dev] of sections) {
      const block = (pkg as Record<string, unknown>)[section];
      if (typeof block !== 'object' || block === null) continue;
      for (const [name, version] of Object.entries(block)) {
        const d: Dependency = { ecosystem: 'js', name, manifest: path, dev };
        if (typeof version === 'string') d.version = version;
        const line = lineOfKey(text, name);
        if (line !== undefined) d.line = line;
        deps.push(d);
      }
    }
    return { dependencies: deps };
  },
};

const REQUIREMENT = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(?:([<>=!~]=?|===)\s*([^\s;#]+))?/;

const requirementsTxt: ManifestReader = {
  ecosystem: 'python',
  glob: '**/requirements*.txt',
  read(path, text) {
    const dev = /dev|test|lint|doc/i.test(path);
    const deps: Dependency[] = [];
    text.split('\n').forEach((raw, i) => {
      const line = raw.replace(/#.*$/, '').trim();
      if (!line || line.startsWith('-')) return;
      const m = REQUIREMENT.exec(line);
      if (!m) return;
      const d: Dependency = { ecosystem: 'python', name: normalisePython(m[1]!), manifest: path, line: i + 1, dev };
      if (m[3]) d.version = m[3];
      deps.push(d);
    });
    return { dependencies: deps };
  },
};

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const pyproject: ManifestReader = {
  ecosystem: 'python',
  glob: '**/pyproject.toml',
  read(path, text) {
    const doc = parseTomlTable(text);
    if (typeof doc === 'string') return { dependencies: [], problem: doc };
    const deps: Dependency[] = [];
    const lines = text.split('\n');
    /** The first line after the table header `[table]` that passes `test`, else anywhere. */
    const lineIn = (table: string, test: (line: string) => boolean): number | undefined => {
      const header = lines.findIndex((l) => l.trim() === `[${table}]`);
      if (header !== -1) {
        for (let i = header + 1; i < lines.length && !/^\s*\[/.test(lines[i]!); i++) if (test(lines[i]!)) return i + 1;
      }
      const i = lines.findIndex(test);
      return i === -1 ? undefined : i + 1;
    };
    const push = (name: string, dev: boolean, line: number | undefined): void => {
      if (normalisePython(name) === 'python') return;
      const d: Dependency = { ecosystem: 'python', name: normalisePython(name), manifest: path, dev };
      if (line !== undefined) d.line = line;
      deps.push(d);
    };
    /** PEP 508 strings: `requests>=2`. */
    const specs = (list: unknown, table: string, dev: boolean): void => {
      for (const spec of Array.isArray(list) ? list : []) {
        if (typeof spec !== 'string') continue; // `{include-group = "lint"}`
        const m = REQUIREMENT.exec(spec);
        if (!m) continue;
        push(m[1]!, dev, lineIn(table, (l) => l.includes(`"${spec}"`) || l.includes(`'${spec}'`)) ?? lineIn(table, (l) => l.includes(m[1]!)));
      }
    };
    /** Poetry tables: `requests = "^2"`. */
    const keys = (block: unknown, table: string, dev: boolean): void => {
      if (typeof block !== 'object' || block === null) return;
      for (const name of Object.keys(block)) {
        const key = new RegExp(`^\\s*["']?${escapeRegExp(name)}["']?\\s*=`);
        push(name, dev, lineIn(table, (l) => key.test(l)));
      }
    };
    const table = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
    const project = table(doc['project']);
    specs(project['dependencies'], 'project', false);
    for (const [group, list] of Object.entries(table(project['optional-dependencies']))) specs(list, 'project.optional-dependencies', devGroup(group));
    // PEP 735 dependency groups.
    for (const [group, list] of Object.entries(table(doc['dependency-groups']))) specs(list, 'dependency-groups', devGroup(group));
    const tool = table(doc['tool']);
    const poetry = table(tool['poetry']);
    keys(poetry['dependencies'], 'tool.poetry.dependencies', false);
    keys(poetry['dev-dependencies'], 'tool.poetry.dev-dependencies', true);
    for (const [group, body] of Object.entries(table(poetry['group']))) {
      keys(table(body)['dependencies'], `tool.poetry.group.${group}.dependencies`, devGroup(group));
    }
    // PDM: every dev-dependencies group is for development.
    for (const list of Object.values(table(table(tool['pdm'])['dev-dependencies']))) specs(list, 'tool.pdm.dev-dependencies', true);
    specs(table(tool['uv'])['dev-dependencies'], 'tool.uv', true);
    return { dependencies: deps };
  },
};

export const MANIFEST_READERS: readonly ManifestReader[] = [
  packageJson,
  requirementsTxt,
  pyproject,
  pipfile,
  goMod,
  gemfile,
  composerJson,
  csproj,
  packagesConfig,
  directoryPackagesProps,
  pomXml,
  buildGradle,
];

/**
 * Globs of every file readDependencies reads: manifests, lockfiles and Gradle's version catalog.
 * The scanner must keep the text of these files.
 */
export const DEPENDENCY_FILE_GLOBS: readonly string[] = [
  ...new Set([...MANIFEST_READERS.map((r) => r.glob), ...LOCKFILE_READERS.map((r) => r.glob), VERSION_CATALOG_GLOB]),
];

interface ReadLockfile {
  path: string;
  dir: string;
  name: string;
  reader: LockfileReader;
  result: LockfileResult;
  /** Locked packages by normalised name. */
  byName: Map<string, LockedPackage[]>;
}

function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Names as each ecosystem compares them: PEP 503 for Python, case-insensitive NuGet and Composer. */
function comparable(ecosystem: Ecosystem, name: string): string {
  if (ecosystem === 'python') return normalisePython(name);
  return ecosystem === 'dotnet' || ecosystem === 'php' ? name.toLowerCase() : name;
}

/** `workspaces` of a package.json: an array of globs, or `{ packages: [...] }` (Yarn). */
function workspaceGlobs(text: string | undefined): string[] {
  if (text === undefined) return [];
  try {
    const pkg = JSON.parse(text) as { workspaces?: unknown };
    const ws = Array.isArray(pkg.workspaces) ? pkg.workspaces : (pkg.workspaces as { packages?: unknown } | undefined)?.packages;
    return Array.isArray(ws) ? ws.filter((g): g is string => typeof g === 'string').map((g) => g.replace(/^\.\//, '').replace(/\/$/, '')) : [];
  } catch {
    return [];
  }
}

/**
 * The locked entry a lockfile holds for a declaration of project `project` (a directory relative
 * to the lockfile's): the one the project itself resolves to when the lockfile records importers,
 * else the one matching the declared range, else the one version a direct or top-level entry has.
 */
function lockedEntry(lock: ReadLockfile, project: string, d: Dependency): LockedPackage | undefined {
  const candidates = lock.byName.get(comparable(d.ecosystem, d.name)) ?? [];
  if (candidates.length === 0) return undefined;
  const own = candidates.find((p) => p.importers?.includes(project));
  if (own) return own;
  // Yarn records the ranges each entry satisfies: the declared range picks the entry.
  if (candidates.every((p) => p.requested !== undefined)) {
    const range = d.version;
    return range === undefined ? undefined : candidates.find((p) => p.requested!.some((r) => r === range || r === `npm:${range}`));
  }
  // Entries the lockfile knows to be transitive, or to belong to other projects, are not this one's.
  let left = candidates.filter((p) => p.direct !== false && (p.importers === undefined || p.importers.length === 0));
  if (new Set(left.map((p) => p.version)).size > 1) {
    const sameRole = left.filter((p) => p.dev === d.dev);
    if (sameRole.length > 0) left = sameRole;
  }
  return new Set(left.map((p) => p.version)).size === 1 ? left[0] : undefined;
}

/**
 * Every manifest and lockfile among `files`, read: the declared dependencies, each with the version
 * the governing lockfile pins (`locked`), and the files that could not be read. A lockfile
 * governs the manifests of its own directory and, for workspace-aware lockfiles (npm, pnpm, Yarn,
 * uv), the workspace members below it that it covers; the nearest such lockfile wins. Locked
 * packages are never declarations themselves, except a Gemfile.lock's DEPENDENCIES when the
 * Gemfile is absent.
 */
export function readDependencies(
  files: readonly { path: string }[],
  text: (path: string) => string | undefined,
): { dependencies: Dependency[]; problems: { path: string; message: string }[] } {
  const problems: { path: string; message: string }[] = [];
  const dependencies: Dependency[] = [];
  const context: ManifestContext = { text };
  const paths = files.map((f) => f.path);
  const present = new Set(paths);
  for (const reader of MANIFEST_READERS) {
    const matches = globMatcher(reader.glob);
    for (const path of paths) {
      if (!matches(path)) continue;
      const t = text(path);
      if (t === undefined) continue;
      const r = reader.read(path, t, context);
      if (r.problem) problems.push({ path, message: r.problem });
      dependencies.push(...r.dependencies);
    }
  }
  const isCatalog = globMatcher(VERSION_CATALOG_GLOB);
  for (const path of paths) {
    const t = isCatalog(path) ? text(path) : undefined;
    const problem = t === undefined ? undefined : readVersionCatalog(t).problem;
    if (problem) problems.push({ path, message: problem });
  }

  const locksByDir = new Map<string, ReadLockfile[]>();
  const standIns: Dependency[] = [];
  for (const reader of LOCKFILE_READERS) {
    const matches = globMatcher(reader.glob);
    for (const path of paths) {
      if (!matches(path)) continue;
      const t = text(path);
      if (t === undefined) continue;
      const result = reader.read(path, t);
      if (result.problem) problems.push({ path, message: result.problem });
      const byName = new Map<string, LockedPackage[]>();
      for (const p of result.packages) {
        const key = comparable(p.ecosystem, p.name);
        byName.set(key, [...(byName.get(key) ?? []), p]);
      }
      const lock: ReadLockfile = { path, dir: dirOf(path), name: baseName(path), reader, result, byName };
      locksByDir.set(lock.dir, [...(locksByDir.get(lock.dir) ?? []), lock]);
      const manifest = reader.standsInFor;
      if (manifest && !present.has(lock.dir ? `${lock.dir}/${manifest}` : manifest)) {
        for (const d of result.declares ?? []) {
          const entry = lockedEntry(lock, '', d);
          if (entry) d.locked = lockedOf(entry);
          standIns.push(d);
        }
      }
    }
  }

  const workspaces = new Map<string, string[]>();
  const covers = (lock: ReadLockfile, project: string): boolean => {
    if (project === '') return true;
    if (lock.result.projects) return lock.result.projects.includes(project);
    if (lock.reader.ecosystem !== 'js') return false;
    // Yarn v1 does not list workspaces: the package.json beside the lockfile does.
    if (!workspaces.has(lock.dir)) workspaces.set(lock.dir, workspaceGlobs(text(lock.dir ? `${lock.dir}/package.json` : 'package.json')));
    const globs = workspaces.get(lock.dir)!;
    return globs.length > 0 && globMatcher(globs)(project);
  };
  for (const d of dependencies) {
    const dir = dirOf(d.manifest);
    const manifest = baseName(d.manifest);
    for (let cur: string | undefined = dir; cur !== undefined; cur = cur === '' ? undefined : dirOf(cur)) {
      const project = cur === dir ? '' : cur === '' ? dir : dir.slice(cur.length + 1);
      const governing = (locksByDir.get(cur) ?? []).filter(
        (l) => l.reader.ecosystem === d.ecosystem && l.reader.governs(l.name, manifest) && (project === '' || l.reader.workspaces) && covers(l, project),
      );
      if (governing.length === 0) continue;
      for (const lock of governing) {
        const entry = lockedEntry(lock, project, d);
        if (entry) {
          d.locked = lockedOf(entry);
          break;
        }
      }
      break;
    }
  }
  return { dependencies: [...dependencies, ...standIns], problems };
}

function lockedOf(p: LockedPackage): NonNullable<Dependency['locked']> {
  return p.line === undefined ? { version: p.version, lockfile: p.lockfile } : { version: p.version, lockfile: p.lockfile, line: p.line };
}
