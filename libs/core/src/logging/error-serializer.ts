import { pino } from 'pino';

/**
 * What of an error a log line keeps. pino's default serializer writes every enumerable
 * property, and a failed query (TypeORM's QueryFailedError, pg's DatabaseError) carries the
 * SQL, its parameters and the server's detail: a narrative, a name, the value that broke a
 * unique key. Only these fields go out, for the error and each of its causes.
 */
const KEPT = ['type', 'message', 'stack', 'constraint', 'table', 'column', 'status'] as const;

type SerializedError = Partial<Record<(typeof KEPT)[number], unknown>> & {
  /** The error's `code` (ECONNREFUSED, a SQLSTATE): a log key `code` is redacted as a second-factor code. */
  errorCode?: unknown;
  cause?: SerializedError;
};

export function serializeError(error: unknown, depth = 0): SerializedError | unknown {
  if (!(error instanceof Error)) return error;
  const full = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  const kept: SerializedError = {};
  for (const key of KEPT) if (full[key] !== undefined) kept[key] = full[key];
  // pg's DatabaseError keeps the SQLSTATE in `code`; TypeORM wraps it as driverError.
  const errorCode = full.code ?? (error as { driverError?: { code?: unknown } }).driverError?.code;
  if (errorCode !== undefined) kept.errorCode = errorCode;
  if (error.cause !== undefined && depth < 3) kept.cause = serializeError(error.cause, depth + 1) as SerializedError;
  return kept;
}
