import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { DomainError, ErrorCode } from '@sillok/core';

// Where @ApiConsumes keeps a route's media types (@nestjs/swagger's DECORATORS.API_CONSUMES), and
// where @ApiOperation keeps a request body declared per media type (DECORATORS.API_OPERATION).
const API_CONSUMES = 'swagger/apiConsumes';
const API_OPERATION = 'swagger/apiOperation';
const JSON_ONLY = ['application/json'];

/**
 * A request body must be of a media type its route declares: the same list the OpenAPI document
 * shows (`@ApiConsumes`), JSON where a route declares none. A form-encoded or text body on a JSON
 * route used to be read as an empty object and could create records; now it is a 415.
 */
@Injectable()
export class RequestMediaTypeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<Request>();
      if (hasBody(request)) {
        const targets = [context.getHandler(), context.getClass()];
        const operation = this.reflector.get<DeclaredOperation | undefined>(API_OPERATION, context.getHandler());
        const accepted =
          this.reflector.getAllAndOverride<string[] | undefined>(API_CONSUMES, targets) ??
          mediaTypesOf(operation) ??
          JSON_ONLY;
        if (!request.is(accepted)) {
          throw new DomainError(ErrorCode.UnsupportedMediaType, `send the body as ${accepted.join(' or ')}`, {
            accepted,
          });
        }
      }
    }
    return next.handle();
  }
}

interface DeclaredOperation {
  requestBody?: { content?: Record<string, unknown> };
}

/** The media types of a request body declared in the operation itself (one schema per type). */
function mediaTypesOf(operation: DeclaredOperation | undefined): string[] | undefined {
  const types = Object.keys(operation?.requestBody?.content ?? {});
  return types.length ? types : undefined;
}

/** An empty body (no Content-Length or zero, and not chunked) needs no media type. */
function hasBody(request: Request): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(request.headers['content-length'] ?? 0);
  return Number.isFinite(length) && length > 0;
}
