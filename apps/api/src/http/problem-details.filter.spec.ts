import { describe, expect, it } from '@jest/globals';
import { BadRequestException, HttpException, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { createLogger, DomainError, ErrorCode, requestContext } from '@sillok/core';
import { captureLogs } from '../../../../test/support/log-capture.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';

function capture(exception: unknown) {
  const logs = captureLogs();
  const logger = createLogger({ level: 'info', destination: logs.stream });
  const sent: { status?: number; type?: string; body?: Record<string, unknown> } = {};
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    setHeader() {
      return this;
    },
    type(value: string) {
      sent.type = value;
      return this;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ path: '/things/1', headers: {} }), getResponse: () => response }),
  } as unknown as ArgumentsHost;
  requestContext.run({ requestId: 'req-12345678' }, () => new ProblemDetailsFilter(logger).catch(exception, host));
  return { ...sent, logged: logs.text() };
}

describe('ProblemDetailsFilter', () => {
  it('maps a domain validation error to 400 listing each field', () => {
    const { status, type, body } = capture(DomainError.validation([{ field: 'title', reason: 'must not be empty' }]));
    expect(status).toBe(400);
    expect(type).toBe('application/problem+json');
    expect(body).toMatchObject({
      type: 'urn:sillok:problem:validation',
      status: 400,
      instance: '/things/1',
      requestId: 'req-12345678',
      errors: [{ field: 'title', reason: 'must not be empty' }],
    });
  });

  it('maps each domain code through the one status table', () => {
    expect(capture(new DomainError(ErrorCode.StaleVersion, 'stale', { currentVersion: 3 })).body).toMatchObject({
      status: 409,
      currentVersion: 3,
    });
    expect(capture(DomainError.notFound('case')).status).toBe(404);
  });

  it('keeps framework HTTP errors as problems', () => {
    expect(capture(new NotFoundException('Cannot GET /x')).body).toMatchObject({
      status: 404,
      detail: 'Cannot GET /x',
    });
    expect(capture(new BadRequestException(['a', 'b'])).body).toMatchObject({ status: 400, detail: 'a; b' });
  });

  it('answers a domain error that middleware passed on (wrapped by Nest) as the domain error', () => {
    const wrapped = new HttpException('body: is not valid UTF-8', 403, {
      cause: DomainError.validation([{ field: 'body', reason: 'is not valid UTF-8' }]),
    });
    expect(capture(wrapped).body).toMatchObject({
      status: 400,
      errors: [{ field: 'body', reason: 'is not valid UTF-8' }],
    });
  });

  it('hides every internal detail of an unexpected error, and logs it', () => {
    const { status, body, logged } = capture(new Error('relation "users" does not exist at db-host-7'));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('relation');
    expect(body?.detail).toContain('req-12345678');
    expect(logged).toContain('relation \\"users\\" does not exist');
  });

  it('answers a database data exception (bad number, date or encoding) as 400, logging no query or value', () => {
    class QueryFailedError extends Error {}
    const failure = Object.assign(new QueryFailedError('date/time field value out of range: "2026-02-30"'), {
      query: 'SELECT * FROM incidents WHERE date_from <= $1',
      parameters: ['2026-02-30', 'Kim Chol-su'],
      driverError: { code: '22008' },
    });
    const { status, body, logged } = capture(failure);
    expect(status).toBe(400);
    expect(body).toMatchObject({ type: 'urn:sillok:problem:validation', status: 400 });
    expect(logged).not.toMatch(/Kim Chol-su|SELECT/);
  });

  it('keeps any other database failure a bare 500', () => {
    const failure = Object.assign(new Error('relation "x" does not exist'), { driverError: { code: '42P01' } });
    expect(capture(failure).status).toBe(500);
  });

  it('answers a lost database connection 503 unavailable (issue 14: clients retry)', () => {
    const failure = Object.assign(new Error('connection terminated'), { driverError: { code: '57P01' } });
    const { status, body } = capture(failure);
    expect(status).toBe(503);
    expect(body).toMatchObject({ type: 'urn:sillok:problem:unavailable', status: 503 });
  });
});
