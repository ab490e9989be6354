import { describe, expect, it } from 'vitest';
import { detect, locations, type Files } from '../../../test/harness.ts';
import detector from './index.ts';

describe('logs-slow-queries', () => {
  it.each([
    ['PostgreSQL in docker-compose', { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    command: postgres -c log_min_duration_statement=250\n' }, ['docker-compose.yml:4']],
    ['a Terraform parameter group', { 'infra/db.tf': 'parameter {\n  name  = "slow_query_log"\n  value = "1"\n}\nparameter {\n  name  = "long_query_time"\n  value = "0.5"\n}\n' }, ['infra/db.tf:2', 'infra/db.tf:6']],
    ['TypeORM maxQueryExecutionTime', { 'src/data-source.ts': "export default new DataSource({ type: 'postgres', maxQueryExecutionTime: 500 });\n" }, ['src/data-source.ts:1']],
    ['Sequelize benchmark', { 'package.json': JSON.stringify({ dependencies: { sequelize: '6' } }), 'src/db.js': "const s = new Sequelize(url, { benchmark: true, logging: log });\n" }, ['src/db.js:1']],
    ['a Prisma query-duration hook', { 'src/db.ts': "prisma.$on('query', (e) => {\n  if (e.duration > 200) logger.warn(e.query);\n});\n" }, ['src/db.ts:1']],
    ['MySQL settings in my.cnf', { 'deploy/mysql/my.cnf': '[mysqld]\n# slow_query_log = 0\nslow_query_log = 1\nlong_query_time = 0.5\n' }, ['deploy/mysql/my.cnf:3', 'deploy/mysql/my.cnf:4']],
    ['pg_stat_statements preloaded', { 'docker-compose.yml': 'services:\n  db:\n    command: postgres -c shared_preload_libraries=pg_stat_statements\n' }, ['docker-compose.yml:3']],
    ['pg_stat_statements in a migration', { 'db/migrations/003_stats.sql': 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements;\n' }, ['db/migrations/003_stats.sql:1']],
  ])('answers yes for %s', async (_case, files, where) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(where);
  });

  it.each([
    ['slow-query logging switched off', { 'docker-compose.yml': 'services:\n  db:\n    command: postgres -c log_min_duration_statement=-1\n', 'my.cnf': '[mysqld]\nslow_query_log = OFF\n' }],
    ['prose in a YAML file', { 'rubric/data.yaml': 'remediation: Set a slow-query threshold (log_min_duration_statement, slow_query_log).\n' }],
    ['a query reading pg_stat_statements docs', { 'src/q.ts': "const docs = 'see pg_stat_statements';\n" }],
    ['a README about slow queries', { 'README.md': 'Set log_min_duration_statement = 200.\n' }],
    ['a commented-out setting', { 'postgresql.conf': '#log_min_duration_statement = 250\n' }],
    ['a test setting the threshold', { 'test/db.test.ts': 'const ds = new DataSource({ maxQueryExecutionTime: 10 });\n' }],
    ['benchmark: true without Sequelize', { 'src/bench.ts': 'run({ benchmark: true });\n' }],
  ])('answers no for %s', async (_case, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});

describe('logs-slow-queries for the JVM', () => {
  it.each<[string, Files, string[]]>([
    ['a Hibernate slow-query threshold in application.properties', { 'src/main/resources/application.properties': `spring.jpa.show-sql=false
spring.jpa.properties.hibernate.session.events.log.LOG_QUERIES_SLOWER_THAN_MS=250
` }, ['src/main/resources/application.properties:2']],
  ])('answers yes for %s', async (_name, files, locs) => {
    const r = await detect(detector, files);
    expect(r.outcome).toBe('yes');
    expect(locations(r)).toEqual(locs);
  });

  it.each<[string, Files]>([
    ['the Hibernate threshold is 0', { 'src/main/resources/application.properties': `spring.jpa.properties.hibernate.session.events.log.LOG_QUERIES_SLOWER_THAN_MS=0
` }],
    ['Spring only prints SQL', { 'src/main/resources/application.properties': `spring.jpa.show-sql=true
` }],
  ])('answers no when %s', async (_name, files) => {
    expect((await detect(detector, files)).outcome).toBe('no');
  });
});
