import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { PageQueryDto } from '@sillok/core';
import { CaseStatus } from '../case-status.js';

export class ListCasesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CaseStatus })
  @IsOptional()
  @IsEnum(CaseStatus, { message: `status must be one of ${Object.values(CaseStatus).join(', ')}` })
  status?: CaseStatus;
}
