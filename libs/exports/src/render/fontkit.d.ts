// fontkit (pdfkit's font engine) ships no types; this is the little of it Sillok uses.
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Buffer): Font;
}
