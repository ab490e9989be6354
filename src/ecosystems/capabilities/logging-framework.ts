import { defineCapability } from '../capability.ts';

// Logging libraries with levels but plain-text output: not structured, yet not "console only"
// either. Standard-library loggers (python `logging`, java.util.logging) have no manifest entry,
// so detectors recognise those imports themselves.
export default defineCapability({
  id: 'logging-framework',
  description: 'Unstructured logging frameworks (levels, text output)',
  libraries: {
    js: ['loglevel', 'consola', 'signale', 'log4js', 'npmlog', 'log4js-node', 'electron-log'],
    python: ['loguru'],
    jvm: ['org.slf4j', 'org.apache.logging.log4j', 'org.apache.log4j', 'java.util.logging', 'org.apache.commons.logging', 'ch.qos.logback', 'mu.KotlinLogging', 'io.github.oshai.kotlinlogging'],
    dotnet: ['Microsoft.Extensions.Logging', 'Serilog', 'NLog', 'log4net'],
  },
});
