import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReferenceParam, type ReferenceResolver } from '@sillok/core';

/** CASE-<year>-<nnnn>, as nextCaseReference writes it. */
export const CASE_REFERENCE_PATTERN = /^CASE-[0-9]{4}-[0-9]{4,}$/;

/** The case a reference names, whoever asks: access is decided afterwards by the service, on the id. */
@Injectable()
export class CaseReferenceResolver implements ReferenceResolver {
  constructor(private readonly dataSource: DataSource) {}

  async resolve(reference: string): Promise<string | undefined> {
    const [row] = (await this.dataSource.query(`SELECT id FROM cases WHERE reference = $1`, [reference])) as Array<{
      id: string;
    }>;
    return row?.id;
  }
}

/** The `:id` of every case-scoped route: a case id or reference (`/cases/CASE-2026-0001`), handed on as the id. */
export const CaseIdParam = (name = 'id'): ParameterDecorator =>
  ReferenceParam(name, {
    what: 'case',
    pattern: CASE_REFERENCE_PATTERN,
    example: 'CASE-2026-0001',
    resolver: CaseReferenceResolver,
  });
