import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '@sillok/auth';
import { Case } from '@sillok/cases';
import { bigintNumber } from '@sillok/database';
import type { ExportProfileName } from './profiles/export-profile.js';

/**
 * One testimony or attachment left out of an export, and why (the bag's withheld.csv holds
 * the same, like a privilege log): named by codes only, never by anything identifying.
 */
export interface WithheldItem {
  kind: 'testimony' | 'attachment' | 'incident';
  id: string;
  /** The testimony's or incident's reference (T-000123), or for an attachment that of its testimony. */
  reference: string;
  /** An attachment's file name, as this profile may show it. */
  name?: string;
  /** The witness's pseudonym, empty where the profile hides pseudonyms. */
  pseudonym: string;
  reason: string;
}

/** What the requester asked for; ids are those chosen, or absent for "the whole case". */
export interface ExportSelection {
  testimonyIds?: string[];
  incidentIds?: string[];
  attachmentIds?: string[];
  /** The case's own files; absent: with a whole-case export only. */
  includeCaseAttachments?: boolean;
  /** Testimonies not approved and incidents not confirmed, where the profile would hold them back. */
  includeUnapproved?: boolean;
  includeIdentities: boolean;
}

/** A recorded case-file export. Never changed (a trigger refuses it); its bag stays at objectKey. */
@Entity('case_exports')
@Index('case_exports_object_key_key', { synchronize: false })
@Index('case_exports_case_idx', { synchronize: false })
@Index('case_exports_testimonies_idx', { synchronize: false })
@Check('case_exports_profile_check', `profile IN ('un-submission', 'prosecution', 'public-anonymised', 'internal')`)
@Check('case_exports_size_check', `size > 0`)
@Check('case_exports_tag_manifest_sha256_check', `tag_manifest_sha256 ~ '^[0-9a-f]{64}$'`)
export class CaseExport {
  /** Chosen before the bag is written: it is the bag's External-Identifier and on every PDF page. */
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  caseId: string;

  @Column('text')
  profile: ExportProfileName;

  @Column('text')
  recipient: string;

  @Column('jsonb')
  selection: ExportSelection;

  /** The testimonies the recipient received: whom to tell when a witness withdraws consent. */
  @Column({ type: 'uuid', array: true })
  testimonyIds: string[];

  @Column({ type: 'uuid', array: true })
  attachmentIds: string[];

  @Column('jsonb')
  withheld: WithheldItem[];

  @Column('boolean')
  includesIdentities: boolean;

  @Column('text')
  objectKey: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  size: number;

  @Column('text')
  payloadOxum: string;

  @Column('text')
  tagManifestSha256: string;

  /** Base64 Ed25519 signature of tagmanifest-sha256.txt. */
  @Column('text')
  signature: string;

  @Column('text')
  publicKeyFingerprint: string;

  @Column('uuid')
  createdBy: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @ManyToOne(() => Case)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_exports_case_id_fkey' })
  case?: Case;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'case_exports_created_by_fkey' })
  creator?: User;
}
