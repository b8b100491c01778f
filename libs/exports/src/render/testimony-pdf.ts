import type { ExportedTestimony } from '../collect/case-file.js';
import { isUnsettled } from '../collect/approval-decision.js';
import { termList } from './tables.js';
import { field, heading, renderPdf, type BatesCounter } from './pdf-document.js';

/** One testimony: its record, the (redacted) narrative, its tags listed after it, and each translation. */
export function testimonyPdf(bates: BatesCounter, t: ExportedTestimony): Promise<Buffer> {
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
      field(doc, 'Interview', [t.interviewDate, t.interviewCity, t.interviewCountry].filter(Boolean).join(', '));
      field(doc, 'Original language', t.originalLanguage);
      field(doc, 'Status', t.status);
      field(doc, 'Revision', t.revision);
      field(doc, 'Content SHA-256', t.contentSha256 ?? t.contentSha256Note);
      field(doc, 'Consent', `${t.consent.scopes.join(', ')} (witness v${t.consent.witnessVersion})`);
      field(doc, 'Redacted passages', t.redactions);
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
          field(
            doc,
            'Date',
            [tag.dateFrom, tag.dateTo].filter(Boolean).join(' – ') +
              (tag.datePrecision ? ` (${tag.datePrecision})` : ''),
          );
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
        for (const path of t.attachments) doc.text(path);
      }
    },
    mark,
  );
}
