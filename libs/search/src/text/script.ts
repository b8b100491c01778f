// The scripts indexed as character bigrams (migration 1764410000000): Hangul, kana, CJK ideographs.
const CJK_CLASS = '\\u1100-\\u11ff\\u3040-\\u30ff\\u3130-\\u318f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7a3';

export const CJK_RUN = new RegExp(`[${CJK_CLASS}]+`, 'gu');
const CJK_CHAR = new RegExp(`[${CJK_CLASS}]`, 'u');
const LATIN_WORD = new RegExp(`[^\\s${CJK_CLASS}\\p{P}\\p{S}]`, 'u');

/** The form both the index and the query fold text to before matching (as the SQL does). */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/** Whether anything outside the CJK runs can make an English lexeme (letters or digits). */
export function hasLatin(text: string): boolean {
  return LATIN_WORD.test(text.replace(CJK_RUN, ' '));
}

/** The CJK runs of a text, folded: what a snippet highlights literally. */
export function cjkRuns(text: string): string[] {
  return foldText(text).match(CJK_RUN) ?? [];
}
