// What kind of test a test file is (unit, integration, end-to-end), as data: the folder or name
// it has, the tools it imports, and the framework idioms it uses. Read by has-tests (the split
// of the test suite) and has-integration-tests. A file is e2e when any e2e rule holds, else
// integration when any integration rule holds, else unit.
import type { PatternSpec, RepoView } from '../core/detector.ts';
import type { Ecosystem, EvidenceItem, FileEntry, Language, Match } from '../core/types.ts';
import { matchesLibrary } from './imports.ts';

export type TestKind = 'unit' | 'integration' | 'e2e';

/** Languages whose test-role files are test code (shell covers bats and script suites). */
export const TEST_CODE_LANGUAGES: ReadonlySet<Language> = new Set<Language>(['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'ruby', 'csharp', 'php', 'shell']);

/** Test-role files that configure or bootstrap the suite rather than test anything. */
const NOT_A_TEST = /\.config\.[cm]?[jt]s$|(^|\/)(conftest|__init__|setup)\.py$|(^|\/)(spec_helper|rails_helper|test_helper)\.rb$|(^|\/)bootstrap\.php$/;

/** Folders and names that say a test is integration or end-to-end: [kind, path rule, why]. */
export const TEST_PATH_RULES: readonly (readonly [Exclude<TestKind, 'unit'>, RegExp, string])[] = [
  // End-to-end: browser suites, system and feature specs, acceptance projects.
  ['e2e', /(^|\/)(e2e|e2e-tests?|end-to-end|cypress|playwright|acceptance|ui-tests?)\//i, 'e2e folder'],
  ['e2e', /(^|\/)(spec|test)\/(system|features)\//, 'Rails system/feature tests folder'],
  ['e2e', /(^|\/)[\w.-]+\.(E2E|EndToEnd|Acceptance|UI)Tests?\//, '.NET end-to-end test project'],
  ['e2e', /\.e2e(-spec)?\.[cm]?[jt]sx?$|\.e2e\.(test|spec)\.[cm]?[jt]sx?$|\.cy\.[cm]?[jt]sx?$|_e2e_test\.(go|py)$|(^|\/)test_e2e\w*\.py$|(E2E|EndToEnd)Tests?\.(java|kt|cs)$|_e2e_spec\.rb$/, 'e2e test name'],
  // Integration: dedicated source sets and folders, *IT classes, *_integration_test names.
  ['integration', /(^|\/)src\/(it|integrationTest|integration-test|intTest)\//, 'integration source set'],
  ['integration', /(^|\/)(integration|integrations?-tests?|integration_tests?|it|functional|Feature|requests)\//, 'integration folder'],
  ['integration', /(^|\/)[\w.-]+\.(Integration|Functional)Tests?\//, '.NET integration test project'],
  ['integration', /\.(int|integration|it)\.(test|spec)\.[cm]?[jt]sx?$|IT\.(java|kt)$|IntegrationTests?\.(cs|java|kt|php)$|_integration_(test|spec)\.(go|py|rb)$|(^|\/)test_\w*integration\w*\.py$/, 'integration test name'],
];

/** A library a test imports that makes it an integration or e2e test. Mocking libraries (nock, msw, WireMock, VCR) are absent on purpose. */
export interface TestTool {
  ecosystem: Ecosystem;
  /** Module or namespace as imported (matched like usedLibraries: package, Go path prefix, JVM/.NET namespace prefix, Ruby constant). */
  module: string;
  kind: Exclude<TestKind, 'unit'>;
  label: string;
}

const tools = (ecosystem: Ecosystem, kind: TestTool['kind'], rows: readonly (readonly [string, string])[]): TestTool[] =>
  rows.map(([module, label]) => ({ ecosystem, module, kind, label }));

export const TEST_TOOLS: readonly TestTool[] = [
  ...tools('js', 'integration', [
    ['supertest', 'supertest'], ['light-my-request', 'light-my-request'], ['pactum', 'pactum'],
    ['testcontainers', 'Testcontainers'], ['@testcontainers/postgresql', 'Testcontainers'], ['@testcontainers/mysql', 'Testcontainers'],
    ['@testcontainers/mongodb', 'Testcontainers'], ['@testcontainers/redis', 'Testcontainers'], ['@testcontainers/kafka', 'Testcontainers'],
    ['@testcontainers/localstack', 'Testcontainers'], ['@testcontainers/rabbitmq', 'Testcontainers'],
  ]),
  ...tools('js', 'e2e', [
    ['@playwright/test', 'Playwright'], ['playwright', 'Playwright'], ['cypress', 'Cypress'], ['puppeteer', 'Puppeteer'],
    ['webdriverio', 'WebdriverIO'], ['@wdio/globals', 'WebdriverIO'], ['selenium-webdriver', 'Selenium'], ['testcafe', 'TestCafe'], ['nightwatch', 'Nightwatch'],
  ]),
  ...tools('python', 'integration', [
    ['testcontainers', 'Testcontainers'], ['fastapi.testclient', 'FastAPI TestClient'], ['starlette.testclient', 'Starlette TestClient'],
    ['pytest_django', 'pytest-django'], ['rest_framework.test', 'DRF APIClient'],
  ]),
  ...tools('python', 'e2e', [['playwright', 'Playwright'], ['pytest_playwright', 'Playwright'], ['selenium', 'Selenium'], ['splinter', 'Splinter']]),
  ...tools('go', 'integration', [
    ['github.com/testcontainers/testcontainers-go', 'Testcontainers'], ['github.com/ory/dockertest', 'dockertest'],
    ['github.com/gavv/httpexpect', 'httpexpect'], ['github.com/steinfletcher/apitest', 'apitest'],
  ]),
  ...tools('go', 'e2e', [['github.com/playwright-community/playwright-go', 'Playwright'], ['github.com/chromedp/chromedp', 'chromedp'], ['github.com/tebeka/selenium', 'Selenium']]),
  ...tools('jvm', 'integration', [
    ['org.testcontainers', 'Testcontainers'], ['io.restassured', 'REST Assured'], ['org.springframework.boot.test.web.client', 'TestRestTemplate'],
    ['org.springframework.test.web.reactive.server', 'WebTestClient'], ['io.quarkus.test.junit.QuarkusTest', '@QuarkusTest'],
    ['io.micronaut.test.extensions', '@MicronautTest'],
  ]),
  ...tools('jvm', 'e2e', [['com.microsoft.playwright', 'Playwright'], ['org.openqa.selenium', 'Selenium'], ['com.codeborne.selenide', 'Selenide']]),
  ...tools('dotnet', 'integration', [
    ['Microsoft.AspNetCore.Mvc.Testing', 'WebApplicationFactory'], ['Testcontainers', 'Testcontainers'], ['DotNet.Testcontainers', 'Testcontainers'],
  ]),
  ...tools('dotnet', 'e2e', [['Microsoft.Playwright', 'Playwright'], ['OpenQA.Selenium', 'Selenium']]),
  ...tools('ruby', 'integration', [['ActionDispatch::IntegrationTest', 'Rails integration test'], ['Rack::Test', 'rack-test'], ['Testcontainers', 'Testcontainers']]),
  ...tools('ruby', 'e2e', [['Capybara', 'Capybara'], ['capybara', 'Capybara'], ['Selenium::WebDriver', 'Selenium'], ['ActionDispatch::SystemTestCase', 'Rails system test']]),
  ...tools('php', 'integration', [['Symfony\\Bundle\\FrameworkBundle\\Test\\WebTestCase', 'Symfony WebTestCase'], ['Testcontainers', 'Testcontainers']]),
  ...tools('php', 'e2e', [['Laravel\\Dusk', 'Laravel Dusk'], ['Symfony\\Component\\Panther', 'Symfony Panther'], ['Facebook\\WebDriver', 'php-webdriver']]),
];

/** Idioms that are not imports: [pattern name, kind, label, pattern]. Every pattern reads test code only. */
export const TEST_IDIOMS: readonly (readonly [string, Exclude<TestKind, 'unit'>, string, PatternSpec])[] = [
  // Go integration suites are gated by a build tag, which lives in a comment.
  ['goBuildTag', 'integration', 'integration build tag', { regex: /^\/\/(?:go:build|\s*\+build)\s.*\b(integration|e2e)\b/m, literals: ['integration', 'e2e'], languages: ['go'], roles: ['test'], code: false, maxPerFile: 1 }],
  // A real HTTP server around a handler (not an inline fake `http.HandlerFunc(func ...)`, which stubs a dependency).
  ['goHttptestServer', 'integration', 'httptest server', { regex: /\bhttptest\.New(?:TLS|Unstarted)?Server\(\s*(?!http\.HandlerFunc\(\s*func|func\s*\()/, literals: ['httptest.New'], languages: ['go'], roles: ['test'], maxPerFile: 1 }],
  ['springBootTest', 'integration', '@SpringBootTest', { regex: /^\s*@SpringBootTest\b/m, literals: ['@SpringBootTest'], languages: ['java', 'kotlin'], roles: ['test'], maxPerFile: 1 }],
  ['webApplicationFactory', 'integration', 'WebApplicationFactory', { regex: /\bWebApplicationFactory</, literals: ['WebApplicationFactory'], languages: ['csharp'], roles: ['test'], maxPerFile: 1 }],
  ['djangoLiveServer', 'e2e', 'Django live server', { regex: /\b(?:Static)?LiveServerTestCase\b/, literals: ['LiveServerTestCase'], languages: ['python'], roles: ['test'], maxPerFile: 1 }],
  ['rspecKind', 'e2e', 'RSpec system/feature spec', { regex: /\btype:\s*:(?:system|feature)\b|^\s*driven_by\b|<\s*ApplicationSystemTestCase\b/m, literals: ['type:', 'driven_by', 'ApplicationSystemTestCase'], languages: ['ruby'], roles: ['test'], maxPerFile: 1 }],
  ['rspecRequest', 'integration', 'RSpec request spec', { regex: /\btype:\s*:request\b/, literals: ['type:'], languages: ['ruby'], roles: ['test'], maxPerFile: 1 }],
  ['laravelDusk', 'e2e', 'Laravel Dusk', { regex: /\bextends\s+DuskTestCase\b/, literals: ['DuskTestCase'], languages: ['php'], roles: ['test'], maxPerFile: 1 }],
];

/** The idiom patterns, for a detector's `patterns`. */
export const TEST_IDIOM_PATTERNS: Record<string, PatternSpec> = Object.fromEntries(TEST_IDIOMS.map(([name, , , spec]) => [name, spec]));

export interface ClassifiedTest {
  path: string;
  kind: TestKind;
  /** Why it is integration or e2e (empty for unit tests). */
  reasons: (EvidenceItem & { label: string })[];
}

export interface TestSuite {
  tests: ClassifiedTest[];
  count: Record<TestKind, number>;
}

/** Test code files of the repository (role test, a code language, not a config or bootstrap file). */
export function testFiles(repo: RepoView): FileEntry[] {
  return repo.files.filter((f) => f.role === 'test' && TEST_CODE_LANGUAGES.has(f.language) && !NOT_A_TEST.test(f.path));
}

/** Every test file with its kind and the evidence for it; `matches` reads the TEST_IDIOM_PATTERNS of the calling detector. */
export function classifyTests(repo: RepoView, matches: (name: string) => readonly Match[]): TestSuite {
  const files = testFiles(repo);
  const byPath = new Map<string, ClassifiedTest>(files.map((f) => [f.path, { path: f.path, kind: 'unit', reasons: [] }]));
  const note = (path: string, kind: Exclude<TestKind, 'unit'>, e: EvidenceItem & { label: string }): void => {
    const t = byPath.get(path);
    if (!t) return;
    if (t.kind !== 'e2e') t.kind = kind;
    if (!t.reasons.some((r) => r.label === e.label && r.line === e.line)) t.reasons.push(e);
  };
  for (const s of repo.imports()) {
    if (s.role !== 'test' || !byPath.has(s.path)) continue;
    const tool = TEST_TOOLS.find((t) => t.ecosystem === s.ecosystem && (s.specifier === t.module || matchesLibrary(s.ecosystem, s.specifier, t.module)));
    if (tool) note(s.path, tool.kind, { path: s.path, line: s.line, excerpt: s.excerpt, note: `${tool.label} in tests`, label: tool.label });
  }
  for (const [name, kind, label] of TEST_IDIOMS) {
    for (const m of matches(name)) note(m.path, kind, { path: m.path, line: m.line, excerpt: m.excerpt, note: label, label });
  }
  for (const f of files) {
    for (const [kind, rule, why] of TEST_PATH_RULES) if (rule.test(f.path)) note(f.path, kind, { path: f.path, note: why, label: why });
  }
  const tests = [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
  const count: Record<TestKind, number> = { unit: 0, integration: 0, e2e: 0 };
  for (const t of tests) count[t.kind]++;
  return { tests, count };
}

