import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

describe('deploys-multi-az', () => {
  it.each([
    ['RDS with multi_az = true', { 'infra/db.tf': 'resource "aws_db_instance" "main" {\n  engine   = "postgres"\n  multi_az = true\n}\n' }, ['infra/db.tf:3']],
    ['Cloud SQL REGIONAL', { 'infra/sql.tf': 'resource "google_sql_database_instance" "db" {\n  settings {\n    availability_type = "REGIONAL"\n  }\n}\n' }, ['infra/sql.tf:3']],
    ['Aurora with two instances', {
      'infra/aurora.tf': 'resource "aws_rds_cluster" "c" {\n  availability_zones = ["eu-west-1a", "eu-west-1b"]\n}\n\nresource "aws_rds_cluster_instance" "i" {\n  count = 2\n}\n',
    }, ['infra/aurora.tf:2', 'infra/aurora.tf:5']],
    ['ElastiCache failover', { 'infra/cache.tf': 'resource "aws_elasticache_replication_group" "r" {\n  automatic_failover_enabled = true\n  multi_az_enabled           = true\n}\n' }, ['infra/cache.tf:2', 'infra/cache.tf:3']],
    ['k8s topology spread across zones', {
      'k8s/db.yaml': 'kind: StatefulSet\nspec:\n  template:\n    spec:\n      topologySpreadConstraints:\n        - topologyKey: topology.kubernetes.io/zone\n',
    }, ['k8s/db.yaml:6']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['multi_az = false', { 'infra/db.tf': 'resource "aws_db_instance" "main" {\n  multi_az = false\n}\n' }, ['infra/db.tf:2']],
    ['an RDS instance without multi_az', {
      'infra/db.tf': 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n  # multi_az = true\n}\n\nresource "aws_s3_bucket" "b" {\n  multi_az = true_not_really\n}\n',
    }, ['infra/db.tf:1']],
  ])('answers no for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['there is no database IaC', { 'infra/net.tf': 'resource "aws_vpc" "v" {}\n' }],
    ['multi_az comes from a variable', { 'infra/db.tf': 'resource "aws_db_instance" "main" {\n  multi_az = var.multi_az\n}\n' }],
    ['only docs mention multi_az', { 'docs/db.md': 'multi_az = true\n' }],
  ])('answers unknown when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('unknown');
  });
});
