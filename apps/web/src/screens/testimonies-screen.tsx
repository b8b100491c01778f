import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { InterviewerPicker } from '../testimony/interviewer-picker';
import { FormError, QueryView } from '../ui/states';
import { CaseRecordList, useCaseTestimonies, useCaseWitnesses } from './case-records';

type Forum = 'confidential_interview' | 'public_hearing' | 'written_submission' | 'other';

/** The case's testimonies by reference, title and witness pseudonym. */
export function TestimoniesScreen() {
  const { caseRef = '' } = useParams();
  const { messages, formatDate } = useI18n();
  const testimonies = useCaseTestimonies(caseRef);
  return (
    <CaseRecordList
      caseRef={caseRef}
      title={messages.testimonies.title}
      empty={messages.testimonies.empty}
      query={testimonies}
    >
      {(items) => (
        <table>
          <thead>
            <tr>
              <th scope="col">{messages.cases.reference}</th>
              <th scope="col">{messages.testimonies.testimonyTitle}</th>
              <th scope="col">{messages.testimonies.witness}</th>
              <th scope="col">{messages.testimonies.interviewDate}</th>
              <th scope="col">{messages.testimonies.status}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((t) => (
              <tr key={t.id}>
                <td>
                  <Link to={`/app/testimonies/${t.reference}`}>{t.reference}</Link>
                </td>
                <td>{t.title}</td>
                <td>{t.witnessPseudonym}</td>
                <td>{formatDate(t.interviewDate)}</td>
                <td>{messages.status[t.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </CaseRecordList>
  );
}

/** A new testimony for one of the case's witnesses; the editor opens once it exists. */
export function NewTestimonyScreen() {
  const { caseRef: caseId = '' } = useParams();
  const { me } = useSession();
  const [search] = useSearchParams();
  const { messages } = useI18n();
  const navigate = useNavigate();
  const witnesses = useCaseWitnesses(caseId);
  // The witness is named in the URL by pseudonym (?witness=W-000007); the API takes its id.
  const [chosen, setChosen] = useState(search.get('witness') ?? '');
  const witnessId = witnesses.data?.items.find((w) => w.pseudonym === chosen)?.id ?? '';
  const [title, setTitle] = useState('');
  const [forum, setForum] = useState<Forum>('confidential_interview');
  const [interviewDate, setInterviewDate] = useState('');
  const [originalLanguage, setOriginalLanguage] = useState('ko');
  // The person writing it is usually the one who interviewed: chosen to start with.
  const [interviewerIds, setInterviewerIds] = useState<string[]>(me ? [me.id] : []);
  const create = useMutation({
    mutationFn: () =>
      must(
        api.POST('/testimonies', {
          body: {
            witnessId,
            title,
            forum,
            originalLanguage,
            interviewDate: interviewDate || undefined,
            interviewerIds,
          },
        }),
      ),
    onSuccess: (created) => navigate(`/app/testimonies/${created.reference}`),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section className="narrow">
      <h1>{messages.testimonies.newTitle}</h1>
      <QueryView query={witnesses}>
        {(page) => (
          <form onSubmit={submit}>
            <label>
              {messages.testimonies.witness}
              <select required value={chosen} onChange={(e) => setChosen(e.target.value)}>
                <option value="">—</option>
                {page.items.map((w) => (
                  <option key={w.id} value={w.pseudonym}>
                    {w.pseudonym}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {messages.testimonies.testimonyTitle}
              <input required value={title} onChange={(e) => setTitle(e.target.value)} />
            </label>
            <label>
              {messages.testimonies.forum}
              <select value={forum} onChange={(e) => setForum(e.target.value as Forum)}>
                {(Object.keys(messages.forum) as Forum[]).map((f) => (
                  <option key={f} value={f}>
                    {messages.forum[f]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {messages.testimonies.interviewDate}
              <input type="date" value={interviewDate} onChange={(e) => setInterviewDate(e.target.value)} />
            </label>
            <label>
              {messages.testimonies.originalLanguage}
              <input required value={originalLanguage} onChange={(e) => setOriginalLanguage(e.target.value)} />
            </label>
            <InterviewerPicker caseId={caseId} chosen={interviewerIds} onChange={setInterviewerIds} />
            <FormError error={create.error} />
            <button type="submit" className="primary" disabled={create.isPending}>
              {messages.testimonies.create}
            </button>
          </form>
        )}
      </QueryView>
    </section>
  );
}
