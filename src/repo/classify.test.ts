import { describe, expect, it } from 'vitest';
import { languageOf, roleOf } from './classify.ts';

const role = (p: string): string => roleOf(p, languageOf(p));

describe('classify', () => {
  it.each([
    ['src/app.ts', 'source'],
    ['internal/docs/man.go', 'source'],
    ['src/app.test.ts', 'test'],
    ['tests/test_api.py', 'test'],
    ['pkg/api/handler_test.go', 'test'],
    ['spec/models/user_spec.rb', 'test'],
    ['fixtures/repos/a/src/x.ts', 'fixture'],
    ['src/__mocks__/db.ts', 'fixture'],
    ['examples/demo/app.js', 'fixture'],
    ['vendor/github.com/x/y.go', 'vendored'],
    ['node_modules/express/index.js', 'vendored'],
    ['dist/app.js', 'generated'],
    ['web/app.min.js', 'generated'],
    ['api/v1/service.pb.go', 'generated'],
    ['.github/workflows/ci.yml', 'ci'],
    ['.gitlab-ci.yml', 'ci'],
    ['Jenkinsfile', 'ci'],
    ['infra/main.tf', 'iac'],
    ['infra/main.tofu', 'iac'],
    ['infra/.terraform/modules/vpc/main.tf', 'vendored'],
    ['live/prod/.terragrunt-cache/abc/main.tf', 'vendored'],
    ['deploy/k8s/deployment.yaml', 'iac'],
    ['docs/adr/0001-x.md', 'docs'],
    ['docs/diagram.png', 'docs'],
    ['README.md', 'docs'],
    ['requirements.txt', 'config'],
    ['package.json', 'config'],
    ['Dockerfile', 'config'],
    ['Makefile', 'config'],
    ['db/migrate/001_init.sql', 'source'],
    ['src/main/java/org/springframework/samples/petclinic/owner/OwnerController.java', 'source'],
    ['src/test/java/org/springframework/samples/petclinic/owner/OwnerControllerTests.java', 'test'],
    ['services/api/src/main/kotlin/demo/App.kt', 'source'],
    ['examples/app/src/main/java/A.java', 'fixture'],
    ['src/main/resources/fixtures/data.sql', 'source'],
    ['docs/.vitepress/config.mts', 'docs'],
    ['website/docusaurus.config.ts', 'docs'],
    ['.storybook/main.ts', 'docs'],
    ['tests/Ordering.UnitTests/Domain/BuyerTest.cs', 'test'],
    ['src/Shop.Api.Tests/Controllers/FakeController.cs', 'test'],
    ['src/Shop.Api/Controllers/TestsController.cs', 'source'],
    ['src/Ordering.API/Apis/OrdersApi.cs', 'source'],
    ['src/test/resources/fixtures/LoadSimulation.scala', 'fixture'],
    ['src/test/resources/application-test.yml', 'test'],
    ['src/test/java/com/acme/fixtures/Builders.java', 'test'],
  ])('%s is %s', (path, expected) => {
    expect(role(path)).toBe(expected);
  });

  it.each([
    ['a.tsx', 'typescript'],
    ['a.cjs', 'javascript'],
    ['Dockerfile.prod', 'dockerfile'],
    ['Gemfile', 'ruby'],
    ['main.tf', 'hcl'],
    ['x.unknown', 'other'],
  ])('%s is written in %s', (path, lang) => {
    expect(languageOf(path)).toBe(lang);
  });
});
