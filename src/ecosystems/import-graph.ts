// The import graph of production code: import sites resolved to repository files, and the
// module-to-module dependencies they make. Resolution follows each language's own rules, never a
// guess: JS relative paths with extension and index probing, tsconfig/jsconfig `paths` and
// `baseUrl`, workspace package names; Python absolute imports under an import root and relative
// imports; Go imports under a go.mod module path; Java/Kotlin imports by package folder; C#
// namespaces by project root namespace; Ruby `require_relative`; PHP `use` by composer PSR-4.
// Anything else is external (a library, the standard library) or unknown, and left out. Tests,
// fixtures, vendored, generated and docs files are not production code: they are not in it.
import type { RepoView } from '../core/detector.ts';
import type { FileEntry, FileRole, ImportSite } from '../core/types.ts';
import { blankComments } from '../util/text.ts';
import { MODULE_CONTENTS, dirOf, findModules, moduleResolver, type Module } from './modules.ts';

/** Files whose text the graph reads (module manifests, tsconfig/jsconfig, go.mod, composer.json, csproj). */
export const GRAPH_CONTENTS: readonly string[] = [...MODULE_CONTENTS, '**/tsconfig*.json', '**/jsconfig*.json', '**/go.mod'];

export interface ResolvedImport {
  site: ImportSite;
  /**
   * The repository file imported. For languages that import a package or namespace (Go, JVM
   * wildcards, C#), a file of that package: the first by path.
   */
  target?: string;
  /** Module of the importing file. */
  from?: Module;
  /** Module imported: the target's, or the workspace package a specifier names. */
  to?: Module;
  /** A specifier that names a workspace package: what follows the name ('' for the bare name). */
  subpath?: string;
}

export interface ModuleEdge {
  from: Module;
  to: Module;
  /** The imports that make the dependency, in path:line order. */
  imports: ResolvedImport[];
  /** Every import is type-only: no runtime dependency. */
  typeOnly: boolean;
}

export interface ImportGraph {
  modules: readonly Module[];
  moduleOf(path: string): Module | undefined;
  /** Production import sites resolved inside the repository (file -> file edges). */
  resolved: readonly ResolvedImport[];
  /** Module -> module dependencies, sorted by folders. */
  moduleEdges: readonly ModuleEdge[];
}

const NOT_PRODUCTION: ReadonlySet<FileRole> = new Set<FileRole>(['test', 'fixture', 'vendored', 'generated', 'docs']);

function join(dir: string, rel: string): string | undefined {
  const parts = dir === '' ? [] : dir.split('/');
  for (const p of rel.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(p);
  }
  return parts.join('/');
}

