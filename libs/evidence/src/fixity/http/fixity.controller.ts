import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission, RequirePermission } from '@sillok/core';
import { FixityStatusService } from '../fixity-status.service.js';
import { FixityStatusResponse } from '../fixity-status.responses.js';

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('fixity')
export class FixityController {
  constructor(private readonly fixity: FixityStatusService) {}

  @Get()
  @RequirePermission(Permission.FixityRead)
  @ApiOperation({
    summary: 'The fixity status of the evidence store: the latest runs, their failures, attachments never checked',
    description: 'Reads the recorded checks; checks nothing itself (run `sillok fixity:check`).',
  })
  @ApiOkResponse({ type: FixityStatusResponse })
  status(): Promise<FixityStatusResponse> {
    return this.fixity.status();
  }
}
