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

  /**
   * Holds the job's lock from instance A until the returned release() is called. Either instance's
   * own scheduled run may hold the lock for a moment (a clean-clone CI run hung here waiting for a
   * lock it had failed to take): try again until A holds it.
   */
  async function holdOnA(job: string): Promise<{ release: () => Promise<void> }> {
    let release!: () => void;
    let held: Promise<{ ran: boolean }>;
    for (;;) {
      let acquired!: (got: boolean) => void;
      const gotLock = new Promise<boolean>((resolve) => (acquired = resolve));
      held = whileHoldingAdvisoryLock(a.app.get(DataSource), job, () => {
        acquired(true);
        return new Promise<void>((resolve) => (release = resolve));
      });
      void held.then(({ ran }) => ran || acquired(false));
      if (await gotLock) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
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
