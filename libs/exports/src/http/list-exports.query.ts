import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class ListExportsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'only exports that carried this testimony' })
  @IsOptional()
  @IsUUID('all')
  testimonyId?: string;
}
