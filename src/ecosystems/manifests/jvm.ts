// JVM: Maven `pom.xml` dependencies and Gradle `build.gradle(.kts)` dependency declarations.
// Names are `group:artifact`; test scopes and test configurations are dev.
import type { Dependency } from '../../core/types.ts';
import type { ManifestContext, ManifestReader } from '../manifests.ts';
import { blank, lineAt, parseTomlTable, stripXmlComments, xmlProblem } from './util.ts';

function tagText(block: string, tag: string): string | undefined {
  return new RegExp(`<${tag}>\\s*([^<]*?)\\s*</${tag}>`).exec(block)?.[1];
}

export const pomXml: ManifestReader = {
  ecosystem: 'jvm',
  glob: '**/pom.xml',
  read(path, text) {
    const problem = xmlProblem(text, 'project');
    if (problem) return { dependencies: [], problem };
    // Managed versions and plugin dependencies are not the project's own dependencies.
    const body = stripXmlComments(text)
      .replace(/<dependencyManagement>[\s\S]*?<\/dependencyManagement>/g, blank)
      .replace(/<build>[\s\S]*?<\/build>/g, blank);
    const deps: Dependency[] = [];
    for (const m of body.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)) {
      const group = tagText(m[1]!, 'groupId');
      const artifact = tagText(m[1]!, 'artifactId');
      if (!group || !artifact) continue;
      const scope = tagText(m[1]!, 'scope');
      const d: Dependency = { ecosystem: 'jvm', name: `${group}:${artifact}`, manifest: path, line: lineAt(text, m.index), dev: scope === 'test' };
      const version = tagText(m[1]!, 'version');
      if (version) d.version = version;
      deps.push(d);
    }
    return { dependencies: deps };
  },
};

const CONFIGURATION = String.raw`(implementation|api|compile|compileOnly|runtimeOnly|runtime|testImplementation|testCompile|testCompileOnly|testRuntimeOnly|testRuntime|androidTestImplementation|debugImplementation|releaseImplementation|kapt|ksp|annotationProcessor|testAnnotationProcessor|integrationTestImplementation)`;
// `implementation("g:a:v")`, `implementation 'g:a:v'`, `implementation(platform("g:a:v"))`.
const COORDINATE = new RegExp(String.raw`\b${CONFIGURATION}\s*\(?\s*(?:(?:platform|enforcedPlatform)\s*\(\s*)?(['"])([^'":\s]+):([^'":\s]+)(?::([^'"\s]+))?\2`, 'g');
// `implementation group: 'g', name: 'a', version: 'v'` (Groovy map notation).
const MAP = new RegExp(String.raw`\b${CONFIGURATION}\s*\(?\s*group\s*[:=]\s*(['"])([^'"]+)\2\s*,\s*name\s*[:=]\s*(['"])([^'"]+)\4(?:\s*,\s*version\s*[:=]\s*(['"])([^'"]+)\6)?`, 'g');

/** Groovy/Kotlin code with comments and string contents blanked, to check brace balance. */
function braceProblem(text: string): string | undefined {
  const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, blank);
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return `unmatched '}' at line ${lineAt(text, i)}`;
  }
  return depth > 0 ? `${depth} '{' never closed` : undefined;
}

// `implementation(libs.okhttp.logging)`, `implementation libs.okhttp`, `implementation(platform(libs.boot.bom))`.
const CATALOG_USE = new RegExp(String.raw`\b${CONFIGURATION}\s*\(?\s*(?:(?:platform|enforcedPlatform)\s*\(\s*)?libs\.([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)`, 'g');

/** The version catalog Gradle imports by default as `libs`, at the root of the build. */
export const VERSION_CATALOG_GLOB = '**/gradle/libs.versions.toml';

interface CatalogLibrary {
  /** `group:artifact` */
  name: string;
  version?: string;
}

export interface VersionCatalog {
  /** By accessor: alias lower-cased with `-`, `_` and `.` all `.` (`okhttp-logging` → `okhttp.logging`). */
  libraries: Map<string, CatalogLibrary>;
  bundles: Map<string, string[]>;
}

function accessor(alias: string): string {
  return alias.toLowerCase().replace(/[-_.]/g, '.');
}

