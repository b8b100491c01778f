import { Inject, Injectable, Optional } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { PoolClient } from 'pg';
import { AuditAction } from './audit-action.js';
import { AuditService } from './audit.service.js';
import { sealAuditChain } from './audit-sealer.js';
import { streamAuditRows } from './audit-row.stream.js';
import { AuditChainChecker, type AuditChainBreak } from './audit-chain.checker.js';
import { checkpointSignatureValid, type SignedAuditCheckpoint } from './audit-checkpoint.js';
import { AuditSigningKey } from './audit-signing-key.js';

export interface AuditVerifyProgress {
  checked: number;
  total: number;
}

export interface AuditVerifyOptions {
  /** A checkpoint deposited earlier: the chain must reach its seq with its hash, and its signature must hold. */
  checkpoint?: SignedAuditCheckpoint;
  /** The Ed25519 public key the checkpoint must verify with; default: AUDIT_SIGNING_KEY's, where it is set. */
  publicKey?: KeyObject;
  /** Rows a COPY statement streams (each batch is one short statement, not one snapshot for the whole log). */
  batchSize?: number;
  /** Called after every batch. */
  onProgress?: (progress: AuditVerifyProgress) => void;
}

export type AuditVerification =
  | { ok: true; count: number; headSeq: number; headHash: string; checkpointSeq?: number }
  | ({ ok: false; count: number } & AuditChainBreak);

/**
 * Recomputes the chain from seq 1 to the head as it was when verification began, in keyset
 * batches on the primary key, each streamed by COPY: never the whole table in memory, no
 * snapshot held for the whole run. Rows appended meanwhile are left for the next run.
 * Rows deleted from the end of the chain show only against a checkpoint taken before.
 */
@Injectable()
export class AuditVerifier {
  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(AuditSigningKey) private readonly signingKey: AuditSigningKey | null,
    private readonly audit: AuditService,
  ) {}

  /** verify(), then an audit.verify event with the outcome (who checked the log, and what they saw). */
  async verifyAudited(options: AuditVerifyOptions = {}): Promise<AuditVerification> {
    const result = await this.verify(options);
    const { ok, count } = result;
    const outcome = result.ok
      ? { headSeq: result.headSeq, headHash: result.headHash }
      : { brokenSeq: result.seq, problem: result.problem };
    const checkpointSeq = options.checkpoint?.statement.headSeq;
    await this.audit.recordNow({
      action: AuditAction.AuditVerify,
      details: { ok, count, ...outcome, ...(checkpointSeq === undefined ? {} : { checkpointSeq }) },
    });
    return result;
  }

  async verify(options: AuditVerifyOptions = {}): Promise<AuditVerification> {
    const { checkpoint, batchSize = 50_000 } = options;
    const publicKey = options.publicKey ?? this.signingKey?.publicKey;
    if (checkpoint && !publicKey) {
      const detail = 'no public key to check the checkpoint signature with (give the published audit public key)';
      return { ok: false, count: 0, seq: checkpoint.statement.headSeq, problem: 'checkpoint', detail };
    }
    if (checkpoint && publicKey && !checkpointSignatureValid(checkpoint, publicKey)) {
      const detail = 'the checkpoint signature does not verify with this installation’s public key';
      return { ok: false, count: 0, seq: checkpoint.statement.headSeq, problem: 'checkpoint', detail };
    }
    // Events committed while another transaction held the chain lock join it now, so they are checked too.
    await sealAuditChain(this.dataSource.manager);
    const runner = this.dataSource.createQueryRunner('slave');
    // The raw pg client, for COPY TO STDOUT.
    const client = (await runner.connect()) as PoolClient;
    try {
      const { rows: heads } = await client.query(`SELECT coalesce(max(seq), 0)::float8 AS head FROM audit_events`);
      // A forged row with a huge seq must end in 'missing', not in a bound that is no integer.
      const head = Math.min(heads[0].head as number, Number.MAX_SAFE_INTEGER);
      const checker = new AuditChainChecker();
      const atCheckpoint = () => checkpointDisagreement(checkpoint, checker);
      const early = atCheckpoint();
      if (early) return { ok: false, count: 0, ...early };
      let broken: AuditChainBreak | undefined;
      for (let after = 0, read = batchSize; read === batchSize && !broken;) {
        read = 0;
        for await (const rows of streamAuditRows(client, { after, upTo: head, limit: batchSize })) {
          read += rows.length;
          if (rows.length) after = rows[rows.length - 1].seq;
          // After a break the rest of the batch is still read: abandoning a COPY midway would spoil the connection.
          for (let i = 0; i < rows.length && !broken; i++) broken = checker.check(rows[i]) ?? atCheckpoint();
        }
        options.onProgress?.({ checked: checker.count, total: head });
      }
      if (broken) return { ok: false, count: checker.count, ...broken };
      if (checker.count < head) {
        // Rows removed from the end of the range read: the head seen at the start is gone.
        return missingFrom(checker.count, head, 'were there when verification began');
      }
      if (checkpoint && checker.count < checkpoint.statement.headSeq) {
        return missingFrom(
          checker.count,
          checkpoint.statement.headSeq,
          `are in the checkpoint of ${checkpoint.statement.time}`,
        );
      }
      return {
        ok: true,
        count: checker.count,
        headSeq: checker.count,
        headHash: checker.headHash,
        ...(checkpoint ? { checkpointSeq: checkpoint.statement.headSeq } : {}),
      };
    } finally {
      await runner.release();
    }
  }
}

/** The break when the checker has just reached the checkpoint's seq with another hash. */
function checkpointDisagreement(
  checkpoint: SignedAuditCheckpoint | undefined,
  checker: AuditChainChecker,
): AuditChainBreak | undefined {
  if (!checkpoint || checker.count !== checkpoint.statement.headSeq) return undefined;
  if (checker.headHash === checkpoint.statement.headHash) return undefined;
  return {
    seq: checker.count,
    problem: 'checkpoint',
    detail: `the hash at seq ${checker.count} differs from the checkpoint of ${checkpoint.statement.time}: rows up to it were rewritten`,
  };
}

function missingFrom(count: number, last: number, why: string): Extract<AuditVerification, { ok: false }> {
  return {
    ok: false,
    count,
    seq: count + 1,
    problem: 'missing',
    detail: `seq ${count + 1} to ${last} ${why} and are missing`,
  };
}
