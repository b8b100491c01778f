import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { Logger } from '@sillok/core';
import type { OpenDatabase } from '@sillok/database';
import { drainHttpServer, type RequestCount } from './drain-http-server.js';

/** After the drain, how long closing the app (and the pool under it) may take. */
const CLOSE_TIMEOUT_MS = 5_000;

export interface RunningServer {
  app: INestApplication;
  requests: RequestCount;
  database: OpenDatabase;
  graceMs: number;
  logger: Logger;
}

/**
 * The order of a clean stop: stop accepting and let requests in flight finish (up to the
 * grace period), then close the application (its schedules and the database pool), and
 * stop an embedded PostgreSQL last, when nothing uses it any more. Resolves true when every
 * step finished in time.
 */
export async function shutDown({ app, requests, database, graceMs, logger }: RunningServer): Promise<boolean> {
  const cut = await drainHttpServer(app.getHttpServer() as Server, requests, graceMs);
  if (cut)
    logger.warn({ cut, graceSeconds: graceMs / 1000 }, 'shutdown deadline passed: cut the requests still running');
  // A request cut at the deadline may still hold a pooled connection (waiting on a lock, say):
  // the pool would wait for it forever, so closing has a limit; exiting then rolls it back.
  const closed = await withinMs(app.close(), CLOSE_TIMEOUT_MS);
  if (!closed) logger.error({ timeoutMs: CLOSE_TIMEOUT_MS }, 'the application did not close in time; exiting anyway');
  await database.close();
  logger.info({ cut }, 'stopped');
  return closed;
}

/**
 * Runs `stop` on SIGINT or SIGTERM and exits 0 when it finished cleanly, else 1. A second
 * signal (Ctrl-C twice) exits at once.
 */
export function stopOnSignals(logger: Logger, stop: () => Promise<boolean>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal while stopping: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'stopping: no new connections, waiting for requests in flight');
    stop()
      .then((clean) => process.exit(clean ? 0 : 1))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'unclean stop');
        process.exit(1);
      });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

async function withinMs(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