function asTable(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** `"1.2"`, `{ strictly = "1.2" }`, `{ require = "1.2" }`, `{ prefer = "1.2" }`. */
function catalogVersion(value: unknown, versions: Record<string, unknown>): string | undefined {
  if (typeof value === 'string') return value;
  const table = asTable(value);
  if (typeof table['ref'] === 'string') return catalogVersion(versions[table['ref']], {});
  for (const key of ['strictly', 'require', 'prefer']) if (typeof table[key] === 'string') return table[key];
  return undefined;
}

/** A Gradle version catalog (`gradle/libs.versions.toml`): [libraries] and [bundles]. */
export function readVersionCatalog(text: string): { catalog: VersionCatalog; problem?: string } {
  const catalog: VersionCatalog = { libraries: new Map(), bundles: new Map() };
  const doc = parseTomlTable(text);
  if (typeof doc === 'string') return { catalog, problem: doc };
  const versions = asTable(doc['versions']);
  for (const [alias, spec] of Object.entries(asTable(doc['libraries']))) {
    let library: CatalogLibrary | undefined;
    if (typeof spec === 'string') {
      const [group, artifact, version] = spec.split(':');
      if (group && artifact) library = version ? { name: `${group}:${artifact}`, version } : { name: `${group}:${artifact}` };
    } else {
      const table = asTable(spec);
      const module = typeof table['module'] === 'string' ? table['module'] : typeof table['group'] === 'string' && typeof table['name'] === 'string' ? `${table['group']}:${table['name']}` : undefined;
      if (module && /^[^:]+:[^:]+$/.test(module)) {
        library = { name: module };
        const version = catalogVersion(table['version'], versions);
        if (version) library.version = version;
      }
    }
    if (library) catalog.libraries.set(accessor(alias), library);
  }
  for (const [alias, list] of Object.entries(asTable(doc['bundles']))) {
    if (Array.isArray(list)) catalog.bundles.set(accessor(alias), list.filter((a): a is string => typeof a === 'string').map(accessor));
  }
  return { catalog };
}

const catalogs = new WeakMap<ManifestContext, Map<string, VersionCatalog | undefined>>();

/** The `libs` catalog of the build a build script belongs to: the nearest `gradle/libs.versions.toml` above it. */
function catalogFor(path: string, context: ManifestContext | undefined): VersionCatalog | undefined {
  if (!context) return undefined;
  let cache = catalogs.get(context);
  if (!cache) catalogs.set(context, (cache = new Map()));
  const parts = path.split('/').slice(0, -1);
  for (let n = parts.length; n >= 0; n--) {
    const candidate = [...parts.slice(0, n), 'gradle', 'libs.versions.toml'].join('/');
    if (!cache.has(candidate)) {
      const text = context.text(candidate);
      cache.set(candidate, text === undefined ? undefined : readVersionCatalog(text).catalog);
    }
    const catalog = cache.get(candidate);
    if (catalog) return catalog;
  }
  return undefined;
}

function isTestConfiguration(configuration: string): boolean {
  return /^(?:test|androidTest|integrationTest)/.test(configuration);
}

export const buildGradle: ManifestReader = {
  ecosystem: 'jvm',
  glob: '**/build.gradle{,.kts}',
  read(path, text, context) {
    const problem = braceProblem(text);
    if (problem) return { dependencies: [], problem };
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, blank);
    const found: { offset: number; d: Dependency }[] = [];
    for (const m of code.matchAll(COORDINATE)) {
      const d: Dependency = { ecosystem: 'jvm', name: `${m[3]}:${m[4]}`, manifest: path, line: lineAt(text, m.index), dev: isTestConfiguration(m[1]!) };
      if (m[5]) d.version = m[5];
      found.push({ offset: m.index, d });
    }
    for (const m of code.matchAll(MAP)) {
      const d: Dependency = { ecosystem: 'jvm', name: `${m[3]}:${m[5]}`, manifest: path, line: lineAt(text, m.index), dev: isTestConfiguration(m[1]!) };
      if (m[7]) d.version = m[7];
      found.push({ offset: m.index, d });
    }
    const catalog = catalogFor(path, context);
    for (const m of catalog ? code.matchAll(CATALOG_USE) : []) {
      const chain = accessor(m[2]!).replace(/\.get$/, '');
      const bundle = /^bundles\.(.+)$/.exec(chain);
      for (const alias of bundle ? (catalog!.bundles.get(bundle[1]!) ?? []) : [chain]) {
        const library = catalog!.libraries.get(alias);
        if (!library) continue;
        const d: Dependency = { ecosystem: 'jvm', name: library.name, manifest: path, line: lineAt(text, m.index), dev: isTestConfiguration(m[1]!) };
        if (library.version) d.version = library.version;
        found.push({ offset: m.index, d });
      }
    }
    return { dependencies: found.sort((a, b) => a.offset - b.offset).map((f) => f.d) };
  },
};
