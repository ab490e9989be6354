import { describe, expect, it } from 'vitest';
import { parseArm, parseBicep } from './iac-azure.ts';

describe('Bicep and ARM readers', () => {
  it('reads Bicep resources with tags through variables, object params and union(); skips existing and commented-out ones', () => {
    const text = [
      "param tags object = { team: 'payments' }", // 1
      'var common = {', // 2
      "  'cost-center': 'cc-1'", // 3
      '}', // 4
      "// resource fake 'Microsoft.Storage/storageAccounts@2023-01-01' = {", // 5
      "resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {", // 6
      "  name: 'st${uniqueString(resourceGroup().id)}'", // 7
      "  tags: union(common, { service: 'api' })", // 8
      '}', // 9
      "resource plan 'Microsoft.Web/serverfarms@2022-09-01' = if (deploy) {", // 10
      '  tags: tags', // 11
      '}', // 12
      "resource kv 'Microsoft.KeyVault/vaults@2023-02-01' existing = {", // 13
      "  name: 'kv'", // 14
      '}', // 15
      "resource apps 'Microsoft.Web/sites@2022-09-01' = [for n in names: {", // 16
      '  name: n', // 17
      '  tags: externalTags', // 18
      '}]', // 19
      '',
    ].join('\n');
    expect(parseBicep('main.bicep', text).map((r) => [r.name, r.type, r.line, r.tags])).toEqual([
      ['sa', 'Microsoft.Storage/storageAccounts', 6, { keys: ['cost-center', 'service'], dynamic: false, line: 8 }],
      ['plan', 'Microsoft.Web/serverfarms', 10, { keys: ['team'], dynamic: false, line: 11 }],
      ['apps', 'Microsoft.Web/sites', 16, { keys: [], dynamic: true, line: 18 }],
    ]);
  });

  it('reads ARM resources, nested ones with their full type, and expression tags as unreadable', () => {
    const text = JSON.stringify(
      {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        resources: [
          { type: 'Microsoft.Storage/storageAccounts', name: 'sa', tags: { team: 'x' }, resources: [{ type: 'blobServices', name: 'default' }] },
          { type: 'Microsoft.Web/sites', name: 'app', tags: "[parameters('tags')]" },
        ],
      },
      null,
      2,
    );
    expect(parseArm('azuredeploy.json', text).map((r) => [r.name, r.type, r.line, r.tags])).toEqual([
      ['sa', 'Microsoft.Storage/storageAccounts', 4, { keys: ['team'], dynamic: false, line: 7 }],
      ['default', 'Microsoft.Storage/storageAccounts/blobServices', 11, undefined],
      ['app', 'Microsoft.Web/sites', 17, { keys: [], dynamic: true, line: 20 }],
    ]);
    expect(parseArm('package.json', '{ "name": "x" }')).toEqual([]);
  });
});
