import { In, type EntityManager } from 'typeorm';
import { withdrawalOf } from '@sillok/database';
import { Testimony, Witness } from '@sillok/testimonies';
import { IncidentLink } from '../links/incident-link.entity.js';
import { IncidentSource } from '../sources/incident-source.entity.js';
import { Incident } from './incident.entity.js';
import type { IncidentResponse, IncidentSummaryResponse } from '../incidents.responses.js';

/** Summaries of incidents, with the pseudonyms of victim witnesses (one query for the batch). */
export async function toIncidentSummaries(
  manager: EntityManager,
  incidents: Incident[],
): Promise<IncidentSummaryResponse[]> {
  const witnessIds = [...new Set(incidents.flatMap((i) => i.victimWitnessIds))];
  const witnesses = witnessIds.length ? await manager.getRepository(Witness).findBy({ id: In(witnessIds) }) : [];
  const pseudonyms = new Map(witnesses.map((w) => [w.id, w.pseudonym]));
  return incidents.map((i) => ({
    id: i.id,
    reference: i.reference,
    caseId: i.caseId,
    title: i.title,
    description: i.description,
    violationTermIds: i.violationTermIds,
    actTermIds: i.actTermIds,
    facilityTermId: i.facilityTermId,
    placeText: i.placeText,
    dateFrom: i.dateFrom,
    dateTo: i.dateTo,
    datePrecision: i.datePrecision,
    agencyTermIds: i.agencyTermIds,
    perpetratorNames: i.perpetratorNames,
    victimWitnesses: i.victimWitnessIds.map((id) => ({ id, pseudonym: pseudonyms.get(id) ?? '' })),
    victims: i.victims,
    status: i.status,
    withdrawn: withdrawalOf(i),
    externalId: i.externalId,
    createdBy: i.createdBy,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    version: i.version,
  }));
}

/** One incident with its current (not removed) sources and links. */
export async function toIncidentView(manager: EntityManager, incident: Incident): Promise<IncidentResponse> {
  const [summary] = await toIncidentSummaries(manager, [incident]);
  const sources: Array<IncidentSource & { reference: string }> = await manager
    .getRepository(IncidentSource)
    .createQueryBuilder('s')
    .innerJoin(Testimony, 't', 't.id = s.testimony_id')
    .addSelect('t.reference', 'reference')
    .where('s.incident_id = :id AND s.removed_at IS NULL', { id: incident.id })
    .orderBy('s.created_at')
    .getRawAndEntities()
    .then(({ entities, raw }) =>
      entities.map((e) => Object.assign(e, { reference: raw.find((r) => r.s_id === e.id)?.reference as string })),
    );
  const links: Array<IncidentLink & { other_reference: string }> = await manager.query(
    `SELECT l.id, l.relation, l.from_incident_id AS "fromIncidentId", l.to_incident_id AS "toIncidentId",
            l.note, l.created_by AS "createdBy", l.created_at AS "createdAt", o.reference AS other_reference
       FROM incident_links l
       JOIN incidents o ON o.id = CASE WHEN l.from_incident_id = $1 THEN l.to_incident_id ELSE l.from_incident_id END
      WHERE $1 IN (l.from_incident_id, l.to_incident_id) AND l.removed_at IS NULL
      ORDER BY l.created_at`,
    [incident.id],
  );
  return {
    ...summary,
    sources: sources.map((s) => ({
      id: s.id,
      incidentId: s.incidentId,
      testimonyId: s.testimonyId,
      testimonyReference: s.reference,
      annotationId: s.annotationId,
      sourceConnectionTermId: s.sourceConnectionTermId,
      reliabilityTermId: s.reliabilityTermId,
      note: s.note,
      createdBy: s.createdBy,
      createdAt: s.createdAt.toISOString(),
    })),
    links: links.map((l) => {
      const outgoing = l.fromIncidentId === incident.id;
      return {
        id: l.id,
        relation: l.relation,
        direction: outgoing ? 'outgoing' : 'incoming',
        otherIncidentId: outgoing ? l.toIncidentId : l.fromIncidentId,
        otherReference: l.other_reference,
        note: l.note,
        createdBy: l.createdBy,
        createdAt: new Date(l.createdAt).toISOString(),
      };
    }),
  };
}

export async function loadIncidentView(manager: EntityManager, id: string): Promise<IncidentResponse> {
  return toIncidentView(manager, await manager.getRepository(Incident).findOneByOrFail({ id }));
}
