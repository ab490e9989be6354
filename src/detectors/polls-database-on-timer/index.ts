import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, Language, Match } from '../../core/types.ts';

const JS: readonly Language[] = ['javascript', 'typescript'];
/** How far a timer's callback reaches: a query further away is not run by the timer. */
const CALLBACK_LINES = 40;
const CODE: readonly Language[] = ['javascript', 'typescript', 'python', 'go', 'java', 'kotlin', 'ruby'];
/** Browser code polls APIs, not databases. */
const FRONTEND_PATH = /\.(?:jsx|tsx|vue|svelte)$|(?:^|\/)(?:components|hooks|pages|frontend|client|public|static|browser)\//;

export default defineDetector({
  id: 'polls-database-on-timer',
  pillar: 'background',
  question: 'Does production code poll the database on a timer or cron schedule instead of using a queue?',
  rationale:
    'Cron-polling the database is the level-1 background anti-pattern: it scales badly, double-processes rows and hides backlog.',
  measures: {
    'polling-sites': { unit: 'files', description: 'Production files that run a timer or schedule and also query the database' },
  },
  patterns: {
    jsTimer: {
      // Group 1: the callback when it is passed by name (`setInterval(poll, 5000)`).
      regex: /\bsetInterval\s*\(\s*(?:this\.)?([A-Za-z_$][\w$]*(?=\s*,))?|\bcron\.schedule\s*\(|\bnew\s+CronJob\s*\(|\bCronJob\.from\s*\(|\bschedule\.scheduleJob\s*\(|@Cron\s*\(|@Interval\s*\(/,
      literals: ['setInterval', 'schedule', 'CronJob', '@Cron', '@Interval'],
      languages: JS,
    },
    jsTimeout: {
      // `setTimeout(poll, 5000)`, `setTimeout(() => this.poll(), 5000)`: group 1 is the callee.
      regex: /\bsetTimeout\s*\(\s*(?:(?:async\s*)?\(\s*\)\s*=>\s*\{?\s*(?:await\s+|void\s+)?)?(?:this\.)?([A-Za-z_$][\w$]*)\s*(?:\(\s*\)\s*;?\s*\}?\s*)?,/,
      literals: ['setTimeout'],
      languages: JS,
    },
    jsFunction: {
      // Function, arrow and method definitions: one of groups 1-3 is the name.
      regex: /\bfunction\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(|\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s+)?(?:function\b|\([^()]*\)\s*(?::[^=]+)?=>|[A-Za-z_$][\w$]*\s*=>)|^[ \t]*(?:(?:private|public|protected|static|async|override)\s+)*([A-Za-z_$][\w$]*)\s*\([^()]*\)\s*(?::\s*[^{;]+)?\{/m,
      literals: ['setTimeout', 'setInterval'],
      languages: JS,
    },
    loopSleep: {
      regex: /\bwhile\s*\(\s*true\s*\)\s*\{[\s\S]{0,600}?\b(?:sleep|delay|setTimeout|wait)\s*\(|\bfor\s*\(\s*;\s*;\s*\)\s*\{[\s\S]{0,600}?\b(?:sleep|delay|setTimeout)\s*\(|^[ \t]*while\s+True\s*:[\s\S]{0,600}?\b(?:time\.|asyncio\.|gevent\.)?sleep\s*\(/m,
      literals: ['while (true)', 'while(true)', 'for (;;)', 'for(;;)', 'while True'],
      languages: ['javascript', 'typescript', 'python'],
    },
    pyTimer: {
      // Group 1: the job function (`schedule.every(10).seconds.do(check)`, `add_job(check, ...)`).
      regex: /\bschedule\.every\s*\([^)]*\)(?:\.(?!do\b)\w+)*(?:\.do\s*\(\s*(\w+))?|\.add_job\s*\(\s*(\w+)?|@\w+\.scheduled_job\s*\(/,
      literals: ['schedule', 'add_job', 'scheduled_job'],
      languages: ['python'],
    },
    otherTimer: {
      // Spring `@Scheduled`, Go tickers, rufus-scheduler `scheduler.every '5m' do`, clockwork `every(5.minutes, ...)`.
      regex: /@Scheduled\s*\(|\btime\.NewTicker\s*\(|\btime\.Tick\s*\(|\b\w+\.(?:every|cron|interval)\s*\(?\s*['"][^'"]+['"][^\n]*\bdo\b|^[ \t]*every\s*\(\s*\d/m,
      literals: ['@Scheduled', 'time.NewTicker', 'time.Tick', '.every', '.cron', '.interval', 'every('],
      languages: ['java', 'kotlin', 'go', 'ruby'],
    },
    // Job classes run by a cron schedule (sidekiq-cron, sidekiq-scheduler, Solid Queue recurring
    // tasks, GoodJob cron): `class: "ExpireTrialsJob"` in the schedule.
    cronClass: {
      regex: /^[ \t]*:?class:?[ \t]*(?:=>[ \t]*)?["']?([A-Z][\w:]*)/m,
      literals: ['class'],
      roles: ['source', 'config'],
      paths: ['**/schedule.yml', '**/schedule.yaml', '**/sidekiq*.yml', '**/sidekiq*.yaml', '**/recurring.yml', '**/config/application.rb', '**/config/environments/*.rb', '**/config/initializers/*.rb'],
      code: false,
      maxPerFile: 200,
    },
    rubyClass: {
      regex: /^[ \t]*class[ \t]+([A-Z][\w:]*)/m,
      literals: ['class'],
      languages: ['ruby'],
      maxPerFile: 50,
    },
    sql: {
      regex: /\bSELECT\s[^;]{1,300}?\sFROM\s|(['"`])\s*select\s[^'"`;]{1,300}?\sfrom\s/,
      literals: ['SELECT', 'select'],
      languages: CODE,
      maxPerFile: 200,
    },
    query: {
      // Query calls on a database-like receiver (`pool.query`, `prisma.job.findMany`, `Order.findAll`,
      // `cursor.execute`); an API client's `notion.databases.query(` is not a database.
      // Model classes (`Order.findAll`) only with ORM finders: `ShutdownHelper.execute()` is not a query.
      regex: /\b(?:(?:db|pool|client|conn|connection|knex|sequelize|cursor|session|pg|mysql|sql|database|tx|trx|manager|repository|repo|em|models?)|prisma\.\w+)\s*\.\s*(?:query|execute|findAll|findMany|findOne|findFirst|QueryContext|queryForList|raw|any|many|manyOrNone|oneOrNone)\s*\(|\b[A-Z][A-Za-z0-9]*\s*\.\s*(?:findAll|findMany|findOne|findFirst|findByPk|findAndCountAll)\s*\(|\bknex\s*\(|\.objects\.(?:filter|all|get|exclude)\s*\(|\.\s*(?:findBy|findAllBy|countBy|streamBy|readBy|queryBy|existsBy)[A-Z]\w*\s*\(|\b[A-Z][A-Za-z0-9]*\s*\.\s*(?:where|find_each|find_in_batches)\b/,
      // Spring Data derived queries (`invoices.findByPaidFalse()`); ActiveRecord scans (`Account.where(...)`).
      literals: ['.query', '.execute', '.find', '.raw', '.any', '.many', 'OrNone', 'knex', '.objects.', 'QueryContext', 'queryForList', 'By', '.where', 'find_each', 'find_in_batches'],
      languages: CODE,
      maxPerFile: 200,
    },
    pyDef: {
      regex: /^[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)/m,
      literals: ['def '],
      languages: ['python'],
      maxPerFile: 500,
    },
  },
  detect({ matches }) {
    // Timers per file, in order; self-rescheduling setTimeout counts as a timer loop.
    const timers = new Map<string, Match>();
    const keep = (m: Match): void => {
      if (FRONTEND_PATH.test(m.path)) return;
      const prev = timers.get(m.path);
      if (!prev || m.line < prev.line) timers.set(m.path, m);
    };
    for (const name of ['jsTimer', 'loopSleep', 'pyTimer', 'otherTimer'] as const) matches(name).forEach(keep);
    // A job class named in a cron schedule is a timer from its class line on.
    const scheduled = new Set(matches('cronClass').map((m) => m.groups[0]!.split('::').pop()!));
    for (const c of matches('rubyClass')) if (scheduled.has(c.groups[0]!.split('::').pop()!)) keep(c);
    const defined = new Map<string, Map<string, number>>();
    for (const d of matches('jsFunction')) {
      const fn = d.groups[0] ?? d.groups[1] ?? d.groups[2];
      if (!fn) continue;
      const names = defined.get(d.path) ?? new Map<string, number>();
      if (!names.has(fn)) names.set(fn, d.line);
      defined.set(d.path, names);
    }
    for (const t of matches('jsTimeout')) {
      const callee = t.groups[0];
      const at = callee ? defined.get(t.path)?.get(callee) : undefined;
      // Rescheduled from inside (or after) its own definition: a polling loop.
      if (at !== undefined && at < t.line) keep(t);
    }

    for (const d of matches('pyDef')) {
      const names = defined.get(d.path) ?? new Map<string, number>();
      if (d.groups[0] && !names.has(d.groups[0])) names.set(d.groups[0], d.line);
      defined.set(d.path, names);
    }
    const queries = new Map<string, Match[]>();
    for (const q of [...matches('sql'), ...matches('query')]) {
      const list = queries.get(q.path);
      if (list) list.push(q);
      else queries.set(q.path, [q]);
    }
    for (const list of queries.values()) list.sort((a, b) => a.line - b.line);
    // The query must be in the timer's callback: the lines after the timer, or after the local
    // definition of a callback passed by name. A query elsewhere in the file is not polling.
    const within = (path: string, from: number): Match | undefined =>
      queries.get(path)?.find((q) => q.line >= from && q.line <= from + CALLBACK_LINES);
    const sites: [Match, Match][] = [];
    for (const t of timers.values()) {
      const callee = t.groups.find((g) => g !== undefined);
      const def = callee ? defined.get(t.path)?.get(callee) : undefined;
      const q = within(t.path, t.line) ?? (def !== undefined ? within(t.path, def) : undefined);
      if (q) sites.push([t, q]);
    }
    const measures = { 'polling-sites': { value: sites.length, unit: 'files' } };
    if (sites.length === 0) return no('No timer or schedule in production code queries the database from its callback.', [], measures);
    const evidence: EvidenceItem[] = [];
    for (const [t, q] of sites) {
      evidence.push(fromMatch(t, `timer or schedule; its callback queries the database at line ${q.line}`));
      evidence.push(fromMatch(q, 'database query run by the timer'));
    }
    return yes(
      `${sites.length} production file(s) query the database on a timer or schedule (first: ${sites[0]![0].path}:${sites[0]![0].line}).`,
      evidence.slice(0, 10),
      measures,
    );
  },
});
