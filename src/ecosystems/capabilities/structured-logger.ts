import type { Ecosystem } from '../../core/types.ts';
import { defineCapability } from '../capability.ts';

// Loggers that emit structured (JSON / key-value) records by default or by design. Left out on
// purpose, because their output is plain text unless heavily configured:
// - loglevel, consola, signale, npmlog, debug: pretty console printers (see logging-framework.ts).
// - log4js: text layouts by default; JSON only through a custom layout.
// - @nestjs/common: every Nest app imports it; its Logger prints text (nestjs-pino is structured).
// - loguru (python): text unless `serialize=True`; uses-structured-logger checks that option itself.
// Kept: winston (json format by default), tslog and @logtape/logtape (structured objects with
// JSON transports), roarr (JSON only), structlog, python-json-logger, json-log-formatter and
// ecs-logging (JSON formatters for stdlib logging), zap, zerolog, logrus (fields), log/slog,
// Serilog (message templates rendered as properties; JSON formatters and sinks).
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
    dotnet: ['Serilog'],
    // Ruby: semantic_logger and ougai by constant (lograge is switched on in config, see below).
    // PHP: Monolog is text (LineFormatter) unless a JSON formatter is set: a signature below.
    ruby: [
      { package: 'semantic_logger', imports: ['semantic_logger', 'SemanticLogger'] },
      { package: 'rails_semantic_logger', imports: ['rails_semantic_logger', 'SemanticLogger'] },
      { package: 'ougai', imports: ['ougai', 'Ougai'] },
    ],
  },
});

/**
 * Structured output switched on by configuration rather than by an import: a JSON encoder in
 * logback.xml, a JSON formatter named in Django's LOGGING dict, lograge in a Rails environment
 * (gems are loaded by Bundler, never required), a Monolog JsonFormatter channel (PHP imports are
 * namespaces). A signature counts only in production files and, when `packages` is not empty,
 * when a manifest declares one of them for production. `global` signatures turn the whole
 * ecosystem's logging framework structured (every SLF4J or stdlib-logging call goes through it).
 */
export interface LoggerSignature {
  id: string;
  name: string;
  ecosystem: Ecosystem;
  regex: RegExp;
  literals: readonly string[];
  /** Globs of the files the signature lives in. */
  paths: readonly string[];
  /** Any of these declared (not dev-only) makes the signature count; empty: none needed. */
  packages: readonly string[];
  global: boolean;
}

export const STRUCTURED_LOGGER_SIGNATURES: readonly LoggerSignature[] = [
  {
    id: 'pyJsonFormatter',
    name: 'python-json-logger formatter',
    ecosystem: 'python',
    regex: /['"]pythonjsonlogger\.(?:jsonlogger|json)\.JsonFormatter['"]|['"]json_log_formatter\.\w+['"]|['"]ecs_logging\.StdlibFormatter['"]/,
    literals: ['pythonjsonlogger', 'json_log_formatter', 'ecs_logging'],
    paths: ['**/*.py'],
    packages: ['python-json-logger', 'json-log-formatter', 'ecs-logging'],
    global: true,
  },
  {
    id: 'logbackJson',
    name: 'logback JSON encoder',
    ecosystem: 'jvm',
    regex: /class\s*=\s*["'](?:net\.logstash\.logback\.(?:encoder|layout)\.\w+|co\.elastic\.logging\.logback\.EcsEncoder)["']/,
    literals: ['net.logstash.logback', 'co.elastic.logging'],
    paths: ['**/logback*.xml'],
    packages: ['net.logstash.logback:logstash-logback-encoder', 'co.elastic.logging:logback-ecs-encoder'],
    global: true,
  },
  {
    id: 'log4j2Json',
    name: 'Log4j2 JSON layout',
    ecosystem: 'jvm',
    regex: /<(?:JsonTemplateLayout|JsonLayout|EcsLayout)\b/,
    literals: ['JsonTemplateLayout', 'JsonLayout', 'EcsLayout'],
    paths: ['**/log4j2*.xml'],
    packages: [],
    global: true,
  },
  {
    // Spring Boot 3.4+: `logging.structured.format.console: ecs|logstash|gelf`.
    id: 'springStructured',
    name: 'Spring Boot structured logging',
    ecosystem: 'jvm',
    regex: /^[ \t]*logging\.structured\.format\.(?:console|file)[ \t]*[=:][ \t]*\w|^[ \t]*structured:[ \t]*\n[ \t]*format:[ \t]*\n[ \t]*(?:console|file):[ \t]*\w/m,
    literals: ['structured'],
    paths: ['**/application*.properties', '**/application*.yml', '**/application*.yaml'],
    packages: [],
    global: true,
  },
  {
    id: 'lograge',
    name: 'lograge',
    ecosystem: 'ruby',
    regex: /\bconfig\.lograge\.enabled[ \t]*=[ \t]*true\b/,
    literals: ['lograge'],
    paths: ['**/*.rb'],
    packages: ['lograge'],
    global: false,
  },
  {
    id: 'semanticLogger',
    name: 'semantic_logger',
    ecosystem: 'ruby',
    regex: /\bSemanticLogger\b|\bconfig\.rails_semantic_logger\./,
    literals: ['SemanticLogger', 'rails_semantic_logger'],
    paths: ['**/*.rb'],
    packages: ['rails_semantic_logger', 'semantic_logger'],
    global: false,
  },
  {
    id: 'ougai',
    name: 'ougai',
    ecosystem: 'ruby',
    regex: /\bOugai::Logger\b/,
    literals: ['Ougai::'],
    paths: ['**/*.rb'],
    packages: ['ougai'],
    global: false,
  },
  {
    id: 'monologJson',
    name: 'Monolog JSON formatter',
    ecosystem: 'php',
    regex: /\bMonolog\\Formatter\\(?:Json|Logstash|Gelf|Elastica|Elasticsearch)(?:Message)?Formatter\b|\bmonolog\.formatter\.(?:json|logstash)\b/,
    literals: ['Monolog\\Formatter', 'monolog.formatter.'],
    paths: ['**/*.php', '**/*.yaml', '**/*.yml'],
    packages: ['monolog/monolog', 'laravel/framework', 'symfony/monolog-bundle'],
    global: true,
  },
  {
    // Microsoft.Extensions.Logging's JSON console formatter ships with ASP.NET Core.
    id: 'dotnetJsonConsole',
    name: 'ILogger JSON console',
    ecosystem: 'dotnet',
    regex: /\.AddJsonConsole\s*\(|"FormatterName"\s*:\s*"json"/,
    literals: ['AddJsonConsole', 'FormatterName'],
    paths: ['**/*.cs', '**/appsettings*.json'],
    packages: [],
    global: true,
  },
];
