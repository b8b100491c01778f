import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  currentPassword: string;

  @ApiProperty({
    format: 'password',
    minLength: 12,
    description: 'at least 12 characters, not the email, not a common password',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  newPassword: string;
}
