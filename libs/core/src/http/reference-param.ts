import { Inject, Injectable, Param, mixin, type ArgumentMetadata, type PipeTransform, type Type } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import { DomainError } from '../errors/domain-error.js';

/** Maps a human reference (CASE-2026-0001, T-000001) to the id it names, or undefined when none does. */
export interface ReferenceResolver {
  resolve(reference: string): Promise<string | undefined>;
}

export interface ReferenceParamOptions {
  /** What is named, for the 404 (`case not found`): the same words the service uses for a missing id. */
  what: string;
  /** The shape of a reference; anything else that is not a UUID is a 400 naming the parameter. */
  pattern: RegExp;
  /** For the OpenAPI document. */
  example: string;
  /** A provider of the controller's module (usually exported by the lib that owns the table). */
  resolver: Type<ReferenceResolver>;
}

/**
 * A route parameter that takes an id or a reference, and hands the handler the id. An unknown
 * reference answers the same 404 as an unknown id; a known one goes on to the service's access
 * check, which answers the same 404 to a non-member: a reference reveals no more than an id.
 * The permission guard runs before pipes, so a role without the permission still gets its 403
 * before any lookup.
 */
export function ReferenceParam(name: string, options: ReferenceParamOptions): ParameterDecorator {
  const pipe = referencePipe(options);
  const pattern = idOrReference(options.pattern).source;
  return (target, key, index) => {
    Param(name, pipe)(target, key, index);
    if (key === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor)
      ApiParam({
        name,
        description: `the ${options.what}'s id (UUID) or its reference (${options.example})`,
        schema: { type: 'string', pattern, example: options.example },
      })(target, key, descriptor);
  };
}

const uuidPattern = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** A UUID or a reference of `reference`'s shape: what a parameter or query field taking either accepts. */
export function idOrReference(reference: RegExp): RegExp {
  return new RegExp(`^(${uuidPattern}|${reference.source.replace(/^\^|\$$/g, '')})$`);
}

function referencePipe(options: ReferenceParamOptions): Type<PipeTransform> {
  @Injectable()
  class ReferencePipe implements PipeTransform<unknown, Promise<string>> {
    constructor(@Inject(options.resolver) private readonly resolver: ReferenceResolver) {}

    async transform(value: unknown, metadata: ArgumentMetadata): Promise<string> {
      const field = metadata.data ?? 'id';
      if (typeof value === 'string' && isUUID(value)) return value;
      if (typeof value !== 'string' || !options.pattern.test(value)) {
        throw DomainError.validation([
          { field, reason: `${field} must be a UUID or a ${options.what} reference such as ${options.example}` },
        ]);
      }
      const id = await this.resolver.resolve(value);
      if (!id) throw DomainError.notFound(options.what);
      return id;
    }
  }
  return mixin(ReferencePipe);
}
