import { describe, expect, it } from '@jest/globals';
import { captureLogs } from '../../../../test/support/log-capture.js';
import { createLogger } from './logger.js';

function logLines(write: (logger: ReturnType<typeof createLogger>) => void): string {
  const logs = captureLogs();
  write(createLogger({ level: 'info', destination: logs.stream }));
  return logs.text();
}

describe('logger redaction', () => {
  it('never writes secrets or identity fields, at any depth it redacts', () => {
    const out = logLines((logger) => {
      logger.info({ password: 'hunter2-hunter2', user: { email: 'a@b.org', refreshToken: 'rt-secret' } }, 'login');
      logger.info({
        witness: { identity: { legalName: 'Kim Real Name' } },
        headers: { authorization: 'Bearer abc.def' },
      });
    });
    for (const secret of ['hunter2-hunter2', 'rt-secret', 'Kim Real Name', 'Bearer abc.def'])
      expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
    expect(out).toContain('a@b.org'); // ordinary fields stay readable
  });

  it('writes JSON lines with an ISO 8601 time', () => {
    const line = JSON.parse(logLines((logger) => logger.info('hello')).trim());
    expect(line).toMatchObject({ level: 'info', msg: 'hello', service: 'sillok' });
    expect(new Date(line.time).toISOString()).toBe(line.time);
  });

  it('never writes the SQL, parameters or server detail of a failed query', () => {
    class QueryFailedError extends Error {}
    const failure = Object.assign(new QueryFailedError('invalid byte sequence for encoding "UTF8": 0x00'), {
      query: 'INSERT INTO testimonies (narrative) VALUES ($1)',
      parameters: ['My brother Kim Chol-su is still in Hoeryong'],
      driverError: { code: '22021', detail: 'Key (name)=(Kim Chol-su) already exists' },
    });
    const line = JSON.parse(logLines((logger) => logger.error({ err: failure }, 'request failed')).trim());
    expect(JSON.stringify(line)).not.toMatch(/Kim Chol-su|INSERT INTO|Hoeryong/);
    expect(line.err).toMatchObject({ type: 'QueryFailedError', errorCode: '22021' });
    expect(line.err.message).toContain('invalid byte sequence');
  });
});
