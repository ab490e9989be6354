import { defineDetector, firstN, fromImport, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, FileRole } from '../../core/types.ts';
import dataWarehouse from '../../ecosystems/capabilities/data-warehouse.ts';
import { usedLibraries } from '../../ecosystems/usage.ts';

const CONFIG_ROLES: readonly FileRole[] = ['source', 'config', 'other', 'iac'];

/** Libraries that route reads to replicas. */
const READ_REPLICA_LIBRARIES = { id: 'read-replica', description: 'Read-replica routing', libraries: { js: ['@prisma/extension-read-replicas'] } };

export default defineDetector({
  id: 'has-read-replica-config',
  pillar: 'data',
  question: 'Are reads or analytics separated from the primary database (read replica or warehouse)?',
  rationale: 'Reports and heavy reads on the primary database compete with transactions; a replica or warehouse takes that load away.',
  measures: {
    'replica-settings': { unit: 'places', description: 'Places that configure a database replica (ORM replication, replica connection, replica in IaC); warehouses not counted.' },
    'warehouse-clients': { unit: 'places', description: 'Places where production code uses an analytics warehouse client.' },
  },
  patterns: {
    // Sequelize `replication: { read: [...] }`, TypeORM `replication: { slaves|replicas: [...] }`.
    ormReplication: {
      regex: /["']?replication["']?\s*:\s*\{[\s\S]{0,600}?["']?(read|slaves|replicas)["']?\s*:/,
      literals: ['replication'],
      roles: ['source', 'config'],
      languages: ['javascript', 'typescript', 'json', 'yaml'],
      maxPerFile: 3,
    },
    djangoRouters: {
      regex: /^[ \t]*DATABASE_ROUTERS[ \t]*=[ \t]*[[(]\s*['"]/m,
      literals: ['DATABASE_ROUTERS'],
      languages: ['python'],
      maxPerFile: 1,
    },
    // Rails multiple databases: a `replica: true` entry in database.yml, `connects_to database: { reading: ... }`.
    railsReplica: {
      regex: /^[ \t]+replica:[ \t]*true\b|\bconnects_to[ \t(]+database:[ \t]*\{[^}\n]*\breading:/m,
      literals: ['replica:', 'connects_to'],
      roles: ['source', 'config'],
      languages: ['yaml', 'ruby'],
      maxPerFile: 2,
    },
    replicaSetting: {
      regex: /\b(?:[A-Z0-9]+_)*(?:READ_REPLICA|REPLICA_(?:URL|HOST|DSN|URI|ENDPOINT)|READER_(?:ENDPOINT|HOST|URL|DSN)|(?:DATABASE|DB|PG|POSTGRES|MYSQL)_(?:REPLICA|READER|RO|READONLY)(?:_[A-Z]+)*)\b|\b(?:replicaUrl|readReplicaUrl|readerEndpoint|reader_endpoint|readReplicas)\b/,
      literals: ['REPLICA', 'READER', '_RO', 'READONLY', 'replicaUrl', 'ReplicaUrl', 'readerEndpoint', 'reader_endpoint', 'readReplicas'],
      roles: CONFIG_ROLES,
      maxPerFile: 3,
    },
    iacReplica: {
      regex: /\b(replicate_source_db|master_instance_name|replica_configuration|SourceDBInstanceIdentifier|ReplicaSourceDBInstanceIdentifier)\b["']?\s*[=:]/,
      literals: ['replicate_source_db', 'master_instance_name', 'replica_configuration', 'SourceDBInstanceIdentifier'],
      roles: ['iac', 'config'],
      maxPerFile: 3,
    },
    // boto3.client('redshift-data') / ('athena'); `from google.cloud import bigquery`.
    pyWarehouse: {
      regex: /\bclient\s*\(\s*['"](redshift-data|athena)['"]|^[ \t]*from[ \t]+google\.cloud[ \t]+import[ \t][^\n]*\b(bigquery)\b/m,
      literals: ['redshift-data', 'athena', 'bigquery'],
      languages: ['python'],
      maxPerFile: 1,
    },
  },
  detect({ repo, matches }) {
    const evidence: { kind: string; item: EvidenceItem }[] = [];
    const kinds = new Set<string>();
    const seen = new Set<string>();
    const add = (kind: string, items: EvidenceItem[]): void => {
      const fresh = items.filter((e) => !seen.has(`${e.path}:${e.line}`));
      if (fresh.length === 0) return;
      kinds.add(kind);
      for (const e of fresh) seen.add(`${e.path}:${e.line}`);
      evidence.push(...fresh.map((item) => ({ kind, item })));
    };
    add('ORM read replication', matches('ormReplication').map((m) => fromMatch(m, `replication with ${m.groups[0]} pool`)));
    add('read-replica extension', usedLibraries(repo, READ_REPLICA_LIBRARIES).flatMap((u) => u.sites.slice(0, 2).map((s) => fromImport(s, `${u.library} imported`))));
    add('Rails replica database', matches('railsReplica').filter((m) => !/^#/.test(m.excerpt)).map((m) => fromMatch(m, 'Rails reading role on a replica')));
    add('Django database routers', matches('djangoRouters').map((m) => fromMatch(m, 'DATABASE_ROUTERS set')));
    // .env and .conf files have no comment blanking: a line that starts as a comment does not count.
    const live = (m: { excerpt: string }): boolean => !/^(#|;|--|\/\/)/.test(m.excerpt);
    add('replica connection setting', matches('replicaSetting').filter(live).slice(0, 4).map((m) => fromMatch(m, `${m.text} used`)));
    add('replica in infrastructure code', matches('iacReplica').filter(live).map((m) => fromMatch(m, `${m.groups[0]} set`)));
    add('warehouse client', usedLibraries(repo, dataWarehouse).flatMap((u) => u.sites.slice(0, 2).map((s) => fromImport(s, `${u.library} imported`))));
    const bigquery = repo.dependencies().some((d) => d.ecosystem === 'python' && d.name === 'google-cloud-bigquery');
    add('warehouse client', matches('pyWarehouse').filter((m) => m.groups[1] === undefined || bigquery).map((m) => fromMatch(m, `${m.groups[0] ?? m.groups[1]} client`)));
    // A warehouse takes analytics off the primary but is no failover copy of it: counted apart.
    const warehouses = evidence.filter((e) => e.kind === 'warehouse client').length;
    const measures = {
      'replica-settings': { value: evidence.length - warehouses, unit: 'places' },
      'warehouse-clients': { value: warehouses, unit: 'places' },
    };
    const items = evidence.map((e) => e.item);
    if (items.length === 0) {
      return no('No read replica (ORM replication, replica connection setting, replica in infrastructure code) and no analytics warehouse client was found.', [], measures);
    }
    return yes(`Reads or analytics are separated from the primary database: ${[...kinds].join(', ')}.`, firstN(items), measures);
  },
});
