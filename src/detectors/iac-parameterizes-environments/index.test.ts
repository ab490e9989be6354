import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const TF = 'resource "aws_s3_bucket" "b" {}\n';

describe('iac-parameterizes-environments', () => {
  it.each([
    ['tfvars per environment', { 'infra/main.tf': TF, 'infra/dev.tfvars': 'env = "dev"\n', 'infra/prod.tfvars': 'env = "prod"\n', 'infra/terraform.tfvars': 'x = 1\n' }, ['infra/dev.tfvars', 'infra/prod.tfvars'], 2],
    ['environment folders', { 'infra/modules/app/main.tf': TF, 'infra/envs/staging/main.tf': 'module "app" {}\n', 'infra/envs/production/main.tf': 'module "app" {}\n', 'infra/envs/_common/x.hcl': 'a = 1\n' }, ['infra/envs/production/main.tf', 'infra/envs/staging/main.tf'], 2],
    ['Terragrunt env.hcl folders', { 'non-prod/us-east-1/qa/env.hcl': 'locals {}\n', 'non-prod/us-east-1/qa/app/terragrunt.hcl': 'x = 1\n', 'prod/us-east-1/prod/env.hcl': 'locals {}\n' }, ['non-prod/us-east-1/qa/env.hcl', 'prod/us-east-1/prod/env.hcl'], 2],
    ['Pulumi stacks', { 'Pulumi.yaml': 'name: a\n', 'Pulumi.dev.yaml': 'config: {}\n', 'Pulumi.prod.yaml': 'config: {}\n' }, ['Pulumi.dev.yaml', 'Pulumi.prod.yaml'], 2],
    ['kustomize overlays', { 'k8s/base/kustomization.yaml': 'resources: []\n', 'k8s/overlays/dev/kustomization.yaml': 'resources: [../../base]\n', 'k8s/overlays/prod/kustomization.yaml': 'resources: [../../base]\n', 'k8s/overlays/qa/kustomization.yaml': 'resources: [../../base]\n' }, ['k8s/overlays/dev/kustomization.yaml', 'k8s/overlays/prod/kustomization.yaml', 'k8s/overlays/qa/kustomization.yaml'], 3],
    ['Helm values files', { 'charts/api/Chart.yaml': 'name: api\n', 'charts/api/values-staging.yaml': 'replicas: 1\n', 'charts/api/values-prod.yaml': 'replicas: 3\n' }, ['charts/api/values-prod.yaml', 'charts/api/values-staging.yaml'], 2],
    ['serverless stages in CI', { 'serverless.yml': 'service: a\n', '.github/workflows/d.yml': 'on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx sls deploy --stage dev\n      - run: npx sls deploy --stage production\n' }, ['.github/workflows/d.yml:6', '.github/workflows/d.yml:7'], 2],
  ])('answers yes for %s', async (_c, files, locs, n) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r).sort()).toEqual(locs);
    expect(r.measures).toEqual({ environments: { value: n, unit: 'environments' } });
  });

  it('answers yes for terraform workspaces', async () => {
    const r = await detect(detector, { 'infra/main.tf': 'locals {\n  env = terraform.workspace\n}\n' });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['infra/main.tf:2']);
  });

  it.each([
    ['a single environment', { 'infra/main.tf': TF, 'infra/prod.tfvars': 'a = 1\n' }, 1],
    ['no IaC at all', { 'src/a.ts': 'export {}\n' }, 0],
    ['workspaces are only mentioned in a comment', { 'infra/main.tf': '# use terraform.workspace later\n' + TF }, 0],
    ['env folders are fixtures', { 'infra/main.tf': TF, 'examples/envs/dev/main.tf': TF, 'examples/envs/prod/main.tf': TF }, 0],
  ])('answers no for %s', async (_c, files, n) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['environments']?.value).toBe(n);
  });
});
