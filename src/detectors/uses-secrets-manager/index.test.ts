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
    [
      'the AWS SDK for Java v2 secrets client',
      {
        'pom.xml': '<project><dependencies><dependency><groupId>software.amazon.awssdk</groupId><artifactId>secretsmanager</artifactId></dependency></dependencies></project>',
        'src/main/java/com/acme/Secrets.java': 'package com.acme;\n\nimport software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;\n\nclass Secrets {}\n',
      },
      ['src/main/java/com/acme/Secrets.java:3'],
    ],
    [
      'Azure Key Vault SecretClient in C#',
      { 'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="Azure.Security.KeyVault.Secrets" Version="4.6.0" /></ItemGroup></Project>', 'Api/Secrets.cs': 'using Azure.Security.KeyVault.Secrets;\n\nclass Secrets {}\n' },
      ['Api/Secrets.cs:1'],
    ],
    ['Azure Key Vault as an ASP.NET Core configuration source', { 'Api/Program.cs': 'var builder = WebApplication.CreateBuilder(args);\nbuilder.Configuration.AddAzureKeyVault(new Uri(vaultUri), new DefaultAzureCredential());\n' }, ['Api/Program.cs:2']],
    ['the Ruby Secrets Manager gem', { Gemfile: 'source "https://rubygems.org"\ngem "aws-sdk-secretsmanager"\n', 'config/initializers/secrets.rb': 'require "aws-sdk-secretsmanager"\nclient = Aws::SecretsManager::Client.new\n' }, ['config/initializers/secrets.rb:1', 'config/initializers/secrets.rb:2']],
    [
      'the Go AWS SDK v2 secrets client',
      { 'go.mod': 'module x\n\nrequire github.com/aws/aws-sdk-go-v2/service/secretsmanager v1.32.0\n', 'internal/cfg/secrets.go': 'package cfg\n\nimport "github.com/aws/aws-sdk-go-v2/service/secretsmanager"\n\nvar _ = secretsmanager.Options{}\n' },
      ['internal/cfg/secrets.go:3'],
    ],
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
    [
      'the AWS SDK for Java is used for S3 only',
      {
        'pom.xml': '<project><dependencies><dependency><groupId>software.amazon.awssdk</groupId><artifactId>s3</artifactId></dependency></dependencies></project>',
        'src/main/java/com/acme/Store.java': 'package com.acme;\n\nimport software.amazon.awssdk.services.s3.S3Client;\n\nclass Store {}\n',
      },
    ],
    ['the Key Vault call is commented out', { 'Api/Program.cs': 'var builder = WebApplication.CreateBuilder(args);\n// builder.Configuration.AddAzureKeyVault(new Uri(vaultUri), new DefaultAzureCredential());\n' }],
    ['the Ruby gem is declared but only a spec requires it', { Gemfile: 'gem "aws-sdk-secretsmanager"\n', 'spec/secrets_spec.rb': 'require "aws-sdk-secretsmanager"\n' }],
    ['a plain Kubernetes Secret', { 'k8s/secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\n' }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});

describe('uses-secrets-manager in Rails and Laravel', () => {
  it('counts Aws::SecretsManager in a Rails app and Aws\\Ssm in Laravel, not Aws\\S3', async () => {
    const rails = await detect(detector, { Gemfile: 'gem "rails"\ngem "aws-sdk-secretsmanager"\n', 'config/initializers/secrets.rb': 'c = Aws::SecretsManager::Client.new\n' });
    expect([rails.outcome, locations(rails)]).toEqual(['yes', ['config/initializers/secrets.rb:1']]);
    const composer = JSON.stringify({ require: { 'aws/aws-sdk-php': '^3' } });
    const ssm = await detect(detector, { 'composer.json': composer, 'app/Providers/Secrets.php': '<?php\nuse Aws\\Ssm\\SsmClient;\n' });
    expect([ssm.outcome, locations(ssm)]).toEqual(['yes', ['app/Providers/Secrets.php:2']]);
    expect((await detect(detector, { 'composer.json': composer, 'app/Archive.php': '<?php\nuse Aws\\S3\\S3Client;\n' })).outcome).toBe('no');
  });
});
