// Modules (bounded contexts) of a repository, from its layout and manifests: JS workspace
// packages, folders under a module root (src/modules/*, packages/*, ...) with an entry file,
// Python packages under the import root, Go packages under internal/ and pkg/, Java/Kotlin
// top-level packages with a package-info or facade, Maven/Gradle sub-projects, packwerk packs,
// .NET projects and PHP PSR-4 namespaces. Only the platform's own code counts: tests, fixtures,
// examples, vendored and generated copies never make a module.
import { parse as parseYaml } from 'yaml';
import type { RepoView } from '../core/detector.ts';
import type { FileEntry, FileRole } from '../core/types.ts';
import { globMatcher } from '../util/glob.ts';

export type ModuleKind =
  | 'workspace'
  | 'folder'
  | 'python-package'
  | 'go-package'
  | 'jvm-package'
  | 'jvm-project'
  | 'ruby-pack'
  | 'dotnet-project'
  | 'php-namespace';

export interface Module {
  /** Short name for people: the package name of a workspace, else the folder or project name. */
  name: string;
  /** Repository-relative folder; every file below it belongs to the module. */
  dir: string;
  /** The public entry file (index.ts, __init__.py, package-info.java, the package's main), if any. */
  entry?: string;
  kind: ModuleKind;
  /** The file that makes it a module (package.json, package.yml, *.csproj, pom.xml) or its entry. */
  declaredBy: string;
  /** Workspace packages: the subpaths `exports` makes public (`.`, `./client`, `./*`); absent without `exports`. */
  exports?: string[];
  /** How imports name it: the workspace package name, the .NET root namespace, the PHP namespace. */
  importName?: string;
}

/** Files whose text module detection reads: detectors using it add these to `contents`. */
export const MODULE_CONTENTS: readonly string[] = [
  '**/package.json', 'pnpm-workspace.yaml', 'lerna.json', 'nx.json', '**/package.yml', '**/composer.json', '**/*.csproj',
];

/** Folders whose direct children are meant to be modules. */
const MODULE_ROOTS = [
  'src/modules', 'modules', 'packages', 'apps', 'services', 'domains', 'libs', 'src/domains', 'src/features',
  'internal', 'pkg', 'app/modules',
];
/** Go package folders: the language makes exported identifiers each package's public API. */
const GO_ROOTS = new Set(['internal', 'pkg']);

/** Files that make a folder a module with a public entry, in order of preference. */
const ENTRY_FILES = ['package.json', 'index.ts', 'index.tsx', 'index.js', 'index.mjs', 'index.cjs', 'index.jsx', '__init__.py', 'mod.rs'];

/**
 * Technical layers and tooling folders: siblings named like this are a layered or a script
 * layout, not bounded contexts (Python, Java and PHP conventions only; explicit module roots
 * such as packages/* are taken as declared).
 */
const LAYERS = new Set([
  'api', 'apis', 'adapter', 'adapters', 'application', 'app', 'bin', 'cli', 'cmd', 'command', 'commands', 'common', 'config', 'configs',
  'configuration', 'console', 'constants', 'controller', 'controllers', 'core', 'crud', 'db', 'database', 'domain', 'dto', 'dtos',
  'entity', 'entities', 'enums', 'event', 'events', 'exception', 'exceptions', 'form', 'forms', 'handler', 'handlers', 'helper',
  'helpers', 'http', 'infra', 'infrastructure', 'interfaces', 'jobs', 'lib', 'libs', 'listeners', 'mail', 'mapper', 'mappers',
  'middleware', 'middlewares', 'migrations', 'model', 'models', 'notifications', 'persistence', 'policies', 'ports', 'presentation',
  'providers', 'repo', 'repos', 'repository', 'repositories', 'resources', 'rest', 'routes', 'routers', 'rules', 'schema',
  'schemas', 'scripts', 'security', 'service', 'services', 'settings', 'shared', 'static', 'support', 'templates', 'tools', 'types',
  'util', 'utils', 'views', 'web',
]);

