import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';

export class LoginMfaDto {
  @ApiProperty({ description: 'mfaToken from the first step' })
  @IsString()
  @Length(20, 100)
  mfaToken: string;

  @ApiProperty({ description: 'the 6-digit code of the authenticator app, or a recovery code' })
  @IsString()
  @Length(6, 40)
  @MaxLength(40)
  code: string;
}
