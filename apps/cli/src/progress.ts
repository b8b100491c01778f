/**
 * Progress of long work on stderr (stdout stays for results): redrawn in place on a
 * terminal, a line every 10% otherwise (logs, CI).
 */
export function progressLine(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastDecile = -1;
  return {
    update(done: number, total: number): void {
      const percent = total ? Math.min(100, Math.floor((done / total) * 100)) : 100;
      const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
      const text = `${label}: ${done}/${total} (${percent}%, ${rate}/s)`;
      if (stream.isTTY) stream.write(`\r${text}`);
      else if (Math.floor(percent / 10) !== lastDecile) {
        lastDecile = Math.floor(percent / 10);
        stream.write(`${text}\n`);
      }
    },
    finish(): void {
      if (stream.isTTY) stream.write('\n');
    },
  };
}
