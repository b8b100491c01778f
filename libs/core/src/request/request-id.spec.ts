import { describe, expect, it } from '@jest/globals';
import { auditRequestId, clientRequestId, requestIdFrom } from './request-id.js';

describe('request ids', () => {
  it('keeps a plain client id of 8 to 128 characters and refuses anything else', () => {
    expect(clientRequestId('proxy-7f3a9c01')).toBe('proxy-7f3a9c01');
    expect(clientRequestId(['a1b2c3d4e5', 'other-one-here'])).toBe('a1b2c3d4e5');
    for (const bad of [undefined, 'short', 'x'.repeat(129), 'line\nbreak-injected', 'quote"s-here', 'space here']) {
      expect(clientRequestId(bad)).toBeUndefined();
    }
    expect(requestIdFrom('line\nbreak-injected')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('marks a client-supplied id in audit rows and leaves its own as it is', () => {
    expect(auditRequestId({ requestId: 'proxy-7f3a9c01', requestIdFromClient: true })).toBe('client:proxy-7f3a9c01');
    expect(auditRequestId({ requestId: 'f0e1d2c3-0000-4000-8000-000000000000' })).toBe(
      'f0e1d2c3-0000-4000-8000-000000000000',
    );
  });
});
