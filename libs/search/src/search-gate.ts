import { DomainError, ErrorCode } from '@sillok/core';

/**
 * At most `capacity` searches in PostgreSQL at once; the others wait in turn (first come, first
 * served), each at most `waitMs`, then answer 503. Searches are bounded (a page, a capped count),
 * so a queued one waits for a few short ones, never behind an unbounded scan, and the machine's
 * cores are left to the rest of the API.
 */
export class SearchGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly capacity: number,
    private readonly waitMs: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  private enter(): Promise<void> {
    if (this.running < this.capacity) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        this.running++;
        resolve();
      };
      const timer = setTimeout(() => {
        const at = this.waiting.indexOf(turn);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(
          new DomainError(
            ErrorCode.Unavailable,
            `search is busy: ${this.capacity} searches are running; retry shortly`,
            {
              hint: 'retry in a moment; narrower searches (more words or filters) finish sooner',
            },
          ),
        );
      }, this.waitMs);
      this.waiting.push(turn);
    });
  }

  private leave(): void {
    this.running--;
    this.waiting.shift()?.();
  }
}
