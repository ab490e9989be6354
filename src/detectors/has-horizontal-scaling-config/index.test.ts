import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const hpaTemplate = '{{- if .Values.autoscaling.enabled }}\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n{{- end }}\n';

describe('has-horizontal-scaling-config', () => {
  it.each([
    ['a Deployment with 3 replicas', { 'k8s/api.yaml': 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 3\n' }, ['k8s/api.yaml:4']],
    ['an HPA', { 'k8s/hpa.yaml': 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nspec:\n  minReplicas: 2\n' }, ['k8s/hpa.yaml:2']],
    ['ECS desired_count', { 'infra/ecs.tf': 'resource "aws_ecs_service" "api" {\n  desired_count = 2\n}\n' }, ['infra/ecs.tf:2']],
    ['compose deploy.replicas', { 'docker-compose.yml': 'services:\n  api:\n    deploy:\n      replicas: 2\n' }, ['docker-compose.yml:4']],
    ['PM2 cluster mode', { 'ecosystem.config.js': "module.exports = { apps: [{ name: 'api', script: 'dist/main.js', exec_mode: 'cluster', instances: 'max' }] };\n" }, ['ecosystem.config.js:1']],
    ['Helm values replicaCount', { 'charts/api/values.yaml': 'replicaCount: 2\n' }, ['charts/api/values.yaml:1']],
    ['a Helm HPA enabled in values', {
      'charts/api/templates/hpa.yaml': hpaTemplate,
      'charts/api/values.yaml': 'replicaCount: 1\nautoscaling:\n  minReplicas: 2\n  enabled: true\n',
    }, ['charts/api/templates/hpa.yaml:3', 'charts/api/values.yaml:2']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['a single replica', { 'k8s/api.yaml': 'kind: Deployment\nspec:\n  replicas: 1\n' }],
    ['the default helm chart (HPA template disabled in values)', {
      'charts/api/templates/hpa.yaml': hpaTemplate,
      'charts/api/values.yaml': 'replicaCount: 1\nautoscaling:\n  enabled: false\n  minReplicas: 1\n',
    }],
    ['replicas: 3 on a non-workload (e.g. a database operator spec)', { 'k8s/kafka.yaml': 'kind: KafkaTopic\nspec:\n  replicas: 3\n' }],
    ['a multi-document file where only the non-workload has replicas', { 'k8s/all.yaml': 'kind: Deployment\nspec:\n  replicas: 1\n---\nkind: KafkaTopic\nspec:\n  replicas: 3\n' }],
    ['a doc shows replicas', { 'docs/deploy.md': 'kind: Deployment\nreplicas: 3\n' }],
    ['a commented replica count', { 'k8s/api.yaml': 'kind: Deployment\nspec:\n  # replicas: 3\n  replicas: 1\n' }],
    ['ASG min_size is 1', { 'infra/asg.tf': 'resource "aws_autoscaling_group" "w" {\n  min_size = 1\n}\n' }],
  ])('answers no for %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
