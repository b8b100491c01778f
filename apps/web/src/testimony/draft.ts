import type { Schemas } from '../api/client';

export type Testimony = Schemas['TestimonyResponse'];

/** What the editor lets the user change; held in React state only (never in browser storage). */
export interface Draft {
  title: string;
  narrative: string;
  translationLanguage: string;
  translation: string;
}

export function draftOf(testimony: Testimony, translationLanguage = 'en'): Draft {
  const translation =
    testimony.translations.find((t) => t.language === translationLanguage) ?? testimony.translations[0];
  return {
    title: testimony.title,
    narrative: testimony.narrative ?? '',
    translationLanguage: translation?.language ?? translationLanguage,
    translation: translation?.text ?? '',
  };
}

export function sameDraft(a: Draft, b: Draft): boolean {
  return (
    a.title === b.title &&
    a.narrative === b.narrative &&
    a.translation === b.translation &&
    a.translationLanguage === b.translationLanguage
  );
}

/** The PATCH body: the other translations are kept as they are. */
export function patchOf(testimony: Testimony, draft: Draft, version: number) {
  const others = testimony.translations
    .filter((t) => t.language !== draft.translationLanguage)
    .map((t) => ({ language: t.language, text: t.text, translator: t.translator ?? undefined, checked: t.checked }));
  const translations = draft.translation.trim()
    ? [...others, { language: draft.translationLanguage, text: draft.translation }]
    : others;
  return { title: draft.title, narrative: draft.narrative, translations, version };
}
