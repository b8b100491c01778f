import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, type Schemas } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { Empty, FormError, QueryView } from '../ui/states';

/** Testimonies sent for review in the caller's cases: approve, or return with a comment. */
export function ReviewScreen() {
  const { messages } = useI18n();
  const queue = useQuery({
    queryKey: ['review-queue'],
    queryFn: () => must(api.GET('/testimonies', { params: { query: { status: 'under_review', limit: 200 } } })),
  });
  return (
    <section>
      <h1>{messages.review.title}</h1>
      <QueryView query={queue}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{messages.review.empty}</Empty>
          ) : (
            <ul className="records">
              {page.items.map((t) => (
                <ReviewItem key={t.id} testimony={t} />
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}

function ReviewItem({ testimony }: { testimony: Schemas['TestimonySummaryResponse'] }) {
  const { messages, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const decide = useMutation({
    mutationFn: (action: 'approve' | 'return') =>
      must(
        api.POST('/testimonies/{id}/status', {
          params: { path: { id: testimony.id } },
          body: { action, version: testimony.version, reason: comment || undefined },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['review-queue'] }),
  });
  const commentId = `comment-${testimony.id}`;
  return (
    <li className="card">
      <h2 className="record-title">
        <Link to={`/app/testimonies/${testimony.reference}`}>
          {testimony.reference} · {testimony.title}
        </Link>
      </h2>
      <p className="muted">
        {testimony.witnessPseudonym} · {formatDate(testimony.interviewDate)}
      </p>
      <label htmlFor={commentId}>{messages.review.comment}</label>
      <textarea id={commentId} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      <FormError error={decide.error} />
      <div className="actions">
        <button type="button" className="primary" disabled={decide.isPending} onClick={() => decide.mutate('approve')}>
          {messages.review.approve}
        </button>
        <button type="button" disabled={decide.isPending || !comment.trim()} onClick={() => decide.mutate('return')}>
          {messages.review.return}
        </button>
      </div>
    </li>
  );
}
