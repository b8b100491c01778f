import { pino, type Logger, type LevelWithSilent } from 'pino';
import { serializeError } from './error-serializer.js';
import { redactPaths } from './redaction.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level?: LevelWithSilent;
  /** Where lines go; tests pass a stream to read what would be logged. */
  destination?: NodeJS.WritableStream;
}

/** The one structured JSON logger; every line is redacted the same way. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'sillok' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactPaths(), censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
      formatters: { level: (label) => ({ level: label }) },
    },
    // pino's types want its own destination type; any writable stream works.
    (options.destination ?? pino.destination(1)) as pino.DestinationStream,
  );
}
