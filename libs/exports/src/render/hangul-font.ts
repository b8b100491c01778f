import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf',
} as const;
const loaded = new Map<keyof typeof FONT_FILES, Buffer>();

/**
 * Noto Sans KR (SIL Open Font License), shipped by an npm package rather than kept in git:
 * it has Hangul and Latin glyphs, so Korean testimony text renders as written. PDFs embed
 * only the glyphs they use.
 */
export function hangulFont(weight: keyof typeof FONT_FILES): Buffer {
  let font = loaded.get(weight);
  if (!font) {
    font = readFileSync(require.resolve(FONT_FILES[weight]));
    loaded.set(weight, font);
  }
  return font;
}
