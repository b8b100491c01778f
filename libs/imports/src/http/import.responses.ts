import { ApiProperty } from '@nestjs/swagger';
import { IMPORT_FORMATS, type ImportFormat } from '../formats/source-record.js';
import { RECORD_TYPES, type RecordTypeName } from '../record-types/import-record-type.js';

/** A row that cannot be imported: the line it starts on, the field as the file names it, and why. */
export class InvalidRowResponse {
  @ApiProperty({ description: 'the line of the file the row starts on' }) line: number;
  @ApiProperty({ nullable: true, type: String }) externalId: string | null;
  @ApiProperty({ description: 'as the file names it (CSV column or JSON key)' }) field: string;
  @ApiProperty() reason: string;
}

/** A free-text vocabulary name that matched no term; a facility name is kept as the place text. */
export class UnmatchedNameResponse {
  @ApiProperty() field: string;
  @ApiProperty({ example: 'facility' }) scheme: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'rows using the name' }) rows: number;
}

/** What an import did, or (written: false) why it wrote nothing. */
export class ImportReportResponse {
  @ApiProperty({ format: 'uuid' }) importId: string;
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: RECORD_TYPES }) type: RecordTypeName;
  @ApiProperty({ enum: IMPORT_FORMATS }) format: ImportFormat;
  @ApiProperty({ description: 'records read' }) rows: number;
  @ApiProperty({ description: 'records written, each audited' }) created: number;
  @ApiProperty({ description: 'already imported under the same external id: left as they are' }) unchanged: number;
  @ApiProperty({ description: 'invalid rows not written (skipInvalid)' }) rejected: number;
  @ApiProperty() written: boolean;
  @ApiProperty({ description: 'a dry run: every check ran, nothing was written (created and unchanged stay 0)' })
  dryRun: boolean;
  @ApiProperty({ type: [InvalidRowResponse] }) invalid: InvalidRowResponse[];
  @ApiProperty({ type: [UnmatchedNameResponse] }) unmatchedNames: UnmatchedNameResponse[];
}
