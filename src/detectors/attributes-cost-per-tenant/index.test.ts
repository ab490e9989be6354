import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

describe('attributes-cost-per-tenant', () => {
  it.each([
    ['tenant tags in Terraform', { 'infra/main.tf': 'resource "aws_s3_bucket" "acme" {\n  tags = {\n    Team     = "data"\n    TenantId = "acme"\n  }\n}\n' }, ['infra/main.tf:2']],
    ['a customer tag in CloudFormation', { 'template.yaml': 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      Tags:\n        - Key: customer\n          Value: acme\n' }, ['template.yaml:5']],
    ['a SQL usage table keyed by tenant', { 'db/migrations/004_usage.sql': '-- metering\nCREATE TABLE usage_events (\n  id bigserial primary key,\n  tenant_id uuid not null,\n  units int\n);\n' }, ['db/migrations/004_usage.sql:2']],
    ['a Knex migration', { 'migrations/20240101_usage.js': "exports.up = (knex) => knex.schema.createTable('api_usage', (t) => {\n  t.uuid('customer_id').notNullable();\n});\n" }, ['migrations/20240101_usage.js:1']],
    ['a Django model', { 'billing/models.py': 'from django.db import models\n\nclass UsageRecord(models.Model):\n    tenant = models.ForeignKey(Tenant, on_delete=models.CASCADE)\n' }, ['billing/models.py:3']],
    ['a Prisma model', { 'prisma/schema.prisma': 'model UsageEvent {\n  id       String @id\n  tenantId String\n}\n' }, ['prisma/schema.prisma:1']],
    ['Stripe metered usage', { 'src/billing.ts': "await stripe.subscriptionItems.createUsageRecord(item, { quantity: 1 });\n" }, ['src/billing.ts:1']],
    ['a tenant tag on a Pulumi resource (TypeScript)', { 'package.json': '{ "dependencies": { "@pulumi/aws": "6.50.0", "@pulumi/pulumi": "3.130.0" } }\n', 'index.ts': "import * as aws from '@pulumi/aws';\n\nfor (const t of tenants) {\n  new aws.s3.BucketV2(`data-${t}`, { tags: { tenant: t, team: 'data' } });\n}\n" }, ['index.ts:4']],
    ['a tenant tag in Bicep', { 'infra/tenant.bicep': "param tenantId string\nresource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'st${tenantId}'\n  tags: {\n    'tenant-id': tenantId\n  }\n}\n" }, ['infra/tenant.bicep:4']],
    ['a tenant label on Kubernetes workloads (Kubecost allocation)', { 'k8s/tenant-acme/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  labels:\n    app: api\n    tenant: acme\n' }, ['k8s/tenant-acme/deployment.yaml:5']],
    ['an OpenMeter SDK', { 'package.json': JSON.stringify({ dependencies: { '@openmeter/sdk': '1' } }), 'src/meter.ts': "import { OpenMeter } from '@openmeter/sdk';\n" }, ['src/meter.ts:1']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['resources carry only team tags', { 'infra/main.tf': 'resource "aws_s3_bucket" "b" {\n  tags = { Team = "data" }\n}\n' }],
    ['a usage table has no tenant column (the next table does)', { 'db/001.sql': 'CREATE TABLE usage_stats (id int, hits int);\nCREATE TABLE tenants (tenant_id uuid);\n' }],
    ['the metering call is commented out', { 'src/billing.ts': '// await stripe.subscriptionItems.createUsageRecord(item, {});\n' }],
    ['a test creates usage records', { 'src/billing.test.ts': 'await stripe.subscriptionItems.createUsageRecord(item, {});\n' }],
    ['a label merely names the tenant-service app', { 'k8s/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: tenant-service\n  labels:\n    app: tenant-service\n' }],
    ['a Kubernetes example manifest has a tenant label', { 'examples/k8s/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    tenant: acme\n' }],
    ['the docs describe tenant metering', { 'docs/billing.md': 'CREATE TABLE usage (tenant_id uuid);\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
