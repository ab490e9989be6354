import { defineDetector, firstN, fromMatch, no, notApplicable, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileEntry, FileRole } from '../../core/types.ts';
import { CAPABILITIES } from '../../ecosystems/capabilities/index.ts';
import { declaredLibraries, usedLibraries } from '../../ecosystems/usage.ts';
import { globMatcher } from '../../util/glob.ts';

const OWN: ReadonlySet<FileRole> = new Set<FileRole>(['source', 'config', 'other']);

/** Where migration tools keep their migrations. */
const MIGRATION_GLOBS = [
  '**/migrations/**',
  '**/Migrations/**',
  '**/migration/**',
  '**/db/migrate/**',
  '**/alembic/versions/**',
  '**/db.changelog*.{xml,yaml,yml,json,sql}',
  '**/liquibase/**/*.{xml,yaml,yml,json,sql}',
  '**/drizzle/*.sql',
];
/** Files in those folders that are not migrations. */
const NOT_A_MIGRATION = /(^|\/)(__init__\.py|\.gitkeep|\.keep|migration_lock\.toml|README[^/]*|env\.py|script\.py\.mako|[^/]*\.md)$|(^|\/)meta\//i;
const MIGRATION_EXT = /\.(sql|py|rb|ts|js|mjs|cjs|go|java|kt|php|cs|xml|ya?ml|json)$/;

/** Naming conventions that identify the tool even when no manifest declares it (CLI or container). */
const CONVENTIONS: readonly [RegExp, string][] = [
  [/(^|\/)V\d+(?:[._]\d+)*__\w+\.sql$/, 'Flyway'],
  [/(^|\/)\d+_[\w-]+\.(?:up|down)\.sql$/, 'golang-migrate / migrate'],
  [/(^|\/)db\/migrate\/\d{14}_\w+\.rb$/, 'Rails migrations'],
  [/(^|\/)migrations\/\d{14}_[\w-]+\/migration\.sql$/, 'Prisma Migrate'],
];

