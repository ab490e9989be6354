import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';

const ROLES = ['ci', 'source', 'test', 'config', 'iac', 'other'] as const;
/** A script named for restore/backup verification (scripts/verify-backup.sh, tests/restore-drill.sh). */
const RESTORE_TEST_PATH = /(restore|backup|disaster|(^|[/_-])dr[/_.-])/i;
const VERIFY_PATH = /(test|verify|verification|validat|drill|check)/i;

export default defineDetector({
  id: 'tests-backups',
  pillar: 'reliability',
  question: 'Is restoring a backup exercised by automation (a CI job, a scheduled job or a restore-test script)?',
  rationale: 'A backup that was never restored is a hope, not a backup: restore drills prove the data and the procedure work.',
  patterns: {
    restore: {
      regex:
        /\bpg_restore\b|\bpsql\b[^\n|]*<\s*\S+|\bmysql\b[^\n|]*<\s*\S+|\bmongorestore\b|\bvelero\s+restore\s+create\b|\bpgbackrest\b[^\n]*\brestore\b|\bwal-g\s+backup-fetch\b|\brestic\s+restore\b|\baws\s+rds\s+restore-db-[\w-]+|\bgcloud\s+sql\s+backups\s+restore\b|\bbarman\s+recover\b/,
      literals: ['pg_restore', 'psql', 'mysql', 'mongorestore', 'velero', 'pgbackrest', 'wal-g', 'restic', 'restore-db-', 'backups restore', 'barman'],
      roles: ROLES,
    },
    backupWord: { regex: /backup|\bdump\b|\.dump\b|snapshot|pg_dump|mysqldump|mongodump/i, literals: ['ackup', 'ACKUP', 'dump', 'napshot'], roles: ROLES, maxPerFile: 1 },
    cronJob: { regex: /\bkind:[ \t]*CronJob\b/, literals: ['CronJob'], roles: ROLES, maxPerFile: 1 },
  },
  detect({ repo, matches }) {
    const backupFiles = new Set(matches('backupWord').map((m) => m.path));
    const cronFiles = new Set(matches('cronJob').map((m) => m.path));
    const hits = matches('restore').flatMap((m) => {
      const role = repo.file(m.path)?.role;
      if (role === 'ci' && backupFiles.has(m.path)) return [fromMatch(m, 'CI job restores a backup')];
      if (cronFiles.has(m.path) && backupFiles.has(m.path)) return [fromMatch(m, 'scheduled restore of a backup')];
      if (RESTORE_TEST_PATH.test(m.path) && VERIFY_PATH.test(m.path)) return [fromMatch(m, 'restore-test script')];
      return [];
    });
    if (hits.length === 0) return no('No automated backup restore (CI job, scheduled job or restore-test script) found.');
    return yes(`Backup restores are exercised by automation at ${hits.length} place(s).`, hits.slice(0, 10));
  },
});
