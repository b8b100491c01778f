import type { EntityManager } from 'typeorm';
import type { TestimonyContent } from './testimony-content.js';
import { TestimonyTranslation } from './testimony-translation.entity.js';
import type { Testimony } from './testimony.entity.js';

export function contentOf(testimony: Testimony, translations: TestimonyTranslation[]): TestimonyContent {
  return {
    title: testimony.title,
    summary: testimony.summary,
    narrative: testimony.narrative,
    translations: translations.map((t) => ({
      language: t.language,
      text: t.text,
      translator: t.translator,
      checked: t.checked,
    })),
  };
}

export function translationsOf(manager: EntityManager, testimonyId: string): Promise<TestimonyTranslation[]> {
  return manager.getRepository(TestimonyTranslation).find({ where: { testimonyId }, order: { language: 'ASC' } });
}

/** Makes the stored translations equal to `wanted` (one per language). Revisions keep what is replaced. */
export async function replaceTranslations(
  manager: EntityManager,
  testimonyId: string,
  wanted: TestimonyContent['translations'],
): Promise<void> {
  await manager.getRepository(TestimonyTranslation).delete({ testimonyId });
  await insertTranslations(manager, testimonyId, wanted);
}

/** The translations of a testimony that has none yet (a new one). */
export async function insertTranslations(
  manager: EntityManager,
  testimonyId: string,
  wanted: TestimonyContent['translations'],
): Promise<void> {
  if (wanted.length)
    await manager.getRepository(TestimonyTranslation).insert(wanted.map((t) => ({ ...t, testimonyId })));
}
