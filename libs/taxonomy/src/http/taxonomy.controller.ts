import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, RequirePermission } from '@sillok/core';
import { CreateTermDto } from './create-term.dto.js';
import { DeprecateTermDto } from './deprecate-term.dto.js';
import { LookupQueryDto } from './lookup-query.dto.js';
import { SchemeParams, TermIdParams } from './params.dto.js';
import { TreeQueryDto } from './tree-query.dto.js';
import { UpdateTermDto } from './update-term.dto.js';
import { TaxonomyManageService } from '../taxonomy-manage.service.js';
import {
  LookupResultResponse,
  SchemeResponse,
  TermDescendantsResponse,
  TermResponse,
  TermTreeNodeResponse,
} from '../taxonomy.responses.js';
import { TaxonomyService } from '../taxonomy.service.js';

// Fixed paths (lookup, terms/...) are declared before /:scheme so they are never read as a scheme.
@ApiTags('taxonomy')
@ApiBearerAuth()
@Controller('taxonomy')
export class TaxonomyController {
  constructor(
    private readonly taxonomy: TaxonomyService,
    private readonly manage: TaxonomyManageService,
  ) {}

  @Get()
  @RequirePermission(Permission.TaxonomyRead)
  @ApiOperation({ summary: 'The vocabularies (schemes) with their term counts' })
  @ApiOkResponse({ type: SchemeResponse, isArray: true })
  listSchemes(): Promise<SchemeResponse[]> {
    return this.taxonomy.listSchemes();
  }

  @Get('lookup')
  @RequirePermission(Permission.TaxonomyRead)
  @ApiOperation({
    summary: 'Resolve a name: code, label or alias in any romanisation or Hangul',
    description: 'matches: same normalised name; suggestions: only similar names (trigram), never a match',
  })
  @ApiOkResponse({ type: LookupResultResponse })
  lookup(@Query() query: LookupQueryDto): Promise<LookupResultResponse> {
    return this.taxonomy.lookup(query);
  }

  @Get('terms/:id')
  @RequirePermission(Permission.TaxonomyRead)
  @ApiOperation({ summary: 'One term, deprecated or not' })
  @ApiOkResponse({ type: TermResponse })
  getTerm(@Param() params: TermIdParams): Promise<TermResponse> {
    return this.taxonomy.getTerm(params.id);
  }

  @Get('terms/:id/descendants')
  @RequirePermission(Permission.TaxonomyRead)
  @ApiOperation({ summary: 'The ids of every term below this one (deprecated included)' })
  @ApiOkResponse({ type: TermDescendantsResponse })
  async descendants(@Param() params: TermIdParams): Promise<TermDescendantsResponse> {
    return { termId: params.id, descendantIds: await this.taxonomy.descendantsOf(params.id) };
  }

  @Patch('terms/:id')
  @RequirePermission(Permission.TaxonomyManage)
  @ApiOperation({ summary: 'Edit a term (seeded terms: aliases and notes only); 409 on a stale version' })
  @ApiOkResponse({ type: TermResponse })
  updateTerm(@Param() params: TermIdParams, @Body() body: UpdateTermDto): Promise<TermResponse> {
    return this.manage.updateTerm(params.id, body);
  }

  @Post('terms/:id/deprecate')
  @HttpCode(200)
  @RequirePermission(Permission.TaxonomyManage)
  @ApiOperation({ summary: 'Deprecate a term with a reason; it stays readable and is never deleted' })
  @ApiOkResponse({ type: TermResponse })
  deprecateTerm(@Param() params: TermIdParams, @Body() body: DeprecateTermDto): Promise<TermResponse> {
    return this.manage.deprecateTerm(params.id, body);
  }

  @Get(':scheme')
  @RequirePermission(Permission.TaxonomyRead)
  @ApiOperation({ summary: 'The scheme as a tree of terms (nested children)' })
  @ApiOkResponse({ type: TermTreeNodeResponse, isArray: true })
  tree(@Param() params: SchemeParams, @Query() query: TreeQueryDto): Promise<TermTreeNodeResponse[]> {
    return this.taxonomy.tree(params.scheme, query);
  }

  @Post(':scheme/terms')
  @RequirePermission(Permission.TaxonomyManage)
  @ApiOperation({ summary: 'Add a local term (e.g. a newly identified facility with its aliases)' })
  @ApiCreatedResponse({ type: TermResponse })
  createTerm(@Param() params: SchemeParams, @Body() body: CreateTermDto): Promise<TermResponse> {
    return this.manage.createTerm(params.scheme, body);
  }
}
