import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

const tables = (n: number): Record<string, { value: number; unit: string }> => ({ 'tenant-scoped-tables': { value: n, unit: 'tables' } });

describe('partitions-by-tenant', () => {
  it.each([
    [
      'row-level security in a SQL migration',
      { 'db/migrations/002_rls.sql': 'ALTER TABLE orders ENABLE ROW LEVEL SECURITY;\nCREATE POLICY tenant_isolation ON orders USING (tenant_id = current_setting(\'app.tenant\')::uuid);\n' },
      ['db/migrations/002_rls.sql:1', 'db/migrations/002_rls.sql:2'],
      0,
    ],
    [
      'tenant columns in SQL migrations',
      {
        'db/migrations/001_init.sql': 'CREATE TABLE tenants (id uuid PRIMARY KEY);\nCREATE TABLE orders (\n  id uuid,\n  tenant_id uuid NOT NULL\n);\nCREATE TABLE audit (id int);\n',
        'db/migrations/003_invoices.sql': 'ALTER TABLE invoices ADD COLUMN tenant_id uuid;\n',
      },
      ['db/migrations/001_init.sql:2', 'db/migrations/003_invoices.sql:1'],
      2,
    ],
    [
      'a Prisma schema',
      { 'prisma/schema.prisma': 'model Tenant {\n  id String @id\n}\n\nmodel Project {\n  id       String @id\n  tenantId String\n}\n\nmodel Task {\n  id       String @id\n  tenantId String\n  @@index([tenantId])\n}\n' },
      ['prisma/schema.prisma:5', 'prisma/schema.prisma:10'],
      2,
    ],
    [
      'knex migrations',
      { 'migrations/20240101_init.js': "exports.up = (knex) => knex.schema\n  .createTable('projects', (t) => {\n    t.uuid('organization_id').notNullable();\n  })\n  .createTable('tasks', (t) => {\n    t.uuid('organization_id');\n  });\n" },
      ['migrations/20240101_init.js:2', 'migrations/20240101_init.js:5'],
      2,
    ],
    [
      'Django models through an abstract tenant base',
      {
        'core/models.py': 'from django.db import models\n\nclass TenantModel(models.Model):\n    tenant = models.ForeignKey("Tenant", on_delete=models.CASCADE)\n\n    class Meta:\n        abstract = True\n',
        'shop/models.py': 'from core.models import TenantModel\n\nclass Order(TenantModel):\n    total = 1\n\nclass Invoice(TenantModel):\n    pass\n',
      },
      ['shop/models.py:3', 'shop/models.py:6'],
      2,
    ],
    [
      'TypeORM entities',
      {
        'src/entities/project.entity.ts': "import { Entity, Column } from 'typeorm';\n@Entity('projects')\nexport class Project {\n  @Column('uuid')\n  tenantId: string;\n}\n",
        'src/entities/task.entity.ts': "@Entity()\n@Index(['tenantId'])\nexport class Task {\n  @ManyToOne(() => Tenant, (t) => t.tasks)\n  tenant: Tenant;\n}\n",
      },
      ['src/entities/project.entity.ts:2', 'src/entities/task.entity.ts:1'],
      2,
    ],
  ])('answers yes for %s', async (_case, files, where, n) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(where);
    expect(r.measures).toEqual(tables(n));
  });

  it.each([
    ['a single tenant-scoped table', { 'db/migrations/001.sql': 'CREATE TABLE orders (id int, tenant_id uuid);\nCREATE TABLE tenants (id uuid);\n' }, 1],
    ['one table in both SQL and Prisma', { 'prisma/schema.prisma': 'model Order {\n  id Int @id\n  tenantId String\n}\n', 'prisma/migrations/1_init/migration.sql': 'CREATE TABLE "Order" ("id" INT, "tenantId" TEXT);\n' }, 1],
    ['pydantic schemas, not tables', { 'app/schemas.py': 'from pydantic import BaseModel, Field\nclass OrderIn(BaseModel):\n    tenant_id: str = Field()\nclass OrderOut(BaseModel):\n    tenant_id: str = Field()\n' }, 0],
    ['tenant columns only in test fixtures', { 'test/fixtures/schema.sql': 'CREATE TABLE a (tenant_id int);\nCREATE TABLE b (tenant_id int);\n' }, 0],
    ['docs describing RLS', { 'docs/security.md': 'ALTER TABLE orders ENABLE ROW LEVEL SECURITY;\n' }, 0],
    ['commented-out SQL', { 'db/migrations/001.sql': '-- CREATE TABLE a (tenant_id int);\n-- CREATE TABLE b (tenant_id int);\n-- ALTER TABLE a ENABLE ROW LEVEL SECURITY;\n' }, 0],
    ['a parent_tenant_id column', { 'db/migrations/001.sql': 'CREATE TABLE a (parent_tenant_id int);\nCREATE TABLE b (sub_organization_id int);\n' }, 0],
  ])('answers no for %s', async (_case, files, n) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures).toEqual(tables(n));
  });
});

describe('partitions-by-tenant for Rails and Go', () => {
  it.each<[string, Files, string[]]>([
    ['a Rails schema with tenant references', { 'db/schema.rb': `ActiveRecord::Schema[7.1].define(version: 1) do
  create_table "projects" do |t|
    t.references :tenant, null: false
  end

  create_table "invoices" do |t|
    t.bigint "tenant_id", null: false
  end
end
` }, ['db/schema.rb:2', 'db/schema.rb:6']],
    ['Go SQL migrations keyed by org_id', { 'migrations/000001_init.up.sql': `CREATE TABLE contacts (
  id BIGSERIAL PRIMARY KEY,
  org_id BIGINT NOT NULL
);
CREATE TABLE deals (
  id BIGSERIAL PRIMARY KEY,
  org_id BIGINT NOT NULL
);
` }, ['migrations/000001_init.up.sql:1', 'migrations/000001_init.up.sql:5']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['tenant columns only in a test fixture schema', { 'tests/fixtures/schema.sql': `CREATE TABLE projects (id serial, tenant_id uuid);
CREATE TABLE invoices (id serial, tenant_id uuid);
` }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
