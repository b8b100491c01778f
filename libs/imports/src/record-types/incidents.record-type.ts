import { AuditAction } from '@sillok/audit';
import { Permission } from '@sillok/core';
import { referenceSql } from '@sillok/database';
import { INCIDENT_LIMITS, INCIDENT_REFERENCE, INCIDENT_STATUSES } from '@sillok/incidents';
import { checkDateOrder, EVENT_COLUMNS, EVENT_FIELDS, EVENT_VALUES } from './event-fields.js';
import { EXTERNAL_ID, list, oneOf, text, type ImportField } from './import-field.js';
import { numberedFreshRows, ON_EXTERNAL_ID_CONFLICT, type ImportRecordType } from './import-record-type.js';

const FIELDS: ImportField[] = [
  EXTERNAL_ID,
  {
    column: 'title',
    key: 'title',
    type: 'text',
    parse: text(INCIDENT_LIMITS.title),
    required: true,
    note: `up to ${INCIDENT_LIMITS.title} characters`,
  },
  {
    column: 'description',
    key: 'description',
    type: 'text',
    parse: text(INCIDENT_LIMITS.description),
    note: 'what happened',
  },
  ...EVENT_FIELDS,
  {
    column: 'perpetrator_names',
    key: 'perpetratorNames',
    type: 'text[]',
    parse: list(text(INCIDENT_LIMITS.perpetratorName), INCIDENT_LIMITS.perpetrators),
    note: 'named perpetrators, `;` between several',
  },
  {
    column: 'status',
    key: 'status',
    type: 'text',
    parse: oneOf(INCIDENT_STATUSES),
    note: `${INCIDENT_STATUSES.join(', ')} (default draft)`,
  },
];

export const INCIDENTS: ImportRecordType = {
  name: 'incidents',
  permission: Permission.IncidentWrite,
  fields: FIELDS,
  checkRow: checkDateOrder,
  checks: [],
  write: {
    rows: `
      INSERT INTO incidents (reference, case_id, title, description, ${EVENT_COLUMNS}, perpetrator_names, status,
                             external_id, created_by)
      SELECT ${referenceSql(INCIDENT_REFERENCE)}, $1, s.title, coalesce(s.description, ''), ${EVENT_VALUES},
             coalesce(s.perpetrator_names, '{}'), coalesce(s.status, 'draft'), s.external_id, $2
        FROM ${numberedFreshRows('incidents', INCIDENT_REFERENCE)}
      ${ON_EXTERNAL_ID_CONFLICT}
      RETURNING id AS subject_id, reference, external_id`,
    detailColumns: { externalId: 'external_id', reference: 'reference' },
  },
  audit: { action: AuditAction.IncidentCreate, subjectType: 'incident' },
};
