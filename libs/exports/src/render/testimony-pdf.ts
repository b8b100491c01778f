import type { ExportedTestimony } from '../collect/case-file.js';
import { isUnsettled } from '../collect/approval-decision.js';
import { printedDate } from './printed-date.js';
import { termList } from './tables.js';
import { field, heading, printedFileName, renderPdf, type BatesCounter, type Pdf } from './pdf-document.js';
import type { Thumbnail } from './thumbnails.js';

/** The box a thumbnail is fitted into, in points (an A4 text column is about 483 wide). */
const THUMBNAIL_BOX: [number, number] = [160, 120];

/**
 * One testimony: its record, the (redacted) narrative, its tags listed after it, each translation,
 * and its attachments by name, images among them shown as thumbnails.
 */
export function testimonyPdf(bates: BatesCounter, t: ExportedTestimony, thumbnails: Thumbnail[] = []): Promise<Buffer> {
  const pictures = new Map(thumbnails.map((th) => [th.path, th.bytes]));
  const mark = isUnsettled('testimony', t.status)
    ? `NOT APPROVED (${t.status.replace('_', ' ')}): sent on the requester's explicit choice`
    : undefined;
  return renderPdf(
    bates,
    `${t.reference} ${t.title}`,
    (doc) => {
      doc.font('bold').fontSize(16).text(`${t.reference}: ${t.title}`).font('body').fontSize(10.5).moveDown(0.5);
      field(doc, 'Witness', t.witness.label);
      field(doc, 'Forum', t.forum);
      field(
        doc,
        'Interview',
        [printedDate(t.interviewDate, null, null), t.interviewCity, t.interviewCountry].filter(Boolean).join(', '),
      );
      field(doc, 'Interview language', t.originalLanguage);
      field(doc, 'Interviewers', t.interviewers.join('; '));
      field(
        doc,
        'Interpreter',
        t.interpreterUsed ? `yes${t.interpreterLanguages ? ` (${t.interpreterLanguages})` : ''}` : 'no',
      );
      field(doc, 'Status', t.status);
      field(doc, 'Revision', t.revision);
      field(doc, 'Content SHA-256', t.contentSha256 ?? t.contentSha256Note);
      field(doc, 'Consent', `${t.consent.scopes.join(', ')} (witness v${t.consent.witnessVersion})`);
      field(doc, 'Redacted passages', t.redactions);
      // Only a bag made with includeIdentities (prosecution, internal) carries one: print it as the JSON has it.
      if (t.witness.identity) {
        heading(doc, 'Witness identity (decrypted on the requester’s explicit request)', 12);
        for (const [name, value] of Object.entries(t.witness.identity))
          field(doc, name, typeof value === 'object' && value !== null ? JSON.stringify(value) : (value as string));
      }
      if (t.summary) {
        heading(doc, 'Summary', 12);
        doc.text(t.summary);
      }
      heading(doc, 'Narrative', 12);
      doc.text(t.narrative || '(none)');
      if (t.tags.length) {
        heading(doc, 'Tags', 12);
        for (const tag of t.tags) {
          const where = tag.range
            ? `[${tag.range.start}-${tag.range.end}${tag.language ? ` ${tag.language}` : ''}] `
            : '';
          doc
            .font('bold')
            .text(`${where}${termList(tag.violations) || 'tag'}`)
            .font('body');
          if (tag.quote) doc.text(`“${tag.quote}”`);
          field(doc, 'Acts', termList(tag.acts));
          field(doc, 'Facility', tag.facility ? `${tag.facility.code} ${tag.facility.label}` : null);
          field(doc, 'Place', tag.place);
          field(doc, 'Date', printedDate(tag.dateFrom, tag.dateTo, tag.datePrecision));
          field(doc, 'Agencies', termList(tag.agencies));
          doc.moveDown(0.3);
        }
      }
      for (const translation of t.translations) {
        heading(doc, `Translation (${translation.language})${translation.checked ? ', checked' : ''}`, 12);
        doc.text(translation.text);
      }
      if (t.attachments.length) {
        heading(doc, 'Attachments', 12);
        for (const path of t.attachments) {
          doc.text(printedFileName(path));
          const picture = pictures.get(path);
          if (picture) drawThumbnail(doc, picture);
        }
      }
    },
    mark,
  );
}

/** pdfkit's parsed image (its `openImage`), which `image()` draws without parsing again. */
interface OpenedImage {
  width: number;
  height: number;
}

/** The image fitted into THUMBNAIL_BOX under its name, on the next page when it does not fit this one. */
function drawThumbnail(doc: Pdf, bytes: Buffer): void {
  let image: OpenedImage | null;
  try {
    // Parses the header only: throws for bytes that are not a JPEG or PNG pdfkit can draw.
    image = (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(bytes);
  } catch {
    image = null;
  }
  if (!image) {
    doc.fillColor('#444444').text('(no preview: not an image this PDF can show)').fillColor('#000000');
    return;
  }
  const [boxWidth, boxHeight] = THUMBNAIL_BOX;
  const scale = Math.min(boxWidth / image.width, boxHeight / image.height, 1);
  const height = image.height * scale;
  if (doc.y + height + 8 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.image(image as unknown as Buffer, doc.page.margins.left, doc.y + 4, { width: image.width * scale, height });
  doc.y += height + 8;
  doc.x = doc.page.margins.left;
}
