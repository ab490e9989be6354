import { defineDetector, firstN, fromMatch, no, yes } from '../../core/detector.ts';
import type { FileRole, Match } from '../../core/types.ts';

const ROLES: readonly FileRole[] = ['source', 'config', 'iac', 'other'];

/** Settings whose value switches slow-query logging off. */
const DISABLED: Record<string, RegExp> = {
  log_min_duration_statement: /^-1$/,
  slow_query_log: /^(0|off|false)$/i,
  log_slow_queries: /^(0|off|false)$/i,
  maxQueryExecutionTime: /^0$/,
  LOG_QUERIES_SLOWER_THAN_MS: /^(0|-1)$/,
};

export default defineDetector({
  id: 'logs-slow-queries',
  pillar: 'data',
  question: 'Are slow database queries logged against a threshold?',
  rationale: 'A slow-query threshold turns "the database feels slow" into a list of queries to fix, and is the basis of a query-latency SLO.',
  patterns: {
    // Database and ORM settings: PostgreSQL, MySQL, MongoDB profiling, TypeORM, Hibernate, generic thresholds.
    setting: {
      // `name = value`, `name: value`, `-c name=value`, `--slowms 100`, or a parameter group `name = "name"`.
      regex: /\b(log_min_duration_statement|auto_explain\.log_min_duration|slow_query_log|long_query_time|log_slow_queries|slowms|maxQueryExecutionTime|LOG_QUERIES_SLOWER_THAN_MS|slowQueryThreshold\w*|slow_query_threshold\w*|SLOW_QUERY_THRESHOLD\w*)["']?[ \t]*(?:[=:]|(?<=slowms)[ \t])[ \t]*["']?(-?[\w.]+)|\b(?:name|ParameterName)["']?[ \t]*[=:][ \t]*["'](log_min_duration_statement|slow_query_log|long_query_time|auto_explain\.log_min_duration)["']/,
      literals: ['log_min_duration', 'slow_query', 'long_query_time', 'log_slow_queries', 'slowms', 'maxQueryExecutionTime', 'LOG_QUERIES_SLOWER_THAN_MS', 'slowQueryThreshold', 'SLOW_QUERY'],
      roles: ROLES,
      maxPerFile: 5,
    },
    // pg_stat_statements loaded or installed: per-query timing kept by PostgreSQL.
    pgStatStatements: {
      regex: /CREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?["']?pg_stat_statements|shared_preload_libraries[^\n]*pg_stat_statements/i,
      literals: ['pg_stat_statements'],
      roles: ROLES,
      maxPerFile: 2,
    },
    // Sequelize `benchmark: true` times every query for the logger.
    sequelizeBenchmark: {
      regex: /\bbenchmark\s*:\s*true\b/,
      literals: ['benchmark'],
      languages: ['javascript', 'typescript'],
      maxPerFile: 2,
    },
    // Prisma `$on('query', e => { if (e.duration > 200) ... })`; SQLAlchemy cursor timing with a threshold.
    durationThreshold: {
      regex: /\$on\(\s*['"]query['"][\s\S]{0,400}?\.duration\s*>=?\s*[\w.]+|after_cursor_execute[\s\S]{0,800}?\b\w*(?:total|elapsed|duration)\w*\s*>=?\s*[\w.]+/,
      literals: ['$on(', 'after_cursor_execute'],
      languages: ['javascript', 'typescript', 'python'],
      maxPerFile: 2,
    },
  },
  detect({ repo, matches }) {
    const found: { m: Match; note: string }[] = [];
    for (const m of matches('setting')) {
      // .conf/.cnf/.ini files have no comment blanking: a line that starts as a comment does not count.
      if (/^(#|;|--|\/\/)/.test(m.excerpt)) continue;
      const [assigned, value, parameter] = m.groups as [string | undefined, string | undefined, string | undefined];
      const name = (assigned ?? parameter)!;
      if (value !== undefined && DISABLED[name]?.test(value)) continue;
      found.push({ m, note: `${name}${value !== undefined ? ` = ${value}` : ''}` });
    }
    for (const m of matches('pgStatStatements')) if (!/^(#|;|--|\/\/)/.test(m.excerpt)) found.push({ m, note: 'pg_stat_statements enabled' });
    const sequelize = repo.dependencies().some((d) => d.ecosystem === 'js' && d.name === 'sequelize');
    if (sequelize) for (const m of matches('sequelizeBenchmark')) found.push({ m, note: 'Sequelize query timing (benchmark: true)' });
    for (const m of matches('durationThreshold')) found.push({ m, note: 'query duration threshold' });
    if (found.length === 0) return no('No slow-query logging or threshold is configured (database settings, ORM options or query-duration hooks).');
    found.sort((a, b) => a.m.path.localeCompare(b.m.path) || a.m.line - b.m.line);
    return yes(`Slow queries are logged: ${[...new Set(found.map((f) => f.note))].slice(0, 3).join('; ')}.`, firstN(found.map((f) => fromMatch(f.m, f.note))));
  },
});
