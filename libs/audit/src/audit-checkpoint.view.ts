import type { SignedAuditCheckpoint } from './audit-checkpoint.js';

/** The latest signed checkpoint as recorded in the chain by `sillok audit:checkpoint`. */
export interface AuditCheckpointView {
  /** The audit event that recorded it. */
  seq: number;
  recordedAt: string;
  actor: { userId: string | null; role: string | null };
  headSeq: number;
  headHash: string;
  publicKeyFingerprint: string;
  /**
   * The deposited checkpoint, ready to check with `sillok audit:verify --checkpoint` or openssl;
   * null for checkpoints recorded before the signature was kept in the chain.
   */
  signed: SignedAuditCheckpoint | null;
  /** The chain still holds headHash at headSeq (false: rewritten since, or cut short). */
  matchesChain: boolean;
}

export interface LatestAuditCheckpoint {
  /** Null before the first `sillok audit:checkpoint`. */
  checkpoint: AuditCheckpointView | null;
}
