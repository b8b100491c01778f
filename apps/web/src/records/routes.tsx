import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { can, useSession } from '../session/session';

export { AbducteeScreen } from './abductee-screen';
export { AbducteesScreen } from './abductees-screen';
export { IncidentScreen } from './incident-screen';
export { IncidentsScreen } from './incidents-screen';

/** The case page's ways to its incidents and abductee registry (for holders of incident.read). */
export function RecordLinks({ caseRef }: { caseRef: string }) {
  const { messages } = useI18n();
  const { me } = useSession();
  if (!can(me, 'incident.read')) return null;
  return (
    <>
      <Link to={`/app/cases/${caseRef}/incidents`}>{messages.records.incidents}</Link>
      <Link to={`/app/cases/${caseRef}/abductees`}>{messages.records.abductees}</Link>
    </>
  );
}
