import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { must } from '../api/problem';
import { useCaseIdOf } from '../api/use-case';
import { useI18n } from '../i18n/i18n';
import { CaseRecordList } from '../screens/case-records';
import { can, useSession } from '../session/session';
import { AbducteeForm, type AbducteeFields } from './abductee-form';
import { useDateRange } from './incidents-screen';
import { useTermLabel } from './scheme-terms';

/** The case's abductee registry: reference, name (or "sealed"), nationality, status and last seen. */
export function AbducteesScreen() {
  const { caseRef = '' } = useParams();
  const { messages } = useI18n();
  const { me } = useSession();
  const m = messages.records;
  const caseIdOf = useCaseIdOf();
  const abductees = useQuery({
    queryKey: ['case', caseRef, 'abductees'],
    queryFn: async () =>
      must(api.GET('/abductees', { params: { query: { caseId: await caseIdOf(caseRef), limit: 200 } } })),
  });
  const status = useTermLabel('abductee-status');
  const dates = useDateRange();
  return (
    <CaseRecordList
      caseRef={caseRef}
      title={m.abductees}
      empty={m.noAbductees}
      query={abductees}
      footer={can(me, 'incident.write') ? <NewAbductee caseRef={caseRef} /> : null}
    >
      {(items) => (
        <table>
          <thead>
            <tr>
              <th scope="col">{messages.cases.reference}</th>
              <th scope="col">{m.name}</th>
              <th scope="col">{m.nationality}</th>
              <th scope="col">{m.status}</th>
              <th scope="col">{m.lastSeen}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id} data-testid="abductee-row">
                <td>
                  <Link to={`/app/abductees/${a.reference}`}>{a.reference}</Link>
                </td>
                <td>{a.nameSealed ? <span className="muted">{m.sealed}</span> : (a.name ?? '—')}</td>
                <td>{a.nationality ?? '—'}</td>
                <td>{status(a.statusTermId)}</td>
                <td>
                  {dates(a.lastSeen.date, null, a.lastSeen.datePrecision)}
                  {a.lastSeen.place ? ` · ${a.lastSeen.place}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </CaseRecordList>
  );
}

function NewAbductee({ caseRef }: { caseRef: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const caseIdOf = useCaseIdOf();
  const create = useMutation({
    mutationFn: async (body: AbducteeFields) =>
      must(api.POST('/abductees', { body: { ...body, caseId: await caseIdOf(caseRef) } })),
    onSuccess: async (abductee) => {
      await queryClient.invalidateQueries({ queryKey: ['case', caseRef, 'abductees'] });
      void navigate(`/app/abductees/${abductee.reference}`);
    },
  });
  return (
    <AbducteeForm
      caseRef={caseRef}
      pending={create.isPending}
      error={create.error}
      onSubmit={(body) => create.mutate(body)}
    />
  );
}
