import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';

const BYTES = { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } };
const CONTENT_RANGE = {
  'Content-Range': { description: '`bytes start-end/size` (206) or `bytes */size` (416)', schema: { type: 'string' } },
};

/** GET attachments/:id/content: the whole file (200), a byte range of it (206), or a range past its end (416). */
export const ApiAttachmentContent = () =>
  applyDecorators(
    ApiOperation({ summary: 'The original bytes (Range supported); every download is audited' }),
    ApiHeader({ name: 'Range', required: false, description: 'one range, `bytes=start-end` (RFC 9110)' }),
    ApiResponse({ status: 200, description: 'the whole file', content: BYTES }),
    ApiResponse({ status: 206, description: 'the requested range', content: BYTES, headers: CONTENT_RANGE }),
    ApiResponse({ status: 416, description: 'the range starts past the end of the file', headers: CONTENT_RANGE }),
  );
