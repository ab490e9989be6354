import { defineDetector, firstN, fromMatch, no, yes } from '../../core/detector.ts';
import type { Language } from '../../core/types.ts';

const CODE: readonly Language[] = ['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'ruby', 'csharp', 'php'];

/** Migration folders and migration runners: DDL is expected there. */
const MIGRATION_PATH = /(^|\/)(migrations?|Migrations|db\/migrate|alembic|liquibase|flyway|changelogs?)\/|(^|\/)[^/]*migrat[^/]*$/i;

export default defineDetector({
  id: 'has-raw-ddl-outside-migrations',
  pillar: 'data',
  question: 'Does production code outside migrations run raw DDL (CREATE/ALTER/DROP TABLE, CREATE INDEX)?',
  rationale: 'Schema changes made from application code bypass review and versioning, so environments drift apart.',
  measures: {
    'ddl-statements': { unit: 'statements', description: 'DDL statements in production code outside migration folders.' },
  },
  patterns: {
    ddl: {
      // The statement's shape, not just its verbs: a table name and `(`, `ON <table>`, an ALTER
      // action. `only: %i[new create index]` in a Rails route says "create index", and is no DDL.
      regex: /\b(CREATE\s+(?:TEMP(?:ORARY)?\s+)?TABLE(?=\s+(?:IF\s+NOT\s+EXISTS\s+)?[\w."`[\]$]+\s*\()|CREATE\s+(?:UNIQUE\s+)?INDEX(?=\s+(?:CONCURRENTLY\s+)?(?:IF\s+NOT\s+EXISTS\s+)?(?:[\w."`[\]$]+\s+)?ON\s+[\w."`[\]$]+)|ALTER\s+TABLE(?=\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?[\w."`[\]$]+\s+(?:ADD|DROP|ALTER|RENAME|MODIFY)\b)|DROP\s+TABLE(?=\s+(?:IF\s+EXISTS\s+)?[\w."`[\]$]+))/i,
      literals: ['CREATE TABLE', 'create table', 'ALTER TABLE', 'alter table', 'DROP TABLE', 'drop table', 'CREATE INDEX', 'create index', 'CREATE UNIQUE INDEX', 'create unique index', 'Create Table'],
      languages: CODE,
    },
  },
  detect({ matches }) {
    const found = matches('ddl').filter((m) => !MIGRATION_PATH.test(m.path));
    const measures = { 'ddl-statements': { value: found.length, unit: 'statements' } };
    if (found.length === 0) return no('No raw DDL statement in production code outside migration folders.', [], measures);
    const files = new Set(found.map((m) => m.path));
    return yes(
      `${found.length} raw DDL statement(s) in ${files.size} production file(s) outside migrations (first: ${found[0]!.path}:${found[0]!.line}).`,
      firstN(found.map((m) => fromMatch(m, m.groups[0]!.replace(/\s+/g, ' ').toUpperCase()))),
      measures,
    );
  },
});