function parseJsonc(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(blankComments(text, 'javascript').replace(/,(\s*[}\]])/g, '$1'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

type Lookup = (path: string) => FileEntry | undefined;

// ------------------------------------------------------------------------------ JavaScript

const JS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const JS_LANGUAGES = new Set(['javascript', 'typescript']);

/** A JS/TS file at `p`: as written, `.js` written for `.ts` (ESM TypeScript), with an extension, or an index. */
function probeJs(p: string | undefined, file: Lookup): string | undefined {
  if (p === undefined) return undefined;
  const ok = (x: string): boolean => JS_LANGUAGES.has(file(x)?.language ?? '');
  if (ok(p)) return p;
  const written = /\.([cm]?)js(x?)$/.exec(p);
  if (written) {
    const stem = p.slice(0, written.index);
    const ts = [`${stem}.${written[1]}ts${written[2]}`, `${stem}.tsx`].find(ok);
    if (ts) return ts;
  }
  return JS_EXTENSIONS.map((e) => p + e).find(ok) ?? JS_EXTENSIONS.map((e) => `${p}/index${e}`).find(ok);
}

interface PathConfig {
  /** Folder `paths` targets are relative to (baseUrl, else the folder of the config defining paths). */
  pathsBase?: string;
  paths?: [pattern: string, targets: string[]][];
  /** Folder of `baseUrl`, for bare specifiers resolved from it. */
  baseUrl?: string;
}

/** tsconfig/jsconfig `compilerOptions` with `extends` followed (relative paths only). */
function readConfig(path: string, text: (p: string) => string | undefined, depth = 0): PathConfig {
  const json = parseJsonc(text(path));
  if (!json || depth > 5) return {};
  const dir = dirOf(path);
  const ext = typeof json['extends'] === 'string' && json['extends'].startsWith('.') ? join(dir, json['extends']) : undefined;
  const parent = ext ? readConfig(ext.endsWith('.json') ? ext : `${ext}.json`, text, depth + 1) : {};
  const options = (json['compilerOptions'] ?? {}) as Record<string, unknown>;
  const out: PathConfig = { ...parent };
  if (typeof options['baseUrl'] === 'string') {
    const b = join(dir, options['baseUrl']);
    if (b !== undefined) out.baseUrl = out.pathsBase = b;
  }
  const paths = options['paths'];
  if (paths && typeof paths === 'object') {
    out.paths = Object.entries(paths as Record<string, unknown>)
      .map(([k, v]): [string, string[]] => [k, Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []])
      // TypeScript tries the pattern with the longest prefix first.
      .sort((a, b) => b[0].indexOf('*') - a[0].indexOf('*') || b[0].length - a[0].length);
    if (out.baseUrl === undefined) out.pathsBase = dir;
  }
  return out;
}

function matchPattern(pattern: string, specifier: string): string | undefined {
  const star = pattern.indexOf('*');
  if (star === -1) return pattern === specifier ? '' : undefined;
  const pre = pattern.slice(0, star);
  const post = pattern.slice(star + 1);
  if (specifier.length >= pre.length + post.length && specifier.startsWith(pre) && specifier.endsWith(post)) {
    return specifier.slice(pre.length, specifier.length - post.length);
  }
  return undefined;
}

function jsResolver(repo: RepoView, modules: readonly Module[]): (site: ImportSite) => Omit<ResolvedImport, 'site' | 'from'> | undefined {
  const file: Lookup = (p) => repo.file(p);
  const configs = repo.files.filter((f) => /(^|\/)[tj]sconfig[^/]*\.json$/.test(f.path) && !NOT_PRODUCTION.has(f.role));
  const primary = new Map(configs.filter((f) => /(^|\/)[tj]sconfig\.json$/.test(f.path)).map((f) => [dirOf(f.path), f.path] as const));
  const fallback = configs.find((f) => f.path === 'tsconfig.base.json')?.path;
  const parsed = new Map<string, PathConfig>();
  const configFor = new Map<string, PathConfig | undefined>();
  /** The nearest tsconfig.json/jsconfig.json above a folder. */
  const nearest = (dir: string): PathConfig | undefined => {
    if (configFor.has(dir)) return configFor.get(dir);
    let d = dir;
    let path: string | undefined;
    for (;;) {
      path = primary.get(d);
      if (path || d === '') break;
      d = dirOf(d);
    }
    path ??= fallback;
    let c: PathConfig | undefined;
    if (path) {
      c = parsed.get(path);
      if (!c) parsed.set(path, (c = readConfig(path, (p) => repo.text(p))));
    }
    configFor.set(dir, c);
    return c;
  };
  const packages = new Map(modules.filter((m) => m.kind === 'workspace' && m.importName).map((m) => [m.importName!, m] as const));

  return (site) => {
    const spec = site.specifier;
    if (spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') {
      const target = probeJs(join(dirOf(site.path), spec), file);
      return target ? { target } : undefined;
    }
    if (spec.startsWith('/') || /^[a-z]+:/.test(spec)) return undefined;
    // A workspace package, by name: `@acme/billing` or a deep `@acme/billing/src/x`.
    const parts = spec.split('/');
    const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
    const pkg = packages.get(name);
    const subpath = pkg ? parts.slice(spec.startsWith('@') ? 2 : 1).join('/') : undefined;
    const config = nearest(dirOf(site.path));
    let target: string | undefined;
    for (const [pattern, targets] of config?.paths ?? []) {
      const star = matchPattern(pattern, spec);
      if (star === undefined) continue;
      target = targets.map((t) => probeJs(join(config!.pathsBase ?? '', t.replace('*', star)), file)).find((x) => x !== undefined);
      break;
    }
    if (!target && pkg) target = subpath === '' ? pkg.entry : probeJs(join(pkg.dir, subpath!), file) ?? probeJs(join(pkg.dir, `src/${subpath}`), file);
    if (!target && !pkg && config?.baseUrl !== undefined) target = probeJs(join(config.baseUrl, spec), file);
    if (!target && !pkg) return undefined;
    const out: Omit<ResolvedImport, 'site' | 'from'> = {};
    if (target) out.target = target;
    if (pkg) {
      out.to = pkg;
      out.subpath = subpath!;
    }
    return out;
  };
}

// ---------------------------------------------------------------------------------- Python

function pythonResolver(repo: RepoView, own: readonly FileEntry[]): (site: ImportSite) => string | undefined {
  const file = (p: string): boolean => repo.file(p)?.language === 'python';
  /** Every folder that holds Python code, at any depth (namespace packages have no __init__.py). */
  const folders = new Set<string>();
  for (const f of own) {
    if (f.language !== 'python') continue;
    for (let d = dirOf(f.path); d !== '' && !folders.has(d); d = dirOf(d)) folders.add(d);
  }
  const roots = new Set(['', 'src']);
  for (const f of own) {
    if (/(^|\/)(pyproject\.toml|setup\.py|setup\.cfg|manage\.py|Pipfile|requirements[^/]*\.txt)$/.test(f.path)) {
      roots.add(dirOf(f.path));
      roots.add(dirOf(f.path) === '' ? 'src' : `${dirOf(f.path)}/src`);
    }
  }
  const probe = (base: string | undefined, segments: string[]): string | undefined => {
    if (base === undefined) return undefined;
    for (let k = segments.length; k >= 1; k--) {
      const p = join(base, segments.slice(0, k).join('/'))!;
      const hit = [`${p}.py`, `${p}/__init__.py`].find(file);
      if (hit) return hit;
    }
    return segments.length === 0 ? [join(base, '__init__.py')!].find(file) : undefined;
  };
  return (site) => {
    const spec = site.specifier;
    const dots = /^\.*/.exec(spec)![0].length;
    const segments = spec.slice(dots).split('.').filter(Boolean);
    if (dots > 0) {
      let base: string | undefined = dirOf(site.path);
      for (let i = 1; i < dots && base !== undefined; i++) base = base === '' ? undefined : dirOf(base);
      return probe(base, segments);
    }
    // Absolute: the first segment must be a package or module under an import root.
    for (const root of roots) {
      const first = join(root, segments[0]!)!;
      if (!file(`${first}.py`) && !folders.has(first)) continue;
      const hit = probe(root, segments);
      if (hit) return hit;
    }
    return undefined;
  };
}

// ------------------------------------------------------------ Go, JVM, .NET, Ruby and PHP

/** The first production file of a language directly in a folder, per folder. */
function filesByDir(own: readonly FileEntry[], language: (f: FileEntry) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of own) {
    if (f.role !== 'source' || !language(f)) continue;
    const d = dirOf(f.path);
    const known = out.get(d);
    if (known === undefined || f.path < known) out.set(d, f.path);
  }
  return out;
}