/** Roles that are not the platform's own code layout. */
const NOT_OWN: ReadonlySet<FileRole> = new Set<FileRole>(['vendored', 'fixture', 'test', 'generated', 'docs']);

export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function join(dir: string, rel: string): string {
  const parts = dir === '' ? [] : dir.split('/');
  for (const p of rel.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function json(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Workspace package globs declared by the root package.json, pnpm or lerna; undefined when none. */
export function workspaceGlobs(text: (p: string) => string | undefined): { file: string; globs: string[] } | undefined {
  const pkgText = text('package.json');
  const pkg = json(pkgText);
  if (pkg && pkg['workspaces'] !== undefined) {
    const ws = pkg['workspaces'];
    return { file: 'package.json', globs: Array.isArray(ws) ? stringList(ws) : stringList((ws as Record<string, unknown> | null)?.['packages']) };
  }
  const pnpm = text('pnpm-workspace.yaml');
  if (pnpm !== undefined) {
    try {
      return { file: 'pnpm-workspace.yaml', globs: stringList((parseYaml(pnpm) as Record<string, unknown> | null)?.['packages']) };
    } catch {
      return { file: 'pnpm-workspace.yaml', globs: [] };
    }
  }
  const lerna = text('lerna.json');
  if (lerna !== undefined) {
    const globs = stringList(json(lerna)?.['packages']);
    return { file: 'lerna.json', globs: globs.length > 0 ? globs : ['packages/*'] };
  }
  if (text('nx.json') !== undefined) return { file: 'nx.json', globs: [] };
  return undefined;
}

/** The first string target of an `exports` value (conditions in order: source, import, default, require). */
function exportTarget(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(exportTarget).find((x) => x !== undefined);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of ['source', 'development', 'import', 'module', 'default', 'require', 'node', 'types']) {
      const t = exportTarget(o[k]);
      if (t !== undefined) return t;
    }
  }
  return undefined;
}

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** A workspace package's name, public subpaths and entry file. */
function workspacePackage(manifest: string, text: string | undefined, exists: (p: string) => boolean): Module {
  const dir = dirOf(manifest);
  const pkg = json(text) ?? {};
  const name = typeof pkg['name'] === 'string' && pkg['name'] !== '' ? pkg['name'] : baseName(dir);
  const ex = pkg['exports'];
  let exportsList: string[] | undefined;
  let main: string | undefined;
  if (ex !== undefined) {
    const keys = ex && typeof ex === 'object' && !Array.isArray(ex) ? Object.keys(ex) : [];
    const subpaths = keys.filter((k) => k.startsWith('.'));
    exportsList = subpaths.length > 0 ? subpaths : ['.'];
    main = exportTarget(subpaths.length > 0 ? (ex as Record<string, unknown>)['.'] : ex);
  }
  const candidates = [main, pkg['source'], pkg['module'], pkg['main']].filter((x): x is string => typeof x === 'string');
  const probe = (rel: string): string | undefined => {
    const p = join(dir, rel);
    if (exists(p)) return p;
    const stem = p.replace(/\.[cm]?[jt]sx?$/, '');
    return SOURCE_EXTENSIONS.map((e) => stem + e).find(exists) ?? SOURCE_EXTENSIONS.map((e) => `${p}/index${e}`).find(exists);
  };
  const entry = [...candidates, 'src/index', 'index'].map(probe).find((x) => x !== undefined);
  const m: Module = { name, dir, kind: 'workspace', declaredBy: manifest, importName: name };
  if (entry) m.entry = entry;
  if (exportsList) m.exports = exportsList;
  return m;
}

/** The source sets of JVM code: `<project>/src/main/java/` and `.../kotlin/`. */
const JVM_SOURCE_ROOT = /^(.*?)(?:^|\/)src\/main\/(?:java|kotlin)\//;
/** A type named as a module's facade: `BillingFacade`, `BillingApi`, `BillingModule`. */
const FACADE = /(?:Facade|Api|API|Module)\.(?:java|kt)$/;

/** Java/Kotlin: top-level packages of an application's base package with a package-info or facade. */
function jvmPackages(own: readonly FileEntry[], add: (m: Module) => void): void {
  const byRoot = new Map<string, string[]>();
  for (const f of own) {
    if (f.language !== 'java' && f.language !== 'kotlin') continue;
    const m = JVM_SOURCE_ROOT.exec(f.path);
    if (!m) continue;
    const root = f.path.slice(0, m[0].length);
    const list = byRoot.get(root);
    if (list) list.push(f.path.slice(root.length));
    else byRoot.set(root, [f.path.slice(root.length)]);
  }
  for (const [root, rels] of byRoot) {
    // The base package: descend while every file is below one single child folder.
    const split = rels.map((r) => r.split('/'));
    let base: string[] = [];
    for (;;) {
      const depth = base.length;
      if (split.some((parts) => parts.length <= depth + 1)) break;
      const next = new Set(split.map((parts) => parts[depth]!));
      if (next.size !== 1) break;
      base = [...base, [...next][0]!];
    }
    const prefix = base.length > 0 ? `${base.join('/')}/` : '';
    const groups = new Map<string, string[]>();
    for (const r of rels) {
      if (!r.startsWith(prefix)) continue;
      const parts = r.slice(prefix.length).split('/');
      if (parts.length < 2 || LAYERS.has(parts[0]!.toLowerCase())) continue;
      const list = groups.get(parts[0]!);
      if (list) list.push(parts.slice(1).join('/'));
      else groups.set(parts[0]!, [parts.slice(1).join('/')]);
    }
    const found: Module[] = [];
    for (const [pkg, files] of groups) {
      const top = files.filter((f) => !f.includes('/')).sort();
      const entry = top.find((f) => /^package-info\.java$/.test(f)) ?? top.find((f) => FACADE.test(f));
      if (!entry) continue;
      const dir = `${root}${prefix}${pkg}`;
      found.push({ name: pkg, dir, entry: `${dir}/${entry}`, kind: 'jvm-package', declaredBy: `${dir}/${entry}`, importName: [...base, pkg].join('.') });
    }
    if (found.length >= 2) found.forEach(add);
  }
}

/** Python: packages (with __init__.py) directly under the import root, or under its one app package. */
function pythonPackages(own: readonly FileEntry[], add: (m: Module) => void): void {
  const inits = new Set(own.filter((f) => f.path.endsWith('/__init__.py')).map((f) => dirOf(f.path)));
  if (inits.size === 0) return;
  const childrenOf = (dir: string): string[] =>
    [...inits].filter((d) => dirOf(d) === dir);
  for (const root of ['', 'src']) {
    let top = childrenOf(root);
    // A single application package (`app/`, `myproject/`): its sub-packages are the contexts.
    if (top.length === 1) top = childrenOf(top[0]!);
    const domains = top.filter((d) => !LAYERS.has(baseName(d).toLowerCase())).sort();
    if (domains.length < 2) continue;
    for (const d of domains) add({ name: baseName(d), dir: d, entry: `${d}/__init__.py`, kind: 'python-package', declaredBy: `${d}/__init__.py` });
  }
}

const TEST_PROJECT = /(?:^|\.)(?:Tests?|UnitTests?|IntegrationTests?|Specs?|Benchmarks?)$/i;

/** .NET: every production project file; its root namespace is how `using` names it. */
function dotnetProjects(repo: RepoView, own: readonly FileEntry[], add: (m: Module) => void): void {
  const projects = own.filter((f) => f.path.endsWith('.csproj') && !TEST_PROJECT.test(baseName(f.path).slice(0, -'.csproj'.length)));
  if (projects.length < 2) return;
  for (const p of projects) {
    const name = baseName(p.path).slice(0, -'.csproj'.length);
    const ns = /<RootNamespace>\s*([\w.]+)\s*<\/RootNamespace>/.exec(repo.text(p.path) ?? '')?.[1] ?? name;
    add({ name, dir: dirOf(p.path), kind: 'dotnet-project', declaredBy: p.path, importName: ns });
  }
}

/** Ruby: packwerk packs (a package.yml below the root); `app/public/` holds a pack's API. */
function rubyPacks(own: readonly FileEntry[], add: (m: Module) => void): void {
  const packs = own.filter((f) => f.path.endsWith('/package.yml'));
  if (packs.length < 2) return;
  for (const p of packs) {
    const dir = dirOf(p.path);
    const entry = own.find((f) => f.path.startsWith(`${dir}/app/public/`) && f.language === 'ruby');
    const m: Module = { name: baseName(dir), dir, kind: 'ruby-pack', declaredBy: p.path };
    if (entry) m.entry = entry.path;
    add(m);
  }
}

/** PHP: the folders directly under each PSR-4 root of composer.json (`"App\\": "src/"`). */
function phpNamespaces(repo: RepoView, own: readonly FileEntry[], add: (m: Module) => void): void {
  for (const manifest of own.filter((f) => baseName(f.path) === 'composer.json')) {
    const psr4 = (json(repo.text(manifest.path))?.['autoload'] as Record<string, unknown> | undefined)?.['psr-4'];
    if (!psr4 || typeof psr4 !== 'object') continue;
    for (const [ns, dirs] of Object.entries(psr4 as Record<string, unknown>)) {
      for (const d of typeof dirs === 'string' ? [dirs] : stringList(dirs)) {
        const root = join(dirOf(manifest.path), d);
        const prefix = root === '' ? '' : `${root}/`;
        /** Each namespace folder with its first PHP file (the evidence that it exists). */
        const children = new Map<string, string>();
        for (const f of own) {
          if (f.language !== 'php' || !f.path.startsWith(prefix)) continue;
          const parts = f.path.slice(prefix.length).split('/');
          if (parts.length < 2 || LAYERS.has(parts[0]!.toLowerCase())) continue;
          const known = children.get(parts[0]!);
          if (known === undefined || f.path < known) children.set(parts[0]!, f.path);
        }
        if (children.size < 2) continue;
        for (const [c, first] of [...children].sort(([a], [b]) => a.localeCompare(b))) {
          add({ name: c, dir: `${prefix}${c}`, kind: 'php-namespace', declaredBy: first, importName: `${ns.replace(/\\+$/, '')}\\${c}` });
        }
      }
    }
  }
}

const cache = new WeakMap<RepoView, readonly Module[]>();

/** The modules of a repository, sorted by folder; computed once per view. */
export function findModules(repo: RepoView): readonly Module[] {
  const known = cache.get(repo);
  if (known) return known;
  const own = repo.files.filter((f) => !NOT_OWN.has(f.role));
  const ownPaths = new Set(own.map((f) => f.path));
  const modules = new Map<string, Module>();
  const add = (m: Module): void => {
    // A "module" at the root would be the whole repository.
    if (m.dir !== '' && !modules.has(m.dir)) modules.set(m.dir, m);
  };

  // 1. JavaScript workspaces: every package.json the workspace globs select (or, for nx and
  //    globs we cannot read, every package.json below the root).
  const ws = workspaceGlobs((p) => repo.text(p));
  if (ws) {
    const asManifest = (g: string): string => `${g.replace(/\/+$/, '')}/package.json`;
    const include = ws.globs.filter((g) => !g.startsWith('!')).map(asManifest);
    const exclude = ws.globs.filter((g) => g.startsWith('!')).map((g) => asManifest(g.slice(1)));
    const isIncluded = include.length > 0 ? globMatcher(include) : () => true;
    const isExcluded = exclude.length > 0 ? globMatcher(exclude) : () => false;
    const pkgs = own.filter((f) => f.path !== 'package.json' && /(^|\/)package\.json$/.test(f.path) && isIncluded(f.path) && !isExcluded(f.path));
    if (pkgs.length >= 2) for (const p of pkgs) add(workspacePackage(p.path, repo.text(p.path), (x) => ownPaths.has(x)));
  }

  // 2. Module folders: >= 2 children of one module root, each with an entry file.
  const rank = (p: string): number => {
    const i = ENTRY_FILES.indexOf(baseName(p));
    return i === -1 ? ENTRY_FILES.length : i;
  };
  const byRoot = new Map<string, Map<string, FileEntry>>();
  for (const f of own) {
    const parts = f.path.split('/');
    if (parts.length < 3) continue;
    const name = parts[parts.length - 1]!;
    const moduleDir = parts.slice(0, -1).join('/');
    const rootDir = parts.slice(0, -2).join('/');
    const root = MODULE_ROOTS.find((r) => rootDir === r || rootDir.endsWith(`/${r}`));
    if (!root) continue;
    const isGoPackage = GO_ROOTS.has(root) && f.language === 'go';
    if (!ENTRY_FILES.includes(name) && !isGoPackage) continue;
    let children = byRoot.get(rootDir);
    if (!children) byRoot.set(rootDir, (children = new Map()));
    const known = children.get(moduleDir);
    if (!known || rank(f.path) < rank(known.path) || (rank(f.path) === rank(known.path) && f.path < known.path)) children.set(moduleDir, f);
  }
  for (const [, children] of [...byRoot].sort(([a], [b]) => a.localeCompare(b))) {
    if (children.size < 2) continue;
    for (const [dir, f] of children) {
      if (baseName(f.path) === 'package.json') {
        add(workspacePackage(f.path, repo.text(f.path), (x) => ownPaths.has(x)));
        continue;
      }
      const kind = f.language === 'go' ? 'go-package' : f.language === 'python' ? 'python-package' : 'folder';
      add({ name: baseName(dir), dir, entry: f.path, kind, declaredBy: f.path });
    }
  }

  // 3. Language conventions.
  pythonPackages(own, add);
  jvmPackages(own, add);
  rubyPacks(own, add);
  dotnetProjects(repo, own, add);
  phpNamespaces(repo, own, add);
  // Maven/Gradle sub-projects with their own source set.
  const builds = own.filter((f) => /(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/.test(f.path) && f.path.includes('/'));
  const projects = builds.filter((b) => own.some((f) => f.path.startsWith(`${dirOf(b.path)}/src/main/`) && (f.language === 'java' || f.language === 'kotlin')));
  if (projects.length >= 2) for (const b of projects) add({ name: baseName(dirOf(b.path)), dir: dirOf(b.path), kind: 'jvm-project', declaredBy: b.path });

  // Names people read: unique, else the folder.
  const list = [...modules.values()].sort((a, b) => a.dir.localeCompare(b.dir));
  const count = new Map<string, number>();
  for (const m of list) count.set(m.name, (count.get(m.name) ?? 0) + 1);
  for (const m of list) if (count.get(m.name)! > 1) m.name = m.dir;
  cache.set(repo, list);
  return list;
}

/** The innermost module a file belongs to. */
export function moduleResolver(modules: readonly Module[]): (path: string) => Module | undefined {
  const byDir = new Map(modules.map((m) => [m.dir, m] as const));
  const memo = new Map<string, Module | undefined>();
  return (path) => {
    let dir = dirOf(path);
    const start = dir;
    if (memo.has(start)) return memo.get(start);
    let found: Module | undefined;
    for (;;) {
      found = byDir.get(dir);
      if (found || dir === '') break;
      dir = dirOf(dir);
    }
    memo.set(start, found);
    return found;
  };
}
