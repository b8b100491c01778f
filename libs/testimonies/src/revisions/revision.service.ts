import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CaseAccessPolicy } from '@sillok/cases';
import { DomainError, Permission, type Actor } from '@sillok/core';
import { CONTENT_FIELDS, contentSha256, type TestimonyContent } from '../testimonies/testimony-content.js';
import { TestimonyRevision } from '../testimonies/testimony-revision.entity.js';
import { diffLines } from './text-diff.js';
import { findTestimony } from '../testimonies/writable-testimony.js';
import type { RevisionDiffResponse, RevisionResponse } from '../testimonies.responses.js';

function toView(r: TestimonyRevision, withContent: boolean): RevisionResponse {
  return {
    revision: r.revision,
    contentSha256: r.contentSha256,
    changedFields: r.changedFields,
    reason: r.reason,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    ...(withContent ? { content: r.content } : {}),
  };
}

/** One stored content state of a testimony. */
export interface NewRevision {
  testimonyId: string;
  revision: number;
  content: TestimonyContent;
  changedFields: string[];
  reason: string | null;
  createdBy: string;
}

/** The history of a testimony's content: every state kept, any two compared. */
@Injectable()
export class RevisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: CaseAccessPolicy,
  ) {}

  /** Stores a new content state; called inside the transaction that changes the testimony. */
  async append(manager: EntityManager, revision: NewRevision): Promise<string> {
    const sha = contentSha256(revision.content);
    await manager.getRepository(TestimonyRevision).insert({ ...revision, contentSha256: sha });
    return sha;
  }

  async list(actor: Actor, testimonyId: string): Promise<RevisionResponse[]> {
    await findTestimony(this.dataSource.manager, {
      policy: this.policy,
      actor,
      id: testimonyId,
      permission: Permission.TestimonyRead,
    });
    const revisions = await this.dataSource
      .getRepository(TestimonyRevision)
      .find({ where: { testimonyId }, order: { revision: 'ASC' } });
    return revisions.map((r) => toView(r, false));
  }

  async get(actor: Actor, testimonyId: string, revision: number): Promise<RevisionResponse> {
    await findTestimony(this.dataSource.manager, {
      policy: this.policy,
      actor,
      id: testimonyId,
      permission: Permission.TestimonyRead,
    });
    return toView(await this.load(testimonyId, revision), true);
  }

  async diff(actor: Actor, testimonyId: string, from: number, to: number): Promise<RevisionDiffResponse> {
    await findTestimony(this.dataSource.manager, {
      policy: this.policy,
      actor,
      id: testimonyId,
      permission: Permission.TestimonyRead,
    });
    const [before, after] = await Promise.all([this.load(testimonyId, from), this.load(testimonyId, to)]);
    const fields: RevisionDiffResponse['fields'] = {};
    const changedFields: string[] = [];
    for (const field of CONTENT_FIELDS) {
      const a = field === 'translations' ? JSON.stringify(before.content.translations, null, 1) : before.content[field];
      const b = field === 'translations' ? JSON.stringify(after.content.translations, null, 1) : after.content[field];
      if (a === b) continue;
      changedFields.push(field);
      fields[field] = field === 'title' ? { before: a, after: b } : diffLines(a, b);
    }
    return { from, to, changedFields, fields };
  }

  private async load(testimonyId: string, revision: number): Promise<TestimonyRevision> {
    const found = await this.dataSource.getRepository(TestimonyRevision).findOneBy({ testimonyId, revision });
    if (!found) throw DomainError.notFound(`revision ${revision}`);
    return found;
  }
}
