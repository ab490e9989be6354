import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

describe('has-backup-config', () => {
  it.each([
    ['RDS retention and an AWS Backup plan', {
      'infra/db.tf': 'resource "aws_db_instance" "main" {\n  engine                  = "postgres"\n  backup_retention_period = 7\n}\n\nresource "aws_backup_plan" "daily" {\n  name = "daily"\n}\n',
    }, ['infra/db.tf:3', 'infra/db.tf:6']],
    ['Cloud SQL backup_configuration', {
      'terraform/sql.tf': 'resource "google_sql_database_instance" "db" {\n  settings {\n    backup_configuration {\n      enabled = true\n    }\n  }\n}\n',
    }, ['terraform/sql.tf:3']],
    ['a Velero schedule', { 'k8s/velero.yaml': 'apiVersion: velero.io/v1\nkind: Schedule\nmetadata:\n  name: nightly\n' }, ['k8s/velero.yaml:2']],
    ['a CronJob running pg_dump', {
      'k8s/backup.yaml': 'apiVersion: batch/v1\nkind: CronJob\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - command: ["sh", "-c", "pg_dump $DATABASE_URL | gzip > /backups/db.gz"]\n',
    }, ['k8s/backup.yaml:10']],
    ['a backup script', { 'scripts/backup-db.sh': '#!/bin/sh\nmysqldump --all-databases > /var/backups/all.sql\n' }, ['scripts/backup-db.sh:2']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it('answers no with evidence when retention is 0', async () => {
    const r = await detect(detector, { 'infra/db.tf': 'resource "aws_db_instance" "main" {\n  backup_retention_period = 0\n}\n' });
    expect(r.outcome).toBe('no');
    expect(locations(r)).toEqual(['infra/db.tf:2']);
  });

  it.each([
    ['nothing is configured', { 'infra/db.tf': 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n' }],
    ['a dev Makefile dumps the local database', { Makefile: 'dump:\n\tpg_dump app > dump.sql\n' }],
    ['only docs describe backups', { 'docs/backups.md': 'Run `pg_dump` nightly via cron. backup_retention_period = 7\n' }],
    ['the retention is commented out', { 'infra/db.tf': 'resource "aws_db_instance" "main" {\n  # backup_retention_period = 7\n}\n' }],
    ['a fixture contains a velero schedule', { 'test/fixtures/velero.yaml': 'apiVersion: velero.io/v1\nkind: Schedule\n' }],
  ])('answers no when %s', async (_c, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.evidence).toEqual([]);
  });
});
