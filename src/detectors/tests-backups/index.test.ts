import { describe, expect, it } from 'vitest';
import { detect, locations } from '../../../test/harness.ts';
import detector from './index.ts';

const workflow = `on:
  schedule:
    - cron: "0 4 * * 0"
jobs:
  restore-drill:
    runs-on: ubuntu-latest
    steps:
      - run: aws s3 cp s3://backups/latest.dump backup.dump
      - run: pg_restore --clean -d "$SCRATCH_DB" backup.dump
`;

describe('tests-backups', () => {
  it.each([
    ['a scheduled CI restore drill', { '.github/workflows/restore-drill.yml': workflow }, ['.github/workflows/restore-drill.yml:9']],
    ['a restore verification script', { 'scripts/verify-backup.sh': '#!/bin/sh\nset -e\nmongorestore --archive=latest.gz --nsFrom "app.*" --nsTo "verify.*"\n' }, ['scripts/verify-backup.sh:3']],
    ['a restore test in the test suite', { 'tests/backup_restore_test.py': 'def test_restore():\n    subprocess.run("psql $URL < /tmp/backup.sql", shell=True)\n' }, ['tests/backup_restore_test.py:2']],
    ['a CronJob restoring last night\'s dump', {
      'k8s/restore-check.yaml': 'kind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - command: ["sh", "-c", "pg_restore -d scratch /backups/nightly.dump"]\n',
    }, ['k8s/restore-check.yaml:8']],
  ])('answers yes for %s', async (_c, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each([
    ['only dumps are taken', { 'scripts/backup.sh': 'pg_dump app > backup.sql\n', '.github/workflows/b.yml': 'jobs:\n  b:\n    steps:\n      - run: pg_dump app > backup.sql\n' }],
    ['CI seeds a test database from a schema file', { '.github/workflows/ci.yml': 'jobs:\n  t:\n    steps:\n      - run: psql $DATABASE_URL < db/schema.sql\n' }],
    ['a manual restore script is not a test', { 'scripts/restore.sh': 'pg_restore -d prod latest.dump\n' }],
    ['only a runbook describes the restore', { 'docs/runbooks/restore.md': 'Run `pg_restore -d app backup.dump` and verify.\n' }],
    ['the restore step is commented out', { 'scripts/verify-backup.sh': '# pg_restore -d scratch backup.dump\n' }],
  ])('answers no when %s', async (_c, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
