import { describe, expect, it } from 'vitest';
import { expressionKeys, parseCloudFormation, parseHcl, parseHclAttributes, readTerraform } from './terraform.ts';

const MAIN = `# resource "aws_s3_bucket" "commented" {}
/* resource "aws_vpc" "blocked" {
} */
locals {
  common_tags = {
    Team        = "payments"
    "cost-center" = "cc-42"
  }
  more = merge(local.common_tags, { Service = "api" })
}

provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      Owner = "platform"
    }
  }
}

provider "aws" {
  alias  = "us"
  region = "us-east-1"
}

resource "aws_s3_bucket" "logs" {
  bucket = "logs-\${var.env}-{x}"
  policy = <<EOF
{ "Statement": [ { "Effect": "Allow" } ] }
resource "aws_fake" "in_heredoc" {}
EOF
  tags = merge(local.more, {
    Name = "logs" # trailing { comment
  })
}

resource "aws_instance" "web" {
  provider = aws.us
  ami      = data.aws_ami.ubuntu.id
  tags     = var.tags
  lifecycle {
    ignore_changes = [tags]
  }
}

resource "aws_autoscaling_group" "asg" {
  tag {
    key                 = "team"
    value               = "x"
    propagate_at_launch = true
  }
}

resource "google_sql_database_instance" "db" {
  settings {
    user_labels = { env = "prod" }
  }
}

data "aws_ami" "ubuntu" {
  most_recent = true
}

module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
  cidr   = "10.0.0.0/16"
}

variable "env" {
  type    = string
  default = "dev"
}

variable "tags" {
  type = map(string)
}
`;

