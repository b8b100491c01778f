import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseAccessPolicy } from '@sillok/cases';
import { Permission, requireDateOrder, type Actor } from '@sillok/core';
import type { PatternDimension, PatternsQuery } from '../http/patterns.query.js';
import { dateRangeSql, TermFilters } from '../search-filters.js';
import { SqlParams } from '../text/search-text.js';
import type { PatternRowResponse, PatternsResponse } from '../search.responses.js';

// The year a tag counts in: the middle of its date range (a circa 1997 tag stored as 1997 counts in 1997).
const YEAR = `extract(year FROM coalesce(a.date_from, a.date_to) + (coalesce(a.date_to, a.date_from) - coalesce(a.date_from, a.date_to)) / 2)::int`;
const APPROXIMATE = `(a.date_precision IN ('circa', 'unknown')
  OR extract(year FROM coalesce(a.date_from, a.date_to)) <> extract(year FROM coalesce(a.date_to, a.date_from)))`;

/** Per dimension: the grouped expressions (as output columns) and the join that labels them. */
const DIMENSIONS: Record<PatternDimension, { select: string[]; group: string[]; join?: string }> = {
  term: {
    select: ['v.id AS "termId"', 'vt.code AS "termCode"', 'vt.label_en AS "termLabel"'],
    group: ['v.id', 'vt.code', 'vt.label_en'],
    join: 'JOIN taxonomy_terms vt ON vt.id = v.id',
  },
  facility: {
    select: ['a.facility_term_id AS "facilityId"', 'ft.code AS "facilityCode"', 'ft.label_en AS "facilityLabel"'],
    group: ['a.facility_term_id', 'ft.code', 'ft.label_en'],
    join: 'LEFT JOIN taxonomy_terms ft ON ft.id = a.facility_term_id',
  },
  year: { select: [`${YEAR} AS year`], group: [YEAR] },
  agency: {
    select: ['ag.id AS "agencyId"', 'agt.code AS "agencyCode"', 'agt.label_en AS "agencyLabel"'],
    group: ['ag.id', 'agt.code', 'agt.label_en'],
    join: `CROSS JOIN LATERAL unnest(CASE WHEN cardinality(a.agency_term_ids) = 0 THEN ARRAY[NULL]::uuid[] ELSE a.agency_term_ids END) AS ag(id)
           LEFT JOIN taxonomy_terms agt ON agt.id = ag.id`,
  },
  sex: { select: ['w.sex AS "witnessSex"'], group: ['w.sex'] },
};

/**
 * Counts of tagged violations (one per live tag and violation term) by term, facility, year,
 * agency and witness sex, in the caller's cases; withdrawn tags, testimonies and witnesses left out.
 */
@Injectable()
export class PatternsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: CaseAccessPolicy,
    private readonly terms: TermFilters,
  ) {}

  async patterns(actor: Actor, query: PatternsQuery): Promise<PatternsResponse> {
    const caseIds = await this.policy.scopeCaseIds(actor, Permission.SearchRead, query.caseId);
    requireDateOrder(query.dateFrom, query.dateTo);
    if (!caseIds.length) return { by: query.by, rows: [] };
    const params = new SqlParams();
    const where = [
      `a.case_id = ANY(${params.add(caseIds)}::uuid[])`,
      `a.kind = 'tag'`,
      'a.withdrawn_at IS NULL',
      't.withdrawn_at IS NULL',
      'w.withdrawn_at IS NULL',
    ];
    const violationIds = await this.terms.withDescendants(query.violation);
    if (violationIds) where.push(`v.id = ANY(${params.add(violationIds)}::uuid[])`);
    const facilityIds = await this.terms.facilityIds(query.facility);
    if (facilityIds) where.push(`a.facility_term_id = ANY(${params.add(facilityIds)}::uuid[])`);
    const agencyIds = await this.terms.withDescendants(query.agency);
    if (agencyIds) where.push(`a.agency_term_ids && ${params.add(agencyIds)}::uuid[]`);
    const range = dateRangeSql(query, params);
    if (range) where.push(`search_event_range(a.date_from, a.date_to, a.date_precision) && ${range}`);
    const dims = query.by.map((d) => DIMENSIONS[d]);
    const rows: PatternRowResponse[] = await this.dataSource.query(
      `SELECT ${dims.flatMap((d) => d.select).join(', ')},
              count(*)::int AS tags, count(DISTINCT a.testimony_id)::int AS testimonies,
              count(DISTINCT t.witness_id)::int AS witnesses, count(*) FILTER (WHERE ${APPROXIMATE})::int AS approximate
         FROM testimony_annotations a
         JOIN testimonies t ON t.id = a.testimony_id
         JOIN witnesses w ON w.id = t.witness_id
         CROSS JOIN LATERAL unnest(a.violation_term_ids) AS v(id)
         ${dims.map((d) => d.join ?? '').join('\n')}
        WHERE ${where.join(' AND ')}
        GROUP BY ${dims.flatMap((d) => d.group).join(', ')}
        ORDER BY ${dims.flatMap((d) => d.group).join(', ')}`,
      params.values,
    );
    return { by: query.by, rows };
  }
}
