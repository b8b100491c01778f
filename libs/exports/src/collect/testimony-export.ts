import type {
  EffectiveConsent,
  Testimony,
  TestimonyAnnotation,
  TestimonyTranslation,
  Witness,
} from '@sillok/testimonies';
import type { ExportProfile } from '../profiles/export-profile.js';
import type { ExportedTag, ExportedTestimony, ExportedWitness } from './case-file.js';
import type { TermLookup } from './term-lookup.js';
import { rangeInRedactedText } from '../render/redacted-offsets.js';
import { TestimonyRedactor } from './testimony-redactor.js';

export interface TestimonyParts {
  testimony: Testimony;
  witness: ExportedWitness;
  consent: EffectiveConsent;
  translations: TestimonyTranslation[];
  annotations: TestimonyAnnotation[];
  contentSha256: string | null;
  attachments: string[];
  /** The interviewers as this bag names them. */
  interviewers: string[];
  /** Words of the case's other sensitive spans, hidden here too. */
  caseWords?: string[];
}

const HASH_NOTE =
  'withheld because the text is redacted: the hash of the full text would let anyone test guesses of the redacted words';

/** One testimony as the profile lets it out: redacted texts, its tags beside them, no sensitive spans. */
export function exportedTestimony(parts: TestimonyParts, profile: ExportProfile, terms: TermLookup): ExportedTestimony {
  const { testimony: t } = parts;
  const spans = parts.annotations.filter((a) => a.kind === 'sensitive');
  const redactor = new TestimonyRedactor(spans, profile.redactSensitiveSpans, parts.caseWords);
  const narrative = redactor.anchoredText(t.narrative, null);
  const translations = parts.translations
    .sort((a, b) => a.language.localeCompare(b.language))
    .map((tr) => ({
      language: tr.language,
      text: redactor.anchoredText(tr.text, tr.language),
      // A public bag names no one who worked on it.
      translator: profile.pseudonymousIds ? null : tr.translator,
      checked: tr.checked,
    }));
  // Tag ranges count in the text the bag holds, not in the unredacted one.
  const texts = new Map<string | null, string>([
    [null, t.narrative],
    ...parts.translations.map((tr) => [tr.language, tr.text] as const),
  ]);
  const tags = parts.annotations
    .filter((a) => a.kind === 'tag')
    .map((tag) =>
      exportedTag(tag, {
        profile,
        terms,
        redactor,
        redacted: redactor.anchoredRanges(texts.get(tag.language) ?? '', tag.language),
      }),
    );
  const title = redactor.freeText(t.title);
  const summary = redactor.freeText(t.summary);
  const redacted = redactor.redactions > 0;
  return {
    id: t.id,
    reference: t.reference,
    title,
    summary,
    narrative,
    originalLanguage: t.originalLanguage,
    forum: t.forum,
    status: t.status,
    interviewDate: t.interviewDate,
    interviewCity: profile.redactInterviewPlace ? null : t.interviewCity,
    interviewCountry: t.interviewCountry,
    interviewers: parts.interviewers,
    interpreterUsed: t.interpreterUsed,
    interpreterLanguages: t.interpreterLanguages,
    revision: t.revision,
    contentSha256: redacted ? null : parts.contentSha256,
    ...(redacted ? { contentSha256Note: HASH_NOTE } : {}),
    consent: parts.consent,
    witness: parts.witness,
    translations,
    tags,
    redactions: redactor.redactions,
    attachments: parts.attachments,
  };
}

interface TagShown {
  profile: ExportProfile;
  terms: TermLookup;
  redactor: TestimonyRedactor;
  /** The ranges hidden in the text the tag belongs to. */
  redacted: Array<[number, number]>;
}

function exportedTag(tag: TestimonyAnnotation, { profile, terms, redactor, redacted }: TagShown): ExportedTag {
  return {
    id: tag.id,
    language: tag.language,
    range:
      tag.rangeStart === null || tag.rangeEnd === null
        ? null
        : rangeInRedactedText({ start: tag.rangeStart, end: tag.rangeEnd }, redacted),
    quote: redactor.freeText(tag.quote),
    ...terms.event(tag, redactor.freeText(tag.placeText)),
    victimKind: tag.victimKind,
    ...(profile.personNames ? { victimName: redactor.freeText(tag.victimName) } : {}),
    victimDescription: redactor.freeText(tag.victimDescription),
    note: redactor.freeText(tag.note),
  };
}

/** The witness as the profile names them; attributes only where the profile allows. */
export function exportedWitness(witness: Witness, label: string, profile: ExportProfile): ExportedWitness {
  return {
    label,
    pseudonym: profile.witnessNaming === 'pseudonym' ? witness.pseudonym : null,
    ...(profile.witnessAttributes
      ? {
          attributes: {
            sex: witness.sex,
            birthYear: witness.birthYear,
            ageRange: witness.ageRange,
            provinceOfOrigin: witness.provinceOfOrigin,
            leftDprkYear: witness.leftDprkYear,
            arrivalYear: witness.arrivalYear,
            currentCountry: witness.currentCountry,
            languages: witness.languages,
          },
        }
      : {}),
  };
}
