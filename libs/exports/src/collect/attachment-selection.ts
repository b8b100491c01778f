import { DomainError } from '@sillok/core';
import type { Attachment } from '@sillok/evidence';
import type { Testimony } from '@sillok/testimonies';
import type { ExportProfile } from '../profiles/export-profile.js';
import type { ExportedAttachment, WithheldItem } from './case-file.js';
import { anonymousFileName, safeFileName } from './safe-file-name.js';
import { withTrueExtension } from './true-extension.js';

export interface AttachmentChoice {
  all: Attachment[];
  chosenIds?: string[];
  testimonies: Testimony[];
  /** Testimonies that go out. */
  included: Set<string>;
  /** Testimonies that were asked for (included or withheld). */
  chosenTestimonies: Set<string>;
  /** Incidents that go out (chosen, not withdrawn, not withheld). */
  incidents: Set<string>;
  /** Whether files of the case itself (not of a testimony or incident) were asked for. */
  caseFiles: boolean;
  /** Files whose bytes carry a capture location (EXIF or MP4 GPS), read at upload. */
  capturedLocation: ReadonlySet<string>;
  /** Hides the case's sensitive words in file names and descriptions. */
  redact: (text: string) => string;
  profile: ExportProfile;
}

/**
 * Which stored file represents each attachment in the bag: the original, or its latest
 * redacted copy where the profile wants one. Attachments follow the selection: those of the
 * chosen testimonies and incidents, the case's own only when asked for, nothing of a withdrawn
 * record. Files of withheld testimonies, and files with a capture location in a profile that
 * withholds location, stay out and are listed.
 */
export function selectAttachments(choice: AttachmentChoice): { files: ExportedAttachment[]; withheld: WithheldItem[] } {
  const { all, profile } = choice;
  const byId = new Map(all.map((a) => [a.id, a]));
  const unknown = (choice.chosenIds ?? []).filter((id) => !byId.has(id));
  if (unknown.length)
    throw DomainError.validation([{ field: 'attachmentIds', reason: `${unknown.join(', ')} is not in this case` }]);
  const units = choice.chosenIds
    ? choice.chosenIds.map((id) => byId.get(id)!)
    : all.filter((a) => a.derivedFrom === null && ownerSelected(a, choice));
  const testimonies = new Map(choice.testimonies.map((t) => [t.id, t]));
  const files: ExportedAttachment[] = [];
  const withheld: WithheldItem[] = [];
  const paths = new Set<string>();
  // Named for what the bytes are, whatever the uploaded name claimed.
  const trueName = (file: Attachment) => withTrueExtension(file.originalFileName, file.detectedMediaType);
  const nameOf = (file: Attachment) =>
    profile.witnessNaming === 'anonymous'
      ? anonymousFileName(file.kind, trueName(file))
      : safeFileName(choice.redact(trueName(file)));
  for (const unit of units) {
    const owner = unit.ownerType === 'testimony' ? testimonies.get(unit.ownerId) : undefined;
    const hold = (file: Attachment, reason: string) =>
      withheld.push({
        kind: 'attachment',
        id: file.id,
        reference: owner?.reference ?? '',
        name: nameOf(file),
        pseudonym: '',
        reason,
      });
    if (owner && !choice.included.has(owner.id)) {
      if (choice.chosenTestimonies.has(owner.id) || choice.chosenIds)
        hold(unit, `attachment of withheld testimony ${owner.reference}`);
      continue;
    }
    if (unit.ownerType === 'incident' && !choice.incidents.has(unit.ownerId)) {
      if (choice.chosenIds)
        hold(unit, 'attachment of an incident not in this export (withdrawn, withheld or not chosen)');
      continue;
    }
    const redacted = all
      .filter((a) => a.derivedFrom === unit.id && a.derivation === 'redacted')
      .sort((a, b) => b.uploadedAt.getTime() - a.uploadedAt.getTime())[0];
    const file = unit.derivedFrom !== null || profile.attachments === 'original' ? unit : (redacted ?? unit);
    if (profile.attachments === 'redacted-only' && file.derivation !== 'redacted') {
      hold(file, 'no redacted copy for this profile');
      continue;
    }
    // A profile that withholds where a witness was interviewed must not ship where a photo was taken.
    if (profile.redactInterviewPlace && choice.capturedLocation.has(file.id)) {
      hold(file, 'the file carries its capture location (GPS), which this profile withholds');
      continue;
    }
    const name = nameOf(file);
    let path = `attachments/${file.sha256}-${name}`;
    if (paths.has(path)) path = `attachments/${file.sha256}-${file.id.slice(0, 8)}-${name}`;
    paths.add(path);
    files.push({
      id: file.id,
      originalId: file.derivedFrom ?? file.id,
      derivation: file.derivation,
      path,
      objectKey: file.objectKey,
      sha256: file.sha256,
      size: file.size,
      kind: file.kind,
      mediaType: file.detectedMediaType,
      description: profile.witnessNaming === 'anonymous' ? '' : choice.redact(file.description),
      owner: { type: file.ownerType, reference: owner?.reference ?? null },
      // A renamed file keeps the name it was uploaded under in the metadata, where the profile shows names.
      ...(trueName(file) !== file.originalFileName && profile.witnessNaming !== 'anonymous'
        ? { uploadedName: choice.redact(file.originalFileName) }
        : {}),
      // Only a profile that keeps location lets such a file out; the preview warns of it.
      ...(choice.capturedLocation.has(file.id) ? { capturedLocation: true as const } : {}),
    });
  }
  return { files, withheld };
}

/** Without a list of attachments: those of the chosen testimonies and incidents, the case's own if asked. */
function ownerSelected(attachment: Attachment, choice: AttachmentChoice): boolean {
  switch (attachment.ownerType) {
    case 'testimony':
      return choice.chosenTestimonies.has(attachment.ownerId);
    case 'incident':
      return choice.incidents.has(attachment.ownerId);
    default:
      return choice.caseFiles;
  }
}
