import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (dev: Record<string, string>): string => JSON.stringify({ name: 'app', devDependencies: dev });
const pact = '{\n  "consumer": { "name": "web" },\n  "provider": { "name": "orders-api" },\n  "interactions": []\n}\n';

describe('has-contract-tests', () => {
  it.each([
    ['a Pact consumer test', { 'package.json': pkg({ '@pact-foundation/pact': '12' }), 'test/contract/orders.pact.test.ts': "import { PactV3 } from '@pact-foundation/pact';\n" }, ['test/contract/orders.pact.test.ts:1']],
    ['a Python pact test', { 'requirements-dev.txt': 'pact-python\n', 'tests/test_contract.py': 'from pact import Consumer, Provider\n' }, ['tests/test_contract.py:1']],
    ['a JVM pact test', { 'src/test/java/app/OrdersPactTest.java': 'package app;\nimport au.com.dius.pact.consumer.dsl.PactDslWithProvider;\n' }, ['src/test/java/app/OrdersPactTest.java:2']],
    ['a Ruby pact consumer spec', { 'Gemfile': 'group :test do\n  gem "pact"\nend\n', 'spec/service_providers/pact_helper.rb': 'require "pact/consumer/rspec"\n' }, ['spec/service_providers/pact_helper.rb:1']],
    ['a PactNet test', { 'Api.Tests/Api.Tests.csproj': '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="PactNet" Version="4.5.0" /></ItemGroup></Project>', 'Api.Tests/OrdersContractTests.cs': 'using PactNet;\n' }, ['Api.Tests/OrdersContractTests.cs:1']],
    ['a Spring Cloud Contract base test', { 'build.gradle': "dependencies { testImplementation 'org.springframework.cloud:spring-cloud-starter-contract-verifier' }\n", 'src/test/java/x/ContractBase.java': 'package x;\nimport org.springframework.cloud.contract.verifier.messaging.boot.AutoConfigureMessageVerifier;\n' }, ['src/test/java/x/ContractBase.java:2']],
    ['a pact-php consumer test', { 'composer.json': '{"require-dev": {"pact-foundation/pact-php": "^10.0"}}', 'tests/Contract/OrdersConsumerTest.php': '<?php\nuse PhpPact\\Consumer\\InteractionBuilder;\nclass OrdersConsumerTest {}\n' }, ['tests/Contract/OrdersConsumerTest.php:2']],
    ['a pact-go provider test', { 'go.mod': 'module example.com/orders\n\nrequire github.com/pact-foundation/pact-go/v2 v2.0.5\n', 'provider_test.go': 'package main\n\nimport (\n\t"testing"\n\t"github.com/pact-foundation/pact-go/v2/provider"\n)\n' }, ['provider_test.go:5']],
    ['a Spring Cloud Contract Groovy contract', { 'src/test/resources/contracts/orders/shouldReturnOrder.groovy': 'import org.springframework.cloud.contract.spec.Contract\n\nContract.make {\n  request { method GET(); url "/orders/1" }\n  response { status OK() }\n}\n' }, ['src/test/resources/contracts/orders/shouldReturnOrder.groovy:3']],
    [
      'a PactNet test whose test project references PactNet beside a production project',
      {
        'src/Web/Web.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'src/Web/Program.cs': 'var app = WebApplication.Create(args);\n',
        'tests/Web.Tests/Web.Tests.csproj': '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="PactNet" Version="5.0.0" /></ItemGroup></Project>\n',
        'tests/Web.Tests/OrdersContractTests.cs': 'using PactNet;\npublic class OrdersContractTests {}\n',
      },
      ['tests/Web.Tests/OrdersContractTests.cs:1'],
    ],
    ['a committed pact file', { 'pacts/web-orders-api.json': pact }, ['pacts/web-orders-api.json:3']],
  ])('answers yes for %s', async (_case, files, where) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(where);
  });

  it.each([
    ['Pact is only declared', { 'package.json': pkg({ '@pact-foundation/pact': '12' }), 'test/a.test.ts': "import { expect } from 'vitest';\n" }],
    ['a README describes Pact', { 'README.md': "import { PactV3 } from '@pact-foundation/pact'\n" }],
    ['the import is commented out', { 'package.json': pkg({ '@pact-foundation/pact': '12' }), 'test/a.test.ts': "// import { PactV3 } from '@pact-foundation/pact';\n" }],
    ['pact-jvm sources vendored under third_party', { 'third_party/pact-jvm/src/test/java/au/com/dius/pact/ExampleTest.java': 'package au.com.dius.pact;\nimport au.com.dius.pact.consumer.dsl.PactDslWithProvider;\n' }],
    ['a pact file is a fixture', { 'test/fixtures/pacts/a.json': pact }],
    [
      'a .NET test imports PactNet that its test project no longer references',
      {
        'src/Web/Web.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>\n',
        'src/Web/Program.cs': 'var app = WebApplication.Create(args);\n',
        'tests/Web.Tests/Web.Tests.csproj': '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><!-- <PackageReference Include="PactNet" Version="5.0.0" /> --></ItemGroup></Project>\n',
        'tests/Web.Tests/OrdersContractTests.cs': 'using PactNet;\n',
      },
    ],
    ['pact-php is declared but no test uses it', { 'composer.json': '{"require-dev": {"pact-foundation/pact-php": "^10.0"}}', 'tests/Unit/PriceTest.php': '<?php\nuse PHPUnit\\Framework\\TestCase;\n' }],
    ['a contracts folder of production code', { 'src/main/java/com/acme/contracts/Contract.java': 'package com.acme.contracts;\nclass Contract { void make() {} }\n' }],
    ['a JSON file named pacts is something else', { 'config/pacts/list.json': '{"items": []}' }],
  ])('answers no when %s', async (_case, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
