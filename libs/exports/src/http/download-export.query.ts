import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class DownloadExportQuery {
  @ApiPropertyOptional({
    description: 'why you download it: required for an export with witness identities, audited with each identity read',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
