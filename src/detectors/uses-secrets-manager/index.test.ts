import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string>): string => JSON.stringify({ name: 'api', dependencies: deps }, null, 2);

describe('uses-secrets-manager', () => {
  it.each<[string, Files, string[]]>([
    ['the AWS SDK v3 secrets client', { 'package.json': pkg({ '@aws-sdk/client-secrets-manager': '3' }), 'src/secrets.ts': "import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';\n" }, ['src/secrets.ts:1']],
    ['aws-sdk v2 with a SecretsManager client', { 'package.json': pkg({ 'aws-sdk': '2' }), 'src/secrets.js': "const AWS = require('aws-sdk');\nconst sm = new AWS.SecretsManager();\n" }, ['src/secrets.js:1', 'src/secrets.js:2']],
    ['python hvac', { 'requirements.txt': 'hvac==2.1\n', 'app/vault.py': 'import hvac\nclient = hvac.Client()\n' }, ['app/vault.py:1']],
    ['python GCP Secret Manager', { 'app/cfg.py': 'from google.cloud import secretmanager\n' }, ['app/cfg.py:1']],
    ['boto3 secretsmanager client', { 'app/cfg.py': 'import boto3\nsm = boto3.client("secretsmanager")\n' }, ['app/cfg.py:2']],
    ['Terraform secret version data source', { 'infra/db.tf': 'data "aws_secretsmanager_secret_version" "db" {\n  secret_id = "prod/db"\n}\n' }, ['infra/db.tf:1']],
    ['an ExternalSecret', { 'k8s/secrets.yaml': 'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: api\n' }, ['k8s/secrets.yaml:2']],
    ['a SOPS config', { '.sops.yaml': 'creation_rules:\n  - kms: arn:aws:kms:eu-west-1:1:key/x\n' }, ['.sops.yaml']],
    ['an ECS task definition valueFrom ARN', { 'deploy/task.json': '{ "secrets": [{ "name": "DB", "valueFrom": "arn:aws:secretsmanager:eu-west-1:1:secret:db" }] }\n' }, ['deploy/task.json:1']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['aws-sdk v2 is used for S3 only', { 'package.json': pkg({ 'aws-sdk': '2' }), 'src/s3.js': "const AWS = require('aws-sdk');\nconst s3 = new AWS.S3();\n" }],
    ['python imports another google.cloud module', { 'app/store.py': 'from google.cloud import storage\nimport google.protobuf\n' }],
    ['the Terraform resource is commented out', { 'infra/db.tf': '# resource "aws_secretsmanager_secret" "db" {}\nresource "aws_s3_bucket" "b" {}\n' }],
    ['only a test uses the client', { 'package.json': pkg({ '@aws-sdk/client-secrets-manager': '3' }), 'src/secrets.test.ts': "import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';\n" }],
    ['only the docs describe Vault', { 'docs/secrets.md': 'kind: ExternalSecret\nimport hvac\n' }],
    ['a plain Kubernetes Secret', { 'k8s/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\n' }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
