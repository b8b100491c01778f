import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { must } from '../api/problem';
import { useCase } from '../api/use-case';
import { useI18n } from '../i18n/i18n';
import { useCaseTestimonies } from '../screens/case-records';
import { can, useSession } from '../session/session';
import { QueryView } from '../ui/states';
import { AbducteeForm, type AbducteeFields } from './abductee-form';
import { AbducteeName } from './abductee-name';
import { useCaseIncidents, useDateRange } from './incidents-screen';
import { ReasonAction } from './reason-action';
import { useTermLabel } from './scheme-terms';

type Abductee = Schemas['AbducteeResponse'];
type Incident = Schemas['IncidentSummaryResponse'];

interface Moment {
  key: string;
  kind: 'abduction' | 'incident' | 'lastSeen';
  /** The date to order by; moments without one keep their place in the chain (abduction first, last seen last). */
  sortKey: string;
  when: string;
  what: React.ReactNode;
  where: string | null;
  source?: string | null;
}

/** One abductee, addressed by reference (/app/abductees/A-000007), with the last-seen chain as a timeline. */
export function AbducteeScreen() {
  const { abducteeRef = '' } = useParams();
  const found = useQuery({
    queryKey: ['abductee', abducteeRef],
    queryFn: () => must(api.GET('/abductees/{id}', { params: { path: { id: abducteeRef } } })),
  });
  return <QueryView query={found}>{(abductee) => <AbducteePage abductee={abductee} />}</QueryView>;
}

function AbducteePage({ abductee }: { abductee: Abductee }) {
  const { messages, formatDate } = useI18n();
  const { me } = useSession();
  const m = messages.records;
  const queryClient = useQueryClient();
  const theCase = useCase(abductee.caseId);
  const caseRef = theCase.data?.reference ?? abductee.caseId;
  const testimonies = useCaseTestimonies(caseRef);
  const category = useTermLabel('abduction-category');
  const status = useTermLabel('abductee-status');
  const writable = can(me, 'incident.write') && !abductee.withdrawn;
  const refresh = (next?: Abductee) => {
    if (next) queryClient.setQueryData(['abductee', abductee.reference], next);
    else void queryClient.invalidateQueries({ queryKey: ['abductee', abductee.reference] });
    void queryClient.invalidateQueries({ queryKey: ['case', caseRef, 'abductees'] });
  };
  const update = useMutation({
    mutationFn: (body: AbducteeFields) =>
      must(
        api.PATCH('/abductees/{id}', {
          params: { path: { id: abductee.id } },
          body: { ...body, version: abductee.version },
        }),
      ),
    onSuccess: refresh,
  });
  const mentioned = (testimonies.data?.items ?? []).filter((t) => abductee.testimonyIds.includes(t.id));
  return (
    <section>
      <p className="eyebrow">
        <Link to={`/app/cases/${caseRef}/abductees`}>← {m.abductees}</Link> · {abductee.reference}
      </p>
      <h1>{abductee.nameSealed ? `${abductee.reference} (${m.sealed})` : (abductee.name ?? abductee.reference)}</h1>
      {abductee.withdrawn ? (
        <p role="status" className="warning">
          {m.withdrawnOn} {formatDate(abductee.withdrawn.at)}: {abductee.withdrawn.reason}
        </p>
      ) : null}
      {abductee.nameSealed ? <AbducteeName abducteeId={abductee.id} /> : null}
      <dl className="facts">
        <dt>{m.nationality}</dt>
        <dd>{abductee.nationality ?? '—'}</dd>
        <dt>{m.category}</dt>
        <dd>{category(abductee.abductionCategoryTermId)}</dd>
        <dt>{m.status}</dt>
        <dd>{status(abductee.statusTermId)}</dd>
        <dt>{m.externalReferences}</dt>
        <dd>
          {abductee.externalReferences.length === 0 ? (
            '—'
          ) : (
            <ul className="plain" data-testid="external-references">
              {abductee.externalReferences.map((r) => (
                <li key={`${r.authority}:${r.reference}`}>
                  {r.authority}: <code>{r.reference}</code>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{m.mentionedIn}</dt>
        <dd>
          {mentioned.length === 0
            ? '—'
            : mentioned.map((t, i) => (
                <span key={t.id}>
                  {i > 0 ? ', ' : null}
                  <Link to={`/app/testimonies/${t.reference}`}>{t.reference}</Link>
                </span>
              ))}
        </dd>
      </dl>
      {abductee.notes ? <p className="prose">{abductee.notes}</p> : null}

      <h2>{m.chain}</h2>
      <LastSeenChain abductee={abductee} caseRef={caseRef} />

      {writable ? (
        <>
          <details className="card">
            <summary>{m.editAbductee}</summary>
            <AbducteeForm
              key={abductee.version}
              caseRef={caseRef}
              abductee={abductee}
              pending={update.isPending}
              error={update.error}
              onSubmit={(body) => update.mutate(body)}
            />
          </details>
          <ReasonAction
            label={m.withdrawAbductee}
            reasonLabel={m.reason}
            run={(reason) =>
              must(api.POST('/abductees/{id}/withdraw', { params: { path: { id: abductee.id } }, body: { reason } }))
            }
            onDone={() => refresh()}
          />
        </>
      ) : null}
    </section>
  );
}

/**
 * Abduction, the incidents that concern them (by their dates), and the last sighting, in date order:
 * where the trail goes and where it ends. Approximate dates say so.
 */
function LastSeenChain({ abductee, caseRef }: { abductee: Abductee; caseRef: string }) {
  const { messages } = useI18n();
  const m = messages.records;
  const incidents = useCaseIncidents(caseRef);
  const facility = useTermLabel('facility');
  const dates = useDateRange();
  const concerned: Incident[] = (incidents.data?.items ?? []).filter((i) => abductee.incidentIds.includes(i.id));
  const moments: Moment[] = [
    {
      key: 'abduction',
      kind: 'abduction' as const,
      sortKey: abductee.abductedFrom ?? abductee.abductedTo ?? '0000',
      when: dates(abductee.abductedFrom, abductee.abductedTo, abductee.abductionDatePrecision),
      what: m.abduction,
      where: abductee.abductionPlace,
    },
    ...concerned.map((i) => ({
      key: i.id,
      kind: 'incident' as const,
      sortKey: i.dateFrom ?? i.dateTo ?? '9999-1',
      when: dates(i.dateFrom, i.dateTo, i.datePrecision),
      what: (
        <>
          <Link to={`/app/incidents/${i.reference}`}>{i.reference}</Link> {i.title}
        </>
      ),
      where: [i.facilityTermId ? facility(i.facilityTermId) : null, i.placeText].filter(Boolean).join(' · ') || null,
    })),
    {
      key: 'last-seen',
      kind: 'lastSeen' as const,
      sortKey: abductee.lastSeen.date ?? '9999-2',
      when: dates(abductee.lastSeen.date, null, abductee.lastSeen.datePrecision),
      what: m.lastSeen,
      where: abductee.lastSeen.place,
      source: abductee.lastSeen.source,
    },
  ];
  moments.sort((a, b) => a.sortKey.localeCompare(b.sortKey));
  return (
    <ol className="timeline" data-testid="last-seen-chain">
      {moments.map((moment) => (
        <li key={moment.key} className={`moment moment-${moment.kind}`}>
          <p className="moment-when">{moment.when}</p>
          <p className="moment-what">{moment.what}</p>
          {moment.where ? <p>{moment.where}</p> : null}
          {moment.source ? (
            <p className="muted">
              {m.lastSeenSource}: {moment.source}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
