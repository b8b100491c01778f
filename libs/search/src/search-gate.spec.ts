import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode } from '@sillok/core';
import { SearchGate } from './search-gate.js';

describe('SearchGate', () => {
  it('runs at most its capacity at once, the others in turn, first come first served', async () => {
    const gate = new SearchGate(2, 10_000);
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const releases: Array<() => void> = [];
    const work = (name: string) =>
      gate.run(async () => {
        running++;
        most = Math.max(most, running);
        order.push(name);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
      });
    const all = ['a', 'b', 'c', 'd'].map(work);
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(['a', 'b']);
    while (releases.length) {
      releases.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(all);
    expect({ order, most }).toEqual({ order: ['a', 'b', 'c', 'd'], most: 2 });
  });

  it('answers 503 (unavailable, with a hint) to a search that waited its whole turn, and lets the next one in', async () => {
    const gate = new SearchGate(1, 20);
    let release!: () => void;
    const first = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
    const refused = await gate.run(async () => 'ran').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: ErrorCode.Unavailable, extensions: { hint: expect.any(String) } });
    release();
    await first;
    expect(await gate.run(async () => 'ran')).toBe('ran');
  });
});
