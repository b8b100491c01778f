/**
 * How long the API waits on PostgreSQL. Without them a frozen server or a stuck lock holds
 * a request (and a pooled connection) for ever; with them the request fails and answers 503.
 */
export interface DatabaseTimeouts {
  /** Waiting for a pooled connection: connecting, or queueing while all are busy. */
  connectMs: number;
  /** PostgreSQL statement_timeout, and lock_timeout (which also ends a COMMIT waiting on a lock). */
  statementMs: number;
  /** PostgreSQL idle_in_transaction_session_timeout. */
  idleInTransactionMs: number;
}

export function databaseTimeouts(settings: {
  DATABASE_CONNECT_TIMEOUT_SECONDS: number;
  DATABASE_STATEMENT_TIMEOUT_SECONDS: number;
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS: number;
}): DatabaseTimeouts {
  return {
    connectMs: settings.DATABASE_CONNECT_TIMEOUT_SECONDS * 1000,
    statementMs: settings.DATABASE_STATEMENT_TIMEOUT_SECONDS * 1000,
    idleInTransactionMs: settings.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS * 1000,
  };
}

/** The pg pool options for them (node-postgres sends the two server settings when it connects). */
export function poolTimeoutOptions(timeouts: DatabaseTimeouts | undefined): Record<string, number> {
  if (!timeouts) return { connectionTimeoutMillis: 5000 };
  return {
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    // statement_timeout does not end a COMMIT whose deferred triggers wait on a lock; lock_timeout
    // does, so the transaction rolls back rather than committing after the API answered 503.
    lock_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    // The server ends a slow statement itself; this client-side limit only catches a server
    // (or network) that stopped answering altogether.
    query_timeout: timeouts.statementMs + timeouts.connectMs,
  };
}
