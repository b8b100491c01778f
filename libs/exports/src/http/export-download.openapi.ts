import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';

const ZIP = { 'application/zip': { schema: { type: 'string', format: 'binary' } } };
const ETAG = {
  ETag: {
    description: 'the tag manifest’s SHA-256, quoted: the stored bag’s bytes never change',
    schema: { type: 'string' },
  },
};
const CONTENT_RANGE = {
  'Content-Range': { description: '`bytes start-end/size` (206) or `bytes */size` (416)', schema: { type: 'string' } },
};

/** GET exports/:id/download: the bag (200), one byte range of it (206), or a range past its end (416). */
export const ApiExportDownload = () =>
  applyDecorators(
    ApiOperation({
      summary: 'The stored bundle again; every download is audited',
      description:
        'A bundle with witness identities: only for holders of witness.identity.read on the case, with ?reason=, until it expires; it is always sent whole (Range ignored)',
    }),
    ApiHeader({ name: 'Range', required: false, description: 'one range, `bytes=start-end` (RFC 9110)' }),
    ApiHeader({
      name: 'If-Range',
      required: false,
      description:
        'the ETag of the copy being resumed: the Range is honoured only if it matches, else the whole bundle',
    }),
    ApiResponse({ status: 200, description: 'the whole bundle', content: ZIP, headers: ETAG }),
    ApiResponse({
      status: 206,
      description: 'the requested range',
      content: ZIP,
      headers: { ...ETAG, ...CONTENT_RANGE },
    }),
    ApiResponse({ status: 416, description: 'the range starts past the end of the bundle', headers: CONTENT_RANGE }),
  );
