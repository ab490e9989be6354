import { describe, expect, it } from 'vitest';
import { isCostKey, isTaggableAzureType, isTaggableCfnType, isTaggableTerraformType, isTenantKey, tagVerdict } from './iac-tags.ts';

describe('cost-allocation tag data', () => {
  it.each([
    ['CostCenter', true],
    ['cost-center', true],
    ['acme:cost_centre', true],
    ['Team', true],
    ['team_name', true],
    ['Environment', true],
    ['app.kubernetes.io/name', false],
    ['Name', false],
    ['ManagedBy', false],
    ['Backup', false],
    ['steam', false],
  ])('%s is a cost key: %s', (key, expected) => {
    expect(isCostKey(key)).toBe(expected);
  });

  it('recognises tenant keys and decides verdicts', () => {
    expect(['TenantId', 'tenant-id', 'customer', 'acme:client_name'].map(isTenantKey)).toEqual([true, true, true, true]);
    expect(['tenancy', 'team'].map(isTenantKey)).toEqual([false, false]);
    expect(tagVerdict(undefined)).toBe('untagged');
    expect(tagVerdict({ keys: ['Name'], dynamic: true, line: 1 })).toBe('unresolved');
    expect(tagVerdict({ keys: ['Name'], dynamic: false, line: 1 })).toBe('untagged');
    expect(tagVerdict({ keys: ['Name', 'team'], dynamic: true, line: 1 })).toBe('tagged');
  });

  it('knows which types carry tags', () => {
    expect(['aws_backup_selection', 'aws_s3_bucket', 'aws_s3_bucket_policy', 'aws_iam_policy', 'aws_route53_record', 'google_storage_bucket', 'google_project_iam_member', 'azurerm_linux_web_app', 'azurerm_role_assignment', 'random_id'].map(isTaggableTerraformType)).toEqual([false, true, false, true, false, true, false, true, false, false]);
    expect(['AWS::S3::Bucket', 'AWS::S3::BucketPolicy', 'AWS::Budgets::Budget', 'Custom::Thing'].map(isTaggableCfnType)).toEqual([true, false, false, false]);
    expect(['Microsoft.Storage/storageAccounts', 'Microsoft.Storage/storageAccounts/blobServices', 'Microsoft.Authorization/roleAssignments', 'Microsoft.Consumption/budgets'].map(isTaggableAzureType)).toEqual([true, false, false, false]);
  });
});
