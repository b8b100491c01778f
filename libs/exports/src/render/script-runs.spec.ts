import { describe, expect, it } from '@jest/globals';
import { scriptRuns } from './script-runs.js';

describe('scriptRuns', () => {
  it('draws kana and kanji with the Japanese font, Hangul and Latin with the Korean one', () => {
    expect(scriptRuns('김철수는 撃たれた。Yodok 15')).toEqual([
      { text: '김철수는 ', script: 'kr' },
      { text: '撃たれた。', script: 'ja' },
      { text: 'Yodok 15', script: 'kr' },
    ]);
  });

  it('keeps one run for plain text, and none for the empty string', () => {
    expect(scriptRuns('요덕 수용소, 1997')).toEqual([{ text: '요덕 수용소, 1997', script: 'kr' }]);
    expect(scriptRuns('隠 届 戻')).toEqual([{ text: '隠 届 戻', script: 'ja' }]);
    expect(scriptRuns('')).toEqual([]);
  });

  it('treats supplementary-plane ideographs and halfwidth katakana as Japanese', () => {
    expect(scriptRuns('a𠮷ｶ').map((r) => r.script)).toEqual(['kr', 'ja']);
  });

  it('falls back glyph by glyph: simplified Chinese that Noto Sans JP lacks is drawn with Noto Sans SC', () => {
    expect(scriptRuns('他们说: 劳动营 國')).toEqual([
      { text: '他', script: 'ja' },
      { text: '们说: 劳动营 ', script: 'sc' },
      { text: '國', script: 'ja' },
    ]);
  });

  it('takes the first font that has the character, whatever the script of its neighbours', () => {
    const covers = (script: string, codePoint: number) => script === 'sc' || codePoint < 0x3000;
    expect(scriptRuns('a们b', covers)).toEqual([
      { text: 'a', script: 'kr' },
      { text: '们', script: 'sc' },
      { text: 'b', script: 'kr' },
    ]);
  });
});
