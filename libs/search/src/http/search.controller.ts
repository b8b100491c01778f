import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor } from '@sillok/auth';
import { Permission, RequirePermission, type Actor } from '@sillok/core';
import { CaseIdParam } from '@sillok/cases';
import { CorroborationService } from '../corroboration/corroboration.service.js';
import { CorroborationQuery } from './corroboration.query.js';
import { PatternsQuery } from './patterns.query.js';
import { SearchQuery } from './search.query.js';
import { PatternsService } from '../patterns/patterns.service.js';
import { patternsCsv } from '../patterns/patterns.view.js';
import { CorroborationResponse, PatternsResponse, SearchResultResponse } from '../search.responses.js';
import { SearchService } from '../search.service.js';

@ApiTags('search')
@ApiBearerAuth()
@Controller()
export class SearchController {
  constructor(
    private readonly searchService: SearchService,
    private readonly patternsService: PatternsService,
    private readonly corroborationService: CorroborationService,
  ) {}

  @Get('search')
  @RequirePermission(Permission.SearchRead)
  @ApiOperation({
    summary: 'Full-text search of testimonies and incidents (Korean, English, Japanese) with filters and facets',
  })
  @ApiOkResponse({ type: SearchResultResponse })
  @ApiServiceUnavailableResponse({
    description:
      'the search ran past SEARCH_STATEMENT_TIMEOUT_MS, or waited that long for a turn (SEARCH_MAX_CONCURRENT), or the database is unavailable: the problem has a hint; retry after Retry-After',
  })
  search(@CurrentActor() actor: Actor, @Query() query: SearchQuery) {
    return this.searchService.search(actor, query);
  }

  @Get('search/patterns')
  @RequirePermission(Permission.SearchRead)
  @ApiOperation({ summary: 'Counts of tagged violations by term, facility, year, agency, witness sex (JSON or CSV)' })
  @ApiExtraModels(PatternsResponse)
  @ApiOkResponse({
    description: 'JSON, or CSV when format=csv or Accept: text/csv',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(PatternsResponse) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  async patterns(
    @CurrentActor() actor: Actor,
    @Query() query: PatternsQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const view = await this.patternsService.patterns(actor, query);
    const csv = query.format ? query.format === 'csv' : /\btext\/csv\b/.test(accept ?? '');
    if (!csv) return view;
    response.type('text/csv; charset=utf-8');
    response.attachment('patterns.csv');
    return patternsCsv(view);
  }

  @Get('cases/:id/corroboration')
  @RequirePermission(Permission.SearchRead)
  @ApiOperation({ summary: 'Corroboration matrix of a case: independent and direct sources, agreement, level' })
  @ApiOkResponse({ type: CorroborationResponse })
  corroboration(@CurrentActor() actor: Actor, @CaseIdParam() id: string, @Query() query: CorroborationQuery) {
    return this.corroborationService.matrix(actor, id, query);
  }
}
