// JVM: Maven `pom.xml` dependencies and Gradle `build.gradle(.kts)` dependency declarations.
// Names are `group:artifact`; test scopes and test configurations are dev.
import type { Dependency } from '../../core/types.ts';
import type { ManifestReader } from '../manifests.ts';
import { blank, lineAt, stripXmlComments, xmlProblem } from './util.ts';

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

function isTestConfiguration(configuration: string): boolean {
  return /^(?:test|androidTest|integrationTest)/.test(configuration);
}

export const buildGradle: ManifestReader = {
  ecosystem: 'jvm',
  glob: '**/build.gradle{,.kts}',
  read(path, text) {
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
    return { dependencies: found.sort((a, b) => a.offset - b.offset).map((f) => f.d) };
  },
};
