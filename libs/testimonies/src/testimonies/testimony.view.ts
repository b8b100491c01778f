import { withdrawalOf } from '@sillok/database';
import type { EffectiveConsent } from '../consent/effective-consent.js';
import type { Testimony } from './testimony.entity.js';
import type { TestimonyTranslation } from './testimony-translation.entity.js';
import type { TestimonyResponse, TestimonySummaryResponse } from '../testimonies.responses.js';

export function toTestimonySummary(t: Testimony, witnessPseudonym: string): TestimonySummaryResponse {
  return {
    id: t.id,
    reference: t.reference,
    caseId: t.caseId,
    witnessId: t.witnessId,
    witnessPseudonym,
    forum: t.forum,
    interviewDate: t.interviewDate,
    originalLanguage: t.originalLanguage,
    title: t.title,
    status: t.status,
    revision: t.revision,
    withdrawn: withdrawalOf(t),
    externalId: t.externalId,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    version: t.version,
  };
}

export function toTestimonyView(
  t: Testimony,
  witnessPseudonym: string,
  translations: ReadonlyArray<Pick<TestimonyTranslation, 'language' | 'text' | 'translator' | 'checked'>>,
  consent: EffectiveConsent,
): TestimonyResponse {
  return {
    ...toTestimonySummary(t, witnessPseudonym),
    interviewCity: t.interviewCity,
    interviewCountry: t.interviewCountry,
    interviewerIds: t.interviewerIds,
    interpreterUsed: t.interpreterUsed,
    interpreterLanguages: t.interpreterLanguages,
    summary: t.summary,
    narrative: t.narrative,
    translations: [...translations]
      .sort((a, b) => a.language.localeCompare(b.language))
      .map((tr) => ({ language: tr.language, text: tr.text, translator: tr.translator, checked: tr.checked })),
    approved: t.approvedAt && t.approvedBy ? { by: t.approvedBy, at: t.approvedAt.toISOString() } : null,
    consent,
  };
}
