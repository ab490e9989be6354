import type { RepoView } from '../../core/detector.ts';
import { defineDetector, firstN, fromImport, no, notApplicable, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { GRAPH_CONTENTS, blindSpot, importGraph, type ResolvedImport } from '../../ecosystems/import-graph.ts';
import type { Module } from '../../ecosystems/modules.ts';

/** Sub-packages that hold a module's implementation by convention (Java, PHP). */
const INTERNAL_PACKAGE = /(^|\/)(internal|impl)(\/|$)/i;

/** Whether a workspace package's `exports` makes a subpath public (`./client`, `./utils/*`). */
function exported(m: Module, subpath: string): boolean {
  const wanted = `./${subpath}`.replace(/\.[cm]?[jt]sx?$/, '');
  return (m.exports ?? []).some((key) => {
    const k = key.replace(/\.[cm]?[jt]sx?$/, '');
    if (!k.includes('*')) return k === wanted;
    const [pre, post] = k.split('*') as [string, string];
    return wanted.startsWith(pre) && wanted.endsWith(post) && wanted.length >= pre.length + post.length;
  });
}

/** Whether a Python package's __init__.py is an API: it re-exports or defines something. */
function pythonApi(repo: RepoView, init: string | undefined): boolean {
  if (!init) return false;
  return repo.imports().some((s) => s.path === init) || (repo.complexity(init)?.functions ?? 0) > 0;
}

/**
 * Why an import of module `r.to` from another module reaches past its public API, or undefined
 * when it goes through the API (or the language enforces visibility itself).
 */
function bypass(repo: RepoView, r: ResolvedImport): string | undefined {
  const to = r.to!;
  const inside = r.target?.slice(to.dir.length + 1);
  switch (to.kind) {
    case 'workspace':
      if (r.subpath !== undefined) {
        if (r.subpath === '' || exported(to, r.subpath)) return undefined;
        return `deep import into ${to.name} (${r.subpath} is not exported)`;
      }
      return r.target !== undefined && r.target !== to.entry ? `reaches into ${to.name} at ${inside}` : undefined;
    case 'folder':
    case 'ruby-pack':
      if (to.kind === 'ruby-pack' && (!to.entry || r.target?.startsWith(`${to.dir}/app/public/`))) return undefined;
      return r.target !== undefined && r.target !== to.entry ? `bypasses ${to.entry ?? to.dir} of ${to.name} for ${inside}` : undefined;
    case 'python-package':
      return r.target !== undefined && r.target !== to.entry && pythonApi(repo, to.entry) ? `imports ${inside} instead of ${to.name}'s __init__.py API` : undefined;
    case 'jvm-package':
    case 'jvm-project':
    case 'php-namespace':
      return inside !== undefined && INTERNAL_PACKAGE.test(inside.slice(0, inside.lastIndexOf('/') + 1)) ? `uses ${to.name}'s internal package (${inside})` : undefined;
    // Go cannot import another module's internal/, and C# has `internal`: the compiler keeps the API.
    case 'go-package':
    case 'dotnet-project':
      return undefined;
  }
}

export default defineDetector({
  id: 'imports-bypass-module-api',
  pillar: 'architecture',
  question: "Does production code import another module's internals instead of its public entry?",
  rationale: "A module whose internals other modules import has no API in practice: every internal change can break them.",
  measures: {
    'bypassing-imports': { unit: 'imports', description: "Production imports from one module into another module's internals (not its entry or exported subpaths)." },
    'cross-module-imports': { unit: 'imports', description: 'Production imports from one module into another, resolved inside the repository.' },
  },
  contents: GRAPH_CONTENTS,
  detect({ repo }) {
    const graph = importGraph(repo);
    if (graph.modules.length < 2) return notApplicable(`Fewer than two modules (${graph.modules.length}): there is no module API to bypass.`);
    const blind = blindSpot(graph);
    if (blind) return unknown(`${graph.modules.length} modules, but no dependency between them can be seen: ${blind}.`);
    const cross = graph.resolved.filter((r) => r.from && r.to && r.from !== r.to);
    const found = cross.flatMap((r) => {
      const why = bypass(repo, r);
      return why ? [{ r, why }] : [];
    });
    const measures = {
      'bypassing-imports': { value: found.length, unit: 'imports' },
      'cross-module-imports': { value: cross.length, unit: 'imports' },
    };
    if (found.length === 0) {
      return no(`No production import reaches into another module's internals (${cross.length} cross-module imports among ${graph.modules.length} modules).`, [], measures);
    }
    const pairs = [...new Set(found.map((f) => `${f.r.from!.name} → ${f.r.to!.name}`))];
    const evidence: EvidenceItem[] = firstN(found.map((f) => fromImport(f.r.site, `${f.r.from!.name} ${f.why}`)));
    return yes(
      `${found.length} of ${cross.length} cross-module imports bypass a module's public API (${pairs.slice(0, 3).join(', ')}${pairs.length > 3 ? ', ...' : ''}).`,
      evidence,
      measures,
    );
  },
});
