import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

const pkg = (deps: Record<string, string>): string => JSON.stringify({ name: 'app', dependencies: deps });

describe('has-read-replica-config', () => {
  it.each([
    [
      'Sequelize replication',
      { 'src/db.ts': "export const sequelize = new Sequelize('db', null, null, {\n  dialect: 'postgres',\n  replication: {\n    read: [{ host: 'replica-1' }],\n    write: { host: 'primary' },\n  },\n});\n" },
      ['src/db.ts:3'],
    ],
    ['the Prisma read-replicas extension', { 'package.json': pkg({ '@prisma/extension-read-replicas': '0.3' }), 'src/db.ts': "import { readReplicas } from '@prisma/extension-read-replicas';\n" }, ['src/db.ts:1']],
    ['Django database routers', { 'proj/settings.py': "DATABASES = {'default': {}, 'replica': {}}\nDATABASE_ROUTERS = ['proj.routers.ReplicaRouter']\n" }, ['proj/settings.py:2']],
    ['a replica URL read by the app', { 'src/config.ts': 'export const replica = process.env.DATABASE_REPLICA_URL;\n' }, ['src/config.ts:1']],
    ['a replica URL in .env.example', { '.env.example': 'DATABASE_URL=postgres://db\nREAD_REPLICA_URL=postgres://replica\n' }, ['.env.example:2']],
    ['a Terraform read replica', { 'infra/rds.tf': 'resource "aws_db_instance" "replica" {\n  replicate_source_db = aws_db_instance.main.identifier\n}\n' }, ['infra/rds.tf:2']],
    ['a BigQuery client in Python', { 'requirements.txt': 'google-cloud-bigquery\n', 'app/reports.py': 'from google.cloud import bigquery\n' }, ['app/reports.py:1']],
    ['a ClickHouse client', { 'package.json': pkg({ '@clickhouse/client': '1' }), 'src/analytics.ts': "import { createClient } from '@clickhouse/client';\n" }, ['src/analytics.ts:1']],
  ])('answers yes for %s', async (_case, files, where) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(where);
  });

  it.each([
    ['a single primary database', { 'package.json': pkg({ pg: '8' }), 'src/db.ts': "import { Pool } from 'pg';\nconst url = process.env.DATABASE_URL;\n" }],
    ['docs describing a replica', { 'docs/db.md': 'Set DATABASE_REPLICA_URL and replication: { read: [] }\n' }],
    ['a commented-out replica setting', { 'src/config.ts': '// const replica = process.env.READ_REPLICA_URL;\nexport {};\n' }],
    ['a commented-out line in .env.example', { '.env.example': 'DATABASE_URL=postgres://db\n# DATABASE_REPLICA_URL=postgres://replica\n' }],
    ['a test using a replica', { 'test/db.test.ts': 'process.env.DATABASE_REPLICA_URL = "x";\n' }],
    ['an empty DATABASE_ROUTERS', { 'proj/settings.py': 'DATABASE_ROUTERS = []\n' }],
    ['a BigQuery import without the dependency', { 'requirements.txt': 'flask\n', 'app/x.py': 'from google.cloud import bigquery\n' }],
  ])('answers no for %s', async (_case, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});

describe('has-read-replica-config for Rails and Go', () => {
  it.each<[string, Files, string[]]>([
    ['a Rails replica in database.yml', { 'config/database.yml': `production:
  primary:
    database: shop
  primary_replica:
    database: shop
    replica: true
` }, ['config/database.yml:6']],
    ['Rails connects_to with a reading role', { 'app/models/application_record.rb': `class ApplicationRecord < ActiveRecord::Base
  primary_abstract_class
  connects_to database: { writing: :primary, reading: :primary_replica }
end
` }, ['app/models/application_record.rb:3']],
    ['a Go reader pool from DATABASE_READER_URL', { 'internal/db/pools.go': `package db

import "os"

var readerURL = os.Getenv("DATABASE_READER_URL")
` }, ['internal/db/pools.go:5']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['a Rails database.yml without a replica', { 'config/database.yml': `production:
  adapter: postgresql
  database: shop
  # replica: true
` }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });

  it('counts replicas apart from warehouses, so failover criteria can tell them apart', async () => {
    const warehouse = await detect(detector, {
      'requirements.txt': 'google-cloud-bigquery==3.25.0\n',
      'app/reports.py': 'from google.cloud import bigquery\n\nclient = bigquery.Client()\n',
    });
    expect(warehouse.outcome).toBe('yes');
    expect(warehouse.measures).toEqual({ 'replica-settings': { value: 0, unit: 'places' }, 'warehouse-clients': { value: 1, unit: 'places' } });
    const replica = await detect(detector, { 'config/database.yml': 'production:\n  primary:\n    database: shop\n  primary_replica:\n    database: shop\n    replica: true\n' });
    expect(replica.measures?.['replica-settings']?.value).toBe(1);
  });
});
