import type { Readable } from 'node:stream';
import type { ExportSelection } from '../case-export.entity.js';
import type { CaseFile } from '../collect/case-file.js';
import { caseSummaryPdf, type SummaryHeader } from '../render/case-summary-pdf.js';
import { BatesCounter } from '../render/pdf-document.js';
import { incidentsCsv, withheldCsv } from '../render/tables.js';
import { testimonyPdf } from '../render/testimony-pdf.js';
import { BagWriter, type BagSigner, type FinishedBag } from './bag-writer.js';
import { unsettledReferences } from '../collect/unsettled.js';
import { selectionInBag, withBagIds } from './bag-view.js';

export interface BagHeader extends SummaryHeader {
  sourceOrganization: string;
  requester: { id: string; name: string; email: string; role: string };
  selection: ExportSelection;
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/**
 * Lays a collected case file out as the bag's payload, in a fixed order (summary, testimonies,
 * incidents, custody, withheld, then the stored attachments, streamed last), and finishes
 * it with the bag-info, manifests and signature. `bag.output` carries the ZIP meanwhile.
 */
export async function writeCaseFileBag(
  bag: BagWriter,
  collected: CaseFile,
  header: BagHeader,
  signer: BagSigner,
  openObject: (key: string) => Promise<Readable>,
): Promise<FinishedBag> {
  try {
    const file = withBagIds(collected);
    const { ids } = file;
    // A public bag names no staff member: the requester appears by role and a per-bag pseudonym.
    const requester = ids.pseudonymous
      ? { id: ids.of(header.requester.id), role: header.requester.role }
      : header.requester;
    const bates = new BatesCounter(header.exportId);
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
        attachments: file.attachments.map(({ objectKey: _storedAt, ...attachment }) => attachment),
        withheld: file.withheld,
      }),
    );
    bag.addPayload('case-summary.pdf', await caseSummaryPdf(bates, file, header));
    for (const testimony of file.testimonies) {
      bag.addPayload(`testimonies/${testimony.reference}.json`, json(testimony));
      bag.addPayload(`testimonies/${testimony.reference}.pdf`, await testimonyPdf(bates, testimony));
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
