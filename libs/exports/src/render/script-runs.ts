import { fontCovers, type FontScript } from './cjk-fonts.js';

export interface ScriptRun {
  text: string;
  script: FontScript;
}

// Kana (and their halfwidth forms) and CJK ideographs: drawn with Noto Sans JP first, which has
// the Japanese forms Noto Sans KR lacks. Hanja in Korean text go there too (the same characters).
const JAPANESE = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\u{20000}-\u{3134f}]/u;
// Spaces and punctuation exist in every font: they stay in the run they are in, so a Japanese
// sentence is one run, not one per word.
const NEUTRAL = /[\s\p{P}]/u;

/** Latin (with its accents) and Hangul syllables: Noto Sans KR has every one, no need to look. */
const inKorean = (codePoint: number) => codePoint <= 0x024f || (codePoint >= 0xac00 && codePoint <= 0xd7a3);

/** Which fonts to try for a character, first choice first. */
const preference = (char: string): FontScript[] => (JAPANESE.test(char) ? ['ja', 'sc', 'kr'] : ['kr', 'ja', 'sc']);

/**
 * The text split into runs of one font each: Japanese kana and kanji in JP, everything else
 * (Hangul, Latin, digits) in KR; a character its first font lacks (simplified Chinese in JP, say)
 * falls back to the next font that has it, glyph by glyph. Joined again, the runs are the text.
 */
export function scriptRuns(
  text: string,
  covers: (script: FontScript, codePoint: number) => boolean = fontCovers,
): ScriptRun[] {
  const runs: ScriptRun[] = [];
  for (const char of text) {
    const last = runs[runs.length - 1];
    if (last && NEUTRAL.test(char)) {
      last.text += char;
      continue;
    }
    const codePoint = char.codePointAt(0)!;
    const fonts = preference(char);
    const script = inKorean(codePoint) ? 'kr' : (fonts.find((font) => covers(font, codePoint)) ?? fonts[0]!);
    if (last && last.script === script) last.text += char;
    else runs.push({ text: char, script });
  }
  return runs;
}
