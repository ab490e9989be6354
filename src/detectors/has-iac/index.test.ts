import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

describe('has-iac', () => {
  it('answers yes with files and tools', async () => {
    const r = await detect(detector, {
      'infra/main.tf': 'resource "aws_s3_bucket" "b" {}\n',
      'infra/.terraform.lock.hcl': '# lock\n',
      'stack.yml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources: {}\n',
      'ops/site.yml': '- hosts: web\n  become: true\n  tasks:\n    - name: x\n      apt: { name: nginx }\n',
      'ops/app.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n',
      'src/a.ts': 'export {}\n',
    });
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(['infra/main.tf', 'ops/app.yaml:2', 'ops/site.yml:1', 'stack.yml:1']);
    expect(r.evidence.map((e) => e.note)).toEqual(['Terraform', 'Kubernetes', 'Ansible', 'CloudFormation']);
    expect(r.measures).toEqual({ 'iac-files': { value: 4, unit: 'files' } });
  });

  it.each([
    ['Pulumi', { 'Pulumi.yaml': 'name: app\nruntime: nodejs\n' }, 'Pulumi'],
    ['a Helm chart', { 'charts/api/Chart.yaml': 'apiVersion: v2\n', 'charts/api/templates/deploy.yaml': 'kind: Deployment\n' }, 'Helm'],
    ['Terragrunt', { 'live/prod/app/terragrunt.hcl': 'terraform {\n  source = "../../modules/app"\n}\n' }, 'Terragrunt'],
    ['Bicep', { 'main.bicep': "param location string = 'westeurope'\n" }, 'Bicep'],
    ['an ARM template', { 'azuredeploy.json': '{\n  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"\n}\n' }, 'ARM template'],
  ])('answers yes for %s', async (_c, files, tool) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(r.evidence[0]?.note).toBe(tool);
  });

  it.each([
    ['only application code and compose exist', { 'src/a.ts': 'export {}\n', 'docker-compose.yml': 'services: {}\n' }],
    ['a Backstage catalog file is not a manifest', { 'catalog-info.yaml': 'apiVersion: backstage.io/v1alpha1\nkind: Component\n' }],
    ['a Terraform example is a fixture', { 'examples/basic/main.tf': 'resource "x" "y" {}\n' }],
    ['the docs show a manifest', { 'docs/deploy.md': 'apiVersion: apps/v1\nkind: Deployment\n' }],
  ])('answers no when %s', async (_c, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['iac-files']?.value).toBe(0);
  });
});
