import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@sillok/cases';
import { Settings } from '@sillok/config';
import { TaxonomyModule } from '@sillok/taxonomy';
import { AnnotationAnchoring } from './annotations/annotation-anchoring.js';
import { AnnotationController } from './annotations/http/annotation.controller.js';
import { TestimonyAnnotation } from './annotations/annotation.entity.js';
import { AnnotationService } from './annotations/annotation.service.js';
import { ConsentRecord } from './consent/consent-record.entity.js';
import { ConsentService } from './consent/consent.service.js';
import { IdentityKeyRing } from './identity-vault/identity-key-ring.js';
import { IdentityVaultService } from './identity-vault/identity-vault.service.js';
import { WitnessIdentityRecord } from './identity-vault/witness-identity.entity.js';
import { TestimonyLink } from './lineage/testimony-link.entity.js';
import { LineageService } from './lineage/lineage.service.js';
import { RevisionService } from './revisions/revision.service.js';
import { TestimonyRevision } from './testimonies/testimony-revision.entity.js';
import { TestimonyTranslation } from './testimonies/testimony-translation.entity.js';
import { TestimonyController } from './testimonies/http/testimony.controller.js';
import { Testimony } from './testimonies/testimony.entity.js';
import { TestimonyReferenceResolver, WitnessReferenceResolver } from './reference-params.js';
import { TestimonyService } from './testimonies/testimony.service.js';
import { WitnessController } from './witnesses/http/witness.controller.js';
import { Witness } from './witnesses/witness.entity.js';
import { WitnessService } from './witnesses/witness.service.js';

const SERVICES = [
  WitnessService,
  IdentityVaultService,
  ConsentService,
  TestimonyService,
  RevisionService,
  LineageService,
  AnnotationService,
  AnnotationAnchoring,
  TestimonyReferenceResolver,
  WitnessReferenceResolver,
];

/** The vault's keys, parsed once from IDENTITY_ENCRYPTION_KEYS for every service that seals or opens. */
const KEY_RING = {
  provide: IdentityKeyRing,
  inject: [Settings],
  useFactory: (settings: Settings) => IdentityKeyRing.parse(settings.IDENTITY_ENCRYPTION_KEYS),
};

/** Witnesses, the identity vault, the consent ledger, testimonies and their revisions, lineage and passage tags. */
@Module({
  imports: [
    CasesModule,
    TaxonomyModule,
    TypeOrmModule.forFeature([
      Witness,
      WitnessIdentityRecord,
      ConsentRecord,
      Testimony,
      TestimonyTranslation,
      TestimonyRevision,
      TestimonyLink,
      TestimonyAnnotation,
    ]),
  ],
  controllers: [WitnessController, TestimonyController, AnnotationController],
  providers: [...SERVICES, KEY_RING],
  exports: [...SERVICES, IdentityKeyRing],
})
export class TestimoniesModule {}
