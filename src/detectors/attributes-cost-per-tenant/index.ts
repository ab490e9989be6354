import { defineDetector, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole, Match } from '../../core/types.ts';
import usageMetering from '../../ecosystems/capabilities/usage-metering.ts';
import { IAC_CODE_PATTERNS, IAC_CONTENTS, iacResources, readIac } from '../../ecosystems/iac.ts';
import { isTenantKey } from '../../ecosystems/iac-tags.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

const MANIFEST_ROLES: readonly FileRole[] = ['iac', 'config', 'other'];

/** A tenant/customer reference near a usage or metering table/model definition. */
const tenantRef = (within: string): string => String.raw`(?=${within}{0,1500}?(?:\b(?:tenant|customer|org|organization|workspace|account)_id\b|\b(?:tenantId|customerId|orgId|organizationId|workspaceId|accountId)\b|references\s+:(?:tenant|customer|organization|account)\b|ForeignKey\(\s*["']?(?:Tenant|Customer|Organization|Account)\b))`;
/** Anywhere in the next 1,500 characters (code), or within the same statement (SQL). */
const TENANT_REF = tenantRef(String.raw`[\s\S]`);
const TENANT_REF_SQL = tenantRef('[^;]');
const USAGE_NAME = String.raw`["'\`\[]?(\w*(?:usage|metering|meter_event|meter_reading)\w*)["'\`\]]?`;

export default defineDetector({
  id: 'attributes-cost-per-tenant',
  pillar: 'finops',
  question: 'Is cost or usage attributed per tenant (tenant/customer tags on resources, or usage metered per tenant)?',
  rationale: 'Per-tenant cost and usage is what makes unit economics, fair pricing and unprofitable-customer detection possible.',
  patterns: {
    ...IAC_CODE_PATTERNS,
    /** Kubernetes labels naming the tenant (what Kubecost/OpenCost allocate cost by): `labels:` then a `tenant:` key among them. */
    k8sTenantLabel: {
      regex: /^(\s*)labels:[ \t]*\n(?:\1[ \t]+[\w./-]+:[^\n]*\n)*?\1[ \t]+((?:[\w.-]+\/)?(?:tenant|customer)(?:[-_.]?(?:id|name))?):[ \t]*["']?[\w{.-]/m,
      literals: ['labels:'],
      languages: ['yaml'],
      roles: MANIFEST_ROLES,
      maxPerFile: 2,
    },
    sqlTable: {
      regex: new RegExp(String.raw`\bcreate\s+table\s+(?:if\s+not\s+exists\s+)?(?:\w+\.)?${USAGE_NAME}${TENANT_REF_SQL}`, 'i'),
      literals: ['usage', 'USAGE', 'meter', 'METER'],
      languages: ['sql'],
      maxPerFile: 3,
    },
    codeTable: {
      regex: new RegExp(String.raw`(?:\bcreateTable\(\s*|\bcreate_table\s+:?|__tablename__\s*=\s*|@Entity\(\s*(?:\{\s*name:\s*)?)${USAGE_NAME}${TENANT_REF}`, 'i'),
      literals: ['usage', 'Usage', 'meter', 'Meter'],
      languages: ['typescript', 'javascript', 'python', 'ruby', 'go', 'java', 'kotlin', 'php', 'csharp'],
      maxPerFile: 3,
    },
    usageModel: {
      regex: new RegExp(String.raw`\bclass\s+(\w*(?:Usage|Metering|MeterEvent)\w*)\s*\(\s*(?:models\.Model|Base|db\.Model|SQLModel|\w*Model)\b${TENANT_REF}|\bclass\s+(\w*(?:Usage|Metering|MeterEvent)\w*)\s*<\s*ApplicationRecord${TENANT_REF}`),
      literals: ['Usage', 'Metering', 'MeterEvent'],
      languages: ['python', 'ruby'],
      maxPerFile: 3,
    },
    prismaModel: {
      regex: new RegExp(String.raw`^model\s+(\w*(?:Usage|Metering|MeterEvent)\w*)\s*\{[^}]*\b(?:tenant|customer|org|organization|workspace|account)Id\b`, 'm'),
      literals: ['Usage', 'Metering', 'MeterEvent'],
      paths: ['**/*.prisma'],
      roles: ['source', 'other', 'config'],
      maxPerFile: 3,
    },
    stripeUsage: {
      regex: /\.createUsageRecord\s*\(|\bcreate_usage_record\s*\(|\bUsageRecord\.create\s*\(|\bbilling\.meterEvents\.create\s*\(|\bbilling\.MeterEvent\.create\s*\(|\bbilling\.meter_events\.create\s*\(/,
      literals: ['UsageRecord', 'usage_record', 'meterEvents', 'MeterEvent', 'meter_events'],
      languages: ['typescript', 'javascript', 'python', 'ruby', 'go', 'java', 'kotlin', 'php', 'csharp'],
      maxPerFile: 2,
    },
  },
  contents: [...IAC_CONTENTS],
  detect({ repo, matches }) {
    const evidence: EvidenceItem[] = [];
    const how = new Set<string>();
    const model = readIac(repo, matches);
    for (const r of iacResources(model)) {
      const key = r.tags?.keys.find(isTenantKey);
      if (key) {
        evidence.push({ path: r.path, line: r.tags!.line, note: `${r.label} tagged ${key}` });
        how.add('tenant tags');
      }
    }
    for (const p of model.terraform.providers) {
      const key = p.defaultTags?.keys.find(isTenantKey);
      if (key) {
        evidence.push({ path: p.file, line: p.defaultTags!.line, note: `provider ${p.name} default tag ${key}` });
        how.add('tenant tags');
      }
    }
    for (const mod of model.terraform.modules) {
      const key = mod.tags?.keys.find(isTenantKey);
      if (key) {
        evidence.push({ path: mod.file, line: mod.tags!.line, note: `module ${mod.name} tagged ${key}` });
        how.add('tenant tags');
      }
    }
    for (const t of model.code.stackTags) {
      const key = t.keys.find(isTenantKey);
      if (key) {
        evidence.push({ path: t.path, line: t.line, note: `${t.target ?? 'app-wide'} tag ${key}` });
        how.add('tenant tags');
      }
    }
    for (const m of matches('k8sTenantLabel')) {
      evidence.push(fromMatch(m, `Kubernetes label ${m.groups[1]} (cost allocation per tenant in Kubecost/OpenCost)`));
      how.add('tenant labels');
    }
    const name = (m: Match): string => m.groups.find((g) => g !== undefined) ?? 'usage';
    for (const m of [...matches('sqlTable'), ...matches('codeTable'), ...matches('usageModel'), ...matches('prismaModel')]) {
      evidence.push(fromMatch(m, `usage recorded per tenant (${name(m)})`));
      how.add('per-tenant usage records');
    }
    for (const m of matches('stripeUsage')) {
      evidence.push(fromMatch(m, 'Stripe metered usage per customer'));
      how.add('metered billing');
    }
    for (const u of usedLibraries(repo, usageMetering)) {
      evidence.push(...u.sites.slice(0, 2).map((s) => fromImport(s, `${u.library} usage metering`)));
      how.add('usage-metering service');
    }
    if (evidence.length === 0) return no('No per-tenant cost attribution: no tenant/customer tags in IaC and no per-tenant usage metering in code.');
    return yes(`Cost/usage is attributed per tenant (${[...how].join(', ')}).`, evidence.slice(0, 10));
  },
});
