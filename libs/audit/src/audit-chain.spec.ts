import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { GENESIS_HASH, auditRowHash, canonicalAuditRow, type AuditHashedFields } from './audit-chain.js';
import { canonicalJson } from './canonical-json.js';

const ROW: AuditHashedFields = {
  seq: 1,
  occurred_at: '2026-11-27T21:15:03.123456Z',
  actor_user_id: '0b6c3b1e-58a4-4a6f-8f7e-6d3c2a1b0f9e',
  actor_role: 'investigator',
  action: 'witness.identity.read',
  subject_type: 'witness',
  subject_id: 'TBG031',
  case_id: null,
  request_id: 'req-0001',
  client_address: '203.0.113.7',
  user_agent: 'Mozilla/5.0 "quoted" \\ 한국어',
  reason: '증언 확인 (interview)',
  details: { fields: ['legalName'], z: { b: 1, a: [true, null, 0.5] } },
  prev_hash: GENESIS_HASH,
};

describe('audit row hash', () => {
  it('hashes the RFC 8785 canonical JSON of the row', () => {
    expect(canonicalAuditRow(ROW)).toBe(canonicalJson(ROW));
    expect(canonicalAuditRow({ ...ROW, details: {}, reason: null, seq: 9007199254740991 })).toBe(
      canonicalJson({ ...ROW, details: {}, reason: null, seq: 9007199254740991 }),
    );
    const expected = createHash('sha256').update(canonicalJson(ROW), 'utf8').digest('hex');
    expect(auditRowHash(ROW)).toBe(expected);
  });

  it('keeps the documented serialisation (a known answer: changing it breaks every stored chain)', () => {
    expect(canonicalAuditRow(ROW)).toBe(
      '{"action":"witness.identity.read","actor_role":"investigator","actor_user_id":"0b6c3b1e-58a4-4a6f-8f7e-6d3c2a1b0f9e",' +
        '"case_id":null,"client_address":"203.0.113.7","details":{"fields":["legalName"],"z":{"a":[true,null,0.5],"b":1}},' +
        '"occurred_at":"2026-11-27T21:15:03.123456Z","prev_hash":"' +
        GENESIS_HASH +
        '","reason":"증언 확인 (interview)","request_id":"req-0001","seq":1,"subject_id":"TBG031","subject_type":"witness",' +
        '"user_agent":"Mozilla/5.0 \\"quoted\\" \\\\ 한국어"}',
    );
    // Recomputed independently: Python json.dumps(row, sort_keys=True, separators=(",", ":"), ensure_ascii=False).
    expect(auditRowHash(ROW)).toBe('de595dbfdb36fe4bf6f97aeb3f860049176f1cb11d31da307e740d27e56ebf8a');
  });

  it('changes with every field', () => {
    const base = auditRowHash(ROW);
    for (const [key, value] of Object.entries({ seq: 2, occurred_at: '2026-11-27T21:15:03.123457Z', case_id: 'x' })) {
      expect(auditRowHash({ ...ROW, [key]: value })).not.toBe(base);
    }
  });
});
