import { DomainError } from '@sillok/core';
import type { Attachment } from '@sillok/evidence';
import type { Testimony } from '@sillok/testimonies';
import type { ExportProfile } from '../profiles/export-profile.js';
import type { ExportedAttachment, WithheldItem } from './case-file.js';
import { anonymousFileName, safeFileName } from './safe-file-name.js';

export interface AttachmentChoice {
  all: Attachment[];
  chosenIds?: string[];
  testimonies: Testimony[];
  /** Testimonies that go out. */
  included: Set<string>;
  /** Testimonies that were asked for (included or withheld). */
  chosenTestimonies: Set<string>;
  profile: ExportProfile;
}

/**
 * Which stored file represents each attachment in the bag: the original, or its latest
 * redacted copy where the profile wants one. Files of withheld testimonies stay out and are
 * listed; files of testimonies not asked for are simply not part of the selection.
 */
export function selectAttachments(choice: AttachmentChoice): { files: ExportedAttachment[]; withheld: WithheldItem[] } {
  const { all, profile } = choice;
  const byId = new Map(all.map((a) => [a.id, a]));
  const unknown = (choice.chosenIds ?? []).filter((id) => !byId.has(id));
  if (unknown.length)
    throw DomainError.validation([{ field: 'attachmentIds', reason: `${unknown.join(', ')} is not in this case` }]);
  const units = choice.chosenIds
    ? choice.chosenIds.map((id) => byId.get(id)!)
    : all.filter((a) => a.derivedFrom === null);
  const testimonies = new Map(choice.testimonies.map((t) => [t.id, t]));
  const files: ExportedAttachment[] = [];
  const withheld: WithheldItem[] = [];
  const paths = new Set<string>();
  for (const unit of units) {
    const owner = unit.ownerType === 'testimony' ? testimonies.get(unit.ownerId) : undefined;
    const hold = (reason: string) =>
      withheld.push({ kind: 'attachment', id: unit.id, reference: owner?.reference ?? '', pseudonym: '', reason });
    if (owner && !choice.included.has(owner.id)) {
      if (choice.chosenTestimonies.has(owner.id) || choice.chosenIds)
        hold(`attachment of withheld testimony ${owner.reference}`);
      continue;
    }
    const redacted = all
      .filter((a) => a.derivedFrom === unit.id && a.derivation === 'redacted')
      .sort((a, b) => b.uploadedAt.getTime() - a.uploadedAt.getTime())[0];
    const file = unit.derivedFrom !== null || profile.attachments === 'original' ? unit : (redacted ?? unit);
    if (profile.attachments === 'redacted-only' && file.derivation !== 'redacted') {
      hold('no redacted copy for this profile');
      continue;
    }
    const name =
      profile.witnessNaming === 'anonymous'
        ? anonymousFileName(file.kind, file.originalFileName)
        : safeFileName(file.originalFileName);
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
      description: profile.witnessNaming === 'anonymous' ? '' : file.description,
      owner: { type: file.ownerType, reference: owner?.reference ?? null },
    });
  }
  return { files, withheld };
}
