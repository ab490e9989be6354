// Which language a file is written in and what role it plays. Rules are data, checked in order.
import type { FileRole, Language } from '../core/types.ts';

const BY_EXTENSION: Record<string, Language> = {
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript',
  ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescript',
  py: 'python', pyi: 'python',
  go: 'go',
  java: 'java',
  kt: 'kotlin', kts: 'kotlin',
  rb: 'ruby', rake: 'ruby', gemspec: 'ruby',
  cs: 'csharp', csproj: 'xml', props: 'xml', targets: 'xml',
  php: 'php',
  sh: 'shell', bash: 'shell', zsh: 'shell',
  tf: 'hcl', tofu: 'hcl', tfvars: 'hcl', hcl: 'hcl',
  yml: 'yaml', yaml: 'yaml',
  json: 'json', jsonc: 'json', json5: 'json',
  toml: 'toml',
  xml: 'xml', gradle: 'kotlin',
  md: 'markdown', mdx: 'markdown', markdown: 'markdown', rst: 'markdown', adoc: 'markdown',
  sql: 'sql',
};

const BY_NAME: Record<string, Language> = {
  Dockerfile: 'dockerfile',
  Containerfile: 'dockerfile',
  Gemfile: 'ruby',
  Rakefile: 'ruby',
  Jenkinsfile: 'other',
  Makefile: 'other',
  Procfile: 'other',
};

export function languageOf(path: string): Language {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const byName = BY_NAME[name];
  if (byName) return byName;
  if (/^Dockerfile\.|\.dockerfile$/i.test(name)) return 'dockerfile';
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return 'other';
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? 'other';
}

export const CODE_LANGUAGES: ReadonlySet<Language> = new Set<Language>([
  'javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'ruby', 'csharp', 'php', 'shell',
]);

/** Role rules, first match wins. Each regex is tested on the repository-relative path. */
const ROLE_RULES: readonly (readonly [FileRole, RegExp])[] = [
  // Third-party code copied into the tree is never the platform's own.
  ['vendored', /(^|\/)(node_modules|vendor|third[_-]party|bower_components|\.yarn|Pods|site-packages|\.venv|venv|\.terraform|\.terragrunt-cache)\//],
  // Build output and generated code describe the generator, not the team's practice.
  ['generated', /(^|\/)(dist|build|out|target|\.next|\.nuxt|coverage|__generated__|generated)\//],
  ['generated', /(\.min\.(js|css)|\.generated\.[a-z]+|\.gen\.[a-z]+|_gen\.go|(^|\/)zz_generated\.[^/]+|\.pb\.go|_pb2(_grpc)?\.py|\.designer\.cs|\.snap)$/],
  // Fixtures, examples and test data exist to be read by tests or people, not run in production.
  ['fixture', /(^|\/)(fixtures?|__fixtures__|testdata|test-data|__mocks__|mocks?|examples?|samples?|demo|\.semgrep)\//],
  ['test', /(^|\/)(tests?|__tests__|spec|specs|e2e|cypress|playwright|integration-tests|testing)\//],
  // .NET test projects are folders named after the project under test (`Ordering.UnitTests/`).
  ['test', /(^|\/)[\w.-]+\.(Tests?|UnitTests?|IntegrationTests?|FunctionalTests?|AcceptanceTests?|Specs)\//],
  ['test', /(\.(test|spec|e2e|cy)\.[cm]?[jt]sx?|_test\.go|_test\.py|(^|\/)test_[^/]*\.py|_spec\.rb|_test\.rb|Tests?\.(java|kt|cs)|IT\.java|Test\.php|conftest\.py)$/],
  // Documentation sites and component galleries are tooling for people, not production code.
  ['docs', /(^|\/)(\.vitepress|\.docusaurus|\.storybook|\.vuepress)\/|(^|\/)(docusaurus\.config|mkdocs)\.[^/]+$/],
  // Editor and hook folders hold tooling, not the platform's code.
  ['other', /(^|\/)\.(husky|vscode|idea|devcontainer)\//],
  ['ci', /^(\.github\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.ya?ml|\.circleci\/config\.ya?ml|Jenkinsfile|azure-pipelines\.ya?ml|bitbucket-pipelines\.ya?ml|\.buildkite\/.*\.ya?ml|\.travis\.ya?ml)$/],
  ['ci', /(^|\/)\.gitlab-ci\.ya?ml$|(^|\/)Jenkinsfile$/],
  ['iac', /\.(tf|tofu|tfvars|bicep)$|(^|\/)terragrunt\.hcl$|\.pkr\.hcl$|(^|\/)(Pulumi(\.[\w-]+)?\.ya?ml|cdk\.json|Chart\.yaml|kustomization\.ya?ml|serverless\.ya?ml|template\.ya?ml|cloudformation[^/]*\.(ya?ml|json))$/],
  ['iac', /(^|\/)(terraform|infra|infrastructure|k8s|kubernetes|helm|charts|deploy|deployment|manifests|ansible)\/.*\.(ya?ml|json|hcl|tf)$/],
  // Manifests that happen to end in .txt are configuration, not prose.
  ['config', /(^|\/)(requirements[^/]*\.txt|constraints[^/]*\.txt|CMakeLists\.txt)$/],
  ['docs', /\.(md|mdx|markdown|rst|adoc|txt)$/i],
];

/** A docs/ folder holds prose; code in it (internal/docs/man.go) is still code. */
const DOCS_FOLDER = /(^|\/)docs?\//;

/**
 * JVM and .NET source sets (`src/main/java/org/acme/samples/...`): folder names there are package
 * names, so `samples` or `demo` in them says nothing about the file's role.
 */
const SOURCE_SET = /(^|\/)src\/(main|test|it|integrationTest)\//;

export function roleOf(path: string, language: Language): FileRole {
  const inSourceSet = SOURCE_SET.exec(path);
  for (const [role, rule] of ROLE_RULES) {
    if (inSourceSet && (role === 'fixture' || role === 'test')) {
      // Only the part below the source set's root decides; src/test is itself the test role,
      // except for the fixtures its resources hold (src/test/resources/fixtures/...).
      if (/^(test|it|integrationTest)$/.test(inSourceSet[2]!)) {
        return /^resources\/(.*\/)?(fixtures?|testdata|test-data|samples?)\//.test(path.slice(inSourceSet.index + inSourceSet[0].length)) ? 'fixture' : 'test';
      }
      if (rule.test(path.slice(0, inSourceSet.index + inSourceSet[0].length))) return role;
      continue;
    }
    if (rule.test(path)) return role;
  }
  if (CODE_LANGUAGES.has(language)) return 'source';
  if (DOCS_FOLDER.test(path)) return 'docs';
  if (language === 'other' && !/\.[A-Za-z0-9]+$/.test(path)) return 'config';
  if (['yaml', 'json', 'toml', 'xml', 'hcl', 'dockerfile'].includes(language)) return 'config';
  if (language === 'sql') return 'source';
  return 'other';
}
