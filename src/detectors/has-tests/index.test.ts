import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = JSON.stringify({ name: 'app', devDependencies: { vitest: '^1.0.0' } }, null, 2);

describe('has-tests', () => {
  it('answers yes with counts and the framework declaration (JS/TS)', async () => {
    const r = await detect(detector, {
      'package.json': pkg,
      'src/a.ts': 'export const a = 1;\n',
      'src/b.ts': 'export const b = 1;\n',
      'src/c.js': 'module.exports = 1;\n',
      'src/a.test.ts': "import { a } from './a';\n",
      'README.md': 'Run the tests with npm test.\n',
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['package.json:4', 'src/a.test.ts']);
    expect(r.measures).toEqual({
      'test-files': { value: 1, unit: 'files' },
      'source-files': { value: 3, unit: 'files' },
      'test-ratio': { value: 33, unit: 'per 100 source files' },
      'unit-test-files': { value: 1, unit: 'files' },
      'integration-test-files': { value: 0, unit: 'files' },
      'e2e-test-files': { value: 0, unit: 'files' },
    });
  });

  it('counts python and go tests', async () => {
    const r = await detect(detector, {
      'app/main.py': 'x = 1\n',
      'tests/test_main.py': 'def test_x(): pass\n',
      'svc/main.go': 'package main\n',
      'svc/main_test.go': 'package main\n',
    });
    expect(r.outcome).toBe('yes');
    expect(r.measures?.['test-ratio']?.value).toBe(100);
  });

  it('splits a JS suite into unit, integration and end-to-end files by folder, name and tooling', async () => {
    const r = await detect(detector, {
      'package.json': JSON.stringify({ name: 'shop', devDependencies: { vitest: '^2.0.0', supertest: '^7.0.0', '@playwright/test': '^1.47.0' } }, null, 2),
      'src/cart.ts': 'export const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);\n',
      'src/app.ts': "import express from 'express';\nexport const app = express();\n",
      'src/cart.test.ts': "import { total } from './cart';\n",
      'test/api/orders.test.ts': "import request from 'supertest';\nimport { app } from '../../src/app';\n",
      'src/db.int.test.ts': "it('x', () => {});\n",
      'tests/checkout.spec.ts': "import { test, expect } from '@playwright/test';\n",
      'e2e/login.e2e.ts': "test('x', () => {});\n",
      'vitest.config.ts': 'export default {};\n',
      'playwright.config.ts': 'export default {};\n',
    });
    expect(r.outcome).toBe('yes');
    expect(r.summary).toBe('5 test files (1 unit, 2 integration, 2 end-to-end) for 4 production code files (vitest).');
    expect(r.measures?.['unit-test-files']?.value).toBe(1);
    expect(r.measures?.['integration-test-files']?.value).toBe(2);
    expect(r.measures?.['e2e-test-files']?.value).toBe(2);
  });

  it.each([
    [
      'Go: an integration build tag, a Testcontainers import, an httptest server around the router, a stub server',
      {
        'go.mod': 'module example.com/svc\n\ngo 1.22\n\nrequire github.com/testcontainers/testcontainers-go v0.33.0\n',
        'internal/store/store.go': 'package store\n',
        'internal/store/store_test.go': 'package store\n\nfunc TestX(t *testing.T) {}\n',
        'internal/store/pg_test.go': '//go:build integration\n\npackage store\n',
        'internal/store/repo_test.go': 'package store\n\nimport (\n\t"testing"\n\t"github.com/testcontainers/testcontainers-go/modules/postgres"\n)\n',
        'internal/api/server_test.go': 'package api\n\nfunc TestRoutes(t *testing.T) {\n\tsrv := httptest.NewServer(NewRouter())\n\tdefer srv.Close()\n}\n',
        'internal/client/client_test.go': 'package client\n\nfunc TestGet(t *testing.T) {\n\tsrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))\n\tdefer srv.Close()\n}\n',
      },
      { unit: 2, integration: 3, e2e: 0 },
    ],
    [
      'JVM: src/integrationTest, *IT, @SpringBootTest, Selenium',
      {
        'build.gradle.kts': 'plugins { java }\n',
        'src/main/java/com/acme/App.java': 'package com.acme;\npublic class App {}\n',
        'src/test/java/com/acme/PriceTest.java': 'package com.acme;\nclass PriceTest {}\n',
        'src/test/java/com/acme/OrderIT.java': 'package com.acme;\nclass OrderIT {}\n',
        'src/integrationTest/java/com/acme/RepoTest.java': 'package com.acme;\nclass RepoTest {}\n',
        'src/test/java/com/acme/AppTest.java': 'package com.acme;\n\n@SpringBootTest\nclass AppTest {}\n',
        'src/test/java/com/acme/UiTest.java': 'package com.acme;\nimport org.openqa.selenium.WebDriver;\nclass UiTest {}\n',
      },
      { unit: 1, integration: 3, e2e: 1 },
    ],
    [
      '.NET: a WebApplicationFactory test, an IntegrationTests project, a Playwright UI test',
      {
        'src/Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'src/Api/Program.cs': 'var app = WebApplication.Create();\n',
        'tests/Api.Tests/PriceTests.cs': 'public class PriceTests {}\n',
        'tests/Api.Tests/OrdersApiTests.cs': 'using Microsoft.AspNetCore.Mvc.Testing;\npublic class OrdersApiTests : IClassFixture<WebApplicationFactory<Program>> {}\n',
        'Api.IntegrationTests/DbTests.cs': 'public class DbTests {}\n',
        'Api.UITests/LoginTests.cs': 'using Microsoft.Playwright;\npublic class LoginTests {}\n',
      },
      { unit: 1, integration: 2, e2e: 1 },
    ],
    [
      'Ruby: model, request and system specs; Python: unit, TestClient, Selenium; PHP: Laravel Unit and Feature',
      {
        'app/models/order.rb': 'class Order < ApplicationRecord; end\n',
        'spec/models/order_spec.rb': 'RSpec.describe Order do; end\n',
        'spec/requests/orders_spec.rb': 'RSpec.describe "Orders", type: :request do; end\n',
        'spec/system/checkout_spec.rb': 'RSpec.describe "Checkout", type: :system do\n  before { driven_by(:selenium_chrome_headless) }\nend\n',
        'app/main.py': 'x = 1\n',
        'tests/test_prices.py': 'def test_x(): pass\n',
        'tests/test_api.py': 'from fastapi.testclient import TestClient\n',
        'tests/test_ui.py': 'from selenium import webdriver\n',
        'tests/conftest.py': 'import pytest\n',
        'app/Http/Kernel.php': '<?php\nclass Kernel {}\n',
        'tests/Unit/PriceTest.php': '<?php\nclass PriceTest extends TestCase {}\n',
        'tests/Feature/OrderTest.php': '<?php\nclass OrderTest extends TestCase {}\n',
      },
      { unit: 3, integration: 3, e2e: 2 },
    ],
  ])('splits %s', async (_c, files, split) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect({
      unit: r.measures?.['unit-test-files']?.value,
      integration: r.measures?.['integration-test-files']?.value,
      e2e: r.measures?.['e2e-test-files']?.value,
    }).toEqual(split);
  });

  it.each([
    ['only fixtures and docs mention tests', { 'src/a.ts': 'export {}\n', 'fixtures/x.test.ts': 'test()\n', 'docs/testing.md': '# Tests\n' }],
    ['test data is not code', { 'src/a.ts': 'export {}\n', 'test/data.json': '{}\n' }],
    ['tests live only in a vendored package', { 'src/a.ts': 'export {}\n', 'vendor/lib/a.test.js': 'test()\n' }],
  ])('answers no when %s', async (_c, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['test-files']?.value).toBe(0);
  });

  it('is not applicable without code', async () => {
    expect((await detect(detector, { 'README.md': '# hi\n' })).outcome).toBe('not-applicable');
  });
});
