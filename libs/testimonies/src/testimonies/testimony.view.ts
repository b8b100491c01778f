import { withdrawalOf, type Withdrawal } from '@sillok/database';
import type { EffectiveConsent } from '../consent/effective-consent.js';
import type { Testimony } from './testimony.entity.js';
import type { TestimonyTranslation } from './testimony-translation.entity.js';

export interface TestimonySummaryView {
  id: string;
  reference: string;
  caseId: string;
  witnessId: string;
  witnessPseudonym: string;
  forum: string;
  interviewDate: string | null;
  originalLanguage: string;
  title: string;
  status: string;
  revision: number;
  withdrawn: Withdrawal | null;
  /** Its id in the archive it was imported from; null for a record made in Sillok. */
  externalId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface TestimonyView extends TestimonySummaryView {
  interviewCity: string | null;
  interviewCountry: string | null;
  interviewerIds: string[];
  interpreterUsed: boolean;
  interpreterLanguages: string | null;
  summary: string;
  narrative: string;
  translations: Array<{ language: string; text: string; translator: string | null; checked: boolean }>;
  approved: { by: string; at: string } | null;
  consent: EffectiveConsent;
}

export function toTestimonySummary(t: Testimony, witnessPseudonym: string): TestimonySummaryView {
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
): TestimonyView {
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
