import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IdParamDto } from '@sillok/core';

/** `/cases/:id/members/:userId` */
export class CaseMemberParamsDto extends IdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;
}
