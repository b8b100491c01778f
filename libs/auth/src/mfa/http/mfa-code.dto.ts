import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class MfaCodeDto {
  @ApiProperty({ description: 'a 6-digit authenticator code (or, to remove the factor, a recovery code)' })
  @IsString()
  @Length(6, 40)
  code: string;
}
