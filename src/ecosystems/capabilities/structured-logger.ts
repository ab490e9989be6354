import { defineCapability } from '../capability.ts';

export default defineCapability({
  id: 'structured-logger',
  description: 'Structured (JSON) loggers',
  libraries: {
  "js": [
    "pino",
    "pino-http",
    "winston",
    "bunyan",
    "@nestjs/common",
    "loglevel",
    "roarr",
    "consola",
    "log4js",
    "tslog",
    "@logtape/logtape",
    "signale"
  ],
  "python": [
    "structlog",
    "loguru",
    {
      "package": "python-json-logger",
      "imports": [
        "pythonjsonlogger"
      ]
    }
  ],
  "go": [
    "go.uber.org/zap",
    "github.com/rs/zerolog",
    "github.com/sirupsen/logrus",
    "log/slog"
  ]
},
});
