import { AsyncLocalStorage } from 'node:async_hooks';

/** The request's deadline passed before its transaction could commit: it rolls back. */
export class RequestDeadlineExceeded extends Error {
  constructor() {
    super('the request ran past its deadline; its transaction was rolled back');
    this.name = 'RequestDeadlineExceeded';
  }
}

/**
 * When a request must be done by. Once expired (the API has answered 503), no transaction of
 * the request may commit. A commit already under way when the deadline comes is let finish,
 * and the expiry waits for it: a client told 503 must never find the write committed.
 */
export class RequestDeadline {
  private expired = false;
  private committing = 0;
  private readonly afterCommits: Array<() => void> = [];

  /**
   * @param endsAt epoch ms
   * @param statementCapMs the configured statement_timeout, never raised (0: none)
   */
  constructor(
    readonly endsAt: number,
    private readonly statementCapMs = 0,
    private readonly now: () => number = Date.now,
  ) {}

  get hasExpired(): boolean {
    return this.expired;
  }

  /** Expires unless a commit is under way; then `retry` runs when it has finished. */
  expire(retry: () => void): boolean {
    if (this.committing > 0) {
      this.afterCommits.push(retry);
      return false;
    }
    this.expired = true;
    return true;
  }

  /**
   * The statements (SET LOCAL, for the transaction they open) that limit its statements to the
   * rest of the request: a statement still running at the deadline is cancelled. Whole
   * milliseconds, so they can go in the same message as the transaction's START.
   */
  statementLimits(): string[] {
    const remaining = Math.max(1, Math.ceil(this.endsAt - this.now()));
    const limit = Math.ceil(this.statementCapMs > 0 ? Math.min(remaining, this.statementCapMs) : remaining);
    // lock_timeout too: statement_timeout does not end a COMMIT whose deferred triggers wait on a
    // lock, and a COMMIT cut off only by the client's timeout may still commit after the 503.
    return [`SET LOCAL statement_timeout = ${limit}`, `SET LOCAL lock_timeout = ${limit}`];
  }

  /** Called right before COMMIT; refuses once expired. */
  beginCommit(): void {
    if (this.expired) throw new RequestDeadlineExceeded();
    this.committing++;
  }

  endCommit(): void {
    this.committing--;
    if (this.committing === 0) for (const retry of this.afterCommits.splice(0)) retry();
  }
}

const scope = new AsyncLocalStorage<RequestDeadline>();

/** Runs a request's work with its deadline in scope, for inTransaction to honour. */
export function withRequestDeadline<T>(deadline: RequestDeadline, work: () => Promise<T>): Promise<T> {
  return scope.run(deadline, work);
}

export function currentRequestDeadline(): RequestDeadline | undefined {
  return scope.getStore();
}
