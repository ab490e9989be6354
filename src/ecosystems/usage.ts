// "A library counts where code uses it": imported in production source, and declared in a
// manifest when the ecosystem has one. Mentions in docs, comments, tests, fixtures or vendored
// copies never count, because the scanner classifies those files and blanks comments.
import type { RepoView } from '../core/detector.ts';
import type { Dependency, Ecosystem, FileRole, ImportSite } from '../core/types.ts';
import { importNames, packageName, type Capability } from './capability.ts';
import { declarationRule } from './declarations.ts';
import { matchesLibrary, packageOfSpecifier } from './imports.ts';
import { MANIFEST_READERS } from './manifests.ts';

export interface LibraryUse {
  ecosystem: Ecosystem;
  library: string;
  sites: ImportSite[];
  declaration: Dependency | undefined;
}

function normalise(ecosystem: Ecosystem, name: string): string {
  return ecosystem === 'python' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name;
}

/**
 * Per repository view, computed once: import sites by ecosystem and every name they may belong
 * to (a site of `github.com/a/b/c` belongs to `github.com/a/b` too), the declared dependencies by
 * name, and the ecosystems that have a manifest. Detectors call usedLibraries dozens of times;
 * without this each call scanned every import site once per library.
 */
interface UsageIndex {
  sites: Map<string, ImportSite[]>;
  declared: Map<string, Dependency>;
  /** Declared dependencies per ecosystem, for ecosystems whose rule matches by prefix. */
  byEcosystem: Map<Ecosystem, Dependency[]>;
  manifestEcosystems: Set<Ecosystem>;
}

const indexes = new WeakMap<RepoView, UsageIndex>();

/** The names an import specifier may belong to, as `matchesLibrary` defines belonging. */
function ownerNames(ecosystem: Ecosystem, specifier: string): string[] {
  const names = new Set([specifier]);
  if (ecosystem === 'js' || ecosystem === 'python') {
    const pkg = packageOfSpecifier(ecosystem, specifier);
    if (pkg !== undefined) names.add(pkg);
    return [...names];
  }
  // `github.com/a/b/c` belongs to `github.com/a/b`; `sidekiq/web` to `sidekiq`; `Sidekiq::Job::X`
  // to `Sidekiq::Job` and `Sidekiq`; `Illuminate\Bus\Queueable` to `Illuminate\Bus`.
  const sep = ecosystem === 'go' ? '/' : ecosystem === 'php' ? '\\' : ecosystem === 'ruby' ? (specifier.includes('::') ? '::' : '/') : '.';
  const parts = specifier.split(sep);
  for (let i = 1; i < parts.length; i++) names.add(parts.slice(0, i).join(sep));
  return [...names];
}

function usageIndex(repo: RepoView): UsageIndex {
  let index = indexes.get(repo);
  if (index) return index;
  const sites = new Map<string, ImportSite[]>();
  for (const s of repo.imports()) {
    for (const name of ownerNames(s.ecosystem, s.specifier)) {
      const key = `${s.ecosystem}\0${name}`;
      const list = sites.get(key);
      if (list) list.push(s);
      else sites.set(key, [s]);
    }
  }
  const declared = new Map<string, Dependency>();
  const byEcosystem = new Map<Ecosystem, Dependency[]>();
  for (const d of repo.dependencies()) {
    const list = byEcosystem.get(d.ecosystem);
    if (list) list.push(d);
    else byEcosystem.set(d.ecosystem, [d]);
    const key = `${d.ecosystem}\0${normalise(d.ecosystem, d.name)}`;
    // A production declaration wins over a development one of the same name.
    const known = declared.get(key);
    if (!known || (known.dev && !d.dev)) declared.set(key, d);
  }
  // Ecosystems with a manifest in production paths: there, an undeclared import does not count.
  const manifestEcosystems = new Set(
    MANIFEST_READERS.filter((r) => repo.glob(r.glob, ['source', 'config', 'other']).length > 0).map((r) => r.ecosystem),
  );
  index = { sites, declared, byEcosystem, manifestEcosystems };
  indexes.set(repo, index);
  return index;
}

/**
 * The manifest entry that declares a library: by exact (normalised) name, or by the ecosystem's
 * declaration rule (Go module prefixes, JVM group ids, .NET package prefixes, Ruby gems).
 */
function findDeclaration(index: UsageIndex, eco: Ecosystem, pkg: string, sites: readonly ImportSite[], production: boolean): Dependency | undefined {
  // Where development dependencies are not installed in production (a Gemfile :test group,
  // require-dev, a test-scoped jar, a dev extra), they cannot serve production code. JS bundlers
  // legitimately build production code from devDependencies, so there any declaration counts.
  const usable = (d: Dependency | undefined): Dependency | undefined => (d && production && d.dev && eco !== 'js' ? undefined : d);
  const exact = usable(index.declared.get(`${eco}\0${normalise(eco, pkg)}`));
  if (exact) return exact;
  const rule = declarationRule(eco);
  if (!rule) return undefined;
  const specifiers = sites.map((s) => s.specifier);
  return index.byEcosystem.get(eco)?.find((d) => usable(d) && rule.declares(d.name, pkg, specifiers));
}

/** Whether every import site of a library needs no declaration (standard library, SDK). */
function builtin(eco: Ecosystem, sites: readonly ImportSite[]): boolean {
  const rule = declarationRule(eco);
  return rule !== undefined && sites.length > 0 && sites.every((s) => rule.builtin(s.specifier));
}

/** Libraries of a capability that production code (or the given roles) imports. */
export function usedLibraries(
  repo: RepoView,
  capability: Capability,
  roles: readonly FileRole[] = ['source'],
): LibraryUse[] {
  const index = usageIndex(repo);
  const out: LibraryUse[] = [];
  for (const [eco, entries] of Object.entries(capability.libraries) as [Ecosystem, Capability['libraries'][Ecosystem]][]) {
    for (const entry of entries ?? []) {
      const pkg = packageName(entry);
      // A module entry may name a sub-path (`@opentelemetry/sdk-node`, `k6/http`).
      const found = new Set<ImportSite>();
      for (const m of importNames(entry)) {
        for (const s of index.sites.get(`${eco}\0${m}`) ?? []) {
          if (roles.includes(s.role) && (s.specifier === m || matchesLibrary(eco, s.specifier, m))) found.add(s);
        }
      }
      if (found.size === 0) continue;
      const sites = repo.imports().filter((s) => found.has(s));
      const declaration = findDeclaration(index, eco, pkg, sites, !roles.includes('test'));
      if (!declaration && index.manifestEcosystems.has(eco) && !builtin(eco, sites)) continue;
      out.push({ ecosystem: eco, library: pkg, sites, declaration });
    }
  }
  return out;
}

/** Libraries of a capability declared in any manifest (whether or not code imports them). */
export function declaredLibraries(repo: RepoView, capability: Capability): Dependency[] {
  const out: Dependency[] = [];
  for (const [eco, entries] of Object.entries(capability.libraries) as [Ecosystem, Capability['libraries'][Ecosystem]][]) {
    const names = new Set((entries ?? []).map((e) => normalise(eco, packageName(e))));
    for (const d of repo.dependencies()) if (d.ecosystem === eco && names.has(normalise(eco, d.name))) out.push(d);
  }
  return out;
}
