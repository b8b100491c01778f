import { describe, expect, it } from '@jest/globals';
import { CleanupQueue } from './cleanup-queue.js';

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('CleanupQueue', () => {
  it('retries a failing cleanup until it succeeds, then verifies once more', async () => {
    let calls = 0;
    const queue = new CleanupQueue(
      async () => {
        calls += 1;
        if (calls <= 2) throw new Error('store down');
      },
      { firstDelayMs: 5 },
    );
    await queue.schedule('k');
    expect(queue.pending()).toEqual(['k']);
    await settle(200);
    expect(calls).toBe(4); // fail, fail, succeed, verify
    expect(queue.pending()).toEqual([]);
  });

  it('gives up after its attempts and says so', async () => {
    const gaveUp: string[] = [];
    const queue = new CleanupQueue(() => Promise.reject(new Error('down')), {
      firstDelayMs: 1,
      maxAttempts: 3,
      onGiveUp: (key) => gaveUp.push(key),
    });
    await queue.schedule('k');
    await settle(100);
    expect(gaveUp).toEqual(['k']);
    expect(queue.pending()).toEqual([]);
  });

  it('stops retrying once closed', async () => {
    let calls = 0;
    const queue = new CleanupQueue(
      async () => {
        calls += 1;
        throw new Error('down');
      },
      { firstDelayMs: 20 },
    );
    await queue.schedule('k');
    queue.close();
    await settle(100);
    expect(calls).toBe(1);
  });
});
