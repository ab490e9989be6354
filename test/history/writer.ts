// A separate process that writes assessments into a history store, for the concurrency and
// crash tests: `writer.ts STORE N LABEL` saves N copies of a small assessment, one transaction each.
import { readFileSync } from 'node:fs';
import type { Assessment } from '../../src/core/assessment.ts';
import { openStore } from '../../src/history/db.ts';
import { saveAssessment } from '../../src/history/store.ts';

const [target = '', count = '1', label = 'w', template = ''] = process.argv.slice(2);
const base = JSON.parse(readFileSync(template, 'utf8')) as Assessment;
const store = await openStore(target);
for (let i = 0; i < Number(count); i++) {
  const a: Assessment = { ...base, assessedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), subject: { ...base.subject, commit: `${label}-${i}` } };
  await saveAssessment(store, a);
  process.stdout.write(`saved ${i}\n`);
}
await store.close();
