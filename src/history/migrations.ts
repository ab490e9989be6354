// The history store's schema, as ordered migrations: one definition for SQLite and PostgreSQL,
// differing only in how an id is generated.
import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** An integer primary key the database numbers: SQLite's rowid, PostgreSQL's identity column. */
function id(dialect: Dialect): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return dialect === 'sqlite' ? (c) => c.primaryKey() : (c) => c.primaryKey().generatedByDefaultAsIdentity();
}

export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-assessments': {
      async up(db: Kysely<unknown>): Promise<void> {
        await db.schema
          .createTable('repositories')
          .addColumn('id', 'integer', id(dialect))
          .addColumn('key', 'text', (c) => c.notNull().unique())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('assessments')
          .addColumn('id', 'integer', id(dialect))
          .addColumn('repository_id', 'integer', (c) => c.notNull().references('repositories.id'))
          .addColumn('commit', 'text')
          .addColumn('assessed_at', 'text', (c) => c.notNull())
          .addColumn('rubric_id', 'text', (c) => c.notNull())
          .addColumn('rubric_version', 'text', (c) => c.notNull())
          .addColumn('rubric_hash', 'text', (c) => c.notNull())
          .addColumn('tool_version', 'text', (c) => c.notNull())
          .addColumn('result_digest', 'text', (c) => c.notNull())
          .addColumn('document', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('assessments_by_repository').on('assessments').columns(['repository_id', 'assessed_at']).execute();
        await db.schema
          .createTable('pillar_levels')
          .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
          .addColumn('pillar', 'text', (c) => c.notNull())
          .addColumn('level', 'integer')
          .addColumn('level_from_scan', 'integer')
          .addColumn('target', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('pillar_levels_pk', ['assessment_id', 'pillar'])
          .execute();
      },
    },
    '0002-evidence': {
      async up(db: Kysely<unknown>): Promise<void> {
        // The raw evidence of an assessment (gzip of JSON): what re-evaluation under a later rubric reads.
        await db.schema
          .createTable('evidence')
          .addColumn('assessment_id', 'integer', (c) => c.primaryKey().references('assessments.id').onDelete('cascade'))
          .addColumn('format', 'integer', (c) => c.notNull())
          .addColumn('data', dialect === 'sqlite' ? 'blob' : 'bytea', (c) => c.notNull())
          .execute();
      },
    },
  };
}
