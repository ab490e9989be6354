// .NET: `*.csproj` PackageReference, `packages.config` package, and central package management's
// `Directory.Packages.props` PackageVersion. XML read by regex: these shapes are flat.
import type { Dependency } from '../../core/types.ts';
import type { ManifestReader, ManifestResult } from '../manifests.ts';
import { attr, lineAt, stripXmlComments, xmlProblem } from './util.ts';

/** Elements `<tag Include="X" Version="1" />` or `<tag Include="X"><Version>1</Version></tag>`. */
function references(path: string, text: string, root: string, tag: string, nameAttr: string, dev: (attrs: string) => boolean): ManifestResult {
  const problem = xmlProblem(text, root);
  if (problem) return { dependencies: [], problem };
  const body = stripXmlComments(text);
  const deps: Dependency[] = [];
  const element = new RegExp(`<${tag}\\b((?:[^>"']|"[^"]*"|'[^']*')*?)(?:/>|>([\\s\\S]*?)</${tag}>)`, 'g');
  for (const m of body.matchAll(element)) {
    const attrs = m[1]!;
    const name = attr(attrs, nameAttr) ?? attr(attrs, 'Update');
    if (!name) continue;
    const d: Dependency = { ecosystem: 'dotnet', name, manifest: path, line: lineAt(text, m.index), dev: dev(attrs) };
    const version = attr(attrs, 'Version') ?? /<Version>\s*([^<\s]+)\s*<\/Version>/i.exec(m[2] ?? '')?.[1];
    if (version) d.version = version;
    deps.push(d);
  }
  return { dependencies: deps };
}

/** Test projects (`Foo.Tests.csproj`) and private assets (analyzers, build tools) are dev. */
function csprojDev(path: string): (attrs: string) => boolean {
  const testProject = /(?:^|[./])tests?\.csproj$|[.]tests?[.]|[.]spec[s]?\.csproj$/i.test(path.split('/').pop() ?? '');
  return (attrs) => testProject || /^all$/i.test(attr(attrs, 'PrivateAssets') ?? '');
}

export const csproj: ManifestReader = {
  ecosystem: 'dotnet',
  glob: '**/*.csproj',
  read: (path, text) => references(path, text, 'Project', 'PackageReference', 'Include', csprojDev(path)),
};

export const packagesConfig: ManifestReader = {
  ecosystem: 'dotnet',
  glob: '**/packages.config',
  read: (path, text) =>
    references(path, text, 'packages', 'package', 'id', (attrs) => /^true$/i.test(attr(attrs, 'developmentDependency') ?? '')),
};

export const directoryPackagesProps: ManifestReader = {
  ecosystem: 'dotnet',
  glob: '**/Directory.Packages.props',
  read: (path, text) => references(path, text, 'Project', 'PackageVersion', 'Include', () => false),
};
