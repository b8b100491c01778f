import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { must } from '../api/problem';
import { useCaseIdOf } from '../api/use-case';
import { useI18n } from '../i18n/i18n';
import { can, useSession } from '../session/session';
import { CaseRecordList } from '../screens/case-records';
import { IncidentForm, type IncidentFields } from './incident-form';
import { useTermLabel } from './scheme-terms';

/** The case's live incidents (one query and cache entry, shared by the list, the link picker and the abductee form). */
export function useCaseIncidents(caseRef: string) {
  const caseIdOf = useCaseIdOf();
  return useQuery({
    queryKey: ['case', caseRef, 'incidents'],
    queryFn: async () =>
      must(api.GET('/incidents', { params: { query: { caseId: await caseIdOf(caseRef), limit: 200 } } })),
  });
}

/** When an incident happened, as the sources date it: a range, a day, or "—", with its precision. */
export function useDateRange() {
  const { messages, formatDate } = useI18n();
  return (from: string | null, to: string | null, precision: string | null) => {
    if (!from && !to) return '—';
    const range = from && to && from !== to ? `${formatDate(from)} – ${formatDate(to)}` : formatDate(from ?? to);
    const p = precision as keyof typeof messages.records.precision | null;
    return p && p !== 'exact' ? `${range} (${messages.records.precision[p]})` : range;
  };
}

/** The case's incidents by reference, status, facility and date; a new one opens on its own page. */
export function IncidentsScreen() {
  const { caseRef = '' } = useParams();
  const { messages } = useI18n();
  const { me } = useSession();
  const m = messages.records;
  const incidents = useCaseIncidents(caseRef);
  const facility = useTermLabel('facility');
  const dates = useDateRange();
  return (
    <CaseRecordList
      caseRef={caseRef}
      title={m.incidents}
      empty={m.noIncidents}
      query={incidents}
      footer={can(me, 'incident.write') ? <NewIncident caseRef={caseRef} /> : null}
    >
      {(items) => (
        <table>
          <thead>
            <tr>
              <th scope="col">{messages.cases.reference}</th>
              <th scope="col">{m.title}</th>
              <th scope="col">{m.status}</th>
              <th scope="col">{m.facility}</th>
              <th scope="col">{m.when}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id} data-testid="incident-row">
                <td>
                  <Link to={`/app/incidents/${i.reference}`}>{i.reference}</Link>
                </td>
                <td>{i.title}</td>
                <td>{m.incidentStatus[i.status as keyof typeof m.incidentStatus]}</td>
                <td>{i.facilityTermId ? facility(i.facilityTermId) : (i.placeText ?? '—')}</td>
                <td>{dates(i.dateFrom, i.dateTo, i.datePrecision)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </CaseRecordList>
  );
}

function NewIncident({ caseRef }: { caseRef: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const caseIdOf = useCaseIdOf();
  const create = useMutation({
    mutationFn: async (body: IncidentFields) =>
      must(api.POST('/incidents', { body: { ...body, caseId: await caseIdOf(caseRef) } })),
    onSuccess: async (incident) => {
      await queryClient.invalidateQueries({ queryKey: ['case', caseRef, 'incidents'] });
      void navigate(`/app/incidents/${incident.reference}`);
    },
  });
  return <IncidentForm pending={create.isPending} error={create.error} onSubmit={(body) => create.mutate(body)} />;
}
