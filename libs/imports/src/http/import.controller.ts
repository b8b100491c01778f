import { Controller, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor } from '@sillok/auth';
import { Permission, RequirePermission, readMultipartFile, type Actor } from '@sillok/core';
import { CaseIdParam } from '@sillok/cases';
import { ImportService } from '../import.service.js';
import { formatOfBody, formatOfFileName } from './import-body.js';
import { ApiImportFile } from './import.openapi.js';
import { ImportQuery } from './import.query.js';
import { ImportReportResponse } from './import.responses.js';

@ApiTags('imports')
@ApiBearerAuth()
@Controller()
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @Post('cases/:id/imports')
  @RequirePermission(Permission.ImportCreate)
  @ApiImportFile()
  @ApiCreatedResponse({ type: ImportReportResponse, description: 'imported' })
  @ApiOkResponse({ type: ImportReportResponse, description: 'dryRun: the report; nothing was written' })
  async create(
    @CurrentActor() actor: Actor,
    @CaseIdParam() caseId: string,
    @Query() query: ImportQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportReportResponse> {
    const dryRun = query.dryRun === true;
    const run = async (format: ImportQuery['format'] & string, source: AsyncIterable<Buffer>) => {
      const report = await this.imports.run(actor, {
        caseId,
        type: query.type,
        format,
        source,
        skipInvalid: query.skipInvalid,
        dryRun,
      });
      if (dryRun) response.status(HttpStatus.OK);
      return { ...report, dryRun };
    };
    try {
      // Before a byte of the body is read: a case the user cannot see answers 404 at once.
      await this.imports.requireAccess(actor, caseId, query.type);
      if (request.is('multipart/form-data')) {
        return await readMultipartFile(request, (file) =>
          run(formatOfFileName(file.fileName, query.format), file.stream),
        );
      }
      return await run(formatOfBody(request, query.format), request);
    } finally {
      // A refused import answers before the body is read: drain it, so the client reads the answer.
      request.resume();
    }
  }
}
