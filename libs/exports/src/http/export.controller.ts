import { pipeline } from 'node:stream';
import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor } from '@sillok/auth';
import { DomainError, ErrorCode, Permission, RequirePermission, type Actor } from '@sillok/core';
import { CaseIdParam } from '@sillok/cases';
import { ExportService } from '../export.service.js';
import { CreateExportDto } from './create-export.dto.js';
import { DownloadExportQuery } from './download-export.query.js';
import { ApiExportDownload } from './export-download.openapi.js';
import { ExportPreviewResponse } from './export-preview.responses.js';
import { ExportResponse } from './export.responses.js';
import { ListExportsQuery } from './list-exports.query.js';

@ApiTags('exports')
@ApiBearerAuth()
@Controller()
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Post('cases/:id/exports')
  @RequirePermission(Permission.ExportCreate)
  @ApiOperation({
    summary: 'Export a signed case-file bundle (BagIt in a ZIP) under a profile, for a named recipient',
    description: 'The bag is streamed to the object store and recorded; download it with GET /exports/:id/download',
  })
  @ApiCreatedResponse({ type: ExportResponse })
  // The bag streams into the object store, whose disk can fill up like an upload's.
  @ApiResponse({
    status: 507,
    description: 'the object store is full: no bag was kept, nothing was recorded or audited; free space and retry',
  })
  create(@CurrentActor() actor: Actor, @CaseIdParam() id: string, @Body() dto: CreateExportDto) {
    return this.exports.create(actor, id, dto);
  }

  @Post('cases/:id/exports/preview')
  @HttpCode(200)
  @RequirePermission(Permission.ExportCreate)
  @ApiOperation({
    summary: 'What an export with this body would include, withhold (and why) and warn about; writes nothing',
    description:
      'The same collection as POST /cases/:id/exports, without a bag, a record, an audit row or an identity read',
  })
  @ApiOkResponse({ type: ExportPreviewResponse })
  preview(@CurrentActor() actor: Actor, @CaseIdParam() id: string, @Body() dto: CreateExportDto) {
    return this.exports.preview(actor, id, dto);
  }

  @Get('cases/:id/exports')
  @RequirePermission(Permission.ExportRead)
  @ApiOkResponse({ type: [ExportResponse] })
  list(@CurrentActor() actor: Actor, @CaseIdParam() id: string, @Query() query: ListExportsQuery) {
    return this.exports.list(actor, id, query.testimonyId);
  }

  @Get('exports/:id')
  @RequirePermission(Permission.ExportRead)
  @ApiOkResponse({ type: ExportResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.exports.get(actor, id);
  }

  @Get('exports/:id/download')
  @RequirePermission(Permission.ExportRead)
  @ApiExportDownload()
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DownloadExportQuery,
    @Headers('range') range: string | undefined,
    @Headers('if-range') ifRange: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const download = await this.exports.openDownload(actor, id, { reason: query.reason, range, ifRange });
    const size = download.export.size;
    response.setHeader('ETag', download.etag);
    response.setHeader('Accept-Ranges', download.export.includesIdentities ? 'none' : 'bytes');
    response.setHeader('Cache-Control', 'no-store');
    if (download.kind === 'unsatisfiable') {
      // Answered by the problem-details filter like every error; the header tells the client the size.
      response.setHeader('Content-Range', `bytes */${size}`);
      throw new DomainError(ErrorCode.RangeNotSatisfiable, `the bundle has ${size} bytes`, { size });
    }
    response.status(download.kind === 'partial' ? 206 : 200).type('application/zip');
    response.setHeader('Content-Length', String(download.end - download.start + 1));
    if (download.kind === 'partial')
      response.setHeader('Content-Range', `bytes ${download.start}-${download.end}/${size}`);
    response.setHeader('Content-Disposition', `attachment; filename="${download.fileName}"`);
    pipeline(download.body, response, () => undefined);
  }
}
