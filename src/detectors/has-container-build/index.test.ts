import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n';
const wf = (run: string): string => `on:\n  push:\n    branches: [main]\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ${run}\n`;

describe('has-container-build', () => {
  it.each([
    ['a Dockerfile', { Dockerfile: 'FROM node:20\nCOPY . .\n' }, ['Dockerfile:1']],
    ['a service Dockerfile variant', { 'services/api/Dockerfile.prod': '# syntax=docker/dockerfile:1\nFROM node:20\n' }, ['services/api/Dockerfile.prod:2']],
    ['a Containerfile', { Containerfile: 'FROM registry.access.redhat.com/ubi9/python-311\n' }, ['Containerfile:1']],
    ['compose with build', { 'docker-compose.yml': 'services:\n  api:\n    build: .\n  db:\n    image: postgres:16\n' }, ['docker-compose.yml:3']],
    ['a Helm chart', { 'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\n' }, ['charts/api/Chart.yaml']],
    ['Jib in Gradle', { 'build.gradle.kts': 'plugins {\n  id("com.google.cloud.tools.jib") version "3.4.0"\n}\n' }, ['build.gradle.kts:2']],
    ['buildpacks project.toml', { 'project.toml': '[_]\nschema-version = "0.2"\n' }, ['project.toml:1']],
    ['Kubernetes Deployment manifests', { 'k8s/api.yaml': `apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n---\n${DEPLOYMENT}` }, ['k8s/api.yaml:7']],
    ['Spring Boot build-image in Maven', { 'pom.xml': '<project>\n  <build><plugins><plugin>\n    <artifactId>spring-boot-maven-plugin</artifactId>\n    <executions><execution><goals><goal>build-image-no-fork</goal></goals></execution></executions>\n  </plugin></plugins></build>\n</project>\n' }, ['pom.xml:4']],
    ['.NET SDK container support', { 'src/Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <ContainerRepository>acme/api</ContainerRepository>\n  </PropertyGroup>\n</Project>\n' }, ['src/Api/Api.csproj:3']],
    ['Nixpacks', { 'nixpacks.toml': '[phases.setup]\nnixPkgs = ["python311"]\n' }, ['nixpacks.toml:1']],
    ['pack build in CI', { '.github/workflows/image.yml': wf('pack build ghcr.io/acme/api --builder paketobuildpacks/builder-jammy-base --publish') }, ['.github/workflows/image.yml:9']],
    ['ko build in CI', { '.github/workflows/image.yml': wf('ko build ./cmd/api --bare') }, ['.github/workflows/image.yml:9']],
    ['dotnet publish PublishContainer in CI', { '.github/workflows/image.yml': wf('dotnet publish src/Api -c Release /t:PublishContainer') }, ['.github/workflows/image.yml:9']],
    ['bootBuildImage in a GitLab job', { '.gitlab-ci.yml': 'build-image:\n  script:\n    - ./gradlew bootBuildImage --imageName=registry.example.com/api\n' }, ['.gitlab-ci.yml:3']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['compose only runs third-party images', { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n' }],
    ['the Dockerfile is a test fixture', { 'test/fixtures/Dockerfile': 'FROM alpine\n' }],
    ['the Dockerfile is a dev container', { '.devcontainer/Dockerfile': 'FROM mcr.microsoft.com/devcontainers/base\n' }],
    ['the only Dockerfile and compose file are for local development', { 'Dockerfile.dev': 'FROM node:20\n', 'docker-compose.dev.yml': 'services:\n  api:\n    build:\n      context: .\n      dockerfile: Dockerfile.dev\n' }],
    ['the README shows a Dockerfile', { 'README.md': '```Dockerfile\nFROM node\n```\n' }],
    ['a vendored Dockerfile', { 'vendor/tool/Dockerfile': 'FROM alpine\n' }],
    ['a Deployment in the docs', { 'docs/k8s/deployment.md': DEPLOYMENT }],
    ['pack build only in a disabled job', { '.github/workflows/image.yml': wf('pack build api').replace('  image:\n', '  image:\n    if: false\n') }],
    ['the Jib plugin is commented out', { 'pom.xml': '<project>\n  <!-- <artifactId>jib-maven-plugin</artifactId> -->\n</project>\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });

  it('says when the only images are for development', async () => {
    const r = await detect(detector, { 'Dockerfile.dev': 'FROM node:20\n' });
    expect(r.summary).toContain('Dockerfile.dev is for development or tests only');
  });
});
