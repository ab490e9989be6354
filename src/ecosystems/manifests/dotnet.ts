// .NET: `*.csproj` PackageReference and NuGet project SDKs, `packages.config` package, and central package management's
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

/**
 * MSBuild project SDKs that are NuGet packages (`<Project Sdk="MSTest.Sdk">`, `Aspire.AppHost.Sdk/9.0.0`,
 * `<Sdk Name="..." />`): a dependency like a package reference. The SDKs shipped with .NET are not.
 */
function projectSdks(path: string, text: string, dev: boolean): Dependency[] {
  const out: Dependency[] = [];
  const body = stripXmlComments(text);
  for (const m of body.matchAll(/<Project\b[^>]*?\sSdk\s*=\s*"([^"]+)"|<Sdk\b[^>]*?\sName\s*=\s*"([^"]+)"/g)) {
    for (const spec of (m[1] ?? m[2]!).split(';')) {
      const [name = '', version] = spec.trim().split('/');
      if (!name || /^Microsoft\.NET\.Sdk(\.|$)/i.test(name)) continue;
      out.push({ ecosystem: 'dotnet', name, manifest: path, line: lineAt(text, m.index), dev, ...(version ? { version } : {}) });
    }
  }
  return out;
}

export const csproj: ManifestReader = {
  ecosystem: 'dotnet',
  glob: '**/*.csproj',
  read: (path, text) => {
    const r = references(path, text, 'Project', 'PackageReference', 'Include', csprojDev(path));
    return r.problem ? r : { dependencies: [...projectSdks(path, text, csprojDev(path)('')), ...r.dependencies] };
  },
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
