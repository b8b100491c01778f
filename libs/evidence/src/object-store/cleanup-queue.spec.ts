import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { CleanupQueue } from './cleanup-queue.js';

// Fake timers: each retry fires when the clock is moved to it, so the counts below follow
// from the backoff itself, never from how much of a sleep a busy machine managed to use.
describe('CleanupQueue', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

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
    expect(calls).toBe(1); // fails
    expect(queue.pending()).toEqual(['k']);
    await jest.advanceTimersByTimeAsync(4);
    expect(calls).toBe(1); // not before the first delay
    await jest.advanceTimersByTimeAsync(1);
    expect(calls).toBe(2); // fails again, after 5 ms
    await jest.advanceTimersByTimeAsync(10);
    expect(calls).toBe(3); // succeeds, after twice the delay
    expect(queue.pending()).toEqual(['k']);
    await jest.advanceTimersByTimeAsync(20);
    expect(calls).toBe(4); // the verifying run
    expect(queue.pending()).toEqual([]);
    await jest.runAllTimersAsync();
    expect(calls).toBe(4);
  });

  it('gives up after its attempts and says so', async () => {
    const gaveUp: string[] = [];
    let calls = 0;
    const queue = new CleanupQueue(
      () => {
        calls += 1;
        return Promise.reject(new Error('down'));
      },
      { firstDelayMs: 1, maxAttempts: 3, onGiveUp: (key) => gaveUp.push(key) },
    );
    await queue.schedule('k');
    await jest.runAllTimersAsync();
    expect(calls).toBe(3);
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
    expect(jest.getTimerCount()).toBe(0);
    await jest.runAllTimersAsync();
    expect(calls).toBe(1);
  });
});
