// Manifest readers: text in, dependencies out. Tolerant: a malformed manifest yields a problem
// and no dependencies, never an exception.
import { parse as parseToml } from 'smol-toml';
import type { Dependency, Ecosystem } from '../core/types.ts';
import { csproj, directoryPackagesProps, packagesConfig } from './manifests/dotnet.ts';
import { goMod } from './manifests/go.ts';
import { buildGradle, pomXml } from './manifests/jvm.ts';
import { composerJson } from './manifests/php.ts';
import { pipfile } from './manifests/python.ts';
import { gemfile } from './manifests/ruby.ts';

export interface ManifestResult {
  dependencies: Dependency[];
  problem?: string;
}

export interface ManifestReader {
  ecosystem: Ecosystem;
  /** Glob of the manifest's file name anywhere in the tree. */
  glob: string;
  read(path: string, text: string): ManifestResult;
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

function normalisePython(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

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

const pyproject: ManifestReader = {
  ecosystem: 'python',
  glob: '**/pyproject.toml',
  read(path, text) {
    let doc: Record<string, unknown>;
    try {
      doc = parseToml(text) as Record<string, unknown>;
    } catch (e) {
      return { dependencies: [], problem: `not valid TOML (${(e as Error).message.split('\n')[0]})` };
    }
    const deps: Dependency[] = [];
    const lines = text.split('\n');
    const lineOf = (name: string): number | undefined => {
      const i = lines.findIndex((l) => l.includes(name));
      return i === -1 ? undefined : i + 1;
    };
    const add = (spec: string, dev: boolean): void => {
      const m = REQUIREMENT.exec(spec);
      if (!m || normalisePython(m[1]!) === 'python') return;
      const d: Dependency = { ecosystem: 'python', name: normalisePython(m[1]!), manifest: path, dev };
      const line = lineOf(m[1]!);
      if (line !== undefined) d.line = line;
      deps.push(d);
    };
    const project = doc['project'] as Record<string, unknown> | undefined;
    for (const s of (project?.['dependencies'] as unknown[] | undefined) ?? []) if (typeof s === 'string') add(s, false);
    const optional = project?.['optional-dependencies'] as Record<string, unknown[]> | undefined;
    for (const [group, list] of Object.entries(optional ?? {})) {
      for (const s of list) if (typeof s === 'string') add(s, /dev|test|lint|doc/i.test(group));
    }
    const poetry = (doc['tool'] as Record<string, Record<string, unknown>> | undefined)?.['poetry'];
    for (const [name] of Object.entries((poetry?.['dependencies'] as Record<string, unknown> | undefined) ?? {})) add(name, false);
    for (const [name] of Object.entries((poetry?.['dev-dependencies'] as Record<string, unknown> | undefined) ?? {})) add(name, true);
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
