import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditAction, AuditService } from '@sillok/audit';
import { DomainError, ErrorCode } from '@sillok/core';
import { Attachment } from '../attachments/attachment.entity.js';
import { FixityCheck } from '../attachments/fixity-check.entity.js';
import { OBJECT_STORE, type ObjectStore } from '../object-store/object-store.port.js';

export interface FixityProgress {
  checked: number;
  total: number;
  failed: number;
}

export interface FixityFailure {
  attachmentId: string;
  missing: boolean;
  expectedSha256: string;
  observedSha256: string | null;
  expectedSize: number;
  observedSize: number | null;
}

export interface FixityRunReport {
  runId: string;
  resumed: boolean;
  /** Attachments checked by this run, earlier invocations of a resumed run included. */
  checked: number;
  failures: FixityFailure[];
}

const BATCH = 100;

/**
 * Re-reads every stored object, recomputes its SHA-256 and compares it (and the size)
 * with the row written at ingest. Each check is a fixity_checks row and an
 * `attachment.fixity.check` audit event (the attachment's chain of custody). A run has an
 * id; resuming continues the latest run and skips what it already checked.
 */
@Injectable()
export class FixityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  async run(
    options: { resume?: boolean; onProgress?: (progress: FixityProgress) => void } = {},
  ): Promise<FixityRunReport> {
    const previous = options.resume ? await this.latestRunId() : undefined;
    const runId = previous ?? randomUUID();
    const total = await this.dataSource.getRepository(Attachment).count();
    let checked = await this.dataSource.getRepository(FixityCheck).countBy({ runId });
    let failed = await this.dataSource.getRepository(FixityCheck).countBy({ runId, ok: false });
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await this.uncheckedAfter(runId, after);
      if (batch.length === 0) break;
      for (const attachment of batch) {
        const check = await this.checkOne(runId, attachment);
        checked += 1;
        if (!check.ok) failed += 1;
        options.onProgress?.({ checked, total, failed });
      }
      after = batch[batch.length - 1].id;
    }
    return { runId, resumed: previous !== undefined, checked, failures: await this.failuresOf(runId) };
  }

  private async latestRunId(): Promise<string | undefined> {
    const [latest] = await this.dataSource.getRepository(FixityCheck).find({ order: { checkedAt: 'DESC' }, take: 1 });
    return latest?.runId;
  }

  private uncheckedAfter(runId: string, after: string): Promise<Attachment[]> {
    return this.dataSource
      .getRepository(Attachment)
      .createQueryBuilder('a')
      .where('a.id > :after', { after })
      .andWhere('NOT EXISTS (SELECT 1 FROM fixity_checks f WHERE f.attachment_id = a.id AND f.run_id = :runId)', {
        runId,
      })
      .orderBy('a.id')
      .take(BATCH)
      .getMany();
  }

  private async checkOne(runId: string, attachment: Attachment): Promise<FixityCheck> {
    const observed = await this.observe(attachment.objectKey);
    const ok = observed !== null && observed.sha256 === attachment.sha256 && observed.size === attachment.size;
    return this.audit.transaction(async (manager, audit) => {
      const check = await manager.getRepository(FixityCheck).save(
        manager.getRepository(FixityCheck).create({
          attachmentId: attachment.id,
          runId,
          ok,
          missing: observed === null,
          observedSha256: observed?.sha256 ?? null,
          observedSize: observed?.size ?? null,
        }),
      );
      audit({
        action: AuditAction.AttachmentFixityCheck,
        subjectType: 'attachment',
        subjectId: attachment.id,
        caseId: attachment.caseId,
        details: { runId, ok, missing: observed === null, ...(ok ? {} : { observedSha256: observed?.sha256 ?? null }) },
      });
      return check;
    });
  }

  /** The object's SHA-256 and size as stored now; null when the object is gone. Other failures end the run. */
  private async observe(key: string): Promise<{ sha256: string; size: number } | null> {
    try {
      // SHA-256 alone: the stored MD5 is for review tools, never for integrity, so a check skips it.
      const sha256 = createHash('sha256');
      let size = 0;
      for await (const chunk of (await this.store.get(key)) as AsyncIterable<Buffer>) {
        sha256.update(chunk);
        size += chunk.length;
      }
      return { sha256: sha256.digest('hex'), size };
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NotFound) return null;
      throw error;
    }
  }

  private async failuresOf(runId: string): Promise<FixityFailure[]> {
    const rows = (await this.dataSource.query(
      `SELECT f.attachment_id AS "attachmentId", f.missing, a.sha256 AS "expectedSha256",
              f.observed_sha256 AS "observedSha256", a.size::float8 AS "expectedSize",
              f.observed_size::float8 AS "observedSize"
         FROM fixity_checks f JOIN attachments a ON a.id = f.attachment_id
        WHERE f.run_id = $1 AND NOT f.ok
        ORDER BY f.attachment_id`,
      [runId],
    )) as FixityFailure[];
    return rows;
  }
}
