import { defineDetector, no, yes } from '../../core/detector.ts';
import { analyseLogging, LOGGING_MEASURES, LOGGING_PATTERNS, loggingMeasures } from '../../ecosystems/logging.ts';

// Structured (JSON) logs are searchable by field and carry request context.

export default defineDetector({
  id: 'uses-structured-logger',
  pillar: 'observability',
  question: 'Does production code log through a structured (JSON) logger such as pino, winston, structlog or zap?',
  rationale:
    'Structured logs can be filtered by field and joined on request ids; text lines need guesswork and regexes during an incident.',
  measures: {
    ...LOGGING_MEASURES,
    'structured-share': {
      unit: '%',
      description: 'Files using the structured logger among files that log (logger files + files with console calls and no logger)',
    },
  },
  patterns: LOGGING_PATTERNS,
  detect({ repo, matches }) {
    const a = analyseLogging(repo, matches);
    const measures = loggingMeasures(a);
    if (a.loggerFiles.size === 0) {
      const other = a.frameworkNames.length > 0 ? ` Logging uses ${a.frameworkNames.join(', ')}, which writes text.` : '';
      return no(`No structured logger is used by production code.${other}`, a.frameworkEvidence.slice(0, 10), measures);
    }
    return yes(
      `Structured logging with ${a.loggerNames.join(', ')} in ${a.loggerFiles.size} file(s) (${measures['structured-share'].value}% of files that log).`,
      a.loggerEvidence.slice(0, 10),
      measures,
    );
  },
});
