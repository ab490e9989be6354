import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const m = (c: number, n: number, d: number, o: number): Record<string, { value: number; unit: string }> => ({
  'layers-covered': { value: [c, n, d, o].filter((x) => x > 0).length, unit: 'layers' },
  'compute-resources': { value: c, unit: 'resources' },
  'network-resources': { value: n, unit: 'resources' },
  'data-resources': { value: d, unit: 'resources' },
  'observability-resources': { value: o, unit: 'resources' },
});

describe('iac-stack-coverage', () => {
  it('classifies Terraform resources into layers', async () => {
    const r = await detect(detector, {
      'infra/main.tf': [
        'resource "aws_vpc" "main" {}',
        'resource "aws_subnet" "a" {}',
        'resource "aws_ecs_service" "api" {}',
        'resource "aws_db_instance" "db" {}',
        'resource "aws_s3_bucket_policy" "p" {}',
        'resource "aws_cloudwatch_metric_alarm" "cpu" {}',
        'resource "aws_cloudwatch_event_rule" "cron" {}',
        '# resource "aws_lambda_function" "old" {}',
        '',
      ].join('\n'),
    });
    expect(r.outcome).toBe('yes');
    expect(r.measures).toEqual(m(1, 2, 1, 1));
    expect(locations(r)).toEqual(['infra/main.tf:3', 'infra/main.tf:1', 'infra/main.tf:2', 'infra/main.tf:4', 'infra/main.tf:6']);
  });

  it('counts CloudFormation, Kubernetes manifests and CDK constructs', async () => {
    const r = await detect(detector, {
      'template.yaml': 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n  Table:\n    Type: AWS::DynamoDB::Table\n',
      'k8s/app.yaml': 'apiVersion: apps/v1\nkind: Deployment\n---\napiVersion: v1\nkind: Service\n---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\n',
      'package.json': JSON.stringify({ dependencies: { 'aws-cdk-lib': '2' } }),
      'lib/stack.ts': "import * as ec2 from 'aws-cdk-lib/aws-ec2';\nconst vpc = new ec2.Vpc(this, 'Vpc');\n",
    });
    expect(r.outcome).toBe('yes');
    expect(r.measures).toEqual(m(2, 2, 1, 1));
  });

  it('classifies registry modules and Terragrunt units by their source and folder', async () => {
    const r = await detect(detector, {
      'infra/main.tf': 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\nmodule "app" {\n  source = "./modules/app"\n}\n',
      'live/prod/mysql/terragrunt.hcl': 'terraform {\n  source = "git::https://example.com/modules.git//data-store"\n}\n',
      'live/prod/webserver-cluster/terragrunt.hcl': 'terraform {\n  source = "../../../modules//services"\n}\n',
    });
    expect(r.outcome).toBe('yes');
    expect(r.measures).toEqual(m(1, 1, 1, 0));
    expect(locations(r)).toEqual(['live/prod/webserver-cluster/terragrunt.hcl:1', 'infra/main.tf:1', 'live/prod/mysql/terragrunt.hcl:1']);
  });

  it('answers no when IaC only defines other things', async () => {
    const r = await detect(detector, { 'infra/iam.tf': 'resource "aws_iam_role" "r" {}\nresource "random_id" "x" {}\n' });
    expect(r.outcome).toBe('no');
    expect(r.measures).toEqual(m(0, 0, 0, 0));
  });

  it.each([
    ['there is no IaC', { 'src/a.ts': 'export {}\n' }],
    ['Terraform lives only in a fixture', { 'test/fixtures/main.tf': 'resource "aws_vpc" "v" {}\n' }],
    ['CDK-looking code is plain application code', { 'src/a.ts': "const s = new ec2.Vpc(this, 'x');\n" }],
  ])('answers unknown when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('unknown');
  });
});
