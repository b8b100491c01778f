import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CaseAccessPolicy } from '@sillok/cases';
import { Permission, type Actor } from '@sillok/core';
import type { CorroborationQuery } from '../http/corroboration.query.js';
import {
  assessIncident,
  CORROBORATION_LEVELS,
  type CorroborationLevel,
  type CorroborationRule,
  type SourceFacts,
} from './corroboration-rule.js';
import type { CorroborationResponse, IncidentCorroborationResponse } from '../search.responses.js';

interface SourceRow {
  incident_id: string;
  reference: string;
  title: string;
  testimony_id: string | null;
  testimony_reference: string | null;
  witness_id: string | null;
  witness_pseudonym: string | null;
  connection: string | null;
  reliability: string | null;
  date_agrees: boolean | null;
  place_agrees: boolean | null;
}

const agreement = (value: boolean | null) => (value === null ? 'unstated' : value ? 'agree' : 'conflict');

/**
 * The corroboration matrix of a case: for each live incident, its independent sources (distinct
 * witnesses of live testimonies), direct or not, their reliability, and whether the date and
 * place of each source's tag agree with the incident's; a rule turns that into a level.
 */
@Injectable()
export class CorroborationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: CaseAccessPolicy,
  ) {}

  async matrix(actor: Actor, caseId: string, query: CorroborationQuery): Promise<CorroborationResponse> {
    await this.policy.requireCaseAccess(actor, caseId, Permission.SearchRead);
    const rule: CorroborationRule = {
      minDirect: query.minDirect,
      directConnections: query.direct,
      strict: query.strict,
    };
    // A source's connection and reliability: as set on the source, else on its tag.
    const rows: SourceRow[] = await this.dataSource.query(
      `SELECT i.id AS incident_id, i.reference, i.title,
              src.testimony_id, src.testimony_reference, src.witness_id, src.witness_pseudonym,
              sc.code AS connection, rel.code AS reliability,
              search_event_range(i.date_from, i.date_to, i.date_precision)
                && search_event_range(src.date_from, src.date_to, src.date_precision) AS date_agrees,
              CASE WHEN i.facility_term_id IS NULL OR src.facility_term_id IS NULL THEN NULL
                   ELSE i.facility_term_id = src.facility_term_id END AS place_agrees
         FROM incidents i
         LEFT JOIN (
           SELECT s.incident_id, s.testimony_id, t.reference AS testimony_reference, t.witness_id,
                  w.pseudonym AS witness_pseudonym, s.created_at,
                  coalesce(s.source_connection_term_id, a.source_connection_term_id) AS connection_id,
                  coalesce(s.reliability_term_id, a.reliability_term_id) AS reliability_id,
                  a.date_from, a.date_to, a.date_precision, a.facility_term_id
             FROM incident_sources s
             JOIN testimonies t ON t.id = s.testimony_id AND t.withdrawn_at IS NULL
             JOIN witnesses w ON w.id = t.witness_id AND w.withdrawn_at IS NULL
             LEFT JOIN testimony_annotations a ON a.id = s.annotation_id AND a.withdrawn_at IS NULL
            WHERE s.removed_at IS NULL AND s.case_id = $1
         ) src ON src.incident_id = i.id
         LEFT JOIN taxonomy_terms sc ON sc.id = src.connection_id
         LEFT JOIN taxonomy_terms rel ON rel.id = src.reliability_id
        WHERE i.case_id = $1 AND i.withdrawn_at IS NULL
        ORDER BY i.reference, src.created_at, src.testimony_id`,
      [caseId],
    );
    const byIncident = new Map<string, { row: SourceRow; sources: SourceFacts[] }>();
    for (const row of rows) {
      const entry = byIncident.get(row.incident_id) ?? { row, sources: [] };
      byIncident.set(row.incident_id, entry);
      if (row.testimony_id && row.witness_id)
        entry.sources.push({
          testimonyId: row.testimony_id,
          testimonyReference: row.testimony_reference!,
          witnessId: row.witness_id,
          witnessPseudonym: row.witness_pseudonym!,
          connection: row.connection,
          reliability: row.reliability,
          date: agreement(row.date_agrees),
          place: agreement(row.place_agrees),
        });
    }
    const all: IncidentCorroborationResponse[] = [...byIncident.values()].map(({ row, sources }) => ({
      incidentId: row.incident_id,
      reference: row.reference,
      title: row.title,
      ...assessIncident(sources, rule),
      sources,
    }));
    const summary = Object.fromEntries(CORROBORATION_LEVELS.map((l) => [l, 0])) as Record<CorroborationLevel, number>;
    for (const incident of all) summary[incident.level] += 1;
    return {
      caseId,
      rule,
      summary,
      singleSource: all
        .filter((i) => i.level === 'single_source')
        .map(({ incidentId, reference, title }) => ({ incidentId, reference, title })),
      incidents: query.level ? all.filter((i) => i.level === query.level) : all,
    };
  }
}
