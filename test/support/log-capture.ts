import { afterEach, beforeEach, expect } from '@jest/globals';
import { Writable } from 'node:stream';

/** A log destination that keeps every line, for tests of what is (and is not) logged. */
export function captureLogs(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk;
      done();
    },
  });
  return { stream, text: () => text };
}

/**
 * Fails each test during which `logs` received an error line (what an answer of 500 logs). The check
 * belongs to the test whose requests caused it, so it holds when that test runs alone too.
 */
export function failEachTestOnErrorLogs(logs: { text: () => string }): void {
  let start = 0;
  beforeEach(() => {
    start = logs.text().length;
  });
  afterEach(() => {
    expect(logs.text().slice(start)).not.toContain('"level":"error"');
  });
}
