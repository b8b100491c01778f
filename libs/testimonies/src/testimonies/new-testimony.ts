import type { ReferenceSequence } from '@sillok/database';
import { CONTENT_FIELDS, contentSha256, type TestimonyContent } from './testimony-content.js';

/** T-000042, numbered by testimony_reference_seq: the API and the import take numbers from the same sequence. */
export const TESTIMONY_REFERENCE: ReferenceSequence = { prefix: 'T', sequence: 'testimony_reference_seq' };

/** The limits a testimony's fields keep, in the API's DTOs and the import alike. */
export const TESTIMONY_LIMITS = {
  title: 500,
  summary: 20_000,
  /** Narratives are long (hours of interview); 2 MB of UTF-8 is the request body limit anyway. */
  narrative: 1_000_000,
  interviewCity: 200,
  interpreterLanguages: 50,
  translations: 10,
  translator: 200,
} as const;

export type Translation = TestimonyContent['translations'][number];

export interface TranslationInput {
  language: string;
  text: string;
  translator?: string | null;
  checked?: boolean;
}

/** One translation per language (the last wins), defaults filled, in language order. */
export function normaliseTranslations(translations: readonly TranslationInput[]): Translation[] {
  const byLanguage = new Map(
    translations.map((t) => [
      t.language,
      { language: t.language, text: t.text, translator: t.translator ?? null, checked: t.checked ?? false },
    ]),
  );
  return [...byLanguage.values()].sort((a, b) => a.language.localeCompare(b.language));
}

/** A testimony's content from its fields, as every revision stores it. */
export function contentFrom(
  fields: { title: string; summary?: string | null; narrative?: string | null },
  translations: readonly TranslationInput[] | null | undefined,
): TestimonyContent {
  return {
    title: fields.title,
    summary: fields.summary ?? '',
    narrative: fields.narrative ?? '',
    translations: normaliseTranslations(translations ?? []),
  };
}

/** Revision 1 of a new testimony: its content, the fields it sets, and the content's SHA-256. */
export function firstRevision(content: TestimonyContent): {
  content: TestimonyContent;
  changedFields: string[];
  contentSha256: string;
} {
  const changedFields = CONTENT_FIELDS.filter((f) =>
    f === 'translations' ? content.translations.length > 0 : content[f] !== '',
  );
  return { content, changedFields, contentSha256: contentSha256(content) };
}
