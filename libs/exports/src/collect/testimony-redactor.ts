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
      const list = this.byLanguage.get(span.language) ?? [];
      list.push({
        rangeStart: span.status === 'anchored' ? span.rangeStart : null,
        rangeEnd: span.status === 'anchored' ? span.rangeEnd : null,
        quote: span.quote,
      });
      this.byLanguage.set(span.language, list);
    }
    this.allWords = [...spans.map((span) => span.quote), ...caseWords].map((quote) => ({
      rangeStart: null,
      rangeEnd: null,
      quote,
    }));
  }

  /** A text the spans of `language` were anchored on (null: the narrative). */
  anchoredText(text: string, language: string | null): string {
    return this.apply(text, [...(this.byLanguage.get(language) ?? []), ...this.allWords]);
  }

  /** The ranges of `text` that anchoredText hides (none where the profile does not redact): tags move by them. */
  anchoredRanges(text: string, language: string | null): Array<[number, number]> {
    const spans = [...(this.byLanguage.get(language) ?? []), ...this.allWords];
    return this.enabled && spans.length ? sensitiveRanges(text, spans) : [];
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

  private apply(text: string, spans: SensitiveSpan[]): string {
    if (!this.enabled || spans.length === 0) return text;
    const out = redactText(text, spans);
    this.count += out.redactions;
    return out.text;
  }
}
