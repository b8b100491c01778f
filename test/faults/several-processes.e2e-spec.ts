import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { whileHoldingAdvisoryLock } from '@sillok/database';
import { FixityScheduler, SweepRunner } from '@sillok/evidence';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Two API instances on one database, each with its own connection pool, as two processes
// behind a load balancer are: the fixity schedule and the object sweep must run on one only.
describe('jobs that run on one API process at a time', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ reuseDatabase: a.database });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** Holds the job's lock from instance A until the returned release() is called. */
  async function holdOnA(job: string): Promise<{ release: () => Promise<void> }> {
    let release!: () => void;
    let acquired!: () => void;
    const gotLock = new Promise<void>((resolve) => (acquired = resolve));
    const held = whileHoldingAdvisoryLock(a.app.get(DataSource), job, () => {
      acquired();
      return new Promise<void>((resolve) => (release = resolve));
    });
    await gotLock;
    return {
      release: async () => {
        release();
        expect((await held).ran).toBe(true);
      },
    };
  }

  it('a sweep on B is skipped while A sweeps, and runs once A is done', async () => {
    const sweepOnA = await holdOnA('objects:sweep');
    expect(await b.app.get(SweepRunner).run()).toEqual({ ran: false });
    await sweepOnA.release();
    expect((await b.app.get(SweepRunner).run()).ran).toBe(true);
  });

  it('a fixity run on B is skipped as busy while A runs one, and runs once A is done', async () => {
    const fixityOnA = await holdOnA('fixity');
    expect(await b.app.get(FixityScheduler).tick()).toEqual({ ran: false, reason: 'busy' });
    await fixityOnA.release();
    expect((await b.app.get(FixityScheduler).tick()).ran).toBe(true);
  });
});
