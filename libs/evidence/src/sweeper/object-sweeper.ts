import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { OBJECT_STORE, type ObjectStat, type ObjectStore } from '../object-store/object-store.port.js';
import { ObjectReferences } from './object-references.js';

/** On a dry run the counts are of what would be removed. */
export interface SweepReport {
  /** Partial writes of interrupted uploads and exports, removed. */
  temporaryRemoved: number;
  /** Complete objects no row refers to (the process died before its row committed), removed. */
  unreferencedRemoved: number;
  bytesFreed: number;
  /** Unreferenced objects and partial writes younger than the grace period: maybe still being written. */
  keptInGrace: number;
  /** Every unreferenced key found (removed, or listed only on a dry run). */
  unreferencedKeys: string[];
}

const BATCH = 500;

/**
 * Removes what a killed process leaves in the object store: partial writes and complete
 * objects whose database row never committed, once older than the grace period (an upload or
 * export still running writes its object before its row, so younger ones are left alone).
 * Each removal is an `object.sweep` audit event, committed with the removal: the record of
 * custody says what went and why. Originals with a row are never touched.
 */
@Injectable()
export class ObjectSweeper {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly references: ObjectReferences,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  async sweep(options: { graceMs: number; dryRun?: boolean; now?: Date }): Promise<SweepReport> {
    const cutoff = (options.now ?? new Date()).getTime() - options.graceMs;
    const report: SweepReport = {
      temporaryRemoved: 0,
      unreferencedRemoved: 0,
      bytesFreed: 0,
      keptInGrace: 0,
      unreferencedKeys: [],
    };

    for await (const temporary of this.store.listTemporary()) {
      if (temporary.modifiedAt.getTime() > cutoff) {
        report.keptInGrace += 1;
        continue;
      }
      if (!options.dryRun)
        await this.audit.transaction(async (_manager, audit) => {
          await this.store.removeTemporary(temporary.name);
          audit(sweptEvent(temporary.key, 'partial write of an interrupted upload or export', temporary.size));
        });
      report.temporaryRemoved += 1;
      report.bytesFreed += temporary.size;
    }

    let batch: ObjectStat[] = [];
    const sweepBatch = async () => {
      const referenced = await this.references.referenced(
        this.dataSource.manager,
        batch.map((o) => o.key),
      );
      for (const object of batch.filter((o) => !referenced.has(o.key))) {
        report.unreferencedKeys.push(object.key);
        if ((object.modifiedAt?.getTime() ?? Date.now()) > cutoff) report.keptInGrace += 1;
        else if (options.dryRun || (await this.removeUnreferenced(object))) {
          report.unreferencedRemoved += 1;
          report.bytesFreed += object.size;
        }
      }
      batch = [];
    };
    for await (const object of this.store.list()) {
      batch.push(object);
      if (batch.length === BATCH) await sweepBatch();
    }
    if (batch.length) await sweepBatch();
    return report;
  }

  /** Checks again inside the transaction (a row may have committed since the batch was read). */
  private removeUnreferenced(object: ObjectStat): Promise<boolean> {
    return this.audit.transaction(async (manager, audit) => {
      if ((await this.references.referenced(manager, [object.key])).size) return false;
      await this.store.removeIncomplete(object.key);
      audit(sweptEvent(object.key, 'complete object that no record refers to', object.size));
      return true;
    });
  }
}

function sweptEvent(key: string, what: string, size: number) {
  return {
    action: AuditAction.ObjectSweep,
    subjectType: 'object',
    subjectId: key,
    details: { removed: what, size },
  };
}
