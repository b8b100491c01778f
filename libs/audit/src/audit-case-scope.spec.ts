import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { AuditorOnlyCaseScope } from './audit-case-scope.js';

describe('AuditorOnlyCaseScope (the default until libs/cases supplies its scope)', () => {
  it('gives the auditor the whole log and every other role nothing', async () => {
    const scope = new AuditorOnlyCaseScope();
    await expect(scope.visibleCaseIds({ userId: randomUUID(), role: 'auditor' })).resolves.toBe('all');
    for (const role of ['coordinator', 'admin', 'investigator']) {
      await expect(scope.visibleCaseIds({ userId: randomUUID(), role })).resolves.toEqual([]);
    }
  });
});
