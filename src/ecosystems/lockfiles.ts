// Lockfile readers: text in, locked packages out. Tolerant like the manifest readers: a malformed
// lockfile yields a problem and no packages, never an exception.
//
// A locked package is a resolution, not a declaration: most entries are transitive packages the
// project never chose. Lockfiles only pin the versions of what manifests declare (see
// readDependencies in manifests.ts); the one exception is a lockfile that lists the direct
// dependencies of a manifest that is absent (Gemfile.lock DEPENDENCIES).
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Dependency, Ecosystem } from '../core/types.ts';
import { devGroup, jsonKeyLines, lineIndex, normalisePython, parseTomlTable } from './manifests/util.ts';

export interface LockedPackage {
  ecosystem: Ecosystem;
  /** Normalised like the manifest readers' names (PEP 503 for Python). */
  name: string;
  version: string;
  lockfile: string;
  /** Line of the package's entry in the lockfile. */
  line?: number;
  /** Declared by a project of the lockfile; absent when the lockfile does not record it. */
  direct?: boolean;
  /** Installed for development only; absent when the lockfile does not record it. */
  dev?: boolean;
  /**
   * Projects whose own declaration resolves to this entry, as directories relative to the
   * lockfile's ('' for the lockfile's own directory), when the lockfile records them.
   */
  importers?: string[];
  /** The requested ranges this entry satisfies (yarn: `^1.2.0`), when the lockfile records them. */
  requested?: string[];
}

export interface LockfileResult {
  packages: LockedPackage[];
  /**
   * The projects the lockfile covers (directories relative to its own, '' for its own), when it
   * records them (npm v2+, pnpm, Yarn berry and uv workspaces). Absent: the lockfile does not say.
   */
  projects?: string[];
  /** Direct dependencies the lockfile lists, to stand in for its manifest when that is absent. */
  declares?: Dependency[];
  problem?: string;
}

export interface LockfileReader {
  ecosystem: Ecosystem;
  /** Glob of the lockfile's name anywhere in the tree. */
  glob: string;
  /** Whether a lockfile (file name) pins the dependencies of a manifest (file name). */
  governs(lockfile: string, manifest: string): boolean;
  /** Whether it also governs manifests in directories below its own (workspace members). */
  workspaces: boolean;
  /** The manifest file name that `declares` stands in for. */
  standsInFor?: string;
  read(path: string, text: string): LockfileResult;
}

const failed = (problem: string): LockfileResult => ({ packages: [], problem });

function firstLine(e: unknown): string {
  return (e as Error).message.split('\n')[0]!;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseJsonObject(text: string): Record<string, unknown> | string {
  if (!text.trim()) return 'empty lockfile';
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return `not valid JSON (${firstLine(e)})`;
  }
  return isObject(doc) ? doc : 'not a JSON object';
}

function parseTomlDocument(text: string): Record<string, unknown> | string {
  return text.trim() ? parseTomlTable(text) : 'empty lockfile';
}

/**
 * One entry per name and version: the same package locked twice (npm nested copies, Pipfile.lock
 * default and develop, per-platform gems, per-framework .NET graphs) merges its facts.
 */
