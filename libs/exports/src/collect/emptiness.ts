import type { CaseFile } from './case-file.js';

/**
 * What about a collected case file a requester must confirm before it goes out: a bag with no
 * testimony, incident or attachment, or a file of 0 bytes, is more often a mistake (a wrong
 * selection, a failed upload) than a case file anyone meant to send. Null when nothing.
 */
export function emptinessToConfirm(file: Pick<CaseFile, 'testimonies' | 'incidents' | 'attachments'>): string | null {
  if (!file.testimonies.length && !file.incidents.length && !file.attachments.length)
    return 'nothing would go out (no testimony, incident or attachment): set confirmEmpty to export anyway';
  const empty = file.attachments.filter((a) => a.size === 0).map((a) => a.path);
  if (empty.length)
    return `${empty.join(', ')} ${empty.length === 1 ? 'is' : 'are'} 0 bytes: set confirmEmpty to export anyway`;
  return null;
}
