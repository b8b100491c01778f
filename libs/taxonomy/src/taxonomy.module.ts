import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TaxonomyController } from './http/taxonomy.controller.js';
import { TaxonomyManageService } from './taxonomy-manage.service.js';
import { TaxonomyTermEntity } from './taxonomy-term.entity.js';
import { TaxonomyService } from './taxonomy.service.js';

/**
 * Controlled vocabularies: trees, alias lookup, descendant sets for filters, local terms.
 * Other libraries inject TaxonomyService (descendantIds, lookup, findTerms).
 */
@Module({
  imports: [TypeOrmModule.forFeature([TaxonomyTermEntity])],
  controllers: [TaxonomyController],
  providers: [TaxonomyService, TaxonomyManageService],
  exports: [TaxonomyService, TaxonomyManageService],
})
export class TaxonomyModule {}
