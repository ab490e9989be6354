import { defineDetector, fromMatch, no, yes } from '../../core/detector.ts';
import { analyseLogging, LOGGING_MEASURES, LOGGING_PATTERNS, loggingMeasures } from '../../ecosystems/logging.ts';

// Level-1 anti-pattern "console.log only": the platform prints to stdout instead of logging.

export default defineDetector({
  id: 'logs-with-console-only',
  pillar: 'observability',
  question: 'Does production code log only with console printing (console.log, print, fmt.Print) and no logging library?',
  rationale:
    'Console prints have no levels, fields or request context, so logs cannot be searched or correlated during an incident.',
  measures: LOGGING_MEASURES,
  patterns: LOGGING_PATTERNS,
  detect({ repo, matches }) {
    const a = analyseLogging(repo, matches);
    const { 'console-calls': calls, 'logger-imports': imports } = loggingMeasures(a);
    const measures = { 'console-calls': calls, 'logger-imports': imports };
    const files = new Set(a.consoleCalls.map((m) => m.path)).size;
    if (a.loggerFiles.size > 0) {
      return no(
        `A structured logger is used (${a.loggerNames.join(', ')}) in ${a.loggerFiles.size} file(s); ${a.consoleCalls.length} console call(s) remain.`,
        a.loggerEvidence.slice(0, 10),
        measures,
      );
    }
    if (a.consoleCalls.length === 0) return no('Production code has no console printing calls.', [], measures);
    if (a.frameworkNames.length > 0) {
      return no(
        `Logging goes through ${a.frameworkNames.join(', ')} (levelled, not structured) besides ${a.consoleCalls.length} console call(s).`,
        a.frameworkEvidence.slice(0, 10),
        measures,
      );
    }
    return yes(
      `${a.consoleCalls.length} console call(s) in ${files} production file(s) and no logging library.`,
      a.consoleCalls.slice(0, 10).map((m) => fromMatch(m, 'console call')),
      measures,
    );
  },
});
