import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { authFetch } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { QueryView } from '../ui/states';
import type { Attachment } from './upload-with-progress';

/** The media types the browser can show inline; anything else is only listed. */
export function previewable(mediaType: string): boolean {
  return /^(image|audio|video)\//.test(mediaType) || mediaType === 'application/pdf';
}

/**
 * The file's bytes fetched with the bearer token (a plain <img src> could not send it) into a
 * blob: URL, which the client's Content-Security-Policy allows for images, media and frames.
 * The URL is revoked when the preview closes, so the bytes do not outlive it.
 */
export function AttachmentPreview({ attachment }: { attachment: Attachment }) {
  const { messages, format } = useI18n();
  const blob = useQuery({
    queryKey: ['attachment', attachment.id, 'content'],
    queryFn: async () => {
      const response = await authFetch(new Request(`${window.location.origin}/attachments/${attachment.id}/content`));
      if (!response.ok) throw new Error(response.statusText);
      return URL.createObjectURL(await response.blob());
    },
    staleTime: Infinity,
    gcTime: 0,
  });
  const url = blob.data;
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  const label = format(messages.attachments.previewOf, { name: attachment.originalFileName });
  const type = attachment.detectedMediaType;
  return (
    <div className="preview">
      <QueryView query={blob}>
        {(src) =>
          type.startsWith('image/') ? (
            <img src={src} alt={label} />
          ) : type.startsWith('audio/') ? (
            <audio src={src} controls aria-label={label} />
          ) : type.startsWith('video/') ? (
            <video src={src} controls aria-label={label} />
          ) : type === 'application/pdf' ? (
            <iframe src={src} title={label} />
          ) : (
            <p className="muted">{messages.attachments.noPreview}</p>
          )
        }
      </QueryView>
    </div>
  );
}
