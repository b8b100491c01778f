import { describe, expect, it } from '@jest/globals';
import type { CaseFile } from './case-file.js';
import { exportPreview } from './export-preview.js';

const testimony = (reference: string, status: string) =>
  ({
    id: `id-${reference}`,
    reference,
    status,
    witness: { label: `W-${reference}` },
  }) as CaseFile['testimonies'][number];
const attachment = (path: string, size: number, reference: string | null) =>
  ({ id: `id-${path}`, path, size, owner: { type: 'testimony', reference } }) as CaseFile['attachments'][number];

describe('exportPreview', () => {
  it('lists every record considered, included before withheld, with the reason of each withheld one', () => {
    const preview = exportPreview(
      {
        testimonies: [testimony('T-000002', 'approved')],
        incidents: [],
        attachments: [attachment('attachments/abc-map.pdf', 10, 'T-000002')],
        withheld: [
          {
            kind: 'testimony',
            id: 'id-1',
            reference: 'T-000001',
            pseudonym: 'W-1',
            reason: 'consent does not cover x',
          },
          { kind: 'attachment', id: 'id-a', reference: 'T-000001', name: 'a.pdf', pseudonym: '', reason: 'held' },
        ],
      },
      'un-submission',
      0,
    );
    expect(preview.records.map((r) => [r.kind, r.reference, r.included, r.reason])).toEqual([
      ['testimony', 'T-000002', true, null],
      ['testimony', 'T-000001', false, 'consent does not cover x'],
      ['attachment', 'T-000002', true, null],
      ['attachment', 'T-000001', false, 'held'],
    ]);
    expect(preview.records[0]).toMatchObject({ witness: 'W-T-000002', status: 'approved', name: '' });
    expect(preview.records[2].name).toBe('abc-map.pdf');
    expect(preview.warnings).toEqual([]);
    expect(preview.confirmEmptyRequired).toBeNull();
  });

  it('warns of unsettled records, empty files and identities, and says when confirmEmpty is needed', () => {
    const preview = exportPreview(
      {
        testimonies: [testimony('T-000003', 'under_review')],
        incidents: [],
        attachments: [
          attachment('attachments/abc-empty.txt', 0, 'T-000003'),
          { ...attachment('attachments/def-scan.png', 5, null), mediaType: 'image/png', uploadedName: 'scan.pdf' },
          { ...attachment('attachments/0a1-camp.jpg', 9, 'T-000003'), capturedLocation: true },
        ],
        withheld: [],
      },
      'internal',
      2,
    );
    expect(preview.warnings).toEqual([
      'T-000003 (under_review) would go out unsettled, marked as such on every page',
      'attachments/abc-empty.txt is 0 bytes: set confirmEmpty to export anyway',
      'scan.pdf is image/png, not what its name says: it goes out as def-scan.png',
      '0a1-camp.jpg carries where it was captured (GPS) and would go out with it: the internal profile does not withhold location',
      'the identities of 2 witness(es) would be decrypted into the bag; each read is audited',
    ]);
    expect(preview.confirmEmptyRequired).toMatch(/0 bytes/);
    expect(
      exportPreview({ testimonies: [], incidents: [], attachments: [], withheld: [] }, 'internal', 0),
    ).toMatchObject({ records: [], confirmEmptyRequired: expect.stringMatching(/^nothing would go out/) });
  });
});
