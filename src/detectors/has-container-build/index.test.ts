import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

describe('has-container-build', () => {
  it.each([
    ['a Dockerfile', { Dockerfile: 'FROM node:20\nCOPY . .\n' }, ['Dockerfile']],
    ['a service Dockerfile variant', { 'services/api/Dockerfile.prod': 'FROM node:20\n' }, ['services/api/Dockerfile.prod']],
    ['compose with build', { 'docker-compose.yml': 'services:\n  api:\n    build: .\n  db:\n    image: postgres:16\n' }, ['docker-compose.yml:3']],
    ['a Helm chart', { 'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\n' }, ['charts/api/Chart.yaml']],
    ['Jib in Gradle', { 'build.gradle.kts': 'plugins {\n  id("com.google.cloud.tools.jib") version "3.4.0"\n}\n' }, ['build.gradle.kts:2']],
    ['buildpacks project.toml', { 'project.toml': '[_]\nschema-version = "0.2"\n' }, ['project.toml:1']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['compose only runs third-party images', { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n' }],
    ['the Dockerfile is a test fixture', { 'test/fixtures/Dockerfile': 'FROM alpine\n' }],
    ['the Dockerfile is a dev container', { '.devcontainer/Dockerfile': 'FROM mcr.microsoft.com/devcontainers/base\n' }],
    ['the README shows a Dockerfile', { 'README.md': '```Dockerfile\nFROM node\n```\n' }],
    ['a vendored Dockerfile', { 'vendor/tool/Dockerfile': 'FROM alpine\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
