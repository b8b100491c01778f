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
