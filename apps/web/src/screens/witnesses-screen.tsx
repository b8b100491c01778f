import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { must } from '../api/problem';
import { useCaseIdOf } from '../api/use-case';
import { useI18n } from '../i18n/i18n';
import { can, useSession } from '../session/session';
import { FormError } from '../ui/states';
import { CaseRecordList, useCaseWitnesses } from './case-records';
import { ConsentLedger } from './consent-ledger';
import { WitnessIdentity } from './witness-identity';

type Sex = 'female' | 'male' | 'other' | 'unknown';

/** The case's witnesses by pseudonym (never by name), the intake form, and identity behind "reveal". */
export function WitnessesScreen() {
  const { caseRef = '' } = useParams();
  const { messages } = useI18n();
  const { me } = useSession();
  const witnesses = useCaseWitnesses(caseRef);
  return (
    <CaseRecordList
      caseRef={caseRef}
      title={messages.witnesses.title}
      empty={messages.witnesses.empty}
      query={witnesses}
      footer={can(me, 'witness.write') ? <IntakeForm caseId={caseRef} /> : null}
    >
      {(items) => (
        <ul className="records">
          {items.map((w) => (
            <li key={w.id} className="card">
              <h2 className="record-title">{w.pseudonym}</h2>
              <p className="muted">
                {w.sex ? messages.sex[w.sex] : '—'} · {w.birthYear ?? '—'} · {(w.languages ?? []).join(', ')}
              </p>
              <WitnessIdentity witnessId={w.id} pseudonym={w.pseudonym} />
              <ConsentLedger witnessId={w.id} pseudonym={w.pseudonym} />
              {can(me, 'testimony.write') ? (
                <Link className="button" to={`/app/cases/${caseRef}/testimonies/new?witness=${w.pseudonym}`}>
                  {messages.witnesses.newTestimony}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </CaseRecordList>
  );
}

function IntakeForm({ caseId }: { caseId: string }) {
  const { messages } = useI18n();
  const queryClient = useQueryClient();
  const [sex, setSex] = useState<Sex>('unknown');
  const [birthYear, setBirthYear] = useState('');
  const [languages, setLanguages] = useState('ko');
  const caseIdOf = useCaseIdOf();
  const register = useMutation({
    mutationFn: async () =>
      must(
        api.POST('/witnesses', {
          body: {
            caseId: await caseIdOf(caseId),
            sex,
            birthYear: birthYear ? Number(birthYear) : undefined,
            languages: languages
              .split(',')
              .map((l) => l.trim())
              .filter(Boolean),
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['case', caseId, 'witnesses'] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate();
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="intake">
      <h2 id="intake">{messages.witnesses.intake}</h2>
      <div className="row">
        <label>
          {messages.witnesses.sex}
          <select value={sex} onChange={(e) => setSex(e.target.value as Sex)}>
            {(['female', 'male', 'other', 'unknown'] as const).map((s) => (
              <option key={s} value={s}>
                {messages.sex[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {messages.witnesses.birthYear}
          <input
            inputMode="numeric"
            pattern="[0-9]{4}"
            value={birthYear}
            onChange={(e) => setBirthYear(e.target.value)}
          />
        </label>
        <label>
          {messages.witnesses.languages}
          <input value={languages} onChange={(e) => setLanguages(e.target.value)} />
        </label>
      </div>
      <FormError error={register.error} />
      <button type="submit" className="primary" disabled={register.isPending}>
        {messages.witnesses.register}
      </button>
    </form>
  );
}
