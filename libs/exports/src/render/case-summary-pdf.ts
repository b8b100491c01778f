import type { CaseFile } from '../collect/case-file.js';
import type { ExportProfile } from '../profiles/export-profile.js';
import { unsettledReferences } from '../collect/unsettled.js';
import { printedDate } from './printed-date.js';
import { termList } from './tables.js';
import { field, heading, printedFileName, renderPdf, type BatesCounter, type Pdf } from './pdf-document.js';

export interface SummaryHeader {
  exportId: string;
  profile: ExportProfile;
  recipient: string;
  createdAt: Date;
}

/** Lines of the table of contents that fit on its page; the rest of a long list is summed up. */
const TOC_LINES = 40;

/** Where a testimony's own PDF sits in the bag's running page numbers. */
export interface TestimonyPages {
  reference: string;
  /** Its path in the bag's payload, as `case.json` names it. */
  file: string;
  first: number;
  count: number;
}

/**
 * The case, its incidents with their legal qualification and sources, what the bag holds and
 * what was withheld; page one is a table of contents with the running page references, down to
 * the first page of each testimony's own PDF (`testimonyPages`, in the bag's order; the testimony
 * PDFs follow the summary in the running numbers).
 */
export function caseSummaryPdf(
  bates: BatesCounter,
  file: CaseFile,
  header: SummaryHeader,
  testimonyPages: TestimonyPages[] = [],
): Promise<Buffer> {
  const pagesOf = new Map(testimonyPages.map((p) => [p.reference, p]));
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
    for (const t of file.testimonies) {
      const pages = pagesOf.get(t.reference);
      doc.text(
        `${t.reference}  ${t.witness.label}  ${t.title}  (revision ${t.revision}, ${t.status.replace('_', ' ')})`,
      );
      if (pages)
        doc
          .fillColor('#444444')
          .text(`    ${pages.file}: ${pageSpan(pages)}`)
          .fillColor('#000000');
    }

    section('Attachments in this export');
    if (!file.attachments.length) doc.text('(none)');
    for (const a of file.attachments)
      doc.text(`${printedFileName(a.path)}  ${a.size} bytes${a.derivation ? `  (${a.derivation} copy)` : ''}`);

    const unsettled = unsettledReferences(file);
    if (unsettled.length) {
      section('Not approved, sent on the requester’s explicit choice');
      for (const reference of unsettled) doc.text(reference);
    }

    section('Withheld');
    if (!file.withheld.length) doc.text('(none)');
    for (const w of file.withheld)
      doc.text(
        `${w.kind} ${[w.reference, w.name && printedFileName(w.name), w.pseudonym].filter(Boolean).join(' ')}: ${w.reason}`,
      );

    // The testimonies' own PDFs come after this one: their first pages close the contents.
    if (testimonyPages.length) {
      contents.push({ title: 'Testimony PDFs (separate files)', page: testimonyPages[0]!.first, indent: 0 });
      for (const p of testimonyPages)
        contents.push({ title: `${p.file} (${p.count} page${p.count === 1 ? '' : 's'})`, page: p.first, indent: 1 });
    }
    drawContents(doc, tocTop, contents);
  });
}

const pageSpan = (p: TestimonyPages) =>
  p.count === 1 ? `page ${pad(p.first)}` : `pages ${pad(p.first)}–${pad(p.first + p.count - 1)}`;
const pad = (page: number) => String(page).padStart(6, '0');

/** `text` cut (with …) to what fits in `width` on one line in the current font, with room to spare. */
function oneLine(doc: Pdf, text: string, width: number): string {
  // Kana and hanzi are drawn from other fonts of about the same advance; measure them as a Hangul
  // syllable (one em) so a Japanese or Chinese title is not underestimated.
  const measure = (s: string) => doc.widthOfString(s.replace(/[^\u0020-\u1fff\uac00-\ud7af]/gu, '가'));
  if (measure(text) <= width) return text;
  const chars = [...text];
  let n = chars.length;
  while (n > 0 && measure(`${chars.slice(0, n).join('')}…`) > width) n--;
  return `${chars.slice(0, n).join('').trimEnd()}…`;
}

function drawContents(doc: Pdf, top: number, contents: Array<{ title: string; page: number; indent: number }>): void {
  doc.switchToPage(0);
  doc.y = top;
  doc.font('bold').fontSize(14).text('Contents', 56).font('body').fontSize(10.5).moveDown(0.3);
  const shown = contents.length > TOC_LINES ? contents.filter((c) => c.indent === 0) : contents;
  for (const entry of shown) {
    const y = doc.y;
    const x = 56 + entry.indent * 16;
    // One line per entry: a title too long for it is cut short with an ellipsis, never wrapped
    // over the entries below (pdfkit wraps any text given a width, lineBreak or not).
    doc.text(oneLine(doc, entry.title, 386 - x), x, y, { lineBreak: false });
    doc.text(pad(entry.page), 400, y, { width: 140, align: 'right', lineBreak: false });
    doc.x = 56;
    doc.y = y + doc.currentLineHeight(true);
    doc.moveDown(0.2);
  }
}
