import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (dev: Record<string, string>): string => JSON.stringify({ name: 'app', devDependencies: dev }, null, 2);

describe('has-integration-tests', () => {
  it('answers yes when test code imports supertest (JS)', async () => {
    const r = await detect(detector, {
      'package.json': pkg({ supertest: '^7.0.0', jest: '29' }),
      'src/app.ts': 'export const app = 1;\n',
      'src/app.test.ts': "import request from 'supertest';\nimport { app } from './app';\n",
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['src/app.test.ts:1']);
    expect(r.measures?.['integration-test-files']?.value).toBe(1);
  });

  it.each([
    ['an e2e folder', { 'e2e/login.spec.ts': "test('x', () => {});\n" }, ['e2e/login.spec.ts']],
    ['a *.int.test.ts name', { 'src/db.int.test.ts': "it('x', () => {});\n" }, ['src/db.int.test.ts']],
    ['a Java *IT class', { 'src/test/java/app/OrderIT.java': 'class OrderIT {}\n' }, ['src/test/java/app/OrderIT.java']],
    ['a Go build tag', { 'store/pg_test.go': '//go:build integration\n\npackage store\n' }, ['store/pg_test.go:1']],
    ['JVM testcontainers', { 'src/test/java/app/RepoTest.java': 'import org.testcontainers.containers.PostgreSQLContainer;\n' }, ['src/test/java/app/RepoTest.java:1']],
    ['a Go httptest server around the router', { 'api/routes_test.go': 'package api\n\nfunc TestRoutes(t *testing.T) {\n\tsrv := httptest.NewServer(NewRouter())\n\t_ = srv\n}\n' }, ['api/routes_test.go:4']],
    ['a .NET WebApplicationFactory', { 'Api.Tests/OrdersTests.cs': 'using Xunit;\npublic class OrdersTests : IClassFixture<WebApplicationFactory<Program>> {}\n' }, ['Api.Tests/OrdersTests.cs:2']],
    ['a Rails system test', { 'test/application_system_test_case.rb': 'class ApplicationSystemTestCase < ActionDispatch::SystemTestCase\n  driven_by :selenium\nend\n' }, ['test/application_system_test_case.rb:1', 'test/application_system_test_case.rb:2']],
    ['a Symfony WebTestCase', { 'tests/Controller/OrderControllerTest.php': '<?php\nuse Symfony\\Bundle\\FrameworkBundle\\Test\\WebTestCase;\nclass OrderControllerTest extends WebTestCase {}\n' }, ['tests/Controller/OrderControllerTest.php:2']],
    ['python testcontainers', { 'requirements-dev.txt': 'testcontainers==4.0\n', 'tests/test_repo.py': 'from testcontainers.postgres import PostgresContainer\n' }, ['tests/test_repo.py:1']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['only unit tests exist', { 'package.json': pkg({ jest: '29' }), 'src/a.test.ts': "import { a } from './a';\n" }],
    ['tests only mock HTTP (nock, msw)', { 'package.json': pkg({ nock: '13', msw: '2' }), 'src/a.test.ts': "import nock from 'nock';\nimport { http } from 'msw';\n" }],
    ['the README mentions playwright', { 'package.json': pkg({}), 'README.md': "import { test } from '@playwright/test'\n" }],
    ['the import is commented out', { 'package.json': pkg({ supertest: '7' }), 'src/a.test.ts': "// import request from 'supertest';\n" }],
    ['an integrations folder is production code', { 'src/integration/stripe.ts': 'export {}\n' }],
    ['a Go test stubs a dependency with an inline httptest handler', { 'client/c_test.go': 'package client\n\nfunc TestGet(t *testing.T) {\n\tsrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))\n\t_ = srv\n}\n' }],
    ['JVM tests only mock HTTP with WireMock', { 'src/test/java/app/ClientTest.java': 'package app;\nimport com.github.tomakehurst.wiremock.junit5.WireMockTest;\n' }],
    ['a feature folder of unit tests is not an e2e suite', { 'src/features/cart/cart.test.ts': "import { total } from './cart';\n" }],
    ['@SpringBootTest is commented out', { 'src/test/java/app/AppTest.java': 'package app;\n// @SpringBootTest\nclass AppTest {}\n' }],
    ['the e2e spec is a fixture', { 'fixtures/e2e/login.spec.ts': "test('x')\n" }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
