import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const measures = (taggable: number, tagged: number, share: number): Record<string, { value: number; unit: string }> => ({
  'taggable-resources': { value: taggable, unit: 'resources' },
  'tagged-resources': { value: tagged, unit: 'resources' },
  'tagged-share': { value: share, unit: '%' },
});

describe('iac-cost-tag-coverage', () => {
  it('answers yes when provider default_tags cover every taggable AWS resource', async () => {
    const r = await detect(detector, {
      'infra/provider.tf': 'provider "aws" {\n  region = "eu-west-1"\n  default_tags {\n    tags = {\n      Team = "payments"\n    }\n  }\n}\n',
      'infra/main.tf': 'resource "aws_s3_bucket" "a" {}\nresource "aws_s3_bucket_policy" "a" {}\nresource "aws_sqs_queue" "q" {}\nresource "random_id" "x" {}\n',
    });
    expect(r.outcome).toBe('yes');
    expect(r.measures).toEqual(measures(2, 2, 100));
    expect(locations(r)).toEqual(['infra/provider.tf:4', 'infra/main.tf:1', 'infra/main.tf:3']);
  });

  it('answers no with untagged resources, resolving locals and skipping variable-driven tags', async () => {
    const r = await detect(detector, {
      'infra/main.tf': [
        'locals {',
        '  tags = { CostCenter = "cc-1" }',
        '}',
        'resource "aws_db_instance" "db" {',
        '  tags = merge(local.tags, { Name = "db" })',
        '}',
        'resource "aws_instance" "web" {',
        '  tags = { Name = "web" }',
        '}',
        'resource "aws_lambda_function" "fn" {',
        '  tags = var.tags',
        '}',
        '',
      ].join('\n'),
    });
    expect(r.outcome).toBe('no');
    expect(r.measures).toEqual(measures(2, 1, 50));
    expect(locations(r)).toEqual(['infra/main.tf:7']);
    expect(r.summary).toContain('1 resources with tags from variables');
  });

  it('reads CloudFormation Tags and SAM globals', async () => {
    const r = await detect(detector, {
      'template.yaml': [
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Function:',
        '    Tags:',
        '      team: api',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '  Bucket:',
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        '      Tags:',
        '        - Key: Name',
        '          Value: b',
        '  BucketPolicy:',
        '    Type: AWS::S3::BucketPolicy',
        '',
      ].join('\n'),
    });
    expect(r.outcome).toBe('no');
    expect(r.measures).toEqual(measures(2, 1, 50));
    expect(locations(r)).toEqual(['template.yaml:9']);
  });

  it('reads Google labels, including nested user_labels', async () => {
    const r = await detect(detector, {
      'gcp/main.tf': 'resource "google_storage_bucket" "b" {\n  labels = { team = "data" }\n}\nresource "google_sql_database_instance" "db" {\n  settings {\n    user_labels = { service = "api" }\n  }\n}\nresource "google_project_iam_member" "m" {}\n',
    });
    expect(r.outcome).toBe('yes');
    expect(r.measures).toEqual(measures(2, 2, 100));
  });

  it('counts a tag key that is not cost allocation as untagged, names the untagged resources, and ignores .terraform/ copies and commented-out default tags', async () => {
    const r = await detect(detector, {
      'infra/main.tf': [
        'provider "aws" {',
        '  region = "eu-west-1"',
        '  # default_tags { tags = { Team = "payments" } }',
        '}',
        'resource "aws_s3_bucket" "assets" {',
        '  tags = { Name = "assets", ManagedBy = "terraform" }',
        '}',
        'resource "aws_sqs_queue" "jobs" {',
        '  tags = { "cost-center" = "cc-7" }',
        '}',
        'resource "aws_dynamodb_table" "orders" {',
        '  tags = { "acme:team" = "orders" }',
        '}',
        '',
      ].join('\n'),
      'infra/.terraform/modules/vpc/main.tf': 'resource "aws_vpc" "this" {}\nresource "aws_subnet" "a" {}\n',
    });
    // 3 taggable resources; the queue (cost-center) and the table (acme:team) are tagged: 2/3 = 67%.
    expect(r.outcome).toBe('no');
    expect(r.measures).toEqual(measures(3, 2, 67));
    expect(locations(r)).toEqual(['infra/main.tf:5']);
    expect(r.summary).toContain('aws_s3_bucket.assets (infra/main.tf:5)');
  });

  it('reads OpenTofu files, where x.tofu replaces x.tf', async () => {
    const r = await detect(detector, {
      'infra/main.tf': 'resource "aws_s3_bucket" "old" {}\n',
      'infra/main.tofu': 'resource "aws_s3_bucket" "new" {\n  tags = { team = "web" }\n}\n',
      'infra/queue.tofu': 'resource "aws_sqs_queue" "q" {}\n',
    });
    expect(r.measures).toEqual(measures(2, 1, 50));
    expect(locations(r)).toEqual(['infra/queue.tofu:1']);
  });

  it('applies CDK app-wide Tags.of(app).add to every construct (TypeScript)', async () => {
    const r = await detect(detector, {
      'package.json': '{ "dependencies": { "aws-cdk-lib": "2.150.0", "constructs": "10.3.0" } }\n',
      'cdk.json': '{ "app": "npx ts-node bin/app.ts" }\n',
      'bin/app.ts': "import * as cdk from 'aws-cdk-lib';\nimport { ApiStack } from '../lib/api-stack';\nconst app = new cdk.App();\nnew ApiStack(app, 'Api');\ncdk.Tags.of(app).add('CostCenter', 'cc-12');\n",
      'lib/api-stack.ts': [
        "import * as cdk from 'aws-cdk-lib';",
        "import * as s3 from 'aws-cdk-lib/aws-s3';",
        "import * as sqs from 'aws-cdk-lib/aws-sqs';",
        'export class ApiStack extends cdk.Stack {',
        '  constructor(scope: cdk.App, id: string) {',
        '    super(scope, id);',
        "    new s3.Bucket(this, 'Assets');",
        "    new sqs.Queue(this, 'Jobs');",
        "    new s3.BucketPolicy(this, 'Policy', { bucket: b });",
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    expect(r.outcome).toBe('yes');
    expect(r.measures).toEqual(measures(2, 2, 100));
    expect(locations(r)).toEqual(['bin/app.ts:5', 'lib/api-stack.ts:7', 'lib/api-stack.ts:8']);
  });

  it('reads Pulumi tags in Python and Go, and aws:defaultTags only when every stack sets them', async () => {
    const py = await detect(detector, {
      'requirements.txt': 'pulumi>=3.0.0\npulumi-aws>=6.0.0\n',
      'Pulumi.yaml': 'name: data\nruntime: python\n',
      '__main__.py': [
        'import pulumi',
        'import pulumi_aws as aws',
        '',
        'bucket = aws.s3.BucketV2("raw", tags={"team": "data", "Name": "raw"})',
        'queue = aws.sqs.Queue("ingest")',
        'policy = aws.s3.BucketPolicy("raw-policy", bucket=bucket.id, policy="{}")',
        '',
      ].join('\n'),
    });
    expect(py.measures).toEqual(measures(2, 1, 50));
    expect(locations(py)).toEqual(['__main__.py:5']);

    const go = await detect(detector, {
      'go.mod': 'module infra\n\nrequire (\n\tgithub.com/pulumi/pulumi-aws/sdk/v6 v6.50.0\n\tgithub.com/pulumi/pulumi/sdk/v3 v3.130.0\n)\n',
      'Pulumi.yaml': 'name: infra\nruntime: go\n',
      'Pulumi.dev.yaml': 'config:\n  aws:region: eu-west-1\n  aws:defaultTags:\n    tags:\n      team: platform\n',
      'Pulumi.prod.yaml': 'config:\n  aws:region: eu-west-1\n  aws:defaultTags:\n    tags:\n      team: platform\n',
      'main.go': [
        'package main',
        '',
        'import (',
        '\t"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/s3"',
        '\t"github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
        ')',
        '',
        'func main() {',
        '\tpulumi.Run(func(ctx *pulumi.Context) error {',
        '\t\t_, err := s3.NewBucketV2(ctx, "assets", nil)',
        '\t\treturn err',
        '\t})',
        '}',
        '',
      ].join('\n'),
    });
    expect(go.outcome).toBe('yes');
    expect(go.measures).toEqual(measures(1, 1, 100));
    expect(locations(go)).toEqual(['Pulumi.dev.yaml:3', 'main.go:10']);
  });

  it('reads Bicep tags, following a variable and union()', async () => {
    const r = await detect(detector, {
      'infra/main.bicep': [
        "var common = { 'cost-center': 'cc-3' }",
        "resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {",
        "  name: 'stapp'",
        "  tags: union(common, { Name: 'app' })",
        '}',
        "resource plan 'Microsoft.Web/serverfarms@2022-09-01' = {",
        "  name: 'plan'",
        '}',
        "resource lock 'Microsoft.Authorization/locks@2020-05-01' = {",
        "  name: 'lock'",
        '}',
        '',
      ].join('\n'),
    });
    expect(r.measures).toEqual(measures(2, 1, 50));
    expect(locations(r)).toEqual(['infra/main.bicep:6']);
  });

  it('applies Tags.of(this) in a stack to that stack only', async () => {
    const r = await detect(detector, {
      'package.json': '{ "dependencies": { "aws-cdk-lib": "2.150.0" } }\n',
      'lib/tagged-stack.ts': "import * as cdk from 'aws-cdk-lib';\nimport * as sqs from 'aws-cdk-lib/aws-sqs';\nexport class A extends cdk.Stack {\n  constructor(s: cdk.App, id: string) {\n    super(s, id);\n    new sqs.Queue(this, 'Q');\n    cdk.Tags.of(this).add('team', 'a');\n  }\n}\n",
      'lib/other-stack.ts': "import * as cdk from 'aws-cdk-lib';\nimport * as sqs from 'aws-cdk-lib/aws-sqs';\nexport class B extends cdk.Stack {\n  constructor(s: cdk.App, id: string) {\n    super(s, id);\n    new sqs.Queue(this, 'Q');\n  }\n}\n",
    });
    expect(r.measures).toEqual(measures(2, 1, 50));
    expect(locations(r)).toEqual(['lib/other-stack.ts:6']);
  });

  it('counts registry module calls that take a tags input as one taggable unit each', async () => {
    const r = await detect(detector, {
      'infra/main.tf': [
        'module "vpc" {',
        '  source = "terraform-aws-modules/vpc/aws"',
        '  tags   = { Team = "network" }',
        '}',
        'module "db" {',
        '  source = "terraform-aws-modules/rds/aws"',
        '  tags   = { Name = "db" }',
        '}',
        'module "iam" {',
        '  source = "terraform-aws-modules/iam/aws"',
        '}',
        'module "app" {',
        '  source = "./modules/app"',
        '  tags   = { Name = "app" }',
        '}',
        '',
      ].join('\n'),
    });
    // vpc tagged (Team), db untagged (Name only); iam passes no tags and app is local: not counted.
    expect(r.measures).toEqual(measures(2, 1, 50));
    expect(locations(r)).toEqual(['infra/main.tf:5']);
  });

  it('counts stack-level tags given at deploy time (CI --tags, samconfig.toml) for CloudFormation resources', async () => {
    const template = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n  T:\n    Type: AWS::SNS::Topic\n';
    const ci = await detect(detector, {
      'template.yaml': template,
      '.github/workflows/deploy.yml': 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: aws cloudformation deploy --template-file template.yaml --stack-name q --tags team=orders Name=q\n',
    });
    expect(ci.measures).toEqual(measures(2, 2, 100));
    expect(locations(ci)[0]).toBe('.github/workflows/deploy.yml:6');
    const sam = await detect(detector, { 'template.yaml': template, 'samconfig.toml': 'version = 0.1\n[default.deploy.parameters]\nstack_name = "q"\ntags = "project=\\"checkout\\" Name=\\"q\\""\n' });
    expect(sam.measures).toEqual(measures(2, 2, 100));
    expect(locations(sam)[0]).toBe('samconfig.toml:4');
    const nameOnly = await detect(detector, { 'template.yaml': template, 'samconfig.toml': 'version = 0.1\n[default.deploy.parameters]\ntags = "Name=\\"q\\""\n' });
    expect(nameOnly.measures).toEqual(measures(2, 0, 0));
  });

  it.each([
    ['there is no IaC', { 'src/a.ts': 'export {}\n' }],
    ['only untaggable resources exist', { 'infra/main.tf': 'resource "aws_iam_role_policy_attachment" "a" {}\nresource "aws_route53_record" "r" {}\n' }],
    ['untagged resources are only in an example', { 'examples/simple/main.tf': 'resource "aws_s3_bucket" "b" {}\n' }],
    ['every tag map comes from a variable', { 'modules/app/main.tf': 'resource "aws_s3_bucket" "b" {\n  tags = var.tags\n}\n' }],
  ])('answers unknown when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('unknown');
  });
});
