import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const deployment = (resources: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n${resources}`;
const limits = '          resources:\n            requests:\n              cpu: 100m\n            limits:\n              memory: 256Mi\n';

describe('sets-resource-limits', () => {
  it('counts Kubernetes workloads per document', async () => {
    const r = await detect(detector, {
      'k8s/api.yaml': `${deployment(limits)}---\napiVersion: batch/v1\nkind: CronJob\nspec: {}\n---\n${deployment('')}`,
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['k8s/api.yaml:2']);
    expect(r.measures).toEqual({ 'workloads-with-limits': { value: 1, unit: 'workloads' } });
  });

  it.each([
    ['Helm values', { 'charts/api/values.yaml': 'resources:\n  limits:\n    cpu: 500m\n' }, ['charts/api/values.yaml:1'], 1],
    ['compose deploy limits', { 'docker-compose.yml': 'services:\n  api:\n    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n' }, ['docker-compose.yml:4'], 1],
    ['an ECS task definition', { 'infra/ecs.tf': 'resource "aws_ecs_task_definition" "api" {\n  cpu    = 256\n  memory = 512\n}\n' }, ['infra/ecs.tf:1'], 1],
  ])('answers yes for %s', async (_c, files, locs, n) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
    expect(r.measures?.['workloads-with-limits']?.value).toBe(n);
  });

  it.each([
    ['a Deployment without resources', { 'k8s/api.yaml': deployment('') }, ['k8s/api.yaml:2']],
    ['helm create defaults (resources commented out)', {
      'k8s/api.yaml': deployment(''),
      'charts/api/values.yaml': 'resources: {}\n  # limits:\n  #   cpu: 100m\n',
    }, ['k8s/api.yaml:2']],
    ['an ECS task without cpu/memory', { 'infra/ecs.tf': 'resource "aws_ecs_task_definition" "api" {\n  family = "api"\n}\n\nresource "x" "y" {\n  cpu = 1\n}\n' }, ['infra/ecs.tf:1']],
  ])('answers no for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(locations(r)).toEqual(locs);
    expect(r.measures?.['workloads-with-limits']?.value).toBe(0);
  });

  it('leaves templated resources to the Helm values', async () => {
    const r = await detect(detector, {
      'charts/api/templates/deployment.yaml': 'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          resources:\n            {{- toYaml .Values.resources | nindent 12 }}\n',
      'charts/api/values.yaml': 'resources: {}\n',
    });
    expect(r.outcome).toBe('unknown');
  });

  it.each([
    ['there are no workload definitions', { 'package.json': '{}' }],
    ['only a development compose file without limits exists', { 'docker-compose.yml': 'services:\n  db:\n    image: postgres\n' }],
    ['only docs show a manifest', { 'docs/k8s.md': `\`\`\`yaml\n${deployment(limits)}\`\`\`\n` }],
  ])('answers unknown when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('unknown');
  });
});
