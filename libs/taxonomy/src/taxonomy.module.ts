import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TaxonomyTermEntity } from './taxonomy-term.entity.js';

/** Controlled vocabularies: trees, alias lookup, descendants for filters, local terms. */
@Module({
  imports: [TypeOrmModule.forFeature([TaxonomyTermEntity])],
  controllers: [],
  providers: [],
  exports: [],
})
export class TaxonomyModule {}
