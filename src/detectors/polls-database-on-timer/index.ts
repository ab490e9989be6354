import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import type { EvidenceItem, Language, Match } from '../../core/types.ts';

const JS: readonly Language[] = ['javascript', 'typescript'];
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
      regex: /\bsetInterval\s*\(|\bcron\.schedule\s*\(|\bnew\s+CronJob\s*\(|\bCronJob\.from\s*\(|\bschedule\.scheduleJob\s*\(|@Cron\s*\(|@Interval\s*\(/,
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
      literals: ['setTimeout'],
      languages: JS,
    },
    loopSleep: {
      regex: /\bwhile\s*\(\s*true\s*\)\s*\{[\s\S]{0,600}?\b(?:sleep|delay|setTimeout|wait)\s*\(|\bfor\s*\(\s*;\s*;\s*\)\s*\{[\s\S]{0,600}?\b(?:sleep|delay|setTimeout)\s*\(|^[ \t]*while\s+True\s*:[\s\S]{0,600}?\b(?:time\.|asyncio\.|gevent\.)?sleep\s*\(/m,
      literals: ['while (true)', 'while(true)', 'for (;;)', 'for(;;)', 'while True'],
      languages: ['javascript', 'typescript', 'python'],
    },
    pyTimer: {
      regex: /\bschedule\.every\s*\(|\.add_job\s*\(|@\w+\.scheduled_job\s*\(/,
      literals: ['schedule', 'add_job', 'scheduled_job'],
      languages: ['python'],
    },
    otherTimer: {
      regex: /@Scheduled\s*\(|\btime\.NewTicker\s*\(|\btime\.Tick\s*\(/,
      literals: ['@Scheduled', 'time.NewTicker', 'time.Tick'],
      languages: ['java', 'kotlin', 'go'],
    },
    query: {
      regex: /\bSELECT\s[^;]{1,300}?\sFROM\s|(['"`])\s*select\s[^'"`;]{1,300}?\sfrom\s|\.(?:query|execute|findAll|findMany|findOne|QueryContext|queryForList)\s*\(|\bknex\s*\(|\.find\s*\(\s*\{|\.objects\.(?:filter|all|get|exclude)\s*\(/,
      literals: ['SELECT', 'select', '.query', '.execute', '.find', 'knex', '.objects.', 'QueryContext', 'queryForList'],
      languages: CODE,
      maxPerFile: 1,
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

    const queries = new Map(matches('query').map((m) => [m.path, m] as const));
    const sites = [...timers.values()].filter((t) => queries.has(t.path));
    const measures = { 'polling-sites': { value: sites.length, unit: 'files' } };
    if (sites.length === 0) return no('No production file both runs a timer or schedule and queries the database.', [], measures);
    const evidence: EvidenceItem[] = [];
    for (const t of sites) {
      const q = queries.get(t.path)!;
      evidence.push(fromMatch(t, `timer or schedule; the same file queries the database at line ${q.line}`));
      evidence.push(fromMatch(q, 'database query in a timer-driven file'));
    }
    return yes(
      `${sites.length} production file(s) query the database on a timer or schedule (first: ${sites[0]!.path}:${sites[0]!.line}).`,
      evidence.slice(0, 10),
      measures,
    );
  },
});
