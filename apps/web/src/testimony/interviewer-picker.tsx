import { useCaseMembers } from '../api/use-case-members';
import { useI18n } from '../i18n/i18n';
import { QueryView } from '../ui/states';

/** Interviewers are chosen from the case's members (the API refuses anyone else), by name. */
export function InterviewerPicker({
  caseId,
  chosen,
  onChange,
}: {
  caseId: string;
  chosen: string[];
  onChange: (ids: string[]) => void;
}) {
  const { messages } = useI18n();
  const members = useCaseMembers(caseId);
  const toggle = (id: string) => onChange(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  return (
    <fieldset>
      <legend>{messages.testimonies.interviewers}</legend>
      <QueryView query={members}>
        {(page) =>
          page.items.map((m) => (
            <label key={m.userId} className="check">
              <input type="checkbox" checked={chosen.includes(m.userId)} onChange={() => toggle(m.userId)} />
              {m.displayName}
            </label>
          ))
        }
      </QueryView>
    </fieldset>
  );
}

/** The interviewers' names for the editor's details (ids the member list no longer has show as —). */
export function InterviewerNames({ caseId, ids }: { caseId: string; ids: string[] }) {
  const members = useCaseMembers(caseId);
  const names = ids.map((id) => members.data?.items.find((m) => m.userId === id)?.displayName ?? '—');
  return <>{names.length ? names.join(', ') : '—'}</>;
}
