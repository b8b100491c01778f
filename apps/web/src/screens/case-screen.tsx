import { Link, useParams } from 'react-router';
import { useCase } from '../api/use-case';
import { useCaseMembers } from '../api/use-case-members';
import { useI18n } from '../i18n/i18n';
import { can, useSession } from '../session/session';
import { Empty, QueryView } from '../ui/states';
import { RecordLinks } from '../records/routes';
import { searchHref } from '../search/search-url';
import { AddColleague } from './add-colleague';
import { MemberActions } from './member-actions';

/** One case: its reference, members (leads add colleagues), and the way to its records. */
export function CaseScreen() {
  const { caseRef: caseId = '' } = useParams();
  const { messages } = useI18n();
  const { me } = useSession();
  const found = useCase(caseId);
  const members = useCaseMembers(caseId);
  const lead = found.data?.myCaseRole === 'lead';
  return (
    <QueryView query={found}>
      {(theCase) => (
        <section>
          <p className="eyebrow">{theCase.reference}</p>
          <h1>{theCase.title}</h1>
          {theCase.description ? <p>{theCase.description}</p> : null}
          <nav aria-label={theCase.reference} className="subnav">
            <Link to={`/app/cases/${caseId}/witnesses`}>{messages.casePage.witnesses}</Link>
            <Link to={`/app/cases/${caseId}/testimonies`}>{messages.casePage.testimonies}</Link>
            <RecordLinks caseRef={caseId} />
            {can(me, 'export.create') ? (
              <Link to={`/app/cases/${caseId}/export`}>{messages.casePage.export}</Link>
            ) : null}
            {can(me, 'search.read') ? (
              <>
                <Link to={searchHref({ caseId: theCase.reference })}>{messages.search.nav}</Link>
                <Link to={`/app/cases/${caseId}/corroboration`}>{messages.search.corroboration.nav}</Link>
              </>
            ) : null}
          </nav>
          <h2>{messages.casePage.members}</h2>
          <QueryView query={members}>
            {(page) =>
              page.items.length === 0 ? (
                <Empty>{messages.common.none}</Empty>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{messages.casePage.name}</th>
                      <th scope="col">{messages.casePage.email}</th>
                      <th scope="col">{messages.casePage.role}</th>
                      <th scope="col">{messages.casePage.caseRole}</th>
                      {lead ? <th scope="col">{messages.members.actions}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((m) => (
                      <tr key={m.userId}>
                        <td>{m.displayName}</td>
                        <td>{m.email}</td>
                        <td>{messages.role[m.role as keyof typeof messages.role] ?? m.role}</td>
                        <td>{messages.caseRole[m.caseRole]}</td>
                        {lead ? (
                          <td>
                            <MemberActions caseId={caseId} member={m} />
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              )
            }
          </QueryView>
          {theCase.myCaseRole === 'lead' ? <AddColleague caseId={caseId} /> : null}
        </section>
      )}
    </QueryView>
  );
}
