import type { TestimonyAnnotation } from '@sillok/testimonies';
import { redactText, sensitiveRanges, type SensitiveSpan } from '../render/redaction.js';

/**
 * Redaction of one testimony's texts by its sensitive spans: the narrative (language null)
 * and each translation by the spans anchored on it, with their ranges; every other field
 * (title, summary, tag quotes and notes) by the words of every span, wherever they appear.
 * `caseWords` are the words of sensitive spans elsewhere in the case: a name marked sensitive in
 * one testimony is hidden in every other text of the bag too (incidents, sources, case, files).
 */
export class TestimonyRedactor {
  private count = 0;
  private readonly byLanguage = new Map<string | null, SensitiveSpan[]>();
  private readonly allWords: SensitiveSpan[];

  constructor(
    spans: TestimonyAnnotation[],
    private readonly enabled: boolean,
    caseWords: string[] = [],
  ) {
    for (const span of spans) {
      const entry: SensitiveSpan = { rangeStart: null, rangeEnd: null, quote: span.quote };
      // A range counts only while its anchor holds: a span that needs review is found by its words alone.
      if (span.status === 'anchored') {
        entry.rangeStart = span.rangeStart;
        entry.rangeEnd = span.rangeEnd;
      }
      const list = this.byLanguage.get(span.language);
      if (list) list.push(entry);
      else this.byLanguage.set(span.language, [entry]);
    }
    this.allWords = [...spans.map((span) => span.quote), ...caseWords].map((quote) => ({
      rangeStart: null,
      rangeEnd: null,
      quote,
    }));
  }

  /** A text the spans of `language` were anchored on (null: the narrative). */
  anchoredText(text: string, language: string | null): string {
    return this.apply(text, this.anchoredSpans(language));
  }

  /** The ranges of `text` that anchoredText hides (none where the profile does not redact): tags move by them. */
  anchoredRanges(text: string, language: string | null): Array<[number, number]> {
    return this.enabled ? sensitiveRanges(text, this.anchoredSpans(language)) : [];
  }

  /** Any other text: hidden wherever a span's words occur. */
  freeText(text: string): string;
  freeText(text: string | null): string | null;
  freeText(text: string | null): string | null {
    return text === null ? null : this.apply(text, this.allWords);
  }

  get redactions(): number {
    return this.count;
  }

  /** The spans anchored on the text of `language`, then every span's words. */
  private anchoredSpans(language: string | null): SensitiveSpan[] {
    const own = this.byLanguage.get(language);
    return own ? [...own, ...this.allWords] : this.allWords;
  }

  private apply(text: string, spans: SensitiveSpan[]): string {
    if (!this.enabled) return text;
    const out = redactText(text, spans);
    this.count += out.redactions;
    return out.text;
  }
}
