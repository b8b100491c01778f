import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { must } from '../api/problem';
import { useCase } from '../api/use-case';
import { useI18n } from '../i18n/i18n';
import { useCaseTestimonies } from '../screens/case-records';
import { can, useSession } from '../session/session';
import { Empty, FormError, QueryView } from '../ui/states';
import { useDraft } from '../ui/use-draft';
import { IncidentForm, type IncidentFields } from './incident-form';
import { useCaseIncidents, useDateRange } from './incidents-screen';
import { ReasonAction } from './reason-action';
import { RecordSelect, TermSelect, useTermLabel } from './scheme-terms';

type Incident = Schemas['IncidentResponse'];
const RELATIONS = ['part_of', 'follows', 'same_event'] as const;

/** The incident behind /app/incidents/I-000042 (the API takes the reference in place of the id). */
export function incidentQuery(incidentRef: string) {
  return {
    queryKey: ['incident', incidentRef],
    queryFn: () => must(api.GET('/incidents/{id}', { params: { path: { id: incidentRef } } })),
  };
}

/** One incident: what, where and when; its sources (testimonies) and links to other incidents; edit and withdraw. */
export function IncidentScreen() {
  const { incidentRef = '' } = useParams();
  const found = useQuery(incidentQuery(incidentRef));
  return <QueryView query={found}>{(incident) => <IncidentPage incident={incident} />}</QueryView>;
}