function goResolver(repo: RepoView, own: readonly FileEntry[]): (site: ImportSite) => string | undefined {
  const mods = own
    .filter((f) => /(^|\/)go\.mod$/.test(f.path))
    .flatMap((f) => {
      const m = /^\s*module\s+"?([^\s"]+)"?/m.exec(repo.text(f.path) ?? '');
      return m ? [{ dir: dirOf(f.path), path: m[1]! }] : [];
    })
    .sort((a, b) => b.path.length - a.path.length);
  const dirs = filesByDir(own, (f) => f.language === 'go');
  return (site) => {
    const mod = mods.find((m) => site.specifier === m.path || site.specifier.startsWith(`${m.path}/`));
    if (!mod) return undefined;
    const dir = join(mod.dir, site.specifier.slice(mod.path.length + 1));
    return dir === undefined ? undefined : dirs.get(dir);
  };
}

const JVM_ROOT = /^(.*?(?:^|\/)src\/main\/(?:java|kotlin)\/)(.*)$/;

function jvmResolver(own: readonly FileEntry[]): (site: ImportSite) => string | undefined {
  const classes = new Map<string, string>();
  const packages = new Map<string, string>();
  for (const f of own) {
    if (f.role !== 'source' || (f.language !== 'java' && f.language !== 'kotlin')) continue;
    const m = JVM_ROOT.exec(f.path);
    if (!m) continue;
    const rel = m[2]!;
    const cls = rel.replace(/\.(java|kt)$/, '');
    if (!classes.has(cls) || f.path < classes.get(cls)!) classes.set(cls, f.path);
    const pkg = dirOf(rel);
    if (!packages.has(pkg) || f.path < packages.get(pkg)!) packages.set(pkg, f.path);
  }
  return (site) => {
    const segments = site.specifier.split('.');
    // A class, a member of a class (static import), a nested class, or a package (wildcard).
    for (let k = segments.length; k >= Math.max(1, segments.length - 2); k--) {
      const hit = classes.get(segments.slice(0, k).join('/'));
      if (hit) return hit;
    }
    for (let k = segments.length; k >= Math.max(1, segments.length - 1); k--) {
      const hit = packages.get(segments.slice(0, k).join('/'));
      if (hit) return hit;
    }
    return undefined;
  };
}

