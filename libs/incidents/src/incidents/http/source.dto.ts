import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { INCIDENT_RELATIONS, type IncidentRelation } from '../../links/incident-link.entity.js';

export class AddSourceDto {
  @ApiProperty({ format: 'uuid', description: 'a testimony of the incident’s case' })
  @IsUUID()
  testimonyId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'one tag of that testimony' })
  @IsOptional()
  @IsUUID()
  annotationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'source-connection term' })
  @IsOptional()
  @IsUUID()
  sourceConnectionTermId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'reliability term' })
  @IsOptional()
  @IsUUID()
  reliabilityTermId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  note?: string;
}

/** A source's assessment changes as the investigation goes on; which testimony it is does not. */
export class UpdateSourceDto extends PickType(AddSourceDto, [
  'sourceConnectionTermId',
  'reliabilityTermId',
  'note',
] as const) {}

export class AddLinkDto {
  @ApiProperty({ format: 'uuid', description: 'another incident of the same case' })
  @IsUUID()
  otherIncidentId: string;

  @ApiProperty({
    enum: INCIDENT_RELATIONS,
    description: 'this incident is part_of / follows / same_event as the other',
  })
  @IsIn(INCIDENT_RELATIONS)
  relation: IncidentRelation;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  note?: string;
}
