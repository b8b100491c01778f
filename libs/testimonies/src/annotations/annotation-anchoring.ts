import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import type { TestimonyContent } from '../testimonies/testimony-content.js';
import { relocate } from './anchor.js';
import { TestimonyAnnotation } from './annotation.entity.js';

/** The text an annotation marks: the narrative (language null) or one translation. */
export function textOf(content: Pick<TestimonyContent, 'narrative' | 'translations'>, language: string | null) {
  if (language === null) return content.narrative;
  return content.translations.find((t) => t.language === language)?.text ?? null;
}

export interface ReanchorResult {
  moved: number;
  needsReview: number;
}

/** A testimony's content before and after a new revision, and that revision's number. */
export interface RevisionChange {
  testimonyId: string;
  before: TestimonyContent;
  after: TestimonyContent;
  revision: number;
}

/**
 * Keeps tags on their words across revisions. TestimonyService calls `reanchor` in the
 * transaction that stores a new revision, so tags and text never disagree after a commit.
 */
@Injectable()
export class AnnotationAnchoring {
  async reanchor(
    manager: EntityManager,
    { testimonyId, before, after, revision }: RevisionChange,
  ): Promise<ReanchorResult> {
    const repository = manager.getRepository(TestimonyAnnotation);
    const annotations = await repository.find({ where: { testimonyId, withdrawnAt: IsNull() } });
    const result: ReanchorResult = { moved: 0, needsReview: 0 };
    for (const a of annotations) {
      if (a.rangeStart === null || a.rangeEnd === null || a.quote === null) continue;
      const text = textOf(after, a.language);
      if (text === textOf(before, a.language) && a.status === 'anchored') continue;
      const found = text === null ? null : relocate(text, { start: a.rangeStart, end: a.rangeEnd, quote: a.quote });
      if (!found) {
        // Keep the old range and quote: the reviewer sees what the tag said and re-places it.
        if (a.status !== 'needs_review') {
          await repository.update({ id: a.id }, { status: 'needs_review', version: a.version + 1 });
          result.needsReview += 1;
        }
        continue;
      }
      if (found.start !== a.rangeStart) result.moved += 1;
      await repository.update(
        { id: a.id },
        {
          rangeStart: found.start,
          rangeEnd: found.end,
          status: 'anchored',
          anchoredRevision: revision,
          version: a.version + 1,
        },
      );
    }
    return result;
  }
}
