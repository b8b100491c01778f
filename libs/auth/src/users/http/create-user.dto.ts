import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Role } from '../../roles/role.js';

export class CreateUserDto {
  @ApiProperty({ example: 'investigator@example.org' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Kim Investigator' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role, { message: `role must be one of ${Object.values(Role).join(', ')}` })
  role: Role;

  @ApiPropertyOptional({
    format: 'password',
    description: 'omit to get a one-time password (returned once) that must be changed at first login',
  })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  password?: string;
}
