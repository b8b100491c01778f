import type { CaseFile } from '../collect/case-file.js';
import type { ExportProfile } from '../profiles/export-profile.js';
import { unsettledReferences } from '../collect/unsettled.js';
import { printedDate } from './printed-date.js';
import { termList } from './tables.js';
import { field, heading, renderPdf, type BatesCounter, type Pdf } from './pdf-document.js';

export interface SummaryHeader {
  exportId: string;
  profile: ExportProfile;
  recipient: string;
  createdAt: Date;
}

/** Lines of the table of contents that fit on its page; the rest of a long list is summed up. */
const TOC_LINES = 40;

/**
 * The case, its incidents with their legal qualification and sources, what the bag holds and
 * what was withheld; page one is a table of contents with the running page references.
 */
export function caseSummaryPdf(bates: BatesCounter, file: CaseFile, header: SummaryHeader): Promise<Buffer> {
  return renderPdf(bates, `${file.case.reference} case summary`, (doc, firstPage) => {
    const contents: Array<{ title: string; page: number; indent: number }> = [];
    const page = () => firstPage + doc.bufferedPageRange().count - 1;
    const section = (title: string, indent = 0) => {
      contents.push({ title, page: page(), indent });
      heading(doc, title, indent ? 12 : 14);
    };
    doc.font('bold').fontSize(18).text(`${file.case.reference}: ${file.case.title}`).font('body').fontSize(10.5);
    field(doc, 'Export', header.exportId);
    field(doc, 'Profile', header.profile.name);
    field(doc, 'Recipient', header.recipient);
    field(doc, 'Made', header.createdAt.toISOString());
    const tocTop = doc.y + 20;

    doc.addPage();
    section('Case');
    field(doc, 'Reference', file.case.reference);
    field(doc, 'Status', file.case.status);
    if (file.case.description) doc.moveDown(0.3).text(file.case.description);

    section('Incidents');
    if (!file.incidents.length) doc.text('(none)');
    for (const incident of file.incidents) {
      section(`${incident.reference}: ${incident.title}`, 1);
      field(doc, 'Status', incident.status);
      field(doc, 'Legal qualification', termList(incident.violations));
      field(doc, 'Acts', termList(incident.acts));
      field(doc, 'Facility', incident.facility ? `${incident.facility.code} ${incident.facility.label}` : null);
      field(doc, 'Place', incident.place);
      field(doc, 'Date', printedDate(incident.dateFrom, incident.dateTo, incident.datePrecision));
      field(doc, 'Agencies', termList(incident.agencies));
      field(doc, 'Perpetrators', incident.perpetratorNames?.join('; '));
      field(doc, 'Victims', incident.victims?.join('; '));
      field(
        doc,
        'Sources',
        incident.sources.map((s) => (s.withheld ? `${s.testimony} (withheld)` : s.testimony)).join(', ') || '(none)',
      );
      if (incident.description) doc.moveDown(0.2).text(incident.description);
    }

    section('Testimonies in this export');
    if (!file.testimonies.length) doc.text('(none)');
    for (const t of file.testimonies)
      doc.text(
        `${t.reference}  ${t.witness.label}  ${t.title}  (revision ${t.revision}, ${t.status.replace('_', ' ')})`,
      );

    section('Attachments in this export');
    if (!file.attachments.length) doc.text('(none)');
    for (const a of file.attachments)
      doc.text(`${a.path}  ${a.size} bytes${a.derivation ? `  (${a.derivation} copy)` : ''}`);

    const unsettled = unsettledReferences(file);
    if (unsettled.length) {
      section('Not approved, sent on the requester’s explicit choice');
      for (const reference of unsettled) doc.text(reference);
    }

    section('Withheld');
    if (!file.withheld.length) doc.text('(none)');
    for (const w of file.withheld)
      doc.text(`${w.kind} ${[w.reference, w.name, w.pseudonym].filter(Boolean).join(' ')}: ${w.reason}`);

    drawContents(doc, tocTop, contents);
  });
}

function drawContents(doc: Pdf, top: number, contents: Array<{ title: string; page: number; indent: number }>): void {
  doc.switchToPage(0);
  doc.y = top;
  doc.font('bold').fontSize(14).text('Contents', 56).font('body').fontSize(10.5).moveDown(0.3);
  const shown = contents.length > TOC_LINES ? contents.filter((c) => c.indent === 0) : contents;
  for (const entry of shown) {
    const y = doc.y;
    doc.text(entry.title, 56 + entry.indent * 16, y, { width: 330, lineBreak: false, ellipsis: true });
    doc.text(String(entry.page).padStart(6, '0'), 400, y, { width: 140, align: 'right', lineBreak: false });
    doc.moveDown(0.2);
  }
}
