export interface CleanupQueueOptions {
  /** Delay before the first retry; each further retry waits twice as long, at most a minute. */
  firstDelayMs: number;
  /** Attempts before giving up on a key. */
  maxAttempts?: number;
  onGiveUp?: (key: string, error: unknown) => void;
}

const MAX_DELAY_MS = 60_000;

/**
 * Cleans up after failed uploads: runs `clean(key)` now, retries with backoff while it
 * fails (the store may be down: that is often why the upload failed), and runs it once more
 * after a success, because a part upload still in flight when the upload was aborted may
 * land afterwards (S3 documents that an abort can need repeating). Timers never keep the
 * process alive.
 */
export class CleanupQueue {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly maxAttempts: number;
  private closed = false;

  constructor(
    private readonly clean: (key: string) => Promise<void>,
    private readonly options: CleanupQueueOptions,
  ) {
    this.maxAttempts = options.maxAttempts ?? 30;
  }

  /**
   * Cleans `key` now and resolves once that first attempt is over (it never rejects); while
   * the attempt fails, or to verify a success, further attempts follow in the background.
   */
  async schedule(key: string): Promise<void> {
    if (this.closed || this.timers.has(key)) return;
    try {
      await this.clean(key);
      this.run(key, 2, 1);
    } catch {
      this.run(key, 2, 0);
    }
  }

  pending(): string[] {
    return [...this.timers.keys()];
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private run(key: string, attempt: number, successes: number): void {
    if (this.closed) return;
    const delay = Math.min(this.options.firstDelayMs * 2 ** (attempt - 2), MAX_DELAY_MS);
    const timer = setTimeout(() => {
      this.clean(key).then(
        () => (successes + 1 >= 2 ? this.timers.delete(key) : this.run(key, attempt + 1, successes + 1)),
        (error: unknown) => {
          if (attempt >= this.maxAttempts) {
            this.timers.delete(key);
            this.options.onGiveUp?.(key, error);
          } else this.run(key, attempt + 1, successes);
        },
      );
    }, delay);
    timer.unref();
    this.timers.set(key, timer);
  }
}
