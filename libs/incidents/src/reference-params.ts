import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReferenceParam, type ReferenceResolver } from '@sillok/core';

/**
 * Incident (I-000042) and abductee (A-000007) references are unique across the database (unique
 * indexes), so a route may take one in place of the id; access is decided afterwards on the id,
 * with the same 404 for another case's record as for a missing one.
 */
@Injectable()
export class IncidentReferenceResolver implements ReferenceResolver {
  constructor(private readonly dataSource: DataSource) {}

  resolve(reference: string): Promise<string | undefined> {
    return idOf(this.dataSource, 'incidents', reference);
  }
}

@Injectable()
export class AbducteeReferenceResolver implements ReferenceResolver {
  constructor(private readonly dataSource: DataSource) {}

  resolve(reference: string): Promise<string | undefined> {
    return idOf(this.dataSource, 'abductees', reference);
  }
}

async function idOf(dataSource: DataSource, table: 'incidents' | 'abductees', reference: string) {
  const [row] = (await dataSource.query(`SELECT id FROM ${table} WHERE reference = $1`, [reference])) as Array<{
    id: string;
  }>;
  return row?.id;
}

/** `/incidents/:id` takes the id or the reference (`/incidents/I-000042`). */
export const IncidentIdParam = (name = 'id'): ParameterDecorator =>
  ReferenceParam(name, {
    what: 'incident',
    pattern: /^I-[0-9]{6,}$/,
    example: 'I-000042',
    resolver: IncidentReferenceResolver,
  });

/** `/abductees/:id` takes the id or the reference (`/abductees/A-000007`). */
export const AbducteeIdParam = (name = 'id'): ParameterDecorator =>
  ReferenceParam(name, {
    what: 'abductee',
    pattern: /^A-[0-9]{6,}$/,
    example: 'A-000007',
    resolver: AbducteeReferenceResolver,
  });