function dotnetResolver(repo: RepoView, own: readonly FileEntry[]): (site: ImportSite) => string | undefined {
  const dirs = filesByDir(own, (f) => f.language === 'csharp');
  const projects = own
    .filter((f) => f.path.endsWith('.csproj'))
    .map((f) => {
      const name = f.path.slice(f.path.lastIndexOf('/') + 1, -'.csproj'.length);
      const ns = /<RootNamespace>\s*([\w.]+)\s*<\/RootNamespace>/.exec(repo.text(f.path) ?? '')?.[1] ?? name;
      return { dir: dirOf(f.path), ns };
    })
    .sort((a, b) => b.ns.length - a.ns.length);
  const first = new Map<string, string | undefined>();
  const firstUnder = (dir: string): string | undefined => {
    if (first.has(dir)) return first.get(dir);
    let best: string | undefined;
    for (const [d, p] of dirs) if ((d === dir || d.startsWith(`${dir}/`) || dir === '') && (best === undefined || p < best)) best = p;
    first.set(dir, best);
    return best;
  };
  return (site) => {
    const p = projects.find((x) => site.specifier === x.ns || site.specifier.startsWith(`${x.ns}.`));
    if (!p) return undefined;
    // Folders follow namespaces by convention: `Acme.Billing.Internal` -> `<project>/Internal/`.
    const rest = site.specifier.slice(p.ns.length + 1).split('.').filter(Boolean);
    for (let k = rest.length; k >= 0; k--) {
      const hit = dirs.get(join(p.dir, rest.slice(0, k).join('/'))!);
      if (hit) return hit;
    }
    return firstUnder(p.dir);
  };
}

function rubyResolver(repo: RepoView): (site: ImportSite) => string | undefined {
  return (site) => {
    if (!site.specifier.startsWith('.')) return undefined;
    const p = join(dirOf(site.path), site.specifier);
    if (p === undefined) return undefined;
    return [p, `${p}.rb`].find((x) => repo.file(x)?.language === 'ruby');
  };
}

function phpResolver(repo: RepoView, own: readonly FileEntry[]): (site: ImportSite) => string | undefined {
  const roots: { ns: string; dir: string }[] = [];
  for (const m of own.filter((f) => /(^|\/)composer\.json$/.test(f.path))) {
    let json: Record<string, unknown> | undefined;
    try {
      json = JSON.parse(repo.text(m.path) ?? '') as Record<string, unknown>;
    } catch {
      continue;
    }
    const psr4 = (json?.['autoload'] as Record<string, unknown> | undefined)?.['psr-4'];
    if (!psr4 || typeof psr4 !== 'object') continue;
    for (const [ns, dirs] of Object.entries(psr4 as Record<string, unknown>)) {
      for (const d of typeof dirs === 'string' ? [dirs] : Array.isArray(dirs) ? dirs.filter((x): x is string => typeof x === 'string') : []) {
        const dir = join(dirOf(m.path), d);
        if (dir !== undefined) roots.push({ ns: ns.replace(/\\+$/, ''), dir });
      }
    }
  }
  roots.sort((a, b) => b.ns.length - a.ns.length);
  const dirs = filesByDir(own, (f) => f.language === 'php');
  return (site) => {
    const spec = site.specifier.replace(/^\\/, '');
    for (const r of roots) {
      if (r.ns !== '' && spec !== r.ns && !spec.startsWith(`${r.ns}\\`)) continue;
      const rest = (r.ns === '' ? spec : spec.slice(r.ns.length + 1)).split('\\').filter(Boolean);
      const file = join(r.dir, `${rest.join('/')}.php`);
      if (file !== undefined && repo.file(file)?.language === 'php') return file;
      // A function or constant import names its namespace's folder.
      const hit = dirs.get(join(r.dir, rest.slice(0, -1).join('/')) ?? '\0');
      if (hit) return hit;
    }
    return undefined;
  };
}

