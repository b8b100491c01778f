import type { Readable } from 'node:stream';
import type { ExportSelection } from '../case-export.entity.js';
import type { CaseFile } from '../collect/case-file.js';
import { caseSummaryPdf, type SummaryHeader, type TestimonyPages } from '../render/case-summary-pdf.js';
import { BatesCounter } from '../render/pdf-document.js';
import { incidentsCsv, withheldCsv } from '../render/tables.js';
import { testimonyPdf } from '../render/testimony-pdf.js';
import { thumbnailsOf, type Thumbnail } from '../render/thumbnails.js';
import type { ExportedTestimony } from '../collect/case-file.js';
import { BagWriter, type BagSigner, type FinishedBag } from './bag-writer.js';
import { unsettledReferences } from '../collect/unsettled.js';
import { selectionInBag, withBagIds } from './bag-view.js';

export interface BagHeader extends SummaryHeader {
  sourceOrganization: string;
  requester: { id: string; name: string; email: string; role: string };
  selection: ExportSelection;
}

/** What goes into a bag: the collected case file, its header, its signer, and the stored attachments' bytes. */
export interface CaseFileBagContents {
  collected: CaseFile;
  header: BagHeader;
  signer: BagSigner;
  openObject: (key: string) => Promise<Readable>;
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/**
 * Lays a collected case file out as the bag's payload, in a fixed order (summary, testimonies,
 * incidents, custody, withheld, then the stored attachments, streamed last), and finishes
 * it with the bag-info, manifests and signature. `bag.output` carries the ZIP meanwhile.
 */
export async function writeCaseFileBag(
  bag: BagWriter,
  { collected, header, signer, openObject }: CaseFileBagContents,
): Promise<FinishedBag> {
  try {
    const file = withBagIds(collected);
    const { ids } = file;
    // A public bag names no staff member: the requester appears by role and a per-bag pseudonym.
    const requester = ids.pseudonymous
      ? { id: ids.of(header.requester.id), role: header.requester.role }
      : header.requester;
    bag.addPayload(
      'case.json',
      json({
        export: {
          id: header.exportId,
          profile: header.profile.name,
          recipient: header.recipient,
          requester,
          createdAt: header.createdAt.toISOString(),
          selection: selectionInBag(header.selection, file),
        },
        case: file.case,
        testimonies: file.testimonies.map((t) => ({
          reference: t.reference,
          witness: t.witness.label,
          json: `data/testimonies/${t.reference}.json`,
          pdf: `data/testimonies/${t.reference}.pdf`,
        })),
        incidents: file.incidents.map((i) => i.reference),
        // Where a file sits in the store is Sillok's business, not the recipient's.
        // (Whether a file carries GPS is the preview's warning, not a field of the bag.)
        attachments: file.attachments.map(
          ({ objectKey: _storedAt, capturedLocation: _gps, ...attachment }) => attachment,
        ),
        withheld: file.withheld,
      }),
    );
    // Images of a testimony (those that go out in this bag) are shown small in its PDF.
    const images = (t: ExportedTestimony) =>
      thumbnailsOf(
        file.attachments.filter((a) => t.attachments.includes(a.path)),
        openObject,
      );
    const { summary, testimonies } = await casePdfs(file, header, images);
    bag.addPayload('case-summary.pdf', summary);
    for (const [i, testimony] of file.testimonies.entries()) {
      bag.addPayload(`testimonies/${testimony.reference}.json`, json(testimony));
      bag.addPayload(`testimonies/${testimony.reference}.pdf`, testimonies[i]!);
    }
    bag.addPayload('incidents.json', json(file.incidents));
    bag.addPayload('incidents.csv', incidentsCsv(file.incidents));
    bag.addPayload('custody-log.jsonl', file.custody.map((row) => JSON.stringify(row) + '\n').join(''));
    bag.addPayload('withheld.csv', withheldCsv(file.withheld));
    for (const attachment of file.attachments) {
      bag.addStoredPayload(attachment.path, attachment.size, attachment.sha256, () => openObject(attachment.objectKey));
    }
    return await bag.finish(
      [
        ['Source-Organization', header.sourceOrganization],
        ...(ids.pseudonymous
          ? []
          : ([
              ['Contact-Name', header.requester.name],
              ['Contact-Email', header.requester.email],
            ] as Array<[string, string]>)),
        ['External-Identifier', header.exportId],
        ['External-Description', `${file.case.reference} ${file.case.title}`],
        ['Bagging-Date', header.createdAt.toISOString().slice(0, 10)],
        ['Bag-Software-Agent', 'Sillok'],
        ['Sillok-Profile', header.profile.name],
        ['Sillok-Recipient', header.recipient],
        [
          'Sillok-Requester',
          ids.pseudonymous
            ? `${requester.role} ${requester.id}`
            : `${header.requester.name} <${header.requester.email}> (${header.requester.role}, ${header.requester.id})`,
        ],
        ['Sillok-Case', file.case.reference],
        ['Sillok-Withheld', String(file.withheld.length)],
        [
          'Sillok-Unapproved-Included',
          header.selection.includeUnapproved ? `yes: ${unsettledReferences(file).join(', ') || 'none found'}` : 'no',
        ],
      ],
      signer,
    );
  } catch (error) {
    bag.fail(error as Error);
    throw error;
  }
}

/**
 * The summary and the testimony PDFs, numbered as one run of pages (summary first). The summary's
 * contents give each testimony PDF's first page, which depends on how many pages the summary
 * itself has: so it is drawn once to count its pages, the testimonies are drawn after that many,
 * and the summary is drawn again with their pages. Page numbers are six digits of one width, so
 * the second drawing keeps the first one's page count (else the testimonies are numbered again).
 */
async function casePdfs(
  file: CaseFile,
  header: BagHeader,
  images: (testimony: ExportedTestimony) => Promise<Thumbnail[]>,
): Promise<{ summary: Buffer; testimonies: Buffer[] }> {
  const counted = new BatesCounter(header.exportId);
  await caseSummaryPdf(counted, file, header, placeholders(file));
  let summaryPages = counted.peek() - 1;
  // Page numbers have one width, so the summary keeps its page count; should it not, the
  // testimonies are numbered again after the summary's real length.
  for (let attempt = 1; ; attempt++) {
    const bates = new BatesCounter(header.exportId, summaryPages + 1);
    const testimonies: Buffer[] = [];
    const pages: TestimonyPages[] = [];
    for (const testimony of file.testimonies) {
      const first = bates.peek();
      testimonies.push(await testimonyPdf(bates, testimony, await images(testimony)));
      pages.push({
        reference: testimony.reference,
        file: testimonyPdfPath(testimony.reference),
        first,
        count: bates.peek() - first,
      });
    }
    const final = new BatesCounter(header.exportId);
    const summary = await caseSummaryPdf(final, file, header, pages);
    if (final.peek() - 1 === summaryPages) return { summary, testimonies };
    if (attempt === 3) throw new Error('the case summary changes its page count with its own page references');
    summaryPages = final.peek() - 1;
  }
}

const testimonyPdfPath = (reference: string) => `data/testimonies/${reference}.pdf`;

/** Page references of the same width as the real ones, for counting the summary's pages. */
const placeholders = (file: CaseFile): TestimonyPages[] =>
  file.testimonies.map((t) => ({ reference: t.reference, file: testimonyPdfPath(t.reference), first: 1, count: 2 }));
