import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from './error-code.js';
import { infrastructureFault } from './infrastructure-fault.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const typeOrmWrapped = (driverError: Error) => Object.assign(new Error('query failed'), { driverError });

describe('infrastructureFault', () => {
  it.each([
    ['admin shutdown (pg_terminate_backend)', typeOrmWrapped(withCode('57P01'))],
    ['crash shutdown', withCode('57P02')],
    ['cannot connect now (starting up)', withCode('57P03')],
    ['connection failure', withCode('08006')],
    ['too many connections', withCode('53300')],
    ['statement timeout', typeOrmWrapped(withCode('57014'))],
    ['lock timeout', typeOrmWrapped(withCode('55P03'))],
    ['refused', withCode('ECONNREFUSED')],
    ['reset', new Error('read failed', { cause: withCode('ECONNRESET') })],
    ['refused on every address', new AggregateError([withCode('ECONNREFUSED')], 'connect failed')],
    ['pool checkout timeout', new Error('timeout exceeded when trying to connect')],
    ['lost connection', new Error('Connection terminated unexpectedly')],
    ['frozen connection', new Error('Query read timeout')],
  ])('%s is 503 unavailable', (_name, error) => {
    expect(infrastructureFault(error)?.code).toBe(ErrorCode.Unavailable);
  });

  it.each([
    ['disk full', withCode('ENOSPC')],
    ['quota', withCode('EDQUOT')],
    ['database disk full', typeOrmWrapped(withCode('53100'))],
  ])('%s is 507 insufficient storage', (_name, error) => {
    expect(infrastructureFault(error)?.code).toBe(ErrorCode.InsufficientStorage);
  });

  it.each([
    ['a syntax error (a bug)', typeOrmWrapped(withCode('42601'))],
    ['a unique violation', typeOrmWrapped(withCode('23505'))],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a missing file', withCode('ENOENT')],
    ['not an error', 'boom'],
    ['nothing', undefined],
  ])('%s stays as it is (500 or its own mapping)', (_name, error) => {
    expect(infrastructureFault(error)).toBeUndefined();
  });
});
