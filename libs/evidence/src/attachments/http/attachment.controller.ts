import { pipeline } from 'node:stream';
import { Controller, Get, Headers, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor } from '@sillok/auth';
import { DomainError, ErrorCode, ParseIdPipe, Permission, RequirePermission, type Actor } from '@sillok/core';
import { CaseIdParam } from '@sillok/cases';
import { ApiAttachmentContent } from './attachment-content.openapi.js';
import { AttachmentIngestService } from '../attachment-ingest.service.js';
import { UploadAttachmentBody, UploadDerivativeBody } from './attachment.dto.js';
import { AttachmentResponse, CustodyEntryResponse, FixityCheckResponse } from '../attachment.responses.js';
import { AttachmentService } from '../attachment.service.js';
import { contentDisposition } from '../content-disposition.js';
import { lingerAfterAnswer } from '../lingering-close.js';

const UPLOAD_NOTE =
  'multipart/form-data streamed to the object store: the fields (kind, description, language) first, the part named file last';

@ApiTags('attachments')
@ApiBearerAuth()
@Controller()
export class AttachmentController {
  constructor(
    private readonly ingest: AttachmentIngestService,
    private readonly attachments: AttachmentService,
  ) {}

  @Post('testimonies/:id/attachments')
  @RequirePermission(Permission.AttachmentUpload)
  @ApiOperation({ summary: 'Attach an evidence file to a testimony', description: UPLOAD_NOTE })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadAttachmentBody })
  @ApiCreatedResponse({ type: AttachmentResponse })
  uploadToTestimony(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    lingerAfterAnswer(request, response);
    return this.ingest.upload(actor, 'testimony', id, request);
  }

  @Post('cases/:id/attachments')
  @RequirePermission(Permission.AttachmentUpload)
  @ApiOperation({ summary: 'Attach an evidence file to a case', description: UPLOAD_NOTE })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadAttachmentBody })
  @ApiCreatedResponse({ type: AttachmentResponse })
  uploadToCase(
    @CurrentActor() actor: Actor,
    @CaseIdParam() id: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    lingerAfterAnswer(request, response);
    return this.ingest.upload(actor, 'case', id, request);
  }

  @Post('incidents/:id/attachments')
  @RequirePermission(Permission.AttachmentUpload)
  @ApiOperation({ summary: 'Attach an evidence file to an incident', description: UPLOAD_NOTE })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadAttachmentBody })
  @ApiCreatedResponse({ type: AttachmentResponse })
  uploadToIncident(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    lingerAfterAnswer(request, response);
    return this.ingest.upload(actor, 'incident', id, request);
  }

  @Post('attachments/:id/derivatives')
  @RequirePermission(Permission.AttachmentUpload)
  @ApiOperation({ summary: 'Upload a redacted or transcoded copy linked to its original', description: UPLOAD_NOTE })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadDerivativeBody })
  @ApiCreatedResponse({ type: AttachmentResponse })
  uploadDerivative(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    lingerAfterAnswer(request, response);
    return this.ingest.uploadDerivative(actor, id, request);
  }

  @Get('testimonies/:id/attachments')
  @RequirePermission(Permission.TestimonyRead)
  @ApiOkResponse({ type: [AttachmentResponse] })
  listOfTestimony(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string) {
    return this.attachments.listOf(actor, 'testimony', id);
  }

  @Get('cases/:id/attachments')
  @RequirePermission(Permission.CaseRead)
  @ApiOkResponse({ type: [AttachmentResponse] })
  listOfCase(@CurrentActor() actor: Actor, @CaseIdParam() id: string) {
    return this.attachments.listOf(actor, 'case', id);
  }

  @Get('incidents/:id/attachments')
  @RequirePermission(Permission.IncidentRead)
  @ApiOkResponse({ type: [AttachmentResponse] })
  listOfIncident(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string) {
    return this.attachments.listOf(actor, 'incident', id);
  }

  @Get('attachments/:id')
  @RequirePermission(Permission.CaseRead)
  @ApiOkResponse({ type: AttachmentResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string) {
    return this.attachments.get(actor, id);
  }

  @Get('attachments/:id/content')
  @RequirePermission(Permission.AttachmentDownload)
  @ApiAttachmentContent()
  async content(
    @CurrentActor() actor: Actor,
    @Param('id', ParseIdPipe) id: string,
    @Headers('range') range: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const content = await this.attachments.openContent(actor, id, range);
    const { attachment } = content;
    response.setHeader('Accept-Ranges', 'bytes');
    const digest = Buffer.from(attachment.sha256, 'hex').toString('base64');
    response.setHeader('Repr-Digest', `sha-256=:${digest}:`);
    response.setHeader('Digest', `SHA-256=${digest}`);
    response.setHeader('Content-Disposition', contentDisposition(attachment.originalFileName));
    response.setHeader('Cache-Control', 'no-store');
    if (content.kind === 'unsatisfiable') {
      // Answered by the problem-details filter like every error; the header tells the client the size.
      response.setHeader('Content-Range', `bytes */${attachment.size}`);
      throw new DomainError(ErrorCode.RangeNotSatisfiable, `the file has ${attachment.size} bytes`, {
        size: attachment.size,
      });
    }
    response.status(content.kind === 'partial' ? 206 : 200);
    response.type('application/octet-stream');
    response.setHeader('Content-Length', String(attachment.size === 0 ? 0 : content.end - content.start + 1));
    if (content.kind === 'partial') {
      response.setHeader('Content-Range', `bytes ${content.start}-${content.end}/${attachment.size}`);
    }
    pipeline(content.body, response, () => undefined);
  }

  @Get('attachments/:id/fixity')
  @RequirePermission(Permission.CaseRead)
  @ApiOkResponse({ type: [FixityCheckResponse] })
  fixity(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string) {
    return this.attachments.fixityHistory(actor, id);
  }

  @Get('attachments/:id/custody')
  @RequirePermission(Permission.CaseRead)
  @ApiOkResponse({ type: [CustodyEntryResponse] })
  custody(@CurrentActor() actor: Actor, @Param('id', ParseIdPipe) id: string) {
    return this.attachments.custody(actor, id);
  }
}
