import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

describe('polls-database-on-timer', () => {
  it.each<[string, Files, string[]]>([
    [
      'setInterval with pool.query',
      { 'src/jobs/sync.ts': "import { pool } from '../db';\n\nsetInterval(async () => {\n  const { rows } = await pool.query('SELECT id FROM outbox WHERE sent = false');\n}, 5000);\n" },
      ['src/jobs/sync.ts:3', 'src/jobs/sync.ts:4'],
    ],
    [
      'node-cron with a SQL string',
      { 'src/cron.js': "const cron = require('node-cron');\nconst sql = `\n  SELECT * FROM invoices WHERE due < now()`;\ncron.schedule('*/5 * * * *', () => db.any(sql));\n" },
      ['src/cron.js:4', 'src/cron.js:4'],
    ],
    [
      'a self-rescheduling setTimeout loop',
      { 'src/poller.ts': 'async function poll() {\n  const jobs = await prisma.job.findMany({ where: { done: false } });\n  setTimeout(poll, 1000);\n}\npoll();\n' },
      ['src/poller.ts:3', 'src/poller.ts:2'],
    ],
    [
      'python schedule.every with cursor.execute',
      { 'app/poll.py': 'import schedule\n\ndef check():\n    cursor.execute("select * from orders where status = %s", ("new",))\n\nschedule.every(10).seconds.do(check)\n' },
      ['app/poll.py:6', 'app/poll.py:4'],
    ],
    [
      'a python while-True sleep loop',
      { 'app/worker.py': 'import time\n\nwhile True:\n    rows = session.query(Order).all()\n    time.sleep(30)\n' },
      ['app/worker.py:3', 'app/worker.py:4'],
    ],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
    expect(r.measures?.['polling-sites']).toEqual({ value: 1, unit: 'files' });
  });

  it('counts each polling file once', async () => {
    const r = await detect(detector, {
      'src/a.ts': 'setInterval(() => db.query("x"), 1000);\nsetInterval(() => db.query("y"), 2000);\n',
      'src/b.ts': "cron.schedule('* * * * *', () => knex('jobs').where({ done: false }));\n",
      'src/c.ts': 'setInterval(() => flushMetrics(), 1000);\n',
    });
    expect(r.outcome).toBe('yes');
    expect(r.measures?.['polling-sites']).toEqual({ value: 2, unit: 'files' });
    expect(locations(r)).toEqual(['src/a.ts:1', 'src/a.ts:1', 'src/b.ts:1', 'src/b.ts:1']);
  });

  it.each<[string, Files]>([
    [
      'the file queries the database, but not from the timer',
      { 'server/main.ts': 'import { sequelize } from "./db";\nawait sequelize.query("SELECT 1");\n' + '\n'.repeat(60) + 'setInterval(checkUpdates, 24 * 3600 * 1000);\n' },
    ],
    ['the timer is near a helper call, not a query', { 'server/main.ts': 'setInterval(checkUpdates, 1000);\nprocess.once("SIGTERM", () => ShutdownHelper.execute());\n' }],
    ['an API client is polled, not a database', { 'src/notion.ts': 'setInterval(async () => {\n  await this.client.databases.query({ database_id: id });\n}, 1000);\n' }],
    ['a timer never touches the database', { 'src/metrics.ts': 'setInterval(() => flushMetrics(), 1000);\n', 'src/repo.ts': 'export const q = () => db.query("SELECT 1 FROM dual");\n' }],
    ['the timer is commented out', { 'src/a.ts': '// setInterval(() => check(), 1000);\nexport const f = () => db.query("SELECT * FROM t");\n' }],
    ['the polling file is a test', { 'src/a.test.ts': 'setInterval(() => db.query("SELECT * FROM t"), 10);\n' }],
    ['only a vendored copy polls', { 'vendor/poller/index.js': 'setInterval(() => db.query("SELECT * FROM jobs"), 1000);\n' }],
    ['only the README describes polling', { 'README.md': 'We used to run setInterval(() => db.query("SELECT * FROM jobs"))\n' }],
    ['a one-shot setTimeout of a callback parameter', { 'src/a.ts': 'export function later(done: () => void) {\n  db.query("SELECT 1");\n  setTimeout(done, 10);\n}\n' }],
  ])('answers no when %s', async (_name, files) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('no');
    expect(r.measures?.['polling-sites']?.value).toBe(0);
  });
});

describe('polls-database-on-timer on the JVM and in Ruby', () => {
  it.each<[string, Files, string[]]>([
    ['a Spring @Scheduled method reading a Spring Data repository', { 'src/main/java/com/acme/R.java': `package com.acme;

class R {
  @Scheduled(fixedDelay = 60000)
  void remind() {
    invoices.findByPaidFalse().forEach(Invoice::remind);
  }
}
` }, ['src/main/java/com/acme/R.java:4', 'src/main/java/com/acme/R.java:6']],
    ['a sidekiq-cron job that scans a table', { 'config/schedule.yml': `expire_trials:
  cron: "*/5 * * * *"
  class: "ExpireTrialsJob"
`, 'app/jobs/expire_trials_job.rb': `class ExpireTrialsJob
  include Sidekiq::Job

  def perform
    Account.where(plan: "trial").find_each(&:expire!)
  end
end
` }, ['app/jobs/expire_trials_job.rb:1', 'app/jobs/expire_trials_job.rb:5']],
    ['a rufus-scheduler block querying ActiveRecord', { 'config/initializers/scheduler.rb': `scheduler = Rufus::Scheduler.singleton

scheduler.every "5m" do
  Order.where(state: "pending").each(&:retry!)
end
` }, ['config/initializers/scheduler.rb:3', 'config/initializers/scheduler.rb:4']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['a Spring @Scheduled method calls an HTTP API', { 'src/main/java/com/acme/F.java': `package com.acme;

class F {
  @Scheduled(fixedRate = 300000)
  void refresh() { rates = http.get().uri("/latest").retrieve().body(Rates.class); }
}
` }],
    ['a Ruby job queries but no schedule names it', { 'config/schedule.yml': `report:
  cron: "0 3 * * *"
  class: "NightlyReportJob"
`, 'app/jobs/expire_trials_job.rb': `class ExpireTrialsJob
  include Sidekiq::Job

  def perform
    Account.where(plan: "trial").find_each(&:expire!)
  end
end
` }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
