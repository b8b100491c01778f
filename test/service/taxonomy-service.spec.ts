import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError, requestContext } from '@sillok/core';
import { TaxonomyManageService, TaxonomyService } from '@sillok/taxonomy';
import { startServiceContext, type ServiceContext } from '../support/service-context.js';
import { readAuditLog } from '../support/audit-log.js';

// The exported API that tagging, incidents and search build on.
describe('TaxonomyService for other libraries', () => {
  let t: ServiceContext;
  let taxonomy: TaxonomyService;
  let manage: TaxonomyManageService;
  let db: DataSource;
  const idOf = async (scheme: string, code: string): Promise<string> =>
    (await db.query(`SELECT id FROM taxonomy_terms WHERE scheme = $1 AND code = $2`, [scheme, code]))[0].id;

  beforeAll(async () => {
    t = await startServiceContext();
    taxonomy = t.app.get(TaxonomyService);
    manage = t.app.get(TaxonomyManageService);
    db = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  it('requireTerms accepts terms of the scheme and names the field otherwise', async () => {
    const torture = await idOf('coi-violation', 'E.2');
    const murder = await idOf('rome-art7', '7.1.a');
    expect((await taxonomy.requireTerms([torture], 'coi-violation', { field: 'violationTermIds' }))[0].code).toBe(
      'E.2',
    );
    for (const ids of [[murder], [randomUUID()], ['nope']]) {
      const error = await taxonomy.requireTerms(ids, 'coi-violation', { field: 'violationTermIds' }).catch((e) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).extensions.errors).toEqual([
        { field: 'violationTermIds', reason: expect.any(String) },
      ]);
    }
  });

  it('requireTerms refuses a deprecated term unless the record already holds it', async () => {
    const [term] = await db.query(`SELECT id, version FROM taxonomy_terms WHERE scheme = 'agency' AND code = 'courts'`);
    await manage.deprecateTerm(term.id, { version: term.version, reason: 'test' });
    await expect(taxonomy.requireTerms([term.id], 'agency', { field: 'agencyIds' })).rejects.toThrow(/active term/);
    expect(
      await taxonomy.requireTerms([term.id], 'agency', { field: 'agencyIds', allowDeprecated: true }),
    ).toHaveLength(1);
  });

  it('matchingTermIds resolves a name for filters, deprecated terms included', async () => {
    const yodok = await idOf('facility', 'kwanliso-15');
    for (const q of ['Yodeok', '요덕', 'Camp 15']) {
      expect(await taxonomy.matchingTermIds(q, { scheme: 'facility' })).toEqual([yodok]);
    }
    expect(await taxonomy.matchingTermIds('Yodok camp', { scheme: 'facility' })).toEqual([]);
    expect(await taxonomy.matchingTermIds('courts', { scheme: 'agency' })).toHaveLength(1);
  });

  it('records the acting coordinator as creator and in the audit row', async () => {
    const actor = { userId: randomUUID(), role: 'coordinator' };
    const term = await requestContext.run({ requestId: 'req-tax-0001', actor }, () =>
      manage.createTerm('agency', { code: 'local-unit', labelEn: 'Local security unit', aliases: ['LSU'] }),
    );
    expect(term.createdBy).toBe(actor.userId);
    const [row] = await readAuditLog(
      db,
      `SELECT actor_user_id, actor_role, request_id, subject_type, details FROM audit_events
        WHERE action = 'taxonomy.term.create' AND subject_id = $1`,
      [term.id],
    );
    expect(row).toEqual({
      actor_user_id: actor.userId,
      actor_role: 'coordinator',
      request_id: 'req-tax-0001',
      subject_type: 'taxonomy_term',
      details: { scheme: 'agency', code: 'local-unit' },
    });
  });

  it('writes no term and no audit row when a create is refused', async () => {
    const before = Number((await readAuditLog(db, `SELECT count(*) AS n FROM audit_events`))[0].n);
    await expect(manage.createTerm('agency', { code: 'local-unit', labelEn: 'Duplicate' })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(Number((await readAuditLog(db, `SELECT count(*) AS n FROM audit_events`))[0].n)).toBe(before);
  });
});