export default defineDetector({
  id: 'uses-migration-tool',
  pillar: 'data',
  question: 'Are schema changes managed by a migration tool with migration files in the repository?',
  rationale: 'Versioned migrations make every schema change reviewable, repeatable and identical in every environment.',
  measures: {
    'migration-files': { unit: 'files', description: 'Migration files in the migration folders of the tool.' },
  },
  patterns: {
    // Migration tools that manifests the ecosystems layer does not read declare.
    otherManifest: {
      regex: /^[ \t]*gem[ \t]+['"](rails|activerecord|sequel|standalone_migrations)['"]|(org\.flywaydb|org\.liquibase|flyway-core|liquibase-core)|(golang-migrate\/migrate|pressly\/goose|ariga\.io\/atlas|rubenv\/sql-migrate|amacneil\/dbmate)|"(doctrine\/migrations|doctrine\/doctrine-migrations-bundle|laravel\/framework|robmorgan\/phinx)"|(Microsoft\.EntityFrameworkCore\.(?:Design|Tools)|FluentMigrator|dbup-\w+)/m,
      literals: ['gem', 'flyway', 'liquibase', 'golang-migrate', 'goose', 'atlas', 'sql-migrate', 'dbmate', 'doctrine', 'laravel', 'phinx', 'EntityFrameworkCore', 'FluentMigrator', 'dbup'],
      roles: ['config', 'other', 'source'],
      paths: ['**/Gemfile', '**/pom.xml', '**/build.gradle', '**/build.gradle.kts', '**/go.mod', '**/composer.json', '**/*.csproj'],
      maxPerFile: 3,
    },
    // Migration configuration: alembic.ini, knexfile migrations, ormconfig migrations, flyway.conf, ...
    config: {
      regex: /^\[alembic\]|\bmigrations\s*["']?\s*:|^\s*flyway\.\w+\s*=|^\s*changeLogFile\s*[:=]|\bmigrations-path\b|\bmigrationsDir\b|\bout\s*:\s*['"`][^'"`]*drizzle/m,
      literals: ['alembic', 'migrations', 'flyway.', 'changeLogFile', 'drizzle'],
      roles: ['config', 'other', 'source'],
      paths: ['**/alembic.ini', '**/knexfile.{js,ts,cjs,mjs}', '**/ormconfig.{js,ts,json,yml,yaml}', '**/.sequelizerc', '**/flyway.conf', '**/liquibase.properties', '**/drizzle.config.{ts,js,mjs}', '**/data-source.{ts,js}', '**/mikro-orm.config.{ts,js}'],
      maxPerFile: 1,
    },
    // A knexfile's own migrations directory.
    knexDirectory: {
      regex: /\bdirectory\s*:\s*['"`]([^'"`]+)['"`]/,
      literals: ['directory'],
      roles: ['source'],
      paths: ['**/knexfile.{js,ts,cjs,mjs}'],
    },
  },
  detect({ repo, matches }) {
    const toolEvidence: EvidenceItem[] = [];
    const tools = new Set<string>();
    for (const d of declaredLibraries(repo, CAPABILITIES['migration-tool'])) {
      tools.add(d.name);
      toolEvidence.push({ path: d.manifest, ...(d.line !== undefined ? { line: d.line } : {}), note: `${d.name} declared` });
    }
    for (const u of usedLibraries(repo, CAPABILITIES['migration-tool'])) {
      if (tools.has(u.library)) continue;
      tools.add(u.library);
      toolEvidence.push({ path: u.sites[0]!.path, line: u.sites[0]!.line, excerpt: u.sites[0]!.excerpt, note: `${u.library} imported` });
    }
    for (const m of matches('otherManifest')) {
      const name = m.groups.find((g) => g !== undefined) ?? m.text;
      tools.add(name);
      // `org.flywaydb` and `flyway-core` on one pom.xml line are one declaration.
      if (!toolEvidence.some((e) => e.path === m.path && e.line === m.line)) toolEvidence.push(fromMatch(m, `${name} declared`));
    }

    const inMigrationDir = globMatcher(MIGRATION_GLOBS);
    const knexDirs = matches('knexDirectory').map((m) => {
      const base = m.path.includes('/') ? m.path.slice(0, m.path.lastIndexOf('/') + 1) : '';
      return `${base}${m.groups[0]!.replace(/^\.\//, '').replace(/\/+$/, '')}/`;
    });
    const files: FileEntry[] = repo.files
      .filter((f) => OWN.has(f.role) && MIGRATION_EXT.test(f.path) && !NOT_A_MIGRATION.test(f.path))
      .filter((f) => inMigrationDir(f.path) || knexDirs.some((d) => f.path.startsWith(d)))
      .sort((a, b) => a.path.localeCompare(b.path));
    for (const [rule, name] of tools.size > 0 ? [] : CONVENTIONS) {
      const f = files.find((x) => rule.test(x.path));
      if (f) {
        tools.add(name);
        toolEvidence.push({ path: f.path, note: `${name} naming convention` });
      }
    }
    const configs = matches('config');
    const measures = { 'migration-files': { value: files.length, unit: 'files' } };

    if (tools.size > 0 && files.length > 0) {
      const evidence: EvidenceItem[] = [...toolEvidence.slice(0, 4)];
      if (!evidence.some((e) => e.path === files[0]!.path)) evidence.push({ path: files[0]!.path, note: `first of ${files.length} migration file(s)` });
      evidence.push(...configs.slice(0, 2).map((m) => fromMatch(m, 'migration configuration')));
      return yes(`Schema migrations are managed with ${[...tools].join(', ')}: ${files.length} migration file(s).`, firstN(evidence), measures);
    }
    const database = usedLibraries(repo, CAPABILITIES['database-driver']).filter((u) => !['redis', 'ioredis'].includes(u.library));
    if (tools.size === 0 && files.length === 0 && configs.length === 0 && database.length === 0) {
      return notApplicable('No database, migration tool or migration file was found.');
    }
    const why = tools.size === 0
      ? files.length > 0
        ? `${files.length} file(s) sit in migration folders but no migration tool is declared`
        : `production code uses ${database.map((u) => u.library).join(', ')} but no migration tool is declared`
      : `${[...tools].join(', ')} is declared but no migration file exists${configs.length > 0 ? ` (configured at ${configs[0]!.path}:${configs[0]!.line})` : ''}`;
    const evidence = [...toolEvidence.slice(0, 3), ...configs.slice(0, 1).map((m) => fromMatch(m, 'migration configuration'))];
    return no(`Schema changes are not managed by a migration tool: ${why}.`, evidence, measures);
  },
});
