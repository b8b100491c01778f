import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { CaseRole } from '../case-role.js';

export class UpdateCaseMemberDto {
  @ApiProperty({ enum: CaseRole })
  @IsEnum(CaseRole, { message: `caseRole must be one of ${Object.values(CaseRole).join(', ')}` })
  caseRole: CaseRole;
}
