import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { LINK_ASSESSMENTS, type LinkAssessment } from '../../lineage/testimony-link.entity.js';

export class UpdateLinkDto {
  @ApiPropertyOptional({ enum: LINK_ASSESSMENTS })
  @IsOptional()
  @IsIn(LINK_ASSESSMENTS)
  assessment?: LinkAssessment;

  @ApiPropertyOptional({ description: 'consistencies and contradictions found reading the two side by side' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  notes?: string;
}

export class CreateLinkDto extends UpdateLinkDto {
  @ApiProperty({ format: 'uuid', description: 'another testimony of the same witness' })
  @IsUUID()
  otherTestimonyId: string;
}
