import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

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
} as const;
export type FontScript = keyof typeof FONT_FILES;
export type FontWeight = keyof (typeof FONT_FILES)['kr'];
const loaded = new Map<string, Buffer>();

/**
 * Noto Sans KR and JP (SIL Open Font License), shipped by npm packages rather than kept in git.
 * KR has Hangul, Latin and the Hanja of KS X 1001, but not the Japanese-only kanji forms
 * (撃 隠 届 戻 収 毎 鉱 働 釈); JP has every JIS kanji and kana but no Hangul. So each PDF
 * draws with both (see script-runs.ts), and embeds only the glyphs it uses.
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
