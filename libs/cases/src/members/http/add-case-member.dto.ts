import { ApiProperty } from '@nestjs/swagger';
import { IsEnum, IsUUID } from 'class-validator';
import { CaseRole } from '../case-role.js';

export class AddCaseMemberDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'userId must be a UUID' })
  userId: string;

  @ApiProperty({ enum: CaseRole })
  @IsEnum(CaseRole, { message: `caseRole must be one of ${Object.values(CaseRole).join(', ')}` })
  caseRole: CaseRole;
}
