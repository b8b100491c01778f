import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthRegistry, Public } from '@sillok/core';

// One body for both answers: a monitor reads which part is down from the 503 too.
const HEALTH_SCHEMA = {
  type: 'object' as const,
  properties: {
    status: { type: 'string' as const, enum: ['ok', 'unavailable'] },
    components: { type: 'object' as const, additionalProperties: { type: 'object' as const } },
  },
};

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  @Get()
  @ApiOperation({ summary: 'Whether the service and the parts it depends on are up' })
  @ApiOkResponse({ schema: HEALTH_SCHEMA })
  @ApiServiceUnavailableResponse({ description: 'a part is down; the same body says which', schema: HEALTH_SCHEMA })
  async health(@Res({ passthrough: true }) response: Response) {
    const result = await this.registry.run();
    response.status(result.healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: result.healthy ? 'ok' : 'unavailable', components: result.components };
  }
}
