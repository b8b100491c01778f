import type { FormEvent } from 'react';
import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { FormError } from '../ui/states';
import { useDraft } from '../ui/use-draft';
import { TermSelect } from './scheme-terms';

type Incident = Schemas['IncidentSummaryResponse'];
type IncidentBody = Schemas['CreateIncidentDto'];
/** The fields this form fills: everything but the case, which the screen knows. */
export type IncidentFields = Omit<IncidentBody, 'caseId'>;

export const INCIDENT_STATUSES = ['draft', 'under_review', 'confirmed', 'disputed'] as const;
export const DATE_PRECISIONS = ['exact', 'month', 'year', 'circa', 'unknown'] as const;

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function draftOf(incident?: Incident) {
  return {
    title: incident?.title ?? '',
    description: incident?.description ?? '',
    status: incident?.status ?? 'draft',
    violation: incident?.violationTermIds[0] ?? '',
    facility: incident?.facilityTermId ?? '',
    placeText: incident?.placeText ?? '',
    dateFrom: incident?.dateFrom ?? '',
    dateTo: incident?.dateTo ?? '',
    datePrecision: incident?.datePrecision ?? '',
    perpetrators: (incident?.perpetratorNames ?? []).join('\n'),
    victims: (incident?.victims ?? []).join('\n'),
  };
}

/**
 * What happened, where and when: the fields of a new incident, or of one being changed. One
 * violation is chosen here; an incident's other violations (from an import) are kept as they are.
 */
export function IncidentForm({
  incident,
  pending,
  error,
  onSubmit,
}: {
  incident?: Incident;
  pending: boolean;
  error: unknown;
  onSubmit: (body: IncidentFields) => void;
}) {
  const { messages } = useI18n();
  const m = messages.records;
  const { draft, field } = useDraft(draftOf(incident));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const others = (incident?.violationTermIds ?? []).slice(1);
    onSubmit({
      title: draft.title.trim(),
      description: draft.description,
      status: draft.status as IncidentBody['status'],
      violationTermIds: draft.violation ? [draft.violation, ...others.filter((id) => id !== draft.violation)] : others,
      facilityTermId: draft.facility || null,
      placeText: draft.placeText.trim() || null,
      dateFrom: draft.dateFrom || null,
      dateTo: draft.dateTo || null,
      datePrecision: (draft.datePrecision || null) as IncidentBody['datePrecision'],
      perpetratorNames: lines(draft.perpetrators),
      victims: lines(draft.victims),
    });
  };
  return (
    <form className="card" onSubmit={submit} aria-label={incident ? m.editIncident : m.newIncident}>
      <h2>{incident ? m.editIncident : m.newIncident}</h2>
      <label>
        {m.title}
        <input required maxLength={500} {...field('title')} />
      </label>
      <label>
        {m.description}
        <textarea rows={4} {...field('description')} />
      </label>
      <div className="row">
        <label>
          {m.status}
          <select aria-label={m.status} {...field('status')}>
            {INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {m.incidentStatus[s]}
              </option>
            ))}
          </select>
        </label>
        <TermSelect scheme="coi-violation" label={m.violation} {...field('violation')} />
        <TermSelect scheme="facility" label={m.facility} {...field('facility')} />
        <label>
          {m.place}
          <input maxLength={500} {...field('placeText')} />
        </label>
      </div>
      <DateFields from={field('dateFrom')} to={field('dateTo')} precision={field('datePrecision')} />
      <div className="row">
        <label>
          {m.perpetrators}
          <textarea rows={2} {...field('perpetrators')} />
        </label>
        <label>
          {m.victims}
          <textarea rows={2} {...field('victims')} />
        </label>
      </div>
      <FormError error={error} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? messages.common.saving : messages.common.save}
      </button>
    </form>
  );
}

type Field = { value: string; onChange: (event: { target: { value: string } }) => void };

/** A date range with its precision (incidents, abductions). */
export function DateFields({
  from,
  to,
  precision,
  legend,
}: {
  from: Field;
  to?: Field;
  precision: Field;
  legend?: string;
}) {
  const { messages } = useI18n();
  const m = messages.records;
  return (
    <fieldset className="row">
      <legend>{legend ?? m.when}</legend>
      <label>
        {to ? m.dateFrom : m.date}
        <input type="date" {...from} />
      </label>
      {to ? (
        <label>
          {m.dateTo}
          <input type="date" {...to} />
        </label>
      ) : null}
      <label>
        {m.datePrecision}
        <select aria-label={m.datePrecision} {...precision}>
          <option value="">—</option>
          {DATE_PRECISIONS.map((p) => (
            <option key={p} value={p}>
              {m.precision[p]}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