describe('terraform reader', () => {
  it('finds blocks by brace matching, respecting comments, strings and heredocs', () => {
    const blocks = parseHcl('main.tf', MAIN);
    expect(blocks.map((b) => `${b.type}:${b.labels.join('.')}:${b.line}`)).toEqual([
      'locals::4',
      'provider:aws:12',
      'provider:aws:21',
      'resource:aws_s3_bucket.logs:26',
      'resource:aws_instance.web:37',
      'resource:aws_autoscaling_group.asg:46',
      'resource:google_sql_database_instance.db:54',
      'data:aws_ami.ubuntu:60',
      'module:vpc:64',
      'variable:env:69',
      'variable:tags:74',
    ]);
    expect(blocks[3]!.endLine).toBe(35);
  });

  it('reads resources, providers with default tags, modules, variables and resolves tags through locals', () => {
    const m = readTerraform([{ path: 'infra/main.tf', text: MAIN }, { path: 'README.md', text: 'resource "x" "y" {}' }]);
    expect(m.files).toEqual(['infra/main.tf']);
    const byName = Object.fromEntries(m.resources.map((r) => [r.name, r]));
    expect(byName['logs']!.tags).toEqual({ keys: ['Team', 'cost-center', 'Service', 'Name'], dynamic: false, line: 32 });
    expect(byName['web']!.tags).toEqual({ keys: [], dynamic: true, line: 40 });
    expect(byName['web']!.provider).toBe('aws.us');
    expect(byName['asg']!.tags).toEqual({ keys: ['team'], dynamic: false, line: 47 });
    expect(byName['db']!.tags?.keys).toEqual(['env']);
    expect(m.dataSources.map((d) => d.type)).toEqual(['aws_ami']);
    expect(m.providers.map((p) => [p.name, p.alias, p.defaultTags?.keys])).toEqual([
      ['aws', undefined, ['Owner']],
      ['aws', 'us', undefined],
    ]);
    expect(m.modules).toMatchObject([{ name: 'vpc', source: 'terraform-aws-modules/vpc/aws', line: 64 }]);
    expect(m.variables.map((v) => [v.name, v.hasDefault])).toEqual([['env', true], ['tags', false]]);
  });

  it.each([
    ['{ a = 1, "b-c" = 2 }', ['a', 'b-c'], false],
    ['{\n  a = { nested = 1 }\n  b: "x"\n}', ['a', 'b'], false],
    ['merge(var.tags, { Team = "x" })', ['Team'], true],
    ['tomap({ env = "prod" })', ['env'], false],
    ['{ for k, v in var.m : k => v }', [], true],
    ['{ "kubernetes.io/${var.n}" = "owned", Team = "t" }', ['Team'], true],
    ['module.labels.tags', [], true],
  ])('reads the keys of %s', (expr, keys, dynamic) => {
    expect(expressionKeys(expr)).toEqual({ keys, dynamic });
  });

  it('reads top-level attributes of tfvars', () => {
    expect(parseHclAttributes('prod.tfvars', 'env = "prod"\ntags = {\n  a = 1\n}\n').map((a) => `${a.name}:${a.line}`)).toEqual(['env:1', 'tags:2']);
  });

  it('reads CloudFormation YAML with intrinsic tags and SAM globals', () => {
    const t = parseCloudFormation(
      'template.yaml',
      `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Tags:
      team: payments
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "\${AWS::StackName}-b"
      Tags:
        - Key: CostCenter
          Value: !Ref Cc
        - Key: !Ref Other
          Value: x
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Tags: !Ref TagMap
  Policy:
    Type: AWS::S3::BucketPolicy
`,
    );
    expect(t?.functionGlobalTags?.keys).toEqual(['team']);
    expect(t?.resources.map((r) => [r.logicalId, r.type, r.line, r.tags?.keys, r.tags?.dynamic])).toEqual([
      ['Bucket', 'AWS::S3::Bucket', 8, ['CostCenter'], true],
      ['Fn', 'AWS::Serverless::Function', 17, [], true],
      ['Policy', 'AWS::S3::BucketPolicy', 21, undefined, undefined],
    ]);
  });

  it('reads CloudFormation JSON and ignores other YAML', () => {
    const json = JSON.stringify({ Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: { Tags: [{ Key: 'team', Value: 'a' }] } } } }, null, 2);
    expect(parseCloudFormation('q.json', json)?.resources).toMatchObject([{ logicalId: 'Q', line: 3, tags: { keys: ['team'], dynamic: false } }]);
    expect(parseCloudFormation('ci.yml', 'on: push\njobs: {}\n')).toBeUndefined();
  });

  it('reads OpenTofu files (x.tofu replaces x.tf), skips .terraform/ downloads and notes count/for_each', () => {
    const m = readTerraform([
      { path: 'infra/main.tf', text: 'resource "aws_s3_bucket" "old" {}\n' },
      { path: 'infra/main.tofu', text: 'resource "aws_s3_bucket" "new" {\n  for_each = toset(["a", "b"])\n}\n' },
      { path: 'infra/db.tf', text: 'resource "aws_db_instance" "db" {\n  count = 2\n}\n' },
      { path: 'infra/.terraform/modules/vpc/main.tf', text: 'resource "aws_vpc" "this" {}\n' },
    ]);
    expect(m.files).toEqual(['infra/main.tofu', 'infra/db.tf']);
    expect(m.resources.map((r) => [r.name, r.repeat])).toEqual([
      ['new', 'toset(["a", "b"])'],
      ['db', '2'],
    ]);
  });

  it('parses CloudFormation short-form intrinsics as custom tags (long form in properties)', () => {
    const t = parseCloudFormation(
      'stack.yaml',
      [
        'AWSTemplateFormatVersion: "2010-09-09"',
        'Resources:',
        '  Budget:',
        '    Type: AWS::Budgets::Budget',
        '    Properties:',
        '      Budget: { BudgetLimit: { Amount: !Ref Limit, Unit: USD } }',
        '      NotificationsWithSubscribers:',
        '        - Notification: { NotificationType: FORECASTED }',
        '          Subscribers: !If [HasEmail, [{ Address: !Ref Email }], !Ref AWS::NoValue]',
        '  Q:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      QueueName: !Sub "${AWS::StackName}-q"',
        '      Tags: !GetAtt Other.Tags',
        '',
      ].join('\n'),
    );
    expect(t?.resources.map((r) => r.properties)).toEqual([
      {
        Budget: { BudgetLimit: { Amount: { Ref: 'Limit' }, Unit: 'USD' } },
        NotificationsWithSubscribers: [{ Notification: { NotificationType: 'FORECASTED' }, Subscribers: { 'Fn::If': ['HasEmail', [{ Address: { Ref: 'Email' } }], { Ref: 'AWS::NoValue' }] } }],
      },
      { QueueName: { 'Fn::Sub': '${AWS::StackName}-q' }, Tags: { 'Fn::GetAtt': ['Other', 'Tags'] } },
    ]);
    expect(t?.resources[1]?.tags).toEqual({ keys: [], dynamic: true, line: 14 });
  });
});
