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

  it('counts Pulumi constructs in Python and Go, and Kubernetes resources declared in Pulumi', async () => {
    const py = await detect(detector, {
      'requirements.txt': 'pulumi>=3.0.0\npulumi-aws>=6.0.0\n',
      'Pulumi.yaml': 'name: shop\nruntime: python\n',
      '__main__.py': [
        'import pulumi',
        'import pulumi_aws as aws',
        '',
        '# db = aws.rds.Instance("old", engine="mysql")',
        'vpc = aws.ec2.Vpc("main", cidr_block="10.0.0.0/16")',
        'db = aws.rds.Instance("orders", engine="postgres", instance_class="db.t4g.micro")',
        'fn = aws.lambda_.Function("api", runtime="python3.12", handler="app.handler")',
        'logger = logging.Formatter("%(message)s")',
        '',
      ].join('\n'),
    });
    expect(py.outcome).toBe('yes');
    expect(py.measures).toEqual(m(1, 1, 1, 0));
    expect(locations(py)).toEqual(['__main__.py:7', '__main__.py:5', '__main__.py:6']);

    const go = await detect(detector, {
      'go.mod': 'module infra\n',
      'main.go': [
        'package main',
        '',
        'import (',
        '\tappsv1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/apps/v1"',
        '\t"github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/sql"',
        '\t"github.com/pulumi/pulumi/sdk/v3/go/pulumi"',
        ')',
        '',
        'func main() {',
        '\tpulumi.Run(func(ctx *pulumi.Context) error {',
        '\t\t_, err := appsv1.NewDeployment(ctx, "api", &appsv1.DeploymentArgs{})',
        '\t\t_, err = sql.NewDatabaseInstance(ctx, "db", &sql.DatabaseInstanceArgs{})',
        '\t\treturn err',
        '\t})',
        '}',
        '',
      ].join('\n'),
    });
    expect(go.measures).toEqual(m(1, 0, 1, 0));
  });

  it('counts CDK constructs in Java and C# (classes imported by name or namespace)', async () => {
    const java = await detect(detector, {
      'pom.xml': '<project><dependencies><dependency><groupId>software.amazon.awscdk</groupId><artifactId>aws-cdk-lib</artifactId></dependency></dependencies></project>\n',
      'src/main/java/com/acme/InfraStack.java': [
        'package com.acme;',
        '',
        'import software.amazon.awscdk.Stack;',
        'import software.amazon.awscdk.services.ec2.Vpc;',
        'import software.amazon.awscdk.services.s3.Bucket;',
        'import software.constructs.Construct;',
        '',
        'public class InfraStack extends Stack {',
        '    public InfraStack(final Construct scope, final String id) {',
        '        super(scope, id);',
        '        Vpc vpc = Vpc.Builder.create(this, "Vpc").maxAzs(2).build();',
        '        Bucket assets = new Bucket(this, "Assets");',
        '    }',
        '}',
        '',
      ].join('\n'),
    });
    expect(java.measures).toEqual(m(0, 1, 1, 0));
    expect(locations(java)).toEqual(['src/main/java/com/acme/InfraStack.java:11', 'src/main/java/com/acme/InfraStack.java:12']);

    const cs = await detect(detector, {
      'src/Infra/Infra.csproj': '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Amazon.CDK.Lib" Version="2.150.0" /></ItemGroup></Project>\n',
      'src/Infra/InfraStack.cs': [
        'using Amazon.CDK;',
        'using Amazon.CDK.AWS.EC2;',
        'using Amazon.CDK.AWS.RDS;',
        'using Constructs;',
        '',
        'namespace Infra',
        '{',
        '    public class InfraStack : Stack',
        '    {',
        '        internal InfraStack(Construct scope, string id) : base(scope, id)',
        '        {',
        '            var vpc = new Vpc(this, "Vpc", new VpcProps { MaxAzs = 2 });',
        '            var db = new DatabaseInstance(this, "Db", new DatabaseInstanceProps { Vpc = vpc });',
        '        }',
        '    }',
        '}',
        '',
      ].join('\n'),
    });
    expect(cs.measures).toEqual(m(0, 1, 1, 0));
  });

  it('classifies Bicep and ARM resources into layers', async () => {
    const r = await detect(detector, {
      'infra/main.bicep': [
        "resource vnet 'Microsoft.Network/virtualNetworks@2023-04-01' = {",
        "  name: 'vnet'",
        '}',
        "resource app 'Microsoft.Web/sites@2022-09-01' = {",
        "  name: 'app'",
        '}',
        "resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {",
        "  name: 'logs'",
        '}',
        '',
      ].join('\n'),
      'azuredeploy.json': JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', resources: [{ type: 'Microsoft.Sql/servers', name: 'sql' }] }, null, 2),
    });
    expect(r.measures).toEqual(m(1, 1, 1, 1));
    expect(locations(r)).toEqual(['infra/main.bicep:4', 'infra/main.bicep:1', 'azuredeploy.json:4', 'infra/main.bicep:7']);
  });

  it('reads Pulumi YAML programs', async () => {
    const r = await detect(detector, {
      'Pulumi.yaml': [
        'name: site',
        'runtime: yaml',
        'resources:',
        '  bucket:',
        '    type: aws:s3:BucketV2',
        '    properties:',
        '      tags:',
        '        team: web',
        '  cdn:',
        '    type: aws:cloudfront:Distribution',
        '',
      ].join('\n'),
    });
    expect(r.measures).toEqual(m(0, 1, 1, 0));
    expect(locations(r)).toEqual(['Pulumi.yaml:9', 'Pulumi.yaml:4']);
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
