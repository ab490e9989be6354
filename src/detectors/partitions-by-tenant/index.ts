import { defineDetector, firstN, fromMatch, no, yes } from '../../core/detector.ts';
import type { Language, Match } from '../../core/types.ts';

const CODE: readonly Language[] = ['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'ruby', 'csharp', 'php'];
const TENANT_COLUMN = String.raw`tenant_id|tenantId|organization_id|organizationId|org_id|orgId`;
/** Migration folders and schema files, where code strings define tables. */
const SCHEMA_PATHS = ['**/*.sql', '**/migrations/**', '**/Migrations/**', '**/migration/**', '**/db/migrate/**', '**/alembic/**', '**/db/schema.rb'];
/** Tables that are the tenants themselves, not data scoped by them. */
const TENANT_TABLES = /^(tenant|organization|organisation|org)$/;

/** `"public"."Orders"`, `[dbo].[orders]`, `orders` -> `order`: one name for a table however it is spelled. */
function tableKey(raw: string): string {
  const last = raw.replace(/["`[\]]/g, '').split('.').pop() ?? raw;
  return last.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/ies$/, 'y').replace(/s$/, '');
}

export default defineDetector({
  id: 'partitions-by-tenant',
  pillar: 'data',
  question: 'Is data partitioned by tenant (row-level security, or a tenant column on the data tables)?',
  rationale: 'Tenant-scoped tables and row-level security keep one customer from reading another and let data be moved or sharded per tenant.',
  measures: {
    'tenant-scoped-tables': { unit: 'tables', description: 'Tables or models defined with a tenant/organization column.' },
  },
  patterns: {
    rlsSql: {
      regex: /ENABLE\s+ROW\s+LEVEL\s+SECURITY|CREATE\s+POLICY\b/i,
      literals: ['ROW LEVEL SECURITY', 'row level security', 'CREATE POLICY', 'create policy'],
      languages: ['sql', ...CODE],
      paths: SCHEMA_PATHS,
      maxPerFile: 5,
    },
    // `CREATE TABLE orders ( ... tenant_id ...` up to the end of the statement.
    sqlTable: {
      regex: new RegExp(String.raw`CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([\w."\x60\[\]]+)\s*\((?:(?!;|CREATE\s+TABLE)[\s\S]){0,8000}?["\x60\[]?\b(${TENANT_COLUMN})\b`, 'i'),
      literals: ['tenant', 'Tenant', 'organization', 'Organization', 'org_id', 'orgId', 'TENANT', 'ORGANIZATION', 'ORG_ID'],
      languages: ['sql', ...CODE],
      paths: SCHEMA_PATHS,
      maxPerFile: 500,
    },
    sqlAlter: {
      regex: new RegExp(String.raw`ALTER\s+TABLE\s+(?:ONLY\s+)?(?:IF\s+EXISTS\s+)?([\w."\x60\[\]]+)\s+ADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?["\x60\[]?(${TENANT_COLUMN})\b`, 'i'),
      literals: ['tenant', 'Tenant', 'organization', 'Organization', 'org_id', 'orgId', 'TENANT', 'ORGANIZATION', 'ORG_ID'],
      languages: ['sql', ...CODE],
      paths: SCHEMA_PATHS,
      maxPerFile: 500,
    },
    // knex `createTable('orders', t => t.uuid('tenant_id'))`, Alembic `op.create_table('orders', sa.Column('tenant_id'`,
    // Rails `create_table "orders" do |t| t.uuid "tenant_id"` / `t.references :tenant`.
    createTableCall: {
      regex: new RegExp(String.raw`create_?[tT]able\s*\(?\s*[:'"]([\w.]+)['"]?(?:(?!create_?[tT]able)[\s\S]){0,4000}?(?:\(\s*['"](${TENANT_COLUMN})['"]|\bt\.\w+\s+[:'"](tenant_id|organization_id|org_id)\b|\bt\.(?:references|belongs_to)\s+[:'"](tenant|organization|org)\b)`),
      literals: ['tenant', 'organization', 'org_id', 'orgId'],
      languages: CODE,
      paths: SCHEMA_PATHS,
      maxPerFile: 500,
    },
    prismaModel: {
      regex: new RegExp(String.raw`^model\s+(\w+)\s*\{[^}]*?^[ \t]*(${TENANT_COLUMN})[ \t]+\w`, 'm'),
      literals: ['tenant', 'organization', 'org_id', 'orgId'],
      roles: ['other', 'source', 'config'],
      paths: ['**/*.prisma'],
      code: false,
      maxPerFile: 500,
    },
    // TypeORM / sequelize-typescript entity classes: `@Column() tenantId: string`, `@ManyToOne(() => Tenant) tenant: Tenant`.
    entityClass: {
      regex: /@Entity\b[^\n]*\s*(?:@\w+(?:\([^)]*\))?\s*)*(?:export\s+)?(?:default\s+)?(?:abstract\s+)?class\s+(\w+)(?:\s+extends\s+(\w+))?(?:(?!@Entity\b)[\s\S]){0,8000}?@(?:Column|PrimaryColumn|ManyToOne|JoinColumn|RelationId|Index|ForeignKey|BelongsTo)\b(?:\([^()]*(?:\([^()]*\)[^()]*)*\))?\s*(?:@\w+(?:\([^()]*(?:\([^()]*\)[^()]*)*\))?\s*)*(?:public\s+|readonly\s+|declare\s+)*(tenantId|tenant_id|organizationId|organization_id|orgId|tenant|organization)\s*[!?]?\s*:/,
      literals: ['@Entity'],
      languages: ['typescript', 'javascript'],
      maxPerFile: 50,
    },
    // Abstract base entities: `abstract class TenantEntity { @Column() tenantId: string }`.
    baseEntity: {
      regex: /(?:export\s+)?abstract\s+class\s+(\w+)(?:(?!\bclass\s)[\s\S]){0,4000}?@(?:Column|ManyToOne|JoinColumn|Index)\b(?:\([^()]*(?:\([^()]*\)[^()]*)*\))?\s*(?:@\w+(?:\([^()]*(?:\([^()]*\)[^()]*)*\))?\s*)*(?:public\s+|readonly\s+)*(tenantId|tenant_id|organizationId|organization_id|tenant|organization)\s*[!?]?\s*:/,
      literals: ['abstract class'],
      languages: ['typescript', 'javascript'],
      maxPerFile: 10,
    },
    tsClass: {
      regex: /\bclass\s+(\w+)\s+extends\s+(\w+)/,
      literals: ['extends'],
      languages: ['typescript', 'javascript'],
      maxPerFile: 200,
    },
    // Django / SQLAlchemy / SQLModel models: `tenant = models.ForeignKey(...)`, `tenant_id = Column(...)`.
    pyModel: {
      regex: /^class[ \t]+(\w+)[ \t]*\(([^)]*)\)[ \t]*:(?:(?!^class[ \t])[\s\S]){0,8000}?^[ \t]+(tenant_id|organization_id|org_id|tenant|organization)[ \t]*(?::[^=\n]*)?=[ \t]*((?:models|db|sa|sqlalchemy|orm|fields)\.\w+|Column|mapped_column|ForeignKey|relationship|\w*Field)\b/m,
      literals: ['tenant', 'organization', 'org_id'],
      languages: ['python'],
      maxPerFile: 200,
    },
    pyClass: {
      regex: /^class[ \t]+(\w+)[ \t]*\(([^)]*)\)[ \t]*:/m,
      literals: ['class'],
      languages: ['python'],
      maxPerFile: 500,
    },
  },
  detect({ matches }) {
    const rls = matches('rlsSql');
    /** Table key -> the match that defines its tenant column. */
    const tables = new Map<string, Match>();
    const add = (name: string | undefined, m: Match): void => {
      if (!name) return;
      const k = tableKey(name);
      if (!k || TENANT_TABLES.test(k)) return;
      if (!tables.has(k)) tables.set(k, m);
    };
    for (const m of matches('sqlTable')) add(m.groups[0], m);
    for (const m of matches('sqlAlter')) add(m.groups[0], m);
    for (const m of matches('createTableCall')) add(m.groups[0], m);
    for (const m of matches('prismaModel')) add(m.groups[0], m);

    // Model classes, with tenant columns inherited from base classes (abstract bases are no table).
    const tenantClass = new Map<string, Match>();
    const bases = new Map<string, string[]>();
    for (const m of matches('entityClass')) tenantClass.set(m.groups[0]!, m);
    for (const m of matches('baseEntity')) tenantClass.set(m.groups[0]!, m);
    for (const m of matches('tsClass')) bases.set(m.groups[0]!, [m.groups[1]!]);
    const MODEL_BASE = /\bmodels\.Model\b|\bModel\b|\bBase\b|\bdb\.Model\b|\bSQLModel\b|\bDeclarativeBase\b|\bDocument\b/;
    for (const m of matches('pyModel')) {
      const [cls, , field, ctor] = m.groups as [string, string, string, string];
      // A bare `tenant = ...` field is a tenant column only as a foreign key (Django adds tenant_id).
      if (!/^(tenant|organization)$/.test(field) || /ForeignKey|OneToOne/.test(ctor)) tenantClass.set(cls, m);
    }
    const pyModels = new Set<string>();
    for (const m of matches('pyClass')) {
      const names = (m.groups[1] ?? '').split(',').map((b) => b.trim().split('.').pop()!).filter(Boolean);
      bases.set(m.groups[0]!, names);
      if (MODEL_BASE.test(m.groups[1] ?? '') || names.some((n) => tenantClass.has(n))) pyModels.add(m.groups[0]!);
    }
    // A class is tenant-scoped through its own column or any ancestor's.
    const scoped = (cls: string, depth = 0): Match | undefined => {
      if (depth > 8) return undefined;
      const own = tenantClass.get(cls);
      if (own) return own;
      for (const b of bases.get(cls) ?? []) {
        const via = scoped(b, depth + 1);
        if (via) return via;
      }
      return undefined;
    };
    const isBase = new Set([...bases.values()].flat());
    const classMatch = new Map<string, Match>([...matches('entityClass'), ...matches('baseEntity'), ...matches('tsClass'), ...matches('pyClass')].map((m) => [m.groups[0]!, m]));
    for (const cls of new Set([...tenantClass.keys(), ...bases.keys()])) {
      const via = scoped(cls);
      if (!via) continue;
      // Python classes must be ORM models (not pydantic schemas); bases count only through subclasses.
      const py = via.path.endsWith('.py') || classMatch.get(cls)?.path.endsWith('.py');
      if (py && !pyModels.has(cls) && !MODEL_BASE.test(via.groups[1] ?? '')) continue;
      if (isBase.has(cls) && [...bases].some(([sub, bs]) => bs.includes(cls) && scoped(sub))) continue;
      add(cls, classMatch.get(cls) ?? via);
    }

    const measures = { 'tenant-scoped-tables': { value: tables.size, unit: 'tables' } };
    const tableEvidence = [...tables].map(([k, m]) => fromMatch(m, `${k} has a tenant column`));
    if (rls.length > 0) {
      return yes(`Row-level security is defined (${rls[0]!.path}:${rls[0]!.line}); ${tables.size} table(s) carry a tenant column.`, firstN([...rls.map((m) => fromMatch(m, 'row-level security')), ...tableEvidence]), measures);
    }
    if (tables.size >= 2) {
      return yes(`${tables.size} tables carry a tenant/organization column: ${[...tables.keys()].slice(0, 5).join(', ')}.`, firstN(tableEvidence), measures);
    }
    return no(
      tables.size === 1
        ? `Only one table (${[...tables.keys()][0]}) carries a tenant column, and no row-level security is defined.`
        : 'No row-level security and no table with a tenant/organization column was found.',
      tableEvidence,
      measures,
    );
  },
});
