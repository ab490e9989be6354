import { parse as parseYaml } from 'yaml';
import { defineDetector, firstN, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileEntry, FileRole } from '../../core/types.ts';
import { globMatcher } from '../../util/glob.ts';

/** Folders whose direct children are meant to be modules. */
const MODULE_ROOTS = [
  'src/modules', 'modules', 'packages', 'apps', 'services', 'domains', 'libs', 'src/domains', 'src/features',
  'internal', 'pkg', 'app/modules',
];
/** Go package folders: the language makes exported identifiers each package's public API. */
const GO_ROOTS = new Set(['internal', 'pkg']);

/** Files that make a folder a module with a public entry, in order of preference. */
const ENTRY_FILES = ['package.json', 'index.ts', 'index.tsx', 'index.js', 'index.mjs', 'index.cjs', 'index.jsx', '__init__.py', 'mod.rs'];

/** Roles that are not the platform's own code layout. */
const NOT_OWN: ReadonlySet<FileRole> = new Set<FileRole>(['vendored', 'fixture', 'test', 'generated', 'docs']);

const WORKSPACE_FILES = ['pnpm-workspace.yaml', 'lerna.json', 'nx.json'];

interface Module {
  dir: string;
  entry: string;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Workspace package globs declared by the root package.json, pnpm or lerna; undefined when none. */
function workspaceGlobs(text: (p: string) => string | undefined): { file: string; globs: string[] } | undefined {
  const pkgText = text('package.json');
  if (pkgText) {
    try {
      const pkg = JSON.parse(pkgText) as Record<string, unknown>;
      const ws = pkg['workspaces'];
      const globs = Array.isArray(ws) ? stringList(ws) : stringList((ws as Record<string, unknown> | undefined)?.['packages']);
      if (ws !== undefined) return { file: 'package.json', globs };
    } catch {
      // malformed: not a workspace root we can read
    }
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
    try {
      const globs = stringList((JSON.parse(lerna) as Record<string, unknown>)['packages']);
      return { file: 'lerna.json', globs: globs.length > 0 ? globs : ['packages/*'] };
    } catch {
      return { file: 'lerna.json', globs: ['packages/*'] };
    }
  }
  if (text('nx.json') !== undefined) return { file: 'nx.json', globs: [] };
  return undefined;
}

export default defineDetector({
  id: 'has-module-boundaries',
  pillar: 'architecture',
  question: 'Is the code split into modules with public entry points (workspaces or module folders)?',
  rationale: 'Explicit modules with a public entry let one part change without disturbing the others.',
  measures: {
    modules: { unit: 'modules', description: 'Workspace packages or module folders with an entry file.' },
  },
  contents: ['package.json', ...WORKSPACE_FILES],
  detect({ repo }) {
    const own = repo.files.filter((f) => !NOT_OWN.has(f.role));
    const modules = new Map<string, Module>();
    const add = (dir: string, entry: string): void => {
      if (!modules.has(dir)) modules.set(dir, { dir, entry });
    };

    // 1. JavaScript workspaces: every package.json the workspace globs select (or, for nx and
    //    globs we cannot read, every package.json below the root).
    const ws = workspaceGlobs((p) => repo.text(p));
    let workspaceCount = 0;
    if (ws) {
      const asManifest = (g: string): string => `${g.replace(/\/+$/, '')}/package.json`;
      const include = ws.globs.filter((g) => !g.startsWith('!')).map(asManifest);
      const exclude = ws.globs.filter((g) => g.startsWith('!')).map((g) => asManifest(g.slice(1)));
      const isIncluded = include.length > 0 ? globMatcher(include) : () => true;
      const isExcluded = exclude.length > 0 ? globMatcher(exclude) : () => false;
      const inWorkspace = (p: string): boolean => isIncluded(p) && !isExcluded(p);
      const pkgs = own.filter((f) => f.path !== 'package.json' && /(^|\/)package\.json$/.test(f.path) && inWorkspace(f.path));
      workspaceCount = pkgs.length;
      if (pkgs.length >= 2) for (const p of pkgs) add(dirOf(p.path), p.path);
    }

    // 2. Module folders: >= 2 children of one module root, each with an entry file.
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
      const rank = (p: string): number => {
        const i = ENTRY_FILES.indexOf(p.slice(p.lastIndexOf('/') + 1));
        return i === -1 ? ENTRY_FILES.length : i;
      };
      if (!known || rank(f.path) < rank(known.path) || (rank(f.path) === rank(known.path) && f.path < known.path)) children.set(moduleDir, f);
    }
    const roots: string[] = [];
    for (const [rootDir, children] of [...byRoot].sort(([a], [b]) => a.localeCompare(b))) {
      if (children.size < 2) continue;
      roots.push(rootDir);
      for (const [dir, f] of children) add(dir, f.path);
    }

    const list = [...modules.values()].sort((a, b) => a.dir.localeCompare(b.dir));
    const measures = { modules: { value: list.length, unit: 'modules' } };
    const evidence: EvidenceItem[] = firstN(list.map((m) => ({ path: m.entry, note: `module ${m.dir}` })));
    if (list.length === 0) {
      const why = ws
        ? `${ws.file} declares a workspace but ${workspaceCount === 1 ? 'only one package' : 'no package'} was found in it`
        : 'no workspace and no module folder (src/modules, packages, apps, services, internal, ...) with two or more entry points';
      return no(`The code is not split into modules: ${why}.`, [], measures);
    }
    const where = [ws && workspaceCount >= 2 ? `${ws.file} workspace` : '', ...roots.map((r) => `${r}/`)].filter(Boolean).join(', ');
    return yes(`${list.length} modules with entry points (${where}).`, evidence, measures);
  },
});
