import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthRegistry, Public } from '@sillok/core';

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Get()
  @ApiOperation({ summary: 'Whether the service and the parts it depends on are up' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['ok', 'unavailable'] },
        components: { type: 'object', additionalProperties: { type: 'object' } },
      },
    },
  })
  async health(@Res({ passthrough: true }) response: Response) {
    const result = await this.registry.run();
    response.status(result.healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: result.healthy ? 'ok' : 'unavailable', components: result.components };
  }
}