function IncidentPage({ incident }: { incident: Incident }) {
  const { messages, formatDate } = useI18n();
  const { me } = useSession();
  const m = messages.records;
  const queryClient = useQueryClient();
  const theCase = useCase(incident.caseId);
  const caseRef = theCase.data?.reference ?? incident.caseId;
  const violation = useTermLabel('coi-violation');
  const facility = useTermLabel('facility');
  const dates = useDateRange();
  const writable = can(me, 'incident.write') && !incident.withdrawn;
  const refresh = (next?: Incident) => {
    if (next) queryClient.setQueryData(['incident', incident.reference], next);
    else void queryClient.invalidateQueries({ queryKey: ['incident', incident.reference] });
    void queryClient.invalidateQueries({ queryKey: ['case', caseRef, 'incidents'] });
  };
  const update = useMutation({
    mutationFn: (body: IncidentFields) =>
      must(
        api.PATCH('/incidents/{id}', {
          params: { path: { id: incident.id } },
          body: { ...body, version: incident.version },
        }),
      ),
    onSuccess: refresh,
  });
  return (
    <section>
      <p className="eyebrow">
        <Link to={`/app/cases/${caseRef}/incidents`}>← {m.incidents}</Link> · {incident.reference}
      </p>
      <h1>{incident.title}</h1>
      {incident.withdrawn ? (
        <p role="status" className="warning">
          {m.withdrawnOn} {formatDate(incident.withdrawn.at)}: {incident.withdrawn.reason}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{m.status}</dt>
        <dd>{m.incidentStatus[incident.status as keyof typeof m.incidentStatus]}</dd>
        <dt>{m.violation}</dt>
        <dd>{incident.violationTermIds.map(violation).join(', ') || '—'}</dd>
        <dt>{m.facility}</dt>
        <dd>
          {[incident.facilityTermId ? facility(incident.facilityTermId) : null, incident.placeText]
            .filter(Boolean)
            .join(' · ') || '—'}
        </dd>
        <dt>{m.when}</dt>
        <dd>{dates(incident.dateFrom, incident.dateTo, incident.datePrecision)}</dd>
        <dt>{m.perpetratorsShort}</dt>
        <dd>{incident.perpetratorNames.join(', ') || '—'}</dd>
        <dt>{m.victimsShort}</dt>
        <dd>{[...incident.victimWitnesses.map((w) => w.pseudonym), ...incident.victims].join(', ') || '—'}</dd>
      </dl>
      {incident.description ? <p className="prose">{incident.description}</p> : null}

      <h2>{m.sources}</h2>
      <Sources incident={incident} writable={writable} onChange={refresh} />
      {writable ? <AddSource incident={incident} caseRef={caseRef} onAdded={refresh} /> : null}

      <h2>{m.links}</h2>
      <Links incident={incident} writable={writable} onChange={refresh} />
      {writable ? <AddLink incident={incident} caseRef={caseRef} onAdded={refresh} /> : null}

      {writable ? (
        <>
          <details className="card">
            <summary>{m.editIncident}</summary>
            <IncidentForm
              key={incident.version}
              incident={incident}
              pending={update.isPending}
              error={update.error}
              onSubmit={(body) => update.mutate(body)}
            />
          </details>
          <ReasonAction
            label={m.withdrawIncident}
            reasonLabel={m.reason}
            run={(reason) =>
              must(api.POST('/incidents/{id}/withdraw', { params: { path: { id: incident.id } }, body: { reason } }))
            }
            onDone={() => refresh()}
          />
        </>
      ) : null}
    </section>
  );
}

/** The quote of the passage a source points at (a tag of the testimony), if it points at one. */
function SourcePassage({ testimonyId, annotationId }: { testimonyId: string; annotationId: string }) {
  const tags = useQuery({
    queryKey: ['testimony', testimonyId, 'tags'],
    queryFn: () => must(api.GET('/testimonies/{id}/tags', { params: { path: { id: testimonyId } } })),
  });
  const quote = tags.data?.find((t) => t.id === annotationId)?.range?.quote;
  return quote ? <q data-testid="source-passage">{quote}</q> : null;
}

function Sources({ incident, writable, onChange }: { incident: Incident; writable: boolean; onChange: () => void }) {
  const { messages } = useI18n();
  const m = messages.records;
  const connection = useTermLabel('source-connection');
  const reliability = useTermLabel('reliability');
  if (incident.sources.length === 0) return <Empty>{m.noSources}</Empty>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{m.testimony}</th>
          <th scope="col">{m.passage}</th>
          <th scope="col">{m.connection}</th>
          <th scope="col">{m.reliability}</th>
          <th scope="col">{m.note}</th>
          {writable ? <th scope="col">{messages.members.actions}</th> : null}
        </tr>
      </thead>
      <tbody>
        {incident.sources.map((s) => (
          <tr key={s.id} data-testid="incident-source">
            <td>
              <Link to={`/app/testimonies/${s.testimonyReference}`}>{s.testimonyReference}</Link>
            </td>
            <td>
              {s.annotationId ? <SourcePassage testimonyId={s.testimonyId} annotationId={s.annotationId} /> : '—'}
            </td>
            <td>{connection(s.sourceConnectionTermId)}</td>
            <td>{reliability(s.reliabilityTermId)}</td>
            <td>{s.note}</td>
            {writable ? (
              <td>
                <ReasonAction
                  label={m.removeSource}
                  reasonLabel={m.reason}
                  run={(reason) =>
                    must(
                      api.POST('/incidents/{id}/sources/{sourceId}/remove', {
                        params: { path: { id: incident.id, sourceId: s.id } },
                        body: { reason },
                      }),
                    )
                  }
                  onDone={onChange}
                />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A testimony of the case as a source: direct or hearsay, how reliable, and why. */
function AddSource({
  incident,
  caseRef,
  onAdded,
}: {
  incident: Incident;
  caseRef: string;
  onAdded: (next: Incident) => void;
}) {
  const { messages } = useI18n();
  const m = messages.records;
  const testimonies = useCaseTestimonies(caseRef);
  const { draft, field, reset } = useDraft({ testimony: '', connection: '', reliability: '', note: '' });
  const add = useMutation({
    mutationFn: () =>
      must(
        api.POST('/incidents/{id}/sources', {
          params: { path: { id: incident.id } },
          body: {
            testimonyId: draft.testimony,
            sourceConnectionTermId: draft.connection || undefined,
            reliabilityTermId: draft.reliability || undefined,
            note: draft.note || undefined,
          },
        }),
      ),
    onSuccess: (next) => {
      reset({ testimony: '', connection: '', reliability: '', note: '' });
      onAdded(next);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form className="card" onSubmit={submit} aria-label={m.addSource}>
      <h3>{m.addSource}</h3>
      <div className="row">
        <RecordSelect label={m.testimony} records={testimonies.data?.items ?? []} {...field('testimony')} />
        <TermSelect scheme="source-connection" label={m.connection} {...field('connection')} />
        <TermSelect scheme="reliability" label={m.reliability} {...field('reliability')} />
      </div>
      <label>
        {m.note}
        <input {...field('note')} />
      </label>
      <FormError error={add.error} />
      <button type="submit" disabled={add.isPending}>
        {m.addSource}
      </button>
    </form>
  );
}

function Links({ incident, writable, onChange }: { incident: Incident; writable: boolean; onChange: () => void }) {
  const { messages } = useI18n();
  const m = messages.records;
  if (incident.links.length === 0) return <Empty>{m.noLinks}</Empty>;
  return (
    <ul className="records">
      {incident.links.map((l) => (
        <li key={l.id}>
          {l.direction === 'outgoing'
            ? m.relation[l.relation as keyof typeof m.relation]
            : m.relationIncoming[l.relation as keyof typeof m.relationIncoming]}{' '}
          <Link to={`/app/incidents/${l.otherReference}`}>{l.otherReference}</Link>
          {l.note ? <span className="muted"> — {l.note}</span> : null}
          {writable ? (
            <ReasonAction
              label={m.removeLink}
              reasonLabel={m.reason}
              run={(reason) =>
                must(
                  api.POST('/incidents/{id}/links/{linkId}/remove', {
                    params: { path: { id: incident.id, linkId: l.id } },
                    body: { reason },
                  }),
                )
              }
              onDone={onChange}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** This incident is part of, follows, or is the same event as another incident of the case. */
function AddLink({
  incident,
  caseRef,
  onAdded,
}: {
  incident: Incident;
  caseRef: string;
  onAdded: (next: Incident) => void;
}) {
  const { messages } = useI18n();
  const m = messages.records;
  const incidents = useCaseIncidents(caseRef);
  const { draft, field, reset } = useDraft({ other: '', relation: 'part_of', note: '' });
  const add = useMutation({
    mutationFn: () =>
      must(
        api.POST('/incidents/{id}/links', {
          params: { path: { id: incident.id } },
          body: {
            otherIncidentId: draft.other,
            relation: draft.relation as (typeof RELATIONS)[number],
            note: draft.note || undefined,
          },
        }),
      ),
    onSuccess: (next) => {
      reset({ other: '', relation: 'part_of', note: '' });
      onAdded(next);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  const others = (incidents.data?.items ?? []).filter((i) => i.id !== incident.id);
  if (others.length === 0) return null;
  return (
    <form className="card" onSubmit={submit} aria-label={m.addLink}>
      <h3>{m.addLink}</h3>
      <div className="row">
        <label>
          {m.relationLabel}
          <select aria-label={m.relationLabel} {...field('relation')}>
            {RELATIONS.map((r) => (
              <option key={r} value={r}>
                {m.relation[r]}
              </option>
            ))}
          </select>
        </label>
        <RecordSelect label={m.otherIncident} records={others} {...field('other')} />
        <label>
          {m.note}
          <input {...field('note')} />
        </label>
      </div>
      <FormError error={add.error} />
      <button type="submit" disabled={add.isPending}>
        {m.addLink}
      </button>
    </form>
  );
}
