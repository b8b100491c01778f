import { Module } from '@nestjs/common';
import { CasesModule } from '@sillok/cases';
import { IncidentsModule } from '@sillok/incidents';
import { TaxonomyModule } from '@sillok/taxonomy';
import { CorroborationService } from './corroboration/corroboration.service.js';
import { PatternsService } from './patterns/patterns.service.js';
import { SearchController } from './http/search.controller.js';
import { TermFilters } from './search-filters.js';
import { CaseStatisticsReader } from './case-statistics.js';
import { SearchService } from './search.service.js';

const SERVICES = [SearchService, PatternsService, CorroborationService, TermFilters, CaseStatisticsReader];

/** Full-text search with filters and facets, pattern counts, and the corroboration matrix (raw SQL over search_documents). */
@Module({
  imports: [CasesModule, TaxonomyModule, IncidentsModule],
  controllers: [SearchController],
  providers: SERVICES,
  exports: SERVICES,
})
export class SearchModule {}
