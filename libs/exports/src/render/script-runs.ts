import type { FontScript } from './cjk-fonts.js';

export interface ScriptRun {
  text: string;
  script: FontScript;
}

// Kana (and their halfwidth forms) and CJK ideographs: drawn with Noto Sans JP, which has the
// Japanese forms Noto Sans KR lacks. Hanja in Korean text go there too (the same characters).
const JAPANESE = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\u{20000}-\u{3134f}]/u;
// Spaces and punctuation exist in both fonts: they stay in the run they are in, so a Japanese
// sentence is one run, not one per word.
const NEUTRAL = /[\s\p{P}]/u;

/**
 * The text split into runs of one font each: Japanese kana and kanji in JP, everything else
 * (Hangul, Latin, digits) in KR. Joined again, the runs are the text.
 */
export function scriptRuns(text: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  for (const char of text) {
    const last = runs[runs.length - 1];
    const script: FontScript = JAPANESE.test(char) ? 'ja' : 'kr';
    if (last && (last.script === script || NEUTRAL.test(char))) last.text += char;
    else runs.push({ text: char, script });
  }
  return runs;
}
