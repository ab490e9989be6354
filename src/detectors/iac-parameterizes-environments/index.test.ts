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

  it.each([
    ['CDK stacks per environment (TypeScript)', { 'package.json': '{ "dependencies": { "aws-cdk-lib": "2.150.0" } }\n', 'cdk.json': '{ "app": "npx ts-node bin/app.ts" }\n', 'bin/app.ts': "import * as cdk from 'aws-cdk-lib';\nimport { ApiStack } from '../lib/api-stack';\nconst app = new cdk.App();\nnew ApiStack(app, 'api-staging', { env: { account: '111', region: 'eu-west-1' } });\nnew ApiStack(app, 'api-prod', { env: { account: '222', region: 'eu-west-1' } });\n" }, ['bin/app.ts:4', 'bin/app.ts:5']],
    ['CDK stages (Python)', { 'requirements.txt': 'aws-cdk-lib==2.150.0\n', 'cdk.json': '{ "app": "python3 app.py" }\n', 'app.py': 'import aws_cdk as cdk\nfrom pipeline.stage import AppStage\n\napp = cdk.App()\nAppStage(app, "Dev")\nAppStage(app, "Prod")\napp.synth()\n' }, ['app.py:5', 'app.py:6']],
    ['CDK context per environment', { 'cdk.json': '{\n  "app": "npx ts-node bin/app.ts",\n  "context": { "dev": { "account": "111" }, "prod": { "account": "222" }, "@aws-cdk/core:stackRelativeExports": true }\n}\n' }, ['cdk.json', 'cdk.json']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r).sort()).toEqual(locs);
    expect(r.measures).toEqual({ environments: { value: 2, unit: 'environments' } });
  });

  it('answers yes for OpenTofu workspaces', async () => {
    const r = await detect(detector, { 'infra/main.tofu': 'resource "aws_s3_bucket" "b" {\n  bucket = "app-${terraform.workspace}"\n}\n' });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['infra/main.tofu:2']);
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
    ['the per-stage deploy job is disabled', { 'serverless.yml': 'service: a\n', '.github/workflows/d.yml': 'on: push\njobs:\n  d:\n    if: false\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx sls deploy --stage dev\n      - run: npx sls deploy --stage production\n' }, 0],
    ['one CDK stack, whose id names no environment', { 'package.json': '{ "dependencies": { "aws-cdk-lib": "2.150.0" } }\n', 'bin/app.ts': "import * as cdk from 'aws-cdk-lib';\nconst app = new cdk.App();\nnew ApiStack(app, 'ApiStack');\n" }, 0],
  ])('answers no for %s', async (_c, files, n) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['environments']?.value).toBe(n);
  });
});