// ---------------------------------------------------------------------------------- graph

const graphs = new WeakMap<RepoView, ImportGraph>();

/** The import graph of a repository's production code, computed once per view. */
export function importGraph(repo: RepoView): ImportGraph {
  const known = graphs.get(repo);
  if (known) return known;
  const modules = findModules(repo);
  const moduleOf = moduleResolver(modules);
  const own = repo.files.filter((f) => !NOT_PRODUCTION.has(f.role));
  const resolvers: Partial<Record<ImportSite['ecosystem'], (site: ImportSite) => Omit<ResolvedImport, 'site' | 'from'> | undefined>> = {};
  const lazy = <T>(make: () => (s: ImportSite) => T): ((s: ImportSite) => T) => {
    let r: ((s: ImportSite) => T) | undefined;
    return (s) => (r ??= make())(s);
  };
  const asTarget = (resolve: (s: ImportSite) => string | undefined) => (s: ImportSite) => {
    const target = resolve(s);
    return target === undefined ? undefined : { target };
  };
  resolvers.js = lazy(() => jsResolver(repo, modules));
  resolvers.python = asTarget(lazy(() => pythonResolver(repo, own)));
  resolvers.go = asTarget(lazy(() => goResolver(repo, own)));
  resolvers.jvm = asTarget(lazy(() => jvmResolver(own)));
  resolvers.dotnet = asTarget(lazy(() => dotnetResolver(repo, own)));
  resolvers.ruby = asTarget(lazy(() => rubyResolver(repo)));
  resolvers.php = asTarget(lazy(() => phpResolver(repo, own)));

  const resolved: ResolvedImport[] = [];
  for (const site of repo.imports()) {
    if (site.role !== 'source') continue;
    const r = resolvers[site.ecosystem]?.(site);
    if (!r) continue;
    // Never an edge into tests, fixtures, vendored, generated or docs files, nor a self-import.
    if (r.target !== undefined && (NOT_PRODUCTION.has(repo.file(r.target)?.role ?? 'other') || r.target === site.path)) continue;
    const out: ResolvedImport = { site, ...r };
    const from = moduleOf(site.path);
    if (from) out.from = from;
    if (!out.to && r.target !== undefined) {
      const to = moduleOf(r.target);
      if (to) out.to = to;
    }
    resolved.push(out);
  }

  const edges = new Map<string, ModuleEdge>();
  for (const r of resolved) {
    if (!r.from || !r.to || r.from === r.to) continue;
    const key = `${r.from.dir}\0${r.to.dir}`;
    const e = edges.get(key);
    if (e) {
      e.imports.push(r);
      e.typeOnly &&= r.site.typeOnly === true;
    } else edges.set(key, { from: r.from, to: r.to, imports: [r], typeOnly: r.site.typeOnly === true });
  }
  const moduleEdges = [...edges.values()].sort((a, b) => a.from.dir.localeCompare(b.from.dir) || a.to.dir.localeCompare(b.to.dir));
  const graph: ImportGraph = { modules, moduleOf, resolved, moduleEdges };
  graphs.set(repo, graph);
  return graph;
}

/**
 * Why the graph cannot see how modules depend on each other, if it cannot: Ruby packs name each
 * other's constants through autoloading (Zeitwerk), not `require`, so no edge between them is an
 * absence of evidence, not evidence of independence.
 */
export function blindSpot(graph: ImportGraph): string | undefined {
  if (graph.moduleEdges.length > 0 || !graph.modules.every((m) => m.kind === 'ruby-pack')) return undefined;
  return 'Ruby packs reference each other through autoloaded constants, which the import graph does not follow (run packwerk check for their dependencies)';
}

