import { currentAccessToken, refreshAccessToken } from '../api/access-token';
import { problemOf } from '../api/problem';
import type { Schemas } from '../api/client';

export type Attachment = Schemas['AttachmentResponse'];
export type AttachmentKind = Attachment['kind'];

/**
 * POSTs a multipart upload with XMLHttpRequest, because fetch reports no upload progress.
 * Same bearer token as the typed client, and the same single refresh-and-retry on a 401.
 * The file is the last part of the form (the API streams it and reads the fields first).
 * The answer is an attachment unless the caller names the route's response type (an import report).
 */
export async function uploadWithProgress<T = Attachment>(
  path: string,
  fields: Record<string, string>,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<T> {
  const first = await send(path, fields, file, onProgress);
  if (first.status === 401 && (await refreshAccessToken()))
    return answer<T>(await send(path, fields, file, onProgress));
  return answer<T>(first);
}

function send(
  path: string,
  fields: Record<string, string>,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<XMLHttpRequest> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file, file.name);
  const request = new XMLHttpRequest();
  request.open('POST', path);
  const token = currentAccessToken();
  if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
  request.upload.onprogress = (event) => {
    if (event.lengthComputable) onProgress(event.loaded / event.total);
  };
  return new Promise((resolve, reject) => {
    request.onload = () => resolve(request);
    request.onerror = () => reject(new Error('network error'));
    request.send(form);
  });
}

function answer<T>(request: XMLHttpRequest): T {
  const body = parse(request.responseText);
  if (request.status >= 200 && request.status < 300) return body as T;
  throw problemOf(request.status, request.statusText, body);
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The kind the API files a file under, guessed from its media type (the user can change it). */
export function kindOf(file: File): AttachmentKind {
  if (file.type.startsWith('image/')) return 'photo';
  if (file.type.startsWith('audio/') || file.type.startsWith('video/')) return 'interview_recording';
  if (file.type === 'application/pdf' || file.type.startsWith('text/')) return 'document';
  return 'other';
}
