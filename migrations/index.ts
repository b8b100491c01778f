import type { MigrationList } from '@sillok/database';
import { EnableExtensions1764270000000 } from './1764270000000-enable-extensions.js';
import { CreateAuditEvents1764280000000 } from './1764280000000-create-audit-events.js';
import { ChainAuditEventsAtCommit1764280000001 } from './1764280000001-chain-audit-events-at-commit.js';
import { CreateUsers1764290000000 } from './1764290000000-create-users.js';
import { CreateAuthSessions1764290000001 } from './1764290000001-create-auth-sessions.js';
import { CreateMfa1764290000002 } from './1764290000002-create-mfa.js';
import { CreateCases1764290000003 } from './1764290000003-create-cases.js';
import { CreateCaseMembers1764290000004 } from './1764290000004-create-case-members.js';
import { CreateTaxonomyTerms1764300000000 } from './1764300000000-create-taxonomy-terms.js';
import { CreateTaxonomyTermKeys1764300001000 } from './1764300001000-create-taxonomy-term-keys.js';
import { SeedTaxonomyTerms1764300002000 } from './1764300002000-seed-taxonomy-terms.js';
import { CreateWitnesses1764320000000 } from './1764320000000-create-witnesses.js';
import { CreateWitnessIdentities1764320000001 } from './1764320000001-create-witness-identities.js';
import { CreateTestimonies1764320000002 } from './1764320000002-create-testimonies.js';
import { CreateTestimonyRevisions1764320000003 } from './1764320000003-create-testimony-revisions.js';
import { CreateConsentRecords1764320000004 } from './1764320000004-create-consent-records.js';
import { CreateTestimonyAnnotations1764330000000 } from './1764330000000-create-testimony-annotations.js';
import { CreateIncidents1764331000000 } from './1764331000000-create-incidents.js';
import { CreateAbductees1764332000000 } from './1764332000000-create-abductees.js';
import { CreateAttachments1764340000000 } from './1764340000000-create-attachments.js';
import { CreateFixityChecks1764340000001 } from './1764340000001-create-fixity-checks.js';
import { CreateAttachmentCaptureMetadata1764350000000 } from './1764350000000-create-attachment-capture-metadata.js';
import { AttachmentsOfIncidents1764360000000 } from './1764360000000-attachments-of-incidents.js';
import { CreateCaseExports1764400000000 } from './1764400000000-create-case-exports.js';
import { CreateSearchDocuments1764410000000 } from './1764410000000-create-search-documents.js';
import { AddExternalIds1764420000000 } from './1764420000000-add-external-ids.js';
import { SearchMatchIndex1764430000000 } from './1764430000000-search-match-index.js';
import { CreateIdempotencyKeys1764514000000 } from './1764514000000-create-idempotency-keys.js';
import { AuditAppendThroughOwnerFunction1764520000000 } from './1764520000000-audit-append-through-owner-function.js';
import { CreateAuthRateLimits1764520000001 } from './1764520000001-create-auth-rate-limits.js';
import { SealIdentityExports1764530000000 } from './1764530000000-seal-identity-exports.js';
import { KoreanJapaneseTermLabels1764561000000 } from './1764561000000-korean-japanese-term-labels.js';
import { CreateAccountResetRequests1765010000000 } from './1765010000000-create-account-reset-requests.js';
import { SearchNewestIndex1765030000000 } from './1765030000000-search-newest-index.js';
import { AuditChainInBatches1765050000000 } from './1765050000000-audit-chain-in-batches.js';
import { FacilityCoordinates1765060000000 } from './1765060000000-facility-coordinates.js';
import { KwanlisoKoreanLabels1765070000000 } from './1765070000000-kwanliso-korean-labels.js';
import { FixityChecksByTime1765070000001 } from './1765070000001-fixity-checks-by-time.js';
import { SearchRefreshInBatches1765090000000 } from './1765090000000-search-refresh-in-batches.js';
import { AuditChainOncePerBatch1765090000001 } from './1765090000001-audit-chain-once-per-batch.js';
import { RemainingTermLabelsKoJa1765100000000 } from './1765100000000-remaining-term-labels-ko-ja.js';
import { AuditPendingSetBased1765110000000 } from './1765110000000-audit-pending-set-based.js';
import { SearchCaseArrayStatistics1765120000000 } from './1765120000000-search-case-array-statistics.js';
import { SearchPhrasePairs1765130000000 } from './1765130000000-search-phrase-pairs.js';
import { SearchRefreshUpdateFirst1765140000000 } from './1765140000000-search-refresh-update-first.js';

/** Every migration, oldest first. Append new ones; never edit one that has landed. */
export const MIGRATIONS: MigrationList = [
  EnableExtensions1764270000000,
  CreateAuditEvents1764280000000,
  ChainAuditEventsAtCommit1764280000001,
  CreateUsers1764290000000,
  CreateAuthSessions1764290000001,
  CreateMfa1764290000002,
  CreateCases1764290000003,
  CreateCaseMembers1764290000004,
  CreateTaxonomyTerms1764300000000,
  CreateTaxonomyTermKeys1764300001000,
  SeedTaxonomyTerms1764300002000,
  CreateWitnesses1764320000000,
  CreateWitnessIdentities1764320000001,
  CreateTestimonies1764320000002,
  CreateTestimonyRevisions1764320000003,
  CreateConsentRecords1764320000004,
  CreateTestimonyAnnotations1764330000000,
  CreateIncidents1764331000000,
  CreateAbductees1764332000000,
  CreateAttachments1764340000000,
  CreateFixityChecks1764340000001,
  CreateAttachmentCaptureMetadata1764350000000,
  AttachmentsOfIncidents1764360000000,
  CreateCaseExports1764400000000,
  CreateSearchDocuments1764410000000,
  AddExternalIds1764420000000,
  SearchMatchIndex1764430000000,
  CreateIdempotencyKeys1764514000000,
  AuditAppendThroughOwnerFunction1764520000000,
  CreateAuthRateLimits1764520000001,
  SealIdentityExports1764530000000,
  KoreanJapaneseTermLabels1764561000000,
  CreateAccountResetRequests1765010000000,
  SearchNewestIndex1765030000000,
  AuditChainInBatches1765050000000,
  FacilityCoordinates1765060000000,
  KwanlisoKoreanLabels1765070000000,
  FixityChecksByTime1765070000001,
  SearchRefreshInBatches1765090000000,
  AuditChainOncePerBatch1765090000001,
  RemainingTermLabelsKoJa1765100000000,
  AuditPendingSetBased1765110000000,
  SearchCaseArrayStatistics1765120000000,
  SearchPhrasePairs1765130000000,
  SearchRefreshUpdateFirst1765140000000,
];
