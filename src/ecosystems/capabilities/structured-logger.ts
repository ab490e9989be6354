import { defineCapability } from '../capability.ts';

// Loggers that emit structured (JSON / key-value) records by default or by design. Left out on
// purpose, because their output is plain text unless heavily configured:
// - loglevel, consola, signale, npmlog, debug: pretty console printers (see logging-framework.ts).
// - log4js: text layouts by default; JSON only through a custom layout.
// - @nestjs/common: every Nest app imports it; its Logger prints text (nestjs-pino is structured).
// - loguru (python): text unless `serialize=True`; uses-structured-logger checks that option itself.
// Kept: winston (json format by default), tslog and @logtape/logtape (structured objects with
// JSON transports), roarr (JSON only), structlog, python-json-logger, json-log-formatter and
// ecs-logging (JSON formatters for stdlib logging), zap, zerolog, logrus (fields), log/slog.
export default defineCapability({
  id: 'structured-logger',
  description: 'Structured (JSON) loggers',
  libraries: {
    js: [
      'pino',
      'pino-http',
      'express-pino-logger',
      'nestjs-pino',
      'winston',
      'express-winston',
      'nest-winston',
      'bunyan',
      'roarr',
      'tslog',
      '@logtape/logtape',
      '@google-cloud/logging-winston',
      '@google-cloud/logging-bunyan',
      '@aws-lambda-powertools/logger',
    ],
    python: [
      'structlog',
      { package: 'python-json-logger', imports: ['pythonjsonlogger'] },
      { package: 'json-log-formatter', imports: ['json_log_formatter'] },
      { package: 'ecs-logging', imports: ['ecs_logging'] },
    ],
    go: ['go.uber.org/zap', 'github.com/rs/zerolog', 'github.com/sirupsen/logrus', 'log/slog', 'github.com/go-kit/log'],
    jvm: ['net.logstash.logback', 'co.elastic.logging'],
  },
});
