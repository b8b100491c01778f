import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReferenceParam, type ReferenceResolver } from '@sillok/core';

/**
 * Testimony references (T-000042) and witness pseudonyms (W-000007) are unique across the
 * database (unique indexes), so within a case too: a route may take one in place of the id.
 */
@Injectable()
export class TestimonyReferenceResolver implements ReferenceResolver {
  constructor(private readonly dataSource: DataSource) {}

  async resolve(reference: string): Promise<string | undefined> {
    const [row] = (await this.dataSource.query(`SELECT id FROM testimonies WHERE reference = $1`, [
      reference,
    ])) as Array<{
      id: string;
    }>;
    return row?.id;
  }
}

@Injectable()
export class WitnessReferenceResolver implements ReferenceResolver {
  constructor(private readonly dataSource: DataSource) {}

  async resolve(pseudonym: string): Promise<string | undefined> {
    const [row] = (await this.dataSource.query(`SELECT id FROM witnesses WHERE pseudonym = $1`, [pseudonym])) as Array<{
      id: string;
    }>;
    return row?.id;
  }
}

/** `/testimonies/:id` takes the id or the reference (`/testimonies/T-000042`). */
export const TestimonyIdParam = (name = 'id'): ParameterDecorator =>
  ReferenceParam(name, {
    what: 'testimony',
    pattern: /^T-[0-9]{6,}$/,
    example: 'T-000042',
    resolver: TestimonyReferenceResolver,
  });

/** `/witnesses/:id` takes the id or the pseudonym code (`/witnesses/W-000007`). */
export const WitnessIdParam = (name = 'id'): ParameterDecorator =>
  ReferenceParam(name, {
    what: 'witness',
    pattern: /^W-[0-9]{6,}$/,
    example: 'W-000007',
    resolver: WitnessReferenceResolver,
  });