function dedupe(packages: LockedPackage[]): LockedPackage[] {
  const byKey = new Map<string, LockedPackage>();
  for (const p of packages) {
    const key = `${p.name}\0${p.version}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, p);
      continue;
    }
    if (p.direct !== undefined) seen.direct = (seen.direct ?? false) || p.direct;
    if (p.dev !== undefined) seen.dev = seen.dev === undefined ? p.dev : seen.dev && p.dev;
    if (seen.line === undefined && p.line !== undefined) seen.line = p.line;
    for (const field of ['importers', 'requested'] as const) {
      const extra = p[field];
      if (extra) seen[field] = [...new Set([...(seen[field] ?? []), ...extra])];
    }
  }
  return [...byKey.values()];
}

/** `@scope/name@range` or `name@range` → [name, range]. */
function splitDescriptor(descriptor: string): [string, string] | undefined {
  const at = descriptor.indexOf('@', descriptor.startsWith('@') ? 1 : 0);
  if (at <= 0) return undefined;
  return [descriptor.slice(0, at), descriptor.slice(at + 1)];
}

// ---------------------------------------------------------------------------------------------
// npm: package-lock.json and npm-shrinkwrap.json

const NPM_SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

function parentDir(dir: string): string {
  const slash = dir.lastIndexOf('/');
  return slash === -1 ? '' : dir.slice(0, slash);
}

function readNpm(path: string, text: string): LockfileResult {
  const doc = parseJsonObject(text);
  if (typeof doc === 'string') return failed(doc);
  if (isObject(doc['packages'])) return readNpmPackages(path, text, doc['packages']);
  if (isObject(doc['dependencies'])) return readNpmV1(path, text, doc['dependencies']);
  if (typeof doc['lockfileVersion'] !== 'number') return failed('no lockfileVersion, packages or dependencies: not an npm lockfile');
  return { packages: [], projects: [''] };
}

/** lockfileVersion 2 and 3: `packages` keyed by install path. */
function readNpmPackages(path: string, text: string, packages: Record<string, unknown>): LockfileResult {
  const lines = jsonKeyLines(text, (p) => p.length === 1 && p[0] === 'packages');
  const entries = new Map(Object.entries(packages).filter((e): e is [string, Record<string, unknown>] => isObject(e[1])));
  // Projects: the root ('') and workspace folders, the entries outside any node_modules.
  const projects = [...entries.keys()].filter((k) => !/(?:^|\/)node_modules\//.test(k));
  const importers = new Map<string, Set<string>>();
  for (const project of projects) {
    const entry = entries.get(project)!;
    for (const section of NPM_SECTIONS) {
      const block = entry[section];
      if (!isObject(block)) continue;
      for (const name of Object.keys(block)) {
        // Node resolution: the project's own node_modules, then each ancestor's.
        for (let dir = project; ; dir = parentDir(dir)) {
          const key = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
          if (entries.has(key)) {
            if (!importers.has(key)) importers.set(key, new Set());
            importers.get(key)!.add(project);
            break;
          }
          if (!dir) break;
        }
      }
    }
  }
  const out: LockedPackage[] = [];
  for (const [key, entry] of entries) {
    const at = key.lastIndexOf('node_modules/');
    if (at === -1 || entry['link'] === true || typeof entry['version'] !== 'string') continue;
    const users = importers.get(key);
    const p: LockedPackage = {
      ecosystem: 'js',
      name: key.slice(at + 'node_modules/'.length),
      version: entry['version'],
      lockfile: path,
      direct: users !== undefined,
      dev: entry['dev'] === true,
    };
    if (users) p.importers = [...users];
    const line = lines.get(`packages\0${key}`);
    if (line !== undefined) p.line = line;
    out.push(p);
  }
  return { packages: dedupe(out), projects };
}

/** lockfileVersion 1: nested `dependencies`; the top level is what the root resolves. */
function readNpmV1(path: string, text: string, dependencies: Record<string, unknown>): LockfileResult {
  const lines = jsonKeyLines(text, (p) => p.length % 2 === 1 && p.every((seg, i) => i % 2 === 1 || seg === 'dependencies'));
  const out: LockedPackage[] = [];
  const walk = (block: Record<string, unknown>, at: string[]): void => {
    for (const [name, entry] of Object.entries(block)) {
      if (!isObject(entry)) continue;
      if (typeof entry['version'] === 'string') {
        const p: LockedPackage = { ecosystem: 'js', name, version: entry['version'], lockfile: path, dev: entry['dev'] === true };
        // Nested copies are transitive; whether a top-level one is direct, v1 does not say.
        if (at.length > 1) p.direct = false;
        const line = lines.get([...at, name].join('\0'));
        if (line !== undefined) p.line = line;
        out.push(p);
      }
      if (isObject(entry['dependencies'])) walk(entry['dependencies'], [...at, name, 'dependencies']);
    }
  };
  walk(dependencies, ['dependencies']);
  return { packages: dedupe(out), projects: [''] };
}

// ---------------------------------------------------------------------------------------------
// Yarn: yarn.lock v1 (its own format) and berry (YAML with __metadata)

function readYarn(path: string, text: string): LockfileResult {
  if (!text.trim()) return failed('empty lockfile');
  return /^"?__metadata"?:/m.test(text) ? readYarnBerry(path, text) : readYarnClassic(path, text);
}

/** `"a@^1", a@~1` → ['a@^1', 'a@~1'], quotes honoured. */
function splitSpecs(header: string): string[] | undefined {
  const specs: string[] = [];
  const re = /\s*(?:"((?:[^"\\]|\\.)*)"|([^",\s][^",]*?))\s*(?:,|$)/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < header.length && (m = re.exec(header)) !== null) specs.push((m[1] ?? m[2])!);
  return re.lastIndex === header.length || header.slice(re.lastIndex).trim() === '' ? specs : undefined;
}

function readYarnClassic(path: string, text: string): LockfileResult {
  const out: LockedPackage[] = [];
  let entry: { specs: [string, string][]; line: number; version?: string } | undefined;
  const finish = (): string | undefined => {
    if (!entry) return undefined;
    if (entry.version === undefined) return `entry at line ${entry.line} has no version`;
    const byName = new Map<string, string[]>();
    for (const [name, range] of entry.specs) byName.set(name, [...(byName.get(name) ?? []), range]);
    for (const [name, requested] of byName) out.push({ ecosystem: 'js', name, version: entry.version, lockfile: path, line: entry.line, requested });
    return undefined;
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (!raw.trim() || /^\s*#/.test(raw)) continue;
    if (!/^\s/.test(raw)) {
      const problem = finish();
      if (problem) return failed(problem);
      const specs = raw.endsWith(':') ? splitSpecs(raw.slice(0, -1)) : undefined;
      const parsed = specs?.map(splitDescriptor);
      if (!parsed || parsed.length === 0 || parsed.some((s) => s === undefined)) return failed(`unreadable entry header at line ${i + 1}`);
      entry = { specs: parsed as [string, string][], line: i + 1 };
      continue;
    }
    if (!entry) return failed(`indented line ${i + 1} outside any entry`);
    const version = /^ {2}version:?\s+"?([^"\s]+)"?\s*$/.exec(raw);
    if (version) entry.version = version[1]!;
  }
  const problem = finish();
  return problem ? failed(problem) : { packages: dedupe(out) };
}

interface YamlMapping {
  entries: YamlEntry[];
}
/** A mapping, a scalar (flow collections other than `{}` kept as their source text), or empty. */
type YamlValue = YamlMapping | string | null;
interface YamlEntry {
  key: string;
  value: YamlValue;
  line: number;
}

function yamlEntries(value: YamlValue | undefined): YamlEntry[] | undefined {
  return typeof value === 'object' && value !== null ? value.entries : undefined;
}

function yamlString(value: YamlValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function yamlField(entries: YamlEntry[] | undefined, key: string): YamlValue | undefined {
  return entries?.find((e) => e.key === key)?.value;
}

/** Whether brackets and quotes of a one-line flow collection balance. */
function balancedFlow(text: string): boolean {
  let depth = 0;
  let quote = '';
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth < 0) return false;
  }
  return depth === 0 && !quote;
}

/**
 * The block-mapping subset of YAML that pnpm and Yarn berry write: `key: scalar`, `key:` with a
 * more indented mapping below, quoted keys and values, one-line flow collections. Lines by
 * position, linear time. Undefined when the text leaves the subset (sequences, anchors, tags,
 * block scalars, multi-line flow), for the full parser to judge.
 */
function blockYaml(text: string): YamlMapping | undefined {
  const root: YamlMapping = { entries: [] };
  const stack: { indent: number; map: YamlMapping }[] = [{ indent: 0, map: root }];
  let open: YamlEntry | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.endsWith('\r') ? lines[i]!.slice(0, -1) : lines[i]!;
    const body = line.trimStart();
    if (!body || body.startsWith('#')) continue;
    const indent = line.length - body.length;
    if (!/^ *$/.test(line.slice(0, indent))) return undefined;
    if (open && indent > stack[stack.length - 1]!.indent) {
      const map: YamlMapping = { entries: [] };
      open.value = map;
      stack.push({ indent, map });
    }
    open = undefined;
    while (indent < stack[stack.length - 1]!.indent) stack.pop();
    const top = stack[stack.length - 1]!;
    if (indent !== top.indent) return undefined;
    let key: string;
    let rest: string;
    if (body.startsWith('"')) {
      const end = /^"(?:[^"\\]|\\.)*"/.exec(body);
      if (!end) return undefined;
      try {
        key = JSON.parse(end[0]) as string;
      } catch {
        return undefined;
      }
      rest = body.slice(end[0].length);
    } else if (body.startsWith("'")) {
      const end = /^'(?:[^']|'')*'/.exec(body);
      if (!end) return undefined;
      key = end[0].slice(1, -1).replace(/''/g, "'");
      rest = body.slice(end[0].length);
    } else {
      const colon = body.search(/:(?: |$)/);
      if (colon <= 0 || /^[-?&*!|>%@`]/.test(body)) return undefined;
      key = body.slice(0, colon).trimEnd();
      rest = body.slice(colon);
    }
    const m = /^\s*:(?: +(.*))?$/.exec(rest);
    if (!m) return undefined;
    const raw = (m[1] ?? '').trim();
    const entry: YamlEntry = { key, value: null, line: i + 1 };
    if (!raw || raw.startsWith('#')) open = entry;
    else if (raw.startsWith('"')) {
      try {
        entry.value = JSON.parse(raw.replace(/\s+#.*$/, '')) as string;
      } catch {
        return undefined;
      }
    } else if (raw.startsWith("'")) {
      const q = /^'((?:[^']|'')*)'\s*(?:#.*)?$/.exec(raw);
      if (!q) return undefined;
      entry.value = q[1]!.replace(/''/g, "'");
    } else if (raw.startsWith('{') || raw.startsWith('[')) {
      if (!balancedFlow(raw)) return undefined;
      entry.value = /^\{\s*\}$/.test(raw) ? { entries: [] } : raw;
    } else if (/^[&*!|>%@`]/.test(raw)) return undefined;
    else entry.value = raw.replace(/\s+#.*$/, '');
    top.map.entries.push(entry);
  }
  return root;
}

function fromYamlNode(node: unknown, lineOf: (offset: number) => number): YamlValue {
  if (isMap(node)) {
    const entries: YamlEntry[] = [];
    for (const pair of node.items) {
      if (isScalar(pair.key)) entries.push({ key: String(pair.key.value), value: fromYamlNode(pair.value, lineOf), line: lineOf(pair.key.range?.[0] ?? 0) });
    }
    return { entries };
  }
  if (isScalar(node)) return node.value === null ? null : String(node.value);
  return isSeq(node) ? JSON.stringify(node.toJSON()) : null;
}

/** A YAML mapping with every scalar a string (`version: 1.10` stays "1.10"), or a problem. */
function parseYaml(text: string): YamlMapping | string {
  if (!text.trim()) return 'empty lockfile';
  const fast = blockYaml(text);
  if (fast) return fast;
  const doc = parseDocument(text, { schema: 'failsafe', uniqueKeys: false });
  if (doc.errors.length > 0) return `not valid YAML (${firstLine(doc.errors[0])})`;
  const root = fromYamlNode(doc.contents, lineIndex(text));
  return typeof root === 'object' && root !== null ? root : 'not a YAML mapping';
}

function readYarnBerry(path: string, text: string): LockfileResult {
  const parsed = parseYaml(text);
  if (typeof parsed === 'string') return failed(parsed);
  const top = parsed.entries;
  const out: LockedPackage[] = [];
  const byDescriptor = new Map<string, LockedPackage>();
  const workspaces: { dir: string; dependencies: YamlEntry[] }[] = [];
  for (const { key, value, line } of top) {
    if (key === '__metadata') continue;
    const fields = yamlEntries(value);
    const version = yamlString(yamlField(fields, 'version'));
    const resolution = yamlString(yamlField(fields, 'resolution')) ?? '';
    const descriptors = key.split(/\s*,\s*/);
    const first = splitDescriptor(descriptors[0]!);
    if (!fields || !version || !first) return failed(`entry at line ${line} has no name or version`);
    const workspace = /@workspace:(.*)$/.exec(resolution);
    if (workspace) {
      const dir = workspace[1] === '.' ? '' : workspace[1]!.replace(/^\.\//, '');
      workspaces.push({ dir, dependencies: yamlEntries(yamlField(fields, 'dependencies')) ?? [] });
      continue;
    }
    if (yamlString(yamlField(fields, 'linkType')) === 'soft') continue;
    const p: LockedPackage = { ecosystem: 'js', name: first[0], version, lockfile: path, line, requested: [] };
    for (const d of descriptors) {
      const parts = splitDescriptor(d);
      if (parts?.[0] === p.name) p.requested!.push(parts[1]);
      byDescriptor.set(d, p);
    }
    out.push(p);
  }
  for (const ws of workspaces) {
    for (const dep of ws.dependencies) {
      const range = yamlString(dep.value);
      if (!range) continue;
      const p = byDescriptor.get(`${dep.key}@${range}`) ?? byDescriptor.get(`${dep.key}@npm:${range}`);
      if (!p) continue;
      p.direct = true;
      p.importers = [...new Set([...(p.importers ?? []), ws.dir])];
    }
  }
  // With workspace entries the lockfile says who declares what: the rest is transitive.
  if (workspaces.length > 0) for (const p of out) p.direct ??= false;
  return { packages: dedupe(out), ...(workspaces.length > 0 ? { projects: workspaces.map((w) => w.dir) } : {}) };
}

// ---------------------------------------------------------------------------------------------
// pnpm: pnpm-lock.yaml v5 (`/a/1.0.0_peer`), v6 (`/a@1.0.0(peer)`), v9 (`a@1.0.0`, importers only)

/** A pnpm package id or importer version → name and plain version (peer suffixes dropped). */
function pnpmId(id: string, v5: boolean): [string, string] | undefined {
  const key = id.replace(/^\//, '');
  if (v5) {
    const parts = key.replace(/_[^/]*$/, '').split('/');
    if (parts.length < 2) return undefined;
    return [parts.slice(0, -1).join('/'), parts[parts.length - 1]!];
  }
  const parts = splitDescriptor(key.replace(/\(.*$/, ''));
  return parts && parts[1] ? parts : undefined;
}

function readPnpm(path: string, text: string): LockfileResult {
  const parsed = parseYaml(text);
  if (typeof parsed === 'string') return failed(parsed);
  const top = parsed.entries;
  const lockfileVersion = yamlString(yamlField(top, 'lockfileVersion'));
  if (!lockfileVersion) return failed('no lockfileVersion: not a pnpm lockfile');
  const v5 = Number.parseFloat(lockfileVersion) < 6;
  // Importers: `importers` (workspaces, and every v9 lockfile) or the root sections (v5, v6).
  const importerEntries = yamlEntries(yamlField(top, 'importers')) ?? [{ key: '.', value: parsed, line: 1 }];
  const out = new Map<string, LockedPackage>();
  const uses = new Map<string, { importers: Set<string>; prod: boolean }>();
  const direct: { name: string; version: string; line: number }[] = [];
  for (const importer of importerEntries) {
    const dir = importer.key === '.' ? '' : importer.key.replace(/^\.\//, '');
    const fields = yamlEntries(importer.value);
    for (const [section, dev] of [['dependencies', false], ['optionalDependencies', false], ['devDependencies', true]] as const) {
      for (const dep of yamlEntries(yamlField(fields, section)) ?? []) {
        const raw = yamlString(dep.value) ?? yamlString(yamlField(yamlEntries(dep.value), 'version'));
        if (!raw || /^(?:link|workspace):/.test(raw)) continue;
        // An alias resolves to another package: `/string-width@4.2.3` or `string-width@4.2.3`.
        // (v5 and v6 write aliases as package ids; v5 peer suffixes `1.0.0_react@18` are not.)
        const alias = raw.startsWith('/') || (!v5 && /^@?[^@(]+@/.test(raw)) ? pnpmId(raw, v5) : undefined;
        const [name, version] = alias ?? [dep.key, (v5 ? raw.replace(/_.*$/, '') : raw.replace(/\(.*$/, ''))];
        const key = `${name}@${version}`;
        const use = uses.get(key) ?? { importers: new Set<string>(), prod: false };
        use.importers.add(dir);
        use.prod ||= !dev;
        uses.set(key, use);
        direct.push({ name, version, line: dep.line });
      }
    }
  }
  for (const entry of yamlEntries(yamlField(top, 'packages')) ?? []) {
    const fields = yamlEntries(entry.value);
    const id = pnpmId(entry.key, v5);
    // Non-registry packages (git, tarballs) carry their name and version as fields.
    const name = yamlString(yamlField(fields, 'name')) ?? id?.[0];
    const version = yamlString(yamlField(fields, 'version')) ?? id?.[1];
    if (!name || !version) return failed(`package entry at line ${entry.line} has no name or version`);
    const key = `${name}@${version}`;
    if (out.has(key)) continue;
    const use = uses.get(key);
    const p: LockedPackage = { ecosystem: 'js', name, version, lockfile: path, line: entry.line, direct: use !== undefined };
    const devFlag = yamlString(yamlField(fields, 'dev'));
    if (devFlag !== undefined) p.dev = devFlag === 'true';
    else if (use) p.dev = !use.prod;
    if (use) p.importers = [...use.importers];
    out.set(key, p);
  }
  // Direct dependencies whose package entry is missing (a partial lockfile) are still pinned.
  for (const d of direct) {
    const key = `${d.name}@${d.version}`;
    if (out.has(key)) continue;
    const use = uses.get(key)!;
    out.set(key, { ecosystem: 'js', name: d.name, version: d.version, lockfile: path, line: d.line, direct: true, dev: !use.prod, importers: [...use.importers] });
  }
  return { packages: [...out.values()], projects: importerEntries.map((i) => (i.key === '.' ? '' : i.key.replace(/^\.\//, ''))) };
}

// ---------------------------------------------------------------------------------------------
// Python: poetry.lock and uv.lock ([[package]] tables), Pipfile.lock (JSON)

/** Line of each `[[package]]` table's `name = ...`, in order. */
function tomlPackageLines(text: string): number[] {
  const lines = text.split('\n');
  const out: number[] = [];
  let inPackage = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l === '[[package]]') {
      inPackage = true;
      out.push(i + 1);
    } else if (l.startsWith('[')) inPackage = false;
    else if (inPackage && /^name\s*=/.test(l)) {
      out[out.length - 1] = i + 1;
      inPackage = false;
    }
  }
  return out;
}

function tomlPackages(text: string): { doc: Record<string, unknown>; packages: Record<string, unknown>[]; lines: number[] } | string {
  const doc = parseTomlDocument(text);
  if (typeof doc === 'string') return doc;
  const list = doc['package'] ?? [];
  if (!Array.isArray(list)) return '`package` is not an array of tables';
  const packages = list.filter(isObject);
  if (packages.some((p) => typeof p['name'] !== 'string' || (typeof p['version'] !== 'string' && !isObject(p['source'])))) {
    return 'a [[package]] has no name or version';
  }
  return { doc, packages, lines: tomlPackageLines(text) };
}

function readPoetry(path: string, text: string): LockfileResult {
  const parsed = tomlPackages(text);
  if (typeof parsed === 'string') return failed(parsed);
  const out = parsed.packages.flatMap((pkg, i): LockedPackage[] => {
    if (typeof pkg['version'] !== 'string') return [];
    const p: LockedPackage = { ecosystem: 'python', name: normalisePython(pkg['name'] as string), version: pkg['version'], lockfile: path };
    const line = parsed.lines[i];
    if (line !== undefined) p.line = line;
    // Poetry < 1.5 writes `category`; Poetry 2 writes `groups`; 1.5-1.8 neither.
    if (pkg['category'] === 'dev' || pkg['category'] === 'main') p.dev = pkg['category'] === 'dev';
    else if (Array.isArray(pkg['groups'])) p.dev = !pkg['groups'].includes('main');
    return [p];
  });
  return { packages: dedupe(out), projects: [''] };
}

/** uv.lock: workspace members (and local path projects) are the packages whose source is a directory. */
function readUv(path: string, text: string): LockfileResult {
  const parsed = tomlPackages(text);
  if (typeof parsed === 'string') return failed(parsed);
  const members = new Map<string, string>();
  for (const pkg of parsed.packages) {
    const source = pkg['source'];
    const dir = isObject(source) ? (source['editable'] ?? source['virtual'] ?? source['directory']) : undefined;
    if (typeof dir === 'string') members.set(normalisePython(pkg['name'] as string), dir === '.' ? '' : dir.replace(/^\.\//, ''));
  }
  const uses = new Map<string, { importers: Set<string>; prod: boolean }>();
  const use = (list: unknown, dir: string, dev: boolean): void => {
    for (const dep of Array.isArray(list) ? list : []) {
      if (!isObject(dep) || typeof dep['name'] !== 'string') continue;
      const name = normalisePython(dep['name']);
      const u = uses.get(name) ?? { importers: new Set<string>(), prod: false };
      u.importers.add(dir);
      u.prod ||= !dev;
      uses.set(name, u);
    }
  };
  for (const pkg of parsed.packages) {
    const dir = members.get(normalisePython(pkg['name'] as string));
    if (dir === undefined) continue;
    use(pkg['dependencies'], dir, false);
    for (const list of Object.values(isObject(pkg['optional-dependencies']) ? pkg['optional-dependencies'] : {})) use(list, dir, false);
    // Every PEP 735 group is under `dev-dependencies`, `server` as much as `test`.
    for (const [group, list] of Object.entries(isObject(pkg['dev-dependencies']) ? pkg['dev-dependencies'] : {})) use(list, dir, devGroup(group));
  }
  const out = parsed.packages.flatMap((pkg, i): LockedPackage[] => {
    const name = normalisePython(pkg['name'] as string);
    if (members.has(name) || typeof pkg['version'] !== 'string') return [];
    const u = uses.get(name);
    const p: LockedPackage = { ecosystem: 'python', name, version: pkg['version'], lockfile: path, direct: u !== undefined };
    const line = parsed.lines[i];
    if (line !== undefined) p.line = line;
    if (u) {
      p.dev = !u.prod;
      p.importers = [...u.importers];
    }
    return [p];
  });
  return { packages: dedupe(out), projects: members.size > 0 ? [...new Set(members.values())] : [''] };
}

/**
 * Pipfile.lock `default` and `develop`. Both hold the whole resolved graph (pipenv locks every
 * transitive package there), so they say nothing about which packages are direct.
 */
function readPipfileLock(path: string, text: string): LockfileResult {
  const doc = parseJsonObject(text);
  if (typeof doc === 'string') return failed(doc);
  if (!isObject(doc['default']) && !isObject(doc['develop'])) return failed('no default or develop section: not a Pipfile.lock');
  const lines = jsonKeyLines(text, (p) => p.length === 1 && (p[0] === 'default' || p[0] === 'develop'));
  const out: LockedPackage[] = [];
  for (const [section, dev] of [['default', false], ['develop', true]] as const) {
    const block = doc[section];
    if (!isObject(block)) continue;
    for (const [name, entry] of Object.entries(block)) {
      if (!isObject(entry)) continue;
      // Registry packages pin `==1.2.3`; VCS ones pin a ref.
      const version = typeof entry['version'] === 'string' ? entry['version'].replace(/^===?/, '') : typeof entry['ref'] === 'string' ? entry['ref'] : undefined;
      if (!version) continue;
      const p: LockedPackage = { ecosystem: 'python', name: normalisePython(name), version, lockfile: path, dev };
      const line = lines.get(`${section}\0${name}`);
      if (line !== undefined) p.line = line;
      out.push(p);
    }
  }
  return { packages: dedupe(out), projects: [''] };
}

// ---------------------------------------------------------------------------------------------
// Ruby: Gemfile.lock

function readGemfileLock(path: string, text: string): LockfileResult {
  if (!text.trim()) return failed('empty lockfile');
  const lines = text.split('\n');
  const specs: LockedPackage[] = [];
  const declared: Dependency[] = [];
  /** Gems of `PATH` sources at `remote: .`: the project's own gem (from `gemspec`). */
  const own = new Set<string>();
  let section = '';
  let remote = '';
  let inSpecs = false;
  let sawDependencies = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (!raw.trim()) continue;
    if (!/^\s/.test(raw)) {
      if (!/^[A-Z][A-Z ]*$/.test(raw)) return failed(`unreadable line ${i + 1}`);
      section = raw;
      remote = '';
      inSpecs = false;
      sawDependencies ||= section === 'DEPENDENCIES';
      continue;
    }
    if (section === 'DEPENDENCIES') {
      const m = /^ {2}([^\s!(]+)(!)?(?: \(([^)]*)\))?\s*$/.exec(raw);
      if (!m) return failed(`unreadable dependency at line ${i + 1}`);
      const d: Dependency = { ecosystem: 'ruby', name: m[1]!, manifest: path, line: i + 1, dev: false };
      if (m[3]) d.version = m[3];
      declared.push(d);
      continue;
    }
    if (!['GEM', 'GIT', 'PATH', 'PLUGIN SOURCE'].includes(section)) continue;
    const setting = /^ {2}(remote|specs):\s*(.*)$/.exec(raw);
    if (setting) {
      if (setting[1] === 'remote') remote = setting[2]!.trim();
      else inSpecs = true;
      continue;
    }
    if (!inSpecs || !/^ {4}\S/.test(raw)) continue;
    const m = /^ {4}(\S+) \(([^)\s]+)\)\s*$/.exec(raw);
    if (!m) return failed(`unreadable spec at line ${i + 1}`);
    // Platform gems: `nokogiri (1.16.0-x86_64-linux)` is nokogiri 1.16.0.
    const version = m[2]!.replace(/-(?=[a-z_]).*$/i, '');
    if (section === 'PATH' && (remote === '.' || remote === './')) own.add(m[1]!);
    specs.push({ ecosystem: 'ruby', name: m[1]!, version, lockfile: path, line: i + 1 });
  }
  const direct = new Set(declared.map((d) => d.name));
  if (sawDependencies) for (const p of specs) p.direct = direct.has(p.name);
  return {
    packages: dedupe(specs.filter((p) => !own.has(p.name))),
    projects: [''],
    declares: declared.filter((d) => !own.has(d.name)),
  };
}

// ---------------------------------------------------------------------------------------------
// PHP: composer.lock

function readComposerLock(path: string, text: string): LockfileResult {
  const doc = parseJsonObject(text);
  if (typeof doc === 'string') return failed(doc);
  if (!Array.isArray(doc['packages']) && !Array.isArray(doc['packages-dev'])) return failed('no packages array: not a composer.lock');
  const lines = jsonKeyLines(text, (p, key) => key === 'name' && p.length === 2 && (p[0] === 'packages' || p[0] === 'packages-dev'));
  const out: LockedPackage[] = [];
  for (const [section, dev] of [['packages', false], ['packages-dev', true]] as const) {
    const list = doc[section];
    if (!Array.isArray(list)) continue;
    list.forEach((entry: unknown, i) => {
      if (!isObject(entry) || typeof entry['name'] !== 'string' || typeof entry['version'] !== 'string') return;
      const p: LockedPackage = { ecosystem: 'php', name: entry['name'].toLowerCase(), version: entry['version'], lockfile: path, dev };
      const line = lines.get(`${section}\0${i}\0name`);
      if (line !== undefined) p.line = line;
      out.push(p);
    });
  }
  return { packages: dedupe(out), projects: [''] };
}

// ---------------------------------------------------------------------------------------------
// .NET: packages.lock.json (NuGet lock, per project)

function readNugetLock(path: string, text: string): LockfileResult {
  const doc = parseJsonObject(text);
  if (typeof doc === 'string') return failed(doc);
  const frameworks = doc['dependencies'];
  if (!isObject(frameworks)) return failed('no dependencies object: not a NuGet packages.lock.json');
  const lines = jsonKeyLines(text, (p) => p.length === 2 && p[0] === 'dependencies');
  const out: LockedPackage[] = [];
  for (const [framework, packages] of Object.entries(frameworks)) {
    if (!isObject(packages)) continue;
    for (const [name, entry] of Object.entries(packages)) {
      // `Project` entries are project references, not packages.
      if (!isObject(entry) || entry['type'] === 'Project' || typeof entry['resolved'] !== 'string') continue;
      const p: LockedPackage = { ecosystem: 'dotnet', name, version: entry['resolved'], lockfile: path };
      if (typeof entry['type'] === 'string') p.direct = entry['type'] === 'Direct';
      const line = lines.get(`dependencies\0${framework}\0${name}`);
      if (line !== undefined) p.line = line;
      out.push(p);
    }
  }
  return { packages: dedupe(out), projects: [''] };
}

// ---------------------------------------------------------------------------------------------
// JVM: gradle.lockfile (`group:artifact:version=configuration,...`)

function readGradleLockfile(path: string, text: string): LockfileResult {
  if (!text.trim()) return failed('empty lockfile');
  const out: LockedPackage[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line || line.startsWith('#') || /^empty=/.test(line)) continue;
    const m = /^([^:=\s]+):([^:=\s]+):([^:=\s]+)=([\w,-]*)$/.exec(line);
    if (!m) return failed(`unreadable line ${i + 1}`);
    const configurations = m[4]!.split(',').filter(Boolean);
    const p: LockedPackage = { ecosystem: 'jvm', name: `${m[1]}:${m[2]}`, version: m[3]!, lockfile: path, line: i + 1 };
    if (configurations.length > 0) p.dev = configurations.every((c) => /test/i.test(c));
    out.push(p);
  }
  return { packages: dedupe(out), projects: [''] };
}

// ---------------------------------------------------------------------------------------------

const isPackageJson = (_lock: string, manifest: string): boolean => manifest === 'package.json';

export const LOCKFILE_READERS: readonly LockfileReader[] = [
  // npm prefers npm-shrinkwrap.json over package-lock.json when both exist.
  { ecosystem: 'js', glob: '**/npm-shrinkwrap.json', governs: isPackageJson, workspaces: true, read: readNpm },
  { ecosystem: 'js', glob: '**/package-lock.json', governs: isPackageJson, workspaces: true, read: readNpm },
  { ecosystem: 'js', glob: '**/pnpm-lock.yaml', governs: isPackageJson, workspaces: true, read: readPnpm },
  { ecosystem: 'js', glob: '**/yarn.lock', governs: isPackageJson, workspaces: true, read: readYarn },
  { ecosystem: 'python', glob: '**/poetry.lock', governs: (_l, m) => m === 'pyproject.toml', workspaces: false, read: readPoetry },
  { ecosystem: 'python', glob: '**/uv.lock', governs: (_l, m) => m === 'pyproject.toml', workspaces: true, read: readUv },
  { ecosystem: 'python', glob: '**/Pipfile.lock', governs: (_l, m) => m === 'Pipfile', workspaces: false, read: readPipfileLock },
  { ecosystem: 'ruby', glob: '**/Gemfile.lock', governs: (_l, m) => m === 'Gemfile', workspaces: false, standsInFor: 'Gemfile', read: readGemfileLock },
  { ecosystem: 'php', glob: '**/composer.lock', governs: (_l, m) => m === 'composer.json', workspaces: false, read: readComposerLock },
  {
    ecosystem: 'dotnet',
    // `packages.<project>.lock.json` when several projects share a folder.
    glob: '**/packages{,.*}.lock.json',
    governs: (lock, manifest) => manifest.endsWith('.csproj') && (lock === 'packages.lock.json' || lock === `packages.${manifest.slice(0, -'.csproj'.length)}.lock.json`),
    workspaces: false,
    read: readNugetLock,
  },
  { ecosystem: 'jvm', glob: '**/gradle.lockfile', governs: (_l, m) => m === 'build.gradle' || m === 'build.gradle.kts', workspaces: false, read: readGradleLockfile },
];
