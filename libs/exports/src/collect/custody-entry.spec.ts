import { describe, expect, it } from '@jest/globals';
import { BagIdentifiers } from './bag-identifiers.js';
import type { CustodyEvent } from '@sillok/audit';
import { custodyEntry } from './custody-entry.js';

const SHA = 'a'.repeat(64);
const row = (action: string, details: Record<string, unknown>): CustodyEvent => ({
  seq: '42',
  at: '2026-12-01T10:00:00.000Z',
  action,
  subjectType: 'testimony',
  subjectId: 'testimony-uuid',
  actorUserId: 'user-uuid',
  actorRole: 'investigator',
  requestId: 'request-1',
  details,
});
const create = row('testimony.create', {
  reference: 'T-000001',
  witnessId: 'witness-uuid',
  revision: 1,
  contentSha256: SHA,
});

describe('custodyEntry', () => {
  it('never shows the audit row hash, in any profile', () => {
    const entry = custodyEntry({ ...create, hash: SHA } as CustodyEvent, {
      redacted: false,
      ids: new BagIdentifiers(false),
    });
    expect(JSON.stringify(entry)).not.toContain('"hash"');
    expect(entry).toMatchObject({ auditSeq: '42', subjectId: 'testimony-uuid', actorUserId: 'user-uuid' });
  });

  it('keeps every detail where nothing is hidden', () => {
    const entry = custodyEntry(create, { redacted: false, ids: new BagIdentifiers(false) });
    expect(entry.details).toEqual(create.details);
    expect(entry.requestId).toBe('request-1');
  });

  it('keeps only content-free details in a redacted bag: no hash, size or before/after text', () => {
    const ids = new BagIdentifiers(false);
    expect(custodyEntry(create, { redacted: true, ids }).details).toEqual({
      reference: 'T-000001',
      witnessId: 'witness-uuid',
      revision: 1,
    });
    const upload = row('attachment.upload', { ownerType: 'testimony', ownerId: 'o', sha256: SHA, size: 4099 });
    expect(custodyEntry(upload, { redacted: true, ids }).details).toEqual({ ownerType: 'testimony', ownerId: 'o' });
    const source = row('incident.source.update', {
      sourceId: 's',
      changed: ['note'],
      before: { note: '김철수' },
      after: {},
    });
    expect(custodyEntry(source, { redacted: true, ids }).details).toEqual({ sourceId: 's', changed: ['note'] });
  });

  it('shows only per-bag pseudonyms for records and staff in a public bag, and no global sequence', () => {
    const ids = new BagIdentifiers(true);
    const entry = custodyEntry(create, { redacted: true, ids });
    expect(entry.auditSeq).toBeUndefined();
    expect(entry.requestId).toBeUndefined();
    expect(entry.subjectId).toBe(ids.of('testimony-uuid'));
    expect(entry.actorUserId).toBe(ids.of('user-uuid'));
    expect(entry.details).toEqual({ reference: 'T-000001', witnessId: ids.of('witness-uuid'), revision: 1 });
    expect(JSON.stringify(entry)).not.toMatch(/uuid|request-1|"42"/);
  });

  it('says only which export an item went to, never to whom', () => {
    const exported = row('attachment.export', { exportId: 'export-uuid', recipient: 'OHCHR', profile: 'internal' });
    expect(custodyEntry(exported, { redacted: false, ids: new BagIdentifiers(false) }).details).toEqual({
      exportId: 'export-uuid',
    });
    const ids = new BagIdentifiers(true);
    expect(custodyEntry(exported, { redacted: true, ids }).details).toEqual({ exportId: ids.of('export-uuid') });
  });

  it('drops a detail that is not an id where an id belongs', () => {
    const odd = row('testimony.update', { tagId: { nested: 'x' }, fields: ['title'] });
    expect(custodyEntry(odd, { redacted: true, ids: new BagIdentifiers(false) }).details).toEqual({
      tagId: null,
      fields: ['title'],
    });
  });
});
