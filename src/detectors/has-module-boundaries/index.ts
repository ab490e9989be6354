import { defineDetector, firstN, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';
import { MODULE_CONTENTS, dirOf, findModules, workspaceGlobs, type Module } from '../../ecosystems/modules.ts';

/** Where a module comes from, for the summary: its workspace, module root or convention. */
function origin(m: Module, workspaceFile: string | undefined): string {
  switch (m.kind) {
    case 'workspace':
      return workspaceFile ? `${workspaceFile} workspace` : `${dirOf(m.dir)}/`;
    case 'folder':
    case 'go-package':
      return `${dirOf(m.dir)}/`;
    case 'python-package':
      return `Python packages in ${dirOf(m.dir) || 'the root'}`;
    case 'jvm-package':
      return 'Java/Kotlin packages with package-info or facade';
    case 'jvm-project':
      return 'Maven/Gradle sub-projects';
    case 'ruby-pack':
      return 'packwerk packs';
    case 'dotnet-project':
      return '.NET projects';
    case 'php-namespace':
      return 'PSR-4 namespaces';
  }
}

export default defineDetector({
  id: 'has-module-boundaries',
  pillar: 'architecture',
  question: 'Is the code split into modules with public entry points (workspaces or module folders)?',
  rationale: 'Explicit modules with a public entry let one part change without disturbing the others.',
  measures: {
    modules: { unit: 'modules', description: 'Workspace packages, module folders with an entry file, or projects/packs/packages by language convention.' },
  },
  contents: MODULE_CONTENTS,
  detect({ repo }) {
    const list = findModules(repo);
    const measures = { modules: { value: list.length, unit: 'modules' } };
    const ws = workspaceGlobs((p) => repo.text(p));
    if (list.length === 0) {
      const why = ws
        ? `${ws.file} declares a workspace but fewer than two packages were found in it`
        : 'no workspace, no module folder (src/modules, packages, apps, services, internal, ...) with two or more entry points, and no language convention (Python packages, Java packages with package-info, packwerk packs, .NET projects, PSR-4 namespaces) with two or more modules';
      return no(`The code is not split into modules: ${why}.`, [], measures);
    }
    const evidence: EvidenceItem[] = firstN(list.map((m) => ({ path: m.declaredBy, note: `module ${m.dir}` })));
    const where = [...new Set(list.map((m) => origin(m, ws?.file)))].sort().join(', ');
    return yes(`${list.length} modules with entry points (${where}).`, evidence, measures);
  },
});
