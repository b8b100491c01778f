import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type DragEvent } from 'react';
import { api } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { Empty, QueryView } from '../ui/states';
import { AttachmentPreview, previewable } from './attachment-preview';
import { sha256Hex } from './sha256';
import { kindOf, uploadWithProgress, type Attachment } from './upload-with-progress';

interface Upload {
  key: string;
  name: string;
  progress: number;
  state: 'hashing' | 'uploading' | 'done' | 'refused' | 'failed';
  localSha256?: string;
  /** read from the bytes at ingest; only the upload's answer carries it, not the list */
  gps?: boolean;
  error?: string;
}

/**
 * A testimony's evidence files: drop (or choose) several files, each uploads with its own
 * progress bar; its SHA-256 is computed here and compared with the server's. An empty file is
 * refused before any byte is sent: a 0-byte "photo" is almost always a failed copy.
 */
export function AttachmentsPanel({ testimonyId, canUpload }: { testimonyId: string; canUpload: boolean }) {
  const { messages, format } = useI18n();
  const queryClient = useQueryClient();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const listKey = ['testimony', testimonyId, 'attachments'];
  const attachments = useQuery({
    queryKey: listKey,
    queryFn: () => must(api.GET('/testimonies/{id}/attachments', { params: { path: { id: testimonyId } } })),
  });

  const update = (key: string, change: Partial<Upload>) =>
    setUploads((current) => current.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const uploadOne = async (file: File, key: string) => {
    if (file.size === 0) return update(key, { state: 'refused' });
    try {
      const localSha256 = await sha256Hex(file);
      update(key, { state: 'uploading', localSha256 });
      const stored = await uploadWithProgress(
        `/testimonies/${testimonyId}/attachments`,
        { kind: kindOf(file) },
        file,
        (progress) => update(key, { progress }),
      );
      update(key, { state: 'done', progress: 1, gps: stored.captureMetadata?.gpsLatitude != null });
    } catch (error) {
      update(key, { state: 'failed', error: (error as Error).message });
    }
  };

  const start = (files: FileList | null) => {
    const chosen = Array.from(files ?? []);
    const added = chosen.map((file) => ({
      file,
      upload: { key: crypto.randomUUID(), name: file.name, progress: 0, state: 'hashing' as const },
    }));
    setUploads((current) => [...added.map((a) => a.upload), ...current]);
    void Promise.all(added.map(({ file, upload }) => uploadOne(file, upload.key))).then(() =>
      queryClient.invalidateQueries({ queryKey: listKey }),
    );
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    start(event.dataTransfer.files);
  };

  return (
    <section aria-labelledby="attachments-title" className="attachments">
      <h2 id="attachments-title">{messages.attachments.title}</h2>
      {canUpload ? (
        <div
          className={dragging ? 'dropzone dragging' : 'dropzone'}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <label>
            {messages.attachments.drop}
            <input type="file" multiple onChange={(event) => start(event.target.files)} />
          </label>
        </div>
      ) : null}
      {uploads.some((u) => u.state === 'refused') ? (
        <div role="alert" className="error-box">
          {uploads
            .filter((u) => u.state === 'refused')
            .map((u) => (
              <p key={u.key}>{format(messages.attachments.emptyFile, { name: u.name })}</p>
            ))}
        </div>
      ) : null}
      {uploads.length > 0 ? (
        <ul className="uploads" aria-live="polite">
          {uploads.map((upload) => (
            <UploadRow key={upload.key} upload={upload} />
          ))}
        </ul>
      ) : null}
      <QueryView query={attachments}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{messages.attachments.empty}</Empty>
          ) : (
            <ul className="records attachment-list">
              {list.map((attachment) => (
                <AttachmentRow
                  key={attachment.id}
                  attachment={attachment}
                  localSha256={uploads.find((u) => u.name === attachment.originalFileName)?.localSha256}
                />
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}

function UploadRow({ upload }: { upload: Upload }) {
  const { messages, format } = useI18n();
  if (upload.state === 'refused') return null;
  const label = format(messages.attachments.uploading, { name: upload.name });
  return (
    <li>
      <span>{upload.name}</span>{' '}
      {upload.state === 'hashing' ? <span className="muted">{messages.attachments.hashing}</span> : null}
      {upload.state === 'uploading' || upload.state === 'done' ? (
        <progress max={1} value={upload.progress} aria-label={label} />
      ) : null}
      {upload.state === 'done' ? <span> {messages.attachments.done}</span> : null}
      {upload.gps ? <p className="warning">{messages.attachments.gps}</p> : null}
      {upload.state === 'failed' ? (
        <span className="error-text">
          {' '}
          {messages.attachments.failed}: {upload.error}
        </span>
      ) : null}
    </li>
  );
}

/** One stored file: name, kind, size, its SHA-256 (checked against this browser's), a preview. */
function AttachmentRow({ attachment, localSha256 }: { attachment: Attachment; localSha256?: string }) {
  const { messages, format, formatNumber } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <li data-testid="attachment">
      <span className="record-title">{attachment.originalFileName}</span>{' '}
      <span className="muted">
        {messages.attachmentKind[attachment.kind]} · {attachment.detectedMediaType} ·{' '}
        {format(messages.attachments.size, { size: formatNumber(attachment.size) })}
        {attachment.derivedFrom ? ` · ${messages.attachments.derivedFrom}` : ''}
      </span>
      <p>
        {messages.attachments.sha256}: <code data-testid="sha256">{attachment.sha256}</code>{' '}
        {localSha256 === undefined ? null : localSha256 === attachment.sha256 ? (
          <span className="hash-ok">✓ {messages.attachments.matches}</span>
        ) : (
          <strong className="error-text">{format(messages.attachments.mismatch, { local: localSha256 })}</strong>
        )}
      </p>
      {previewable(attachment.detectedMediaType) ? (
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? messages.attachments.hidePreview : messages.attachments.preview}
        </button>
      ) : null}
      {open ? <AttachmentPreview attachment={attachment} /> : null}
    </li>
  );
}
