import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

const require = createRequire(import.meta.url);
const FONT_FILES = {
  kr: {
    regular: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf',
  },
  ja: {
    regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
  },
  sc: {
    regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  },
} as const;
export type FontScript = keyof typeof FONT_FILES;
export type FontWeight = keyof (typeof FONT_FILES)['kr'];
const loaded = new Map<string, Buffer>();
const parsed = new Map<FontScript, Font>();

/**
 * Noto Sans KR, JP and SC (SIL Open Font License), shipped by npm packages rather than kept in
 * git. KR has Hangul, Latin and the Hanja of KS X 1001, but not the Japanese-only kanji forms
 * (撃 隠 届 戻 収 毎 鉱 働 釈); JP has every JIS kanji and kana but no Hangul and no simplified
 * Chinese (们 这 说 时 劳 动 营); SC has simplified and most traditional hanzi. So each PDF
 * draws with all three, glyph by glyph (see script-runs.ts), and embeds only the glyphs it uses.
 */
export function cjkFont(script: FontScript, weight: FontWeight): Buffer {
  const file = FONT_FILES[script][weight];
  let font = loaded.get(file);
  if (!font) {
    font = readFileSync(require.resolve(file));
    loaded.set(file, font);
  }
  return font;
}

/** Whether the font of `script` draws this character (the bold face has the regular one's characters). */
export function fontCovers(script: FontScript, codePoint: number): boolean {
  let font = parsed.get(script);
  if (!font) {
    font = create(cjkFont(script, 'regular'));
    parsed.set(script, font);
  }
  return font.hasGlyphForCodePoint(codePoint);
}
