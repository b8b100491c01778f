import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { QueryView } from '../ui/states';

type LineDiff = Array<{ op: 'equal' | 'insert' | 'delete'; lines: string[] }>;
type FieldDiff = { before: string; after: string } | LineDiff;

/**
 * Every saved revision of the testimony, newest first; each can be compared with the one before
 * it. The API computes the line diff; this shows it as removed and added lines.
 */
export function RevisionHistory({ testimonyId, revision }: { testimonyId: string; revision: number }) {
  const { messages, format, formatDate } = useI18n();
  const [compared, setCompared] = useState<number | null>(null);
  const revisions = useQuery({
    // The current revision is part of the key: a save adds a row.
    queryKey: ['testimony', testimonyId, 'revisions', revision],
    queryFn: () => must(api.GET('/testimonies/{id}/revisions', { params: { path: { id: testimonyId } } })),
  });
  return (
    <details className="history">
      <summary>{messages.history.title}</summary>
      <QueryView query={revisions}>
        {(list) => (
          <ol reversed className="records">
            {[...list].reverse().map((r) => (
              <li key={r.revision}>
                <strong>{format(messages.history.revision, { revision: r.revision })}</strong>{' '}
                <span className="muted">
                  {formatDate(r.createdAt)} ·{' '}
                  {format(messages.history.changed, {
                    fields: r.changedFields.map((f) => fieldName(messages, f)).join(', '),
                  })}
                </span>{' '}
                {r.revision > 1 ? (
                  <button
                    type="button"
                    aria-expanded={compared === r.revision}
                    onClick={() => setCompared(compared === r.revision ? null : r.revision)}
                  >
                    {messages.history.compare}
                  </button>
                ) : null}
                {compared === r.revision ? <RevisionDiff testimonyId={testimonyId} to={r.revision} /> : null}
              </li>
            ))}
          </ol>
        )}
      </QueryView>
    </details>
  );
}

type HistoryMessages = ReturnType<typeof useI18n>['messages'];

function fieldName(messages: HistoryMessages, field: string): string {
  return messages.history.field[field as keyof HistoryMessages['history']['field']] ?? field;
}

function RevisionDiff({ testimonyId, to }: { testimonyId: string; to: number }) {
  const { messages, format } = useI18n();
  const diff = useQuery({
    queryKey: ['testimony', testimonyId, 'diff', to],
    queryFn: () =>
      must(
        api.GET('/testimonies/{id}/revisions/diff', {
          params: { path: { id: testimonyId }, query: { from: to - 1, to } },
        }),
      ),
  });
  return (
    <QueryView query={diff}>
      {(result) => (
        <div className="diff" data-testid="revision-diff">
          <h3>{format(messages.history.diffTitle, { from: result.from, to: result.to })}</h3>
          {result.changedFields.length === 0 ? <p className="muted">{messages.history.noChange}</p> : null}
          {result.changedFields.map((field) => (
            <FieldChanges key={field} name={fieldName(messages, field)} change={result.fields[field] as FieldDiff} />
          ))}
        </div>
      )}
    </QueryView>
  );
}

/** A field's change: the title as before → after, texts as lines marked removed (−) or added (+). */
function FieldChanges({ name, change }: { name: string; change: FieldDiff }) {
  const { messages } = useI18n();
  if (!Array.isArray(change))
    return (
      <p>
        <strong>{name}</strong>: <del>{change.before}</del> → <ins>{change.after}</ins>
      </p>
    );
  return (
    <>
      <h4>{name}</h4>
      <pre className="line-diff">
        {change.flatMap((part, i) =>
          part.lines.map((line, j) =>
            part.op === 'insert' ? (
              <ins key={`${i}-${j}`} title={messages.history.added}>
                + {line}
                {'\n'}
              </ins>
            ) : part.op === 'delete' ? (
              <del key={`${i}-${j}`} title={messages.history.removed}>
                − {line}
                {'\n'}
              </del>
            ) : (
              <span key={`${i}-${j}`}>
                {'  '}
                {line}
                {'\n'}
              </span>
            ),
          ),
        )}
      </pre>
    </>
  );
}
