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
    expect(locations(r)).toEqual(['infra/main.tf:1', 'ops/app.yaml:2', 'ops/site.yml:1', 'stack.yml:1']);
    expect(r.evidence.map((e) => e.note)).toEqual(['Terraform', 'Kubernetes', 'Ansible', 'CloudFormation']);
    expect(r.measures).toEqual({ 'iac-files': { value: 4, unit: 'files' } });
  });

  it.each([
    ['Pulumi', { 'Pulumi.yaml': 'name: app\nruntime: nodejs\n' }, 'Pulumi'],
    ['a Helm chart', { 'charts/api/Chart.yaml': 'apiVersion: v2\n', 'charts/api/templates/deploy.yaml': 'kind: Deployment\n' }, 'Helm'],
    ['Terragrunt', { 'live/prod/app/terragrunt.hcl': 'terraform {\n  source = "../../modules/app"\n}\n' }, 'Terragrunt'],
    ['Bicep', { 'main.bicep': "param location string = 'westeurope'\n" }, 'Bicep'],
    ['OpenTofu', { 'infra/main.tofu': 'resource "aws_s3_bucket" "b" {}\n' }, 'OpenTofu'],
    ['a Pulumi program in Go without a Pulumi.yaml in view', { 'infra/main.go': 'package main\n\nimport (\n\t"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/s3"\n\t"github.com/pulumi/pulumi/sdk/v3/go/pulumi"\n)\n\nfunc run(ctx *pulumi.Context) error {\n\t_, err := s3.NewBucketV2(ctx, "b", nil)\n\treturn err\n}\n' }, 'Pulumi'],
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
    ['the only Terraform file is commented out', { 'infra/main.tf': '# resource "aws_s3_bucket" "b" {}\n/*\nresource "aws_vpc" "v" {\n}\n*/\n' }],
    ['Terraform exists only as modules downloaded into .terraform/', { 'infra/.terraform/modules/vpc/main.tf': 'resource "aws_vpc" "this" {}\n', 'infra/.terraform.lock.hcl': 'provider "registry.terraform.io/hashicorp/aws" {\n  version = "5.0.0"\n}\n' }],
    ['an app config sits in a deploy folder', { 'deploy/settings.json': '{ "logLevel": "info" }\n' }],
  ])('answers no when %s', async (_c, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['iac-files']?.value).toBe(0);
  });

  it('shows every tool in the evidence before a second file of any one tool', async () => {
    const files: Record<string, string> = { 'infra/main.tf': 'resource "aws_s3_bucket" "b" {}\n', 'deploy/helm/api/Chart.yaml': 'apiVersion: v2\nname: api\n' };
    for (let i = 0; i < 12; i++) files[`deploy/helm/api/templates/t${i}.yaml`] = 'kind: ConfigMap\n';
    const r = await detect(detector, files);
    expect(r.measures).toEqual({ 'iac-files': { value: 14, unit: 'files' } });
    expect(r.evidence.slice(0, 2).map((e) => `${e.path}:${e.note}`)).toEqual(['deploy/helm/api/Chart.yaml:Helm', 'infra/main.tf:Terraform']);
  });
});
