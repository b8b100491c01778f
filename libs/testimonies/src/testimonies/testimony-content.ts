import { createHash } from 'node:crypto';

/** The parts of a testimony that revisions keep: what the witness said and its translations. */
export interface TestimonyContent {
  title: string;
  summary: string;
  narrative: string;
  translations: Array<{ language: string; text: string; translator: string | null; checked: boolean }>;
}

export const CONTENT_FIELDS = ['title', 'summary', 'narrative', 'translations'] as const;

/** Stable serialisation (fixed key order, translations by language) so equal content hashes equally. */
export function canonicalContent(content: TestimonyContent): string {
  const translations = [...content.translations]
    .sort((a, b) => a.language.localeCompare(b.language))
    .map((t) => ({ language: t.language, text: t.text, translator: t.translator, checked: t.checked }));
  return JSON.stringify({ title: content.title, summary: content.summary, narrative: content.narrative, translations });
}

export function contentSha256(content: TestimonyContent): string {
  return createHash('sha256').update(canonicalContent(content), 'utf8').digest('hex');
}

/** Which content fields differ between two states. */
export function changedContentFields(before: TestimonyContent, after: TestimonyContent): string[] {
  return CONTENT_FIELDS.filter((field) =>
    field === 'translations'
      ? canonicalContent({ ...before, title: '', summary: '', narrative: '' }) !==
        canonicalContent({ ...after, title: '', summary: '', narrative: '' })
      : before[field] !== after[field],
  );
}
