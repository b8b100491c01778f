import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { api, type Schemas } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { CommandHint, DateTime } from '../ui/command-hint';
import { QueryView } from '../ui/states';

type Checkpoint = Schemas['AuditCheckpointResponse'];

/**
 * The latest signed checkpoint the chain records (`sillok audit:checkpoint`): who signed it when,
 * the head it signed, whether the chain still holds that hash, and the signed file to download
 * and check against the published key, as deposited outside Sillok.
 */
export function LatestCheckpoint() {
  const { messages } = useI18n();
  const m = messages.administration.checkpoint;
  const latest = useQuery({
    queryKey: ['audit', 'checkpoint'],
    queryFn: () => must(api.GET('/audit/checkpoints/latest')),
  });
  return (
    <div className="card" role="region" aria-labelledby="audit-checkpoint" data-testid="audit-checkpoint">
      <h2 id="audit-checkpoint">{m.title}</h2>
      <QueryView query={latest}>
        {({ checkpoint }) =>
          checkpoint ? (
            <CheckpointFacts checkpoint={checkpoint} />
          ) : (
            <>
              <p>{m.none}</p>
              <CommandHint template={m.hint} command="sillok audit:checkpoint --out checkpoint.json" />
            </>
          )
        }
      </QueryView>
    </div>
  );
}

function CheckpointFacts({ checkpoint }: { checkpoint: Checkpoint }) {
  const { messages } = useI18n();
  const m = messages.administration.checkpoint;
  const role = checkpoint.actor.role as keyof typeof messages.role | null;
  return (
    <>
      <dl className="facts">
        <dt>{m.recorded}</dt>
        <dd>
          <DateTime iso={checkpoint.recordedAt} />
        </dd>
        <dt>{m.by}</dt>
        <dd>
          {role ? (messages.role[role] ?? role) : m.operator}
          {checkpoint.actor.userId ? <span className="muted"> · {checkpoint.actor.userId.slice(0, 8)}</span> : null}
        </dd>
        <dt>{m.headSeq}</dt>
        <dd>{checkpoint.headSeq}</dd>
        <dt>{m.headHash}</dt>
        <dd>
          <code className="hash">{checkpoint.headHash}</code>
        </dd>
        <dt>{m.signature}</dt>
        <dd>{checkpoint.signed ? <code className="hash">{checkpoint.signed.signature}</code> : m.noSignature}</dd>
        <dt>{m.key}</dt>
        <dd>
          <code className="hash">{checkpoint.publicKeyFingerprint}</code>
        </dd>
      </dl>
      {checkpoint.matchesChain ? (
        <p className="notice">{m.matches}</p>
      ) : (
        <p className="error-text" role="alert">
          {m.differs}
        </p>
      )}
      {checkpoint.signed ? <CheckpointDownload checkpoint={checkpoint.signed} /> : null}
    </>
  );
}

/** The signed checkpoint as the CLI writes it, made in the browser: `sillok audit:verify --checkpoint` reads it. */
function CheckpointDownload({ checkpoint }: { checkpoint: NonNullable<Checkpoint['signed']> }) {
  const { messages } = useI18n();
  const url = useMemo(
    () => URL.createObjectURL(new Blob([JSON.stringify(checkpoint, null, 2) + '\n'], { type: 'application/json' })),
    [checkpoint],
  );
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <a className="button" href={url} download={`checkpoint-seq-${checkpoint.statement.headSeq}.json`}>
      {messages.administration.checkpoint.download}
    </a>
  );
}
