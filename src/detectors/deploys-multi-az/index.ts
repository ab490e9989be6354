import { defineDetector, fromMatch, no, unknown, yes } from '../../core/detector.ts';
import type { EvidenceItem, Match } from '../../core/types.ts';

const TF = { roles: ['iac'] as const, languages: ['hcl'] as const };
const DB_TYPES =
  'aws_db_instance|aws_rds_cluster|aws_rds_cluster_instance|google_sql_database_instance|azurerm_postgresql_flexible_server|azurerm_mysql_flexible_server|azurerm_postgresql_server|azurerm_mysql_server|azurerm_mssql_database|azurerm_redis_cache|aws_elasticache_replication_group|aws_elasticache_cluster|azurerm_cosmosdb_account|aws_docdb_cluster|aws_neptune_cluster';
/** Resources that are single-zone unless a setting says otherwise. */
const SINGLE_BY_DEFAULT = new Set(['aws_db_instance', 'google_sql_database_instance', 'azurerm_postgresql_flexible_server', 'azurerm_mysql_flexible_server', 'aws_elasticache_replication_group']);

function byFile(list: readonly Match[]): Map<string, Match[]> {
  const out = new Map<string, Match[]>();
  for (const m of list) out.set(m.path, [...(out.get(m.path) ?? []), m]);
  return out;
}

export default defineDetector({
  id: 'deploys-multi-az',
  pillar: 'reliability',
  question: 'Is the data tier deployed redundantly across availability zones in IaC (Multi-AZ, regional, zone-redundant)?',
  rationale: 'A database in one zone is a single point of failure: a zone outage takes the whole platform down until it is restored.',
  patterns: {
    dbResource: { regex: new RegExp(`^[ \\t]*resource[ \\t]+"(${DB_TYPES})"[ \\t]+"([\\w-]+)"`, 'm'), literals: ['resource'], ...TF, maxPerFile: 1000 },
    dbModule: { regex: /\bsource\s*=\s*"terraform-aws-modules\/(?:rds|rds-aurora|elasticache)\/aws"/, literals: ['terraform-aws-modules/'], ...TF },
    tfBlock: {
      regex: /^(?:resource|data|module|variable|output|locals|provider|terraform)\b/m,
      literals: ['resource', 'data', 'module', 'variable', 'output', 'locals', 'provider', 'terraform'],
      ...TF,
      maxPerFile: 4000,
    },
    multiTrue: {
      regex: /\b(?:multi_az|multi_az_enabled|automatic_failover_enabled|zone_redundant|zone_redundancy_enabled)\s*=\s*true\b|\bavailability_type\s*=\s*"REGIONAL"|\bmode\s*=\s*"ZoneRedundant"/,
      literals: ['multi_az', 'automatic_failover_enabled', 'zone_redundan', 'REGIONAL', 'ZoneRedundant'],
      ...TF,
      maxPerFile: 1000,
    },
    multiFalse: {
      regex: /\b(?:multi_az|multi_az_enabled|automatic_failover_enabled|zone_redundant)\s*=\s*false\b|\bavailability_type\s*=\s*"ZONAL"|\bmode\s*=\s*"SameZone"/,
      literals: ['multi_az', 'automatic_failover_enabled', 'zone_redundant', 'ZONAL', 'SameZone'],
      ...TF,
      maxPerFile: 1000,
    },
    multiVar: {
      regex: /\b(?:multi_az|multi_az_enabled|automatic_failover_enabled|zone_redundant|availability_type|high_availability)\s*[={]/,
      literals: ['multi_az', 'automatic_failover_enabled', 'zone_redundant', 'availability_type', 'high_availability'],
      ...TF,
      maxPerFile: 1000,
    },
    azList: { regex: /\bavailability_zones\s*=\s*\[([^\]]*)\]/, literals: ['availability_zones'], ...TF, maxPerFile: 1000 },
    count: { regex: /^[ \t]*count\s*=\s*(\d+)\b/m, literals: ['count'], ...TF, maxPerFile: 1000 },
    cfnMultiAz: { regex: /\bMultiAZ["']?\s*:\s*["']?(true|false)\b/, literals: ['MultiAZ'], roles: ['iac', 'config'], languages: ['yaml', 'json'] },
    zoneSpread: {
      regex: /\btopologyKey:[ \t]*["']?(?:topology\.kubernetes\.io\/zone|failure-domain\.beta\.kubernetes\.io\/zone)\b/,
      literals: ['topologyKey'],
      roles: ['iac', 'config'],
      languages: ['yaml'],
    },
  },
  detect({ matches }) {
    const multi: EvidenceItem[] = [];
    const single: EvidenceItem[] = [];
    multi.push(...matches('multiTrue').map((m) => fromMatch(m, 'zone-redundant setting')));
    single.push(...matches('multiFalse').map((m) => fromMatch(m, 'single-zone setting')));
    for (const m of matches('cfnMultiAz')) (m.groups[0] === 'true' ? multi : single).push(fromMatch(m, `MultiAZ ${m.groups[0]}`));
    multi.push(...matches('zoneSpread').map((m) => fromMatch(m, 'workloads spread across zones')));

    const blocks = byFile(matches('tfBlock'));
    const settings = byFile([...matches('multiVar'), ...matches('multiFalse')]);
    const azLists = byFile(matches('azList'));
    const counts = byFile(matches('count'));
    const resources = matches('dbResource');
    const auroraInstances = resources.filter((r) => r.groups[0] === 'aws_rds_cluster_instance');
    for (const r of resources) {
      const end = Math.min(...(blocks.get(r.path) ?? []).map((b) => b.line).filter((l) => l > r.line), Infinity);
      const within = (list: readonly Match[] | undefined): Match[] => (list ?? []).filter((m) => m.line > r.line && m.line < end);
      const type = r.groups[0]!;
      if (type === 'aws_rds_cluster') {
        const az = within(azLists.get(r.path)).find((m) => (m.groups[0] ?? '').split(',').filter((s) => s.trim()).length >= 2);
        if (az) multi.push(fromMatch(az, 'cluster spans 2+ availability zones'));
      }
      if (type === 'aws_rds_cluster_instance') {
        const n = Number(within(counts.get(r.path))[0]?.groups[0] ?? 1);
        if (n >= 2 || auroraInstances.length >= 2) multi.push(fromMatch(r, 'Aurora cluster with 2+ instances'));
      }
      if (SINGLE_BY_DEFAULT.has(type) && within(settings.get(r.path)).length === 0) {
        single.push(fromMatch(r, `${type}.${r.groups[1]} has no multi-AZ / high-availability setting`));
      }
    }
    const hasDb = resources.length > 0 || matches('dbModule').length > 0 || matches('multiVar').length > 0;
    const sortLoc = (a: EvidenceItem, b: EvidenceItem): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0));
    if (multi.length > 0) return yes(`The data tier is configured across zones at ${multi.length} place(s).`, multi.sort(sortLoc).slice(0, 10));
    if (single.length > 0) return no('Database resources are deployed in a single availability zone.', single.sort(sortLoc).slice(0, 10));
    if (hasDb) return unknown('Database IaC exists but its zone redundancy comes from variables or defaults that cannot be read statically.');
    return unknown('No database infrastructure as code found.');
  },
});
