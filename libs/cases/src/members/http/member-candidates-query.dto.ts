import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class MemberCandidatesQueryDto {
  @ApiProperty({ description: 'part of a name or email (at least 1 character)', example: 'kim' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q: string;
}
