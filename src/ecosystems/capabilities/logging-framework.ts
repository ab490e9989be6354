import type { Ecosystem, Language } from '../../core/types.ts';
import { defineCapability } from '../capability.ts';

// Logging libraries with levels but plain-text output: not structured, yet not "console only"
// either. Serilog is not here: its events are structured (see structured-logger.ts).
export default defineCapability({
  id: 'logging-framework',
  description: 'Unstructured logging frameworks (levels, text output)',
  libraries: {
    js: ['loglevel', 'consola', 'signale', 'log4js', 'npmlog', 'log4js-node', 'electron-log'],
    python: ['loguru'],
    jvm: ['org.slf4j', 'org.apache.logging.log4j', 'org.apache.log4j', 'java.util.logging', 'org.apache.commons.logging', 'ch.qos.logback', 'mu.KotlinLogging', 'io.github.oshai.kotlinlogging'],
    dotnet: ['Microsoft.Extensions.Logging', 'NLog', 'log4net'],
    ruby: ['logger'],
    php: [{ package: 'monolog/monolog', imports: ['Monolog'] }, { package: 'psr/log', imports: ['Psr\\Log'] }],
  },
});

/**
 * Logging modules that come with the runtime or the framework, so no manifest names them:
 * python `logging`, SLF4J through Spring Boot starters, Microsoft.Extensions.Logging through the
 * ASP.NET Core SDK. An import of one of these (or a module under it) is a logging framework.
 */
export const BUNDLED_LOGGING: Partial<Record<Ecosystem, readonly string[]>> = {
  python: ['logging'],
  jvm: ['org.slf4j', 'java.util.logging', 'org.apache.commons.logging'],
  dotnet: ['Microsoft.Extensions.Logging'],
};

/** Framework loggers used without an import: Rails.logger, Laravel's Log facade, PSR-3, ILogger. */
export const LOGGING_FRAMEWORK_CALLS: readonly { id: string; name: string; ecosystem: Ecosystem; language: Language; regex: RegExp; literals: readonly string[] }[] = [
  { id: 'rubyLogger', name: 'Rails.logger', ecosystem: 'ruby', language: 'ruby', regex: /\bRails\.logger\.\w+|\bLogger\.new\s*\(/, literals: ['Rails.logger', 'Logger.new'] },
  {
    id: 'phpLogger',
    name: 'PSR-3 / Laravel Log',
    ecosystem: 'php',
    language: 'php',
    regex: /\bLog::(?:debug|info|notice|warning|error|critical|alert|emergency|channel)\s*\(|->logger->(?:debug|info|notice|warning|error|critical|alert|emergency)\s*\(/,
    literals: ['Log::', '->logger->'],
  },
  // ASP.NET Core's implicit global usings bring ILogger without a `using` line.
  {
    id: 'dotnetILogger',
    name: 'Microsoft.Extensions.Logging',
    ecosystem: 'dotnet',
    language: 'csharp',
    regex: /\bILogger(?:<[\w.]+>)?\s+_?\w+|\.Log(?:Information|Warning|Error|Debug|Critical|Trace)\s*\(/,
    literals: ['ILogger', '.Log'],
  },
];
