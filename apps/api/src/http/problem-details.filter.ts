import { ArgumentsHost, Catch, HttpException, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError, ERROR_STATUS, ErrorCode, problemType, requestContext } from '@sillok/core';
import { infrastructureFault, RETRY_AFTER_SECONDS } from '@sillok/core';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  [extension: string]: unknown;
}

const CODE_BY_STATUS = new Map<number, ErrorCode>(
  Object.entries(ERROR_STATUS).map(([code, { status }]) => [status, code as ErrorCode]),
);

/**
 * Every error leaves as RFC 9457 problem details with the request id. Domain errors
 * keep their detail; anything unexpected becomes a bare 500 and is logged here.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(raised: unknown, host: ArgumentsHost): void {
    const exception = unwrapMiddlewareError(raised);
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const requestId = requestContext.current()?.requestId ?? String(request.headers['x-request-id'] ?? '');
    const answered = infrastructureFault(exception) ?? exception;
    const problem = { ...this.toProblem(answered, requestId), instance: request.path, requestId };

    if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId, path: request.path }, 'request failed');
    } else if (isDataException(exception)) {
      // Validation let through a value the database refused: answered 400, logged so a DTO check can be added.
      this.logger.warn({ err: exception, requestId, path: request.path }, 'database refused a request value');
    }
    if (response.headersSent) {
      response.destroy();
      return;
    }
    if (problem.status === 503) response.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    response.status(problem.status).type('application/problem+json').json(problem);
  }

  private toProblem(exception: unknown, requestId: string): ProblemDetails {
    if (exception instanceof DomainError) {
      const { status, title } = ERROR_STATUS[exception.code];
      return { type: problemType(exception.code), title, status, detail: exception.detail, ...exception.extensions };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = CODE_BY_STATUS.get(status);
      const body = exception.getResponse();
      const detail = typeof body === 'string' ? body : messageOf(body);
      return {
        type: code ? problemType(code) : 'about:blank',
        title: code ? ERROR_STATUS[code].title : exception.name,
        status,
        ...(detail ? { detail } : {}),
      };
    }
    const bodyParserStatus = (exception as { status?: number; type?: string })?.status;
    if (bodyParserStatus && bodyParserStatus >= 400 && bodyParserStatus < 500) {
      // Errors raised by Express middleware (malformed JSON, body too large) are the caller's.
      const code = CODE_BY_STATUS.get(bodyParserStatus) ?? ErrorCode.Validation;
      return {
        type: problemType(code),
        title: ERROR_STATUS[code].title,
        status: bodyParserStatus,
        detail: 'the request body could not be read',
      };
    }
    if (isDataException(exception)) {
      return {
        type: problemType(ErrorCode.Validation),
        title: ERROR_STATUS[ErrorCode.Validation].title,
        status: ERROR_STATUS[ErrorCode.Validation].status,
        detail: 'a value in the request is malformed or out of range',
      };
    }
    return {
      type: problemType(ErrorCode.Internal),
      title: ERROR_STATUS[ErrorCode.Internal].title,
      status: 500,
      detail: `An unexpected error occurred. Quote request id ${requestId} when reporting it.`,
    };
  }
}

/**
 * Nest wraps an error that Express middleware passed on with a status (body-parser's) in an
 * HttpException; when it is one of ours (the JSON body checks throw DomainErrors), answer it as such.
 */
function unwrapMiddlewareError(exception: unknown): unknown {
  return exception instanceof HttpException && exception.cause instanceof DomainError ? exception.cause : exception;
}

function messageOf(body: object): string | undefined {
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : undefined;
}

/** PostgreSQL's class 22 (data exception: bad number, date, encoding, out of range) is the caller's input. */
function isDataException(exception: unknown): boolean {
  const error = exception as { code?: unknown; driverError?: { code?: unknown } } | null;
  const sqlState = error?.driverError?.code ?? error?.code;
  return typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState);
}
