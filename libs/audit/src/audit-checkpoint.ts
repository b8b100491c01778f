import { sign, verify, type KeyObject } from 'node:crypto';
import { DomainError } from '@sillok/core';
import { canonicalJson } from './canonical-json.js';

/** What a checkpoint asserts: the chain had this head at this (database) time. */
export interface AuditCheckpointStatement {
  headSeq: number;
  headHash: string;
  time: string;
}

/**
 * A checkpoint as deposited outside Sillok. `signature` is base64 Ed25519 over the UTF-8 bytes
 * of the RFC 8785 canonical JSON of `statement` (keys headHash, headSeq, time, no whitespace).
 */
export interface SignedAuditCheckpoint {
  statement: AuditCheckpointStatement;
  algorithm: 'Ed25519';
  signature: string;
  /** SHA-256 hex of the signing public key (SPKI DER), to tell keys apart after a rotation. */
  publicKeyFingerprint: string;
}

export function checkpointSignedBytes(statement: AuditCheckpointStatement): Buffer {
  const { headSeq, headHash, time } = statement;
  return Buffer.from(canonicalJson({ headSeq, headHash, time }), 'utf8');
}

export function signCheckpoint(
  statement: AuditCheckpointStatement,
  privateKey: KeyObject,
  publicKeyFingerprint: string,
): SignedAuditCheckpoint {
  const signature = sign(null, checkpointSignedBytes(statement), privateKey).toString('base64');
  return { statement, algorithm: 'Ed25519', signature, publicKeyFingerprint };
}

export function checkpointSignatureValid(checkpoint: SignedAuditCheckpoint, publicKey: KeyObject): boolean {
  try {
    return verify(
      null,
      checkpointSignedBytes(checkpoint.statement),
      publicKey,
      Buffer.from(checkpoint.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/** A checkpoint read from a file or request: shape checked, signature not yet. */
export function parseCheckpoint(text: string): SignedAuditCheckpoint {
  const invalid = (reason: string) => DomainError.validation([{ field: 'checkpoint', reason }]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('is not JSON');
  }
  const checkpoint = value as Partial<SignedAuditCheckpoint> | null;
  const statement = checkpoint?.statement;
  if (
    !statement ||
    !Number.isSafeInteger(statement.headSeq) ||
    statement.headSeq < 0 ||
    typeof statement.headHash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(statement.headHash) ||
    typeof statement.time !== 'string' ||
    typeof checkpoint.signature !== 'string'
  ) {
    throw invalid('must be a signed Sillok audit checkpoint (statement {headSeq, headHash, time} and signature)');
  }
  return {
    statement: { headSeq: statement.headSeq, headHash: statement.headHash, time: statement.time },
    algorithm: 'Ed25519',
    signature: checkpoint.signature,
    publicKeyFingerprint: String(checkpoint.publicKeyFingerprint ?? ''),
  };
}
