import { useState, type FormEvent } from 'react';
import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useCaseTestimonies } from '../screens/case-records';
import { FormError } from '../ui/states';
import { useDraft } from '../ui/use-draft';
import { DateFields } from './incident-form';
import { useCaseIncidents } from './incidents-screen';
import { TermSelect } from './scheme-terms';

type Abductee = Schemas['AbducteeResponse'];
type ExternalReference = Schemas['ExternalReferenceDto'];
/** The fields this form fills: everything but the case, which the screen knows. */
export type AbducteeFields = Omit<Schemas['CreateAbducteeDto'], 'caseId'>;
type Precision = AbducteeFields['lastSeenDatePrecision'];

function draftOf(a?: Abductee) {
  return {
    name: a?.name ?? '',
    nationality: a?.nationality ?? '',
    category: a?.abductionCategoryTermId ?? '',
    abductedFrom: a?.abductedFrom ?? '',
    abductedTo: a?.abductedTo ?? '',
    abductionPrecision: a?.abductionDatePrecision ?? '',
    abductionPlace: a?.abductionPlace ?? '',
    lastSeenDate: a?.lastSeen.date ?? '',
    lastSeenPrecision: a?.lastSeen.datePrecision ?? '',
    lastSeenPlace: a?.lastSeen.place ?? '',
    lastSeenSource: a?.lastSeen.source ?? '',
    status: a?.statusTermId ?? '',
    notes: a?.notes ?? '',
  };
}

/** Ids chosen among a list of the case's records, as checkboxes. */
function Choices({
  legend,
  options,
  chosen,
  onChange,
}: {
  legend: string;
  options: Array<{ id: string; label: string }>;
  chosen: string[];
  onChange: (next: string[]) => void;
}) {
  if (options.length === 0) return null;
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.id} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(o.id)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, o.id] : chosen.filter((id) => id !== o.id))}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * An abducted or disappeared person: the name (sealed when relatives are at risk; a sealed name is
 * never shown here, and is replaced only when typed again), abduction, last seen, status, case
 * numbers elsewhere, and the testimonies and incidents of the case that concern them.
 */
export function AbducteeForm({
  caseRef,
  abductee,
  pending,
  error,
  onSubmit,
}: {
  caseRef: string;
  abductee?: Abductee;
  pending: boolean;
  error: unknown;
  onSubmit: (body: AbducteeFields) => void;
}) {
  const { messages } = useI18n();
  const m = messages.records;
  const { draft, field } = useDraft(draftOf(abductee));
  const [nameAtRisk, setNameAtRisk] = useState(abductee?.nameSealed ?? false);
  const [references, setReferences] = useState<ExternalReference[]>(abductee?.externalReferences ?? []);
  const [testimonyIds, setTestimonyIds] = useState(abductee?.testimonyIds ?? []);
  const [incidentIds, setIncidentIds] = useState(abductee?.incidentIds ?? []);
  const testimonies = useCaseTestimonies(caseRef);
  const incidents = useCaseIncidents(caseRef);
  const setReference = (index: number, key: keyof ExternalReference, value: string) =>
    setReferences((current) => current.map((r, i) => (i === index ? { ...r, [key]: value } : r)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({
      ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
      nameAtRisk,
      nationality: draft.nationality.trim().toUpperCase() || null,
      abductionCategoryTermId: draft.category || null,
      abductedFrom: draft.abductedFrom || null,
      abductedTo: draft.abductedTo || null,
      abductionDatePrecision: (draft.abductionPrecision || null) as Precision,
      abductionPlace: draft.abductionPlace.trim() || null,
      lastSeenDate: draft.lastSeenDate || null,
      lastSeenDatePrecision: (draft.lastSeenPrecision || null) as Precision,
      lastSeenPlace: draft.lastSeenPlace.trim() || null,
      lastSeenSource: draft.lastSeenSource.trim() || null,
      statusTermId: draft.status || null,
      externalReferences: references
        .map((r) => ({ authority: r.authority.trim(), reference: r.reference.trim() }))
        .filter((r) => r.authority || r.reference),
      testimonyIds,
      incidentIds,
      notes: draft.notes,
    });
  };
  const title = abductee ? m.editAbductee : m.newAbductee;
  return (
    <form className="card" onSubmit={submit} aria-label={title}>
      <h2>{title}</h2>
      <div className="row">
        <label>
          {m.name}
          <input
            autoComplete="off"
            maxLength={300}
            placeholder={abductee?.nameSealed ? m.nameSealedPlaceholder : undefined}
            {...field('name')}
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={nameAtRisk} onChange={(e) => setNameAtRisk(e.target.checked)} />
          {m.nameAtRisk}
        </label>
        <label>
          {m.nationality}
          <input maxLength={2} size={3} pattern="[A-Za-z]{2}" {...field('nationality')} />
        </label>
        <TermSelect scheme="abduction-category" label={m.category} {...field('category')} />
        <TermSelect scheme="abductee-status" label={m.status} {...field('status')} />
      </div>
      <DateFields
        legend={m.abduction}
        from={field('abductedFrom')}
        to={field('abductedTo')}
        precision={field('abductionPrecision')}
      />
      <label>
        {m.abductionPlace}
        <input maxLength={500} {...field('abductionPlace')} />
      </label>
      <DateFields legend={m.lastSeen} from={field('lastSeenDate')} precision={field('lastSeenPrecision')} />
      <div className="row">
        <label>
          {m.lastSeenPlace}
          <input maxLength={500} {...field('lastSeenPlace')} />
        </label>
        <label>
          {m.lastSeenSource}
          <input maxLength={2000} {...field('lastSeenSource')} />
        </label>
      </div>
      <fieldset>
        <legend>{m.externalReferences}</legend>
        {references.map((r, index) => (
          <div className="row" key={index}>
            <label>
              {m.authority}
              <input
                required
                maxLength={200}
                value={r.authority}
                onChange={(e) => setReference(index, 'authority', e.target.value)}
              />
            </label>
            <label>
              {m.caseNumber}
              <input
                required
                maxLength={200}
                value={r.reference}
                onChange={(e) => setReference(index, 'reference', e.target.value)}
              />
            </label>
            <button type="button" onClick={() => setReferences((current) => current.filter((_, i) => i !== index))}>
              {m.removeReference}
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() => setReferences((current) => [...current, { authority: '', reference: '' }])}
        >
          {m.addReference}
        </button>
      </fieldset>
      <Choices
        legend={m.mentionedIn}
        options={(testimonies.data?.items ?? []).map((t) => ({ id: t.id, label: `${t.reference} · ${t.title}` }))}
        chosen={testimonyIds}
        onChange={setTestimonyIds}
      />
      <Choices
        legend={m.concernedBy}
        options={(incidents.data?.items ?? []).map((i) => ({ id: i.id, label: `${i.reference} · ${i.title}` }))}
        chosen={incidentIds}
        onChange={setIncidentIds}
      />
      <label>
        {m.notes}
        <textarea rows={3} {...field('notes')} />
      </label>
      <FormError error={error} />
      <button type="submit" className="primary" disabled={pending}>
        {pending ? messages.common.saving : messages.common.save}
      </button>
    </form>
  );
}
