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

  it.each([
    ['there is no IaC', { 'src/a.ts': 'export {}\n' }],
    ['only untaggable resources exist', { 'infra/main.tf': 'resource "aws_iam_role_policy_attachment" "a" {}\nresource "aws_route53_record" "r" {}\n' }],
    ['untagged resources are only in an example', { 'examples/simple/main.tf': 'resource "aws_s3_bucket" "b" {}\n' }],
    ['every tag map comes from a variable', { 'modules/app/main.tf': 'resource "aws_s3_bucket" "b" {\n  tags = var.tags\n}\n' }],
  ])('answers unknown when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('unknown');
  });
});
