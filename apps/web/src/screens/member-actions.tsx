import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { FormError } from '../ui/states';

type Member = Schemas['CaseMemberResponse'];
type CaseRole = Member['caseRole'];

/**
 * A lead's controls on one member row: the case role (saved as soon as it is chosen) and removal,
 * which asks once more first. The API keeps the membership's history and refuses to remove the
 * last lead; its answer shows under the row.
 */
export function MemberActions({ caseId, member }: { caseId: string; member: Member }) {
  const { messages, format } = useI18n();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const path = { params: { path: { id: caseId, userId: member.userId } } };
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['case', caseId, 'members'] });
  const changeRole = useMutation({
    mutationFn: (caseRole: CaseRole) =>
      must(api.PATCH('/cases/{id}/members/{userId}', { ...path, body: { caseRole } })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => must(api.DELETE('/cases/{id}/members/{userId}', path)),
    onSuccess: refresh,
  });
  return (
    <>
      <select
        aria-label={format(messages.members.roleOf, { name: member.displayName })}
        value={member.caseRole}
        disabled={changeRole.isPending}
        onChange={(e) => changeRole.mutate(e.target.value as CaseRole)}
      >
        {(['lead', 'member', 'viewer'] as const).map((role) => (
          <option key={role} value={role}>
            {messages.caseRole[role]}
          </option>
        ))}
      </select>{' '}
      {confirming ? (
        <>
          <button type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
            {format(messages.members.confirmRemove, { name: member.displayName })}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {messages.common.cancel}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {format(messages.members.remove, { name: member.displayName })}
        </button>
      )}
      <FormError error={changeRole.error ?? remove.error} />
    </>
  );
}
