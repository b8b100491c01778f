import { pipeline } from 'node:stream';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor } from '@sillok/auth';
import { Permission, RequirePermission, type Actor } from '@sillok/core';
import { ExportService } from '../export.service.js';
import { CreateExportDto } from './create-export.dto.js';
import { DownloadExportQuery } from './download-export.query.js';
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
  create(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateExportDto) {
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
  preview(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateExportDto) {
    return this.exports.preview(actor, id, dto);
  }

  @Get('cases/:id/exports')
  @RequirePermission(Permission.ExportRead)
  @ApiOkResponse({ type: [ExportResponse] })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Query() query: ListExportsQuery) {
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
  @ApiOperation({
    summary: 'The stored bundle again; every download is audited',
    description:
      'A bundle with witness identities: only for holders of witness.identity.read on the case, with ?reason=, until it expires',
  })
  @ApiProduces('application/zip')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DownloadExportQuery,
    @Res() response: Response,
  ): Promise<void> {
    const download = await this.exports.openDownload(actor, id, query.reason);
    response.status(200).type('application/zip');
    response.setHeader('Content-Length', String(download.export.size));
    response.setHeader('Content-Disposition', `attachment; filename="${download.fileName}"`);
    response.setHeader('Cache-Control', 'no-store');
    pipeline(download.body, response, () => undefined);
  }
}
