import { describe, expect, it } from '@jest/globals';
import { contentDisposition } from './content-disposition.js';

describe('contentDisposition', () => {
  it('encodes a Korean name in filename* and gives an ASCII fallback', () => {
    expect(contentDisposition('요덕 지도.pdf')).toBe(
      `attachment; filename="__ __.pdf"; filename*=UTF-8''%EC%9A%94%EB%8D%95%20%EC%A7%80%EB%8F%84.pdf`,
    );
  });

  it('cannot be broken out of by quotes, newlines or paths', () => {
    const value = contentDisposition('C:\\temp\\a"b\r\nSet-Cookie: x.txt');
    expect(value).not.toMatch(/[\r\n]/);
    expect(value).toContain(`filename="a_b__Set-Cookie: x.txt"`);
  });
});
