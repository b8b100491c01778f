import PDFDocument from 'pdfkit';
import { printEveryScript } from './every-script-text.js';

/** The running page number across every PDF of one bag, in the manner of Bates numbering. */
export class BatesCounter {
  private next: number;

  /** `first`: the number of the first page to take (1 for a bag's first PDF). */
  constructor(
    readonly exportId: string,
    first = 1,
  ) {
    this.next = first;
  }

  /** Reserves `count` page numbers and returns the first. */
  take(count: number): number {
    const first = this.next;
    this.next += count;
    return first;
  }

  /** The page reference printed at the foot of a page: export id and six-digit page number. */
  reference(page: number): string {
    return `${this.exportId} · ${String(page).padStart(6, '0')}`;
  }

  /** What PDF viewers show as the page number (a page label): ASCII, so any viewer shows it. */
  labelPrefix(): string {
    return `${this.exportId} p. `;
  }

  /** The number the next page will get (for a table of contents drawn before the pages are). */
  peek(): number {
    return this.next;
  }
}

export type Pdf = PDFKit.PDFDocument;

/**
 * A PDF drawn by `draw`, with every page footed by its running reference. Pages are kept
 * until the end (small text documents) so the references and a table of contents can be
 * written once the page count is known.
 */
export async function renderPdf(
  bates: BatesCounter,
  title: string,
  draw: (doc: Pdf, firstPage: number) => void,
  /** Printed at the top of every page (a record sent before it was approved). */
  pageMark?: string,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: { Title: title, Producer: 'Sillok' },
  });
  printEveryScript(doc);
  doc.font('body').fontSize(10.5);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  const firstPage = bates.peek();
  draw(doc, firstPage);
  const range = doc.bufferedPageRange();
  bates.take(range.count);
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font('body')
      .fontSize(8)
      .fillColor('#444444')
      .text(bates.reference(firstPage + i), 56, doc.page.height - 36, {
        width: doc.page.width - 112,
        align: 'right',
        lineBreak: false,
      });
    if (pageMark)
      doc
        .font('bold')
        .fontSize(9)
        .fillColor('#b00000')
        .text(pageMark, 56, 24, {
          width: doc.page.width - 112,
          lineBreak: false,
        });
    doc.page.margins.bottom = bottom;
  }
  setPageLabels(doc, bates.labelPrefix(), firstPage);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/**
 * PDF page labels (ISO 32000 12.4.2): viewers then show a page's running reference as its
 * page number, so "go to page" and citations use the same numbers as the footers.
 */
function setPageLabels(doc: Pdf, prefix: string, firstPage: number): void {
  // pdfkit has no API for the catalog's PageLabels; its catalog is written at doc.end().
  const catalog = (doc as unknown as { _root: { data: Record<string, unknown> } })._root;
  // A String object is written as a PDF text string; a plain string would become a PDF name.
  catalog.data.PageLabels = { Nums: [0, { S: 'D', P: new String(prefix), St: firstPage }] };
}

/** A section heading; one that would sit alone at the foot of a page starts the next page instead. */
export function heading(doc: Pdf, text: string, size = 14): void {
  doc.moveDown(0.6).font('bold').fontSize(size);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  // The heading itself and two lines of body text under it.
  const needed = doc.heightOfString(text, { width }) + 2 * 10.5 * 1.5;
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.font('bold').fontSize(size).fillColor('#000000').text(text).font('body').fontSize(10.5).moveDown(0.3);
}

/**
 * A file name or path as printed: at most `max` characters (two lines of body text), the middle
 * elided (…) so both its start and its extension show. A 200-character name without a space would
 * otherwise fill four lines, pushed whole onto the next page when it starts near the foot of one.
 * The bag's JSON (and the file itself) keep the full name.
 */
export function printedFileName(name: string, max = 120): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const head = Math.ceil((max - 1) / 2);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (max - 1 - head)).join('')}`;
}

/** `label: value` on one paragraph, skipped when the value is empty. */
export function field(doc: Pdf, label: string, value: string | number | null | undefined): void {
  if (value === null || value === undefined || value === '') return;
  doc.font('bold').text(`${label}: `, { continued: true }).font('body').text(String(value));
}
