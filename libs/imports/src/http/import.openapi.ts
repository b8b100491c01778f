import { applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';

const FILE_TEXT = { type: 'string', description: 'the whole file, one row per line' };

/**
 * POST cases/:id/imports takes the file as the body (CSV or JSON Lines) or as the part named
 * `file` of a form: one schema per media type, which @ApiBody cannot say.
 */
export const ApiImportFile = () =>
  applyDecorators(
    ApiOperation({
      summary: 'Import witnesses, testimonies, tags or incidents from a CSV or JSON Lines file',
      description:
        'The body is the file (text/csv or application/x-ndjson), or multipart/form-data with one part named file; ' +
        'it is streamed. Every row is checked first: any bad row and nothing is written (400 with the report), ' +
        'unless skipInvalid. Rows whose external id the case already holds are left unchanged.',
      requestBody: {
        required: true,
        content: {
          'text/csv': { schema: FILE_TEXT },
          'application/x-ndjson': { schema: FILE_TEXT },
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['file'],
              properties: { file: { type: 'string', format: 'binary', description: 'a .csv or .jsonl file' } },
            },
          },
        },
      },
    }),
    ApiUnsupportedMediaTypeResponse({ description: 'the body is none of text/csv, application/x-ndjson, multipart' }),
  );
