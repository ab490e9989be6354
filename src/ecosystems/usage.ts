// "A library counts where code uses it": imported in production source, and declared in a
// manifest when the ecosystem has one. Mentions in docs, comments, tests, fixtures or vendored
// copies never count, because the scanner classifies those files and blanks comments.
import type { RepoView } from '../core/detector.ts';
import type { Dependency, Ecosystem, FileRole, ImportSite } from '../core/types.ts';
import { importNames, packageName, type Capability } from './capability.ts';
import { matchesLibrary } from './imports.ts';
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

/** Libraries of a capability that production code (or the given roles) imports. */
export function usedLibraries(
  repo: RepoView,
  capability: Capability,
  roles: readonly FileRole[] = ['source'],
): LibraryUse[] {
  const deps = repo.dependencies();
  // Ecosystems with a manifest in production paths: there, an undeclared import does not count.
  const manifestEcosystems = new Set(
    MANIFEST_READERS.filter((r) => repo.glob(r.glob, ['source', 'config', 'other']).length > 0).map((r) => r.ecosystem),
  );
  const out: LibraryUse[] = [];
  for (const [eco, entries] of Object.entries(capability.libraries) as [Ecosystem, Capability['libraries'][Ecosystem]][]) {
    for (const entry of entries ?? []) {
      const pkg = packageName(entry);
      const modules = new Set(importNames(entry));
      const sites = repo.imports().filter((s) => {
        if (s.ecosystem !== eco || !roles.includes(s.role)) return false;
        // A module entry may name a sub-path (`@opentelemetry/sdk-node`, `k6/http`).
        return modules.has(s.specifier) || [...modules].some((m) => matchesLibrary(eco, s.specifier, m));
      });
      if (sites.length === 0) continue;
      const declaration = deps.find((d) => d.ecosystem === eco && normalise(eco, d.name) === normalise(eco, pkg));
      if (!declaration && manifestEcosystems.has(eco)) continue;
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
