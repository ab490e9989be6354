import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem } from '../../core/types.ts';

const IAC = ['iac'] as const;
const NOT_PROSE = ['source', 'config', 'iac', 'ci', 'other'] as const;

export default defineDetector({
  id: 'has-backup-config',
  pillar: 'reliability',
  question: 'Are backups of the data tier defined in code (retention in IaC, backup plans, Velero schedules, scheduled dumps)?',
  rationale: 'Backups that exist only as a console setting or a habit are lost with the account or the person; in code they are reviewed and reproducible.',
  patterns: {
    tfRetention: { regex: /\b(?:backup_retention_period|backup_retention_days|snapshot_retention_limit)\s*=\s*(\d+)/, literals: ['retention'], roles: IAC, languages: ['hcl'] },
    tfBackupResource: {
      regex:
        /^[ \t]*resource[ \t]+"(aws_backup_plan|aws_backup_selection|aws_dlm_lifecycle_policy|azurerm_backup_policy_\w+|azurerm_backup_protected_\w+|azurerm_data_protection_backup_policy_\w+|azurerm_data_protection_backup_instance_\w+|google_backup_dr_\w+|google_sql_backup_run)"/m,
      literals: ['resource'],
      roles: IAC,
      languages: ['hcl'],
    },
    tfBackupSetting: {
      regex: /\b(?:preferred_)?backup_window\s*=|\bbackup_configuration\s*\{[^}]*?\benabled\s*=\s*true|\bpoint_in_time_recovery_enabled\s*=\s*true|\bpoint_in_time_recovery\s*\{\s*enabled\s*=\s*true/,
      literals: ['backup_window', 'backup_configuration', 'point_in_time_recovery'],
      roles: IAC,
      languages: ['hcl'],
    },
    cfnBackup: {
      regex: /\bBackupRetentionPeriod["']?\s*:\s*["']?([1-9]\d*)|AWS::Backup::BackupPlan/,
      literals: ['BackupRetentionPeriod', 'AWS::Backup'],
      roles: ['iac', 'config'],
      languages: ['yaml', 'json'],
    },
    veleroApi: { regex: /^[ \t]*apiVersion:[ \t]*["']?velero\.io\//m, literals: ['velero.io'], roles: ['iac', 'config', 'other'], languages: ['yaml'], maxPerFile: 1 },
    veleroKind: { regex: /^[ \t]*kind:[ \t]*["']?(?:Schedule|Backup)\b/m, literals: ['Schedule', 'Backup'], roles: ['iac', 'config', 'other'], languages: ['yaml'] },
    dump: {
      regex: /\b(?:pg_dump|pg_dumpall|pg_basebackup|mysqldump|mariadb-dump|mongodump|wal-g\s+backup-push|barman\s+backup|restic\s+backup)\b|\bpgbackrest\b[^\n]*\bbackup\b/,
      literals: ['pg_dump', 'pg_basebackup', 'mysqldump', 'mariadb-dump', 'mongodump', 'wal-g', 'barman', 'restic', 'pgbackrest'],
      roles: NOT_PROSE,
    },
    // A dump counts when it runs on a schedule: a CronJob, a scheduled CI workflow, a crontab.
    schedule: { regex: /\bkind:[ \t]*CronJob\b|^[ \t]*-?[ \t]*cron:|\bcrontab\b|^[ \t]*schedule:/m, literals: ['CronJob', 'cron', 'schedule:'], roles: NOT_PROSE, maxPerFile: 1 },
  },
  detect({ matches }) {
    const evidence: EvidenceItem[] = [];
    const disabled: EvidenceItem[] = [];
    for (const m of matches('tfRetention')) {
      if (Number(m.groups[0]) > 0) evidence.push(fromMatch(m, 'backup retention set'));
      else disabled.push(fromMatch(m, 'backup retention 0 (disabled)'));
    }
    evidence.push(...matches('tfBackupResource').map((m) => fromMatch(m, `${m.groups[0]}`)));
    evidence.push(...matches('tfBackupSetting').map((m) => fromMatch(m, 'automated backups configured')));
    evidence.push(...matches('cfnBackup').map((m) => fromMatch(m, 'CloudFormation backups')));
    const velero = new Set(matches('veleroApi').map((m) => m.path));
    evidence.push(...matches('veleroKind').filter((m) => velero.has(m.path)).map((m) => fromMatch(m, 'Velero backup')));
    const scheduled = new Set(matches('schedule').map((m) => m.path));
    evidence.push(...matches('dump').filter((m) => scheduled.has(m.path) || /backup/i.test(m.path)).map((m) => fromMatch(m, 'scheduled database dump')));

    evidence.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : (a.line ?? 0) - (b.line ?? 0)));
    if (evidence.length > 0) return yes(`Backups are defined in code at ${evidence.length} place(s).`, evidence.slice(0, 10));
    if (disabled.length > 0) return no('Database backups are explicitly disabled (retention 0) and no other backup is defined.', disabled.slice(0, 10));
    return no('No backup configuration (IaC retention, backup plans, Velero, scheduled dumps) found.');
  },
});
