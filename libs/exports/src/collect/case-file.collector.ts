import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { custodyEvents, sealAuditChain } from '@sillok/audit';
import { User } from '@sillok/auth';
import { Case } from '@sillok/cases';
import { DomainError, ErrorCode, type Actor } from '@sillok/core';
import { Attachment, AttachmentCaptureMetadata } from '@sillok/evidence';
import { Incident, IncidentSource } from '@sillok/incidents';
import { TaxonomyTermEntity } from '@sillok/taxonomy';
import {
  ConsentService,
  currentRevisionHashes,
  IdentityVaultService,
  Testimony,
  TestimonyAnnotation,
  TestimonyTranslation,
  Witness,
} from '@sillok/testimonies';
import type { ExportSelection } from '../case-export.entity.js';
import type { ExportProfile } from '../profiles/export-profile.js';
import { selectAttachments } from './attachment-selection.js';
import { BagIdentifiers } from './bag-identifiers.js';
import type { CaseFile, ExportedAttachment, ExportedTestimony, ExportedWitness, WithheldItem } from './case-file.js';
import { custodyEntry } from './custody-entry.js';
import { decideIncidents, decideTestimonies } from './inclusion.js';
import { exportedIncident } from './incident-export.js';
import { TermLookup } from './term-lookup.js';
import { exportedTestimony, exportedWitness } from './testimony-export.js';
import { TestimonyRedactor } from './testimony-redactor.js';

export interface CollectRequest {
  actor: Actor;
  caseId: string;
  profile: ExportProfile;
  selection: ExportSelection;
  identityReason?: string;
}

/** Each record of a case file read at one instant, however much documenters write meanwhile. */
export const SNAPSHOT_ISOLATION = 'REPEATABLE READ';

/**
 * Reads what one export of a case will hold and applies the profile: consent filtering into
 * included and withheld, redaction, witness naming, attachment choice. The caller has
 * already checked the actor's access to the case; everything here stays inside that case.
 */
@Injectable()
export class CaseFileCollector {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consent: ConsentService,
    private readonly vault: IdentityVaultService,
  ) {}

  /**
   * Every read runs in one read-only REPEATABLE READ transaction: it sees the database as at its
   * first statement, so a testimony edited, tagged or approved while the export is collected goes
   * out wholly as before or (in a later export) wholly as after, never half of each.
   */
  async collect(request: CollectRequest): Promise<CaseFile> {
    // The custody log is read inside the snapshot: chain what has committed first, so it is all there.
    await sealAuditChain(this.dataSource.manager);
    return this.dataSource.transaction(SNAPSHOT_ISOLATION, async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      return this.collectIn(m, request);
    });
  }

  /** Reading and deciding, step by step (each step reads what the one before decided), then mapping. */
  private async collectIn(m: EntityManager, request: CollectRequest): Promise<CaseFile> {
    const kase = await m.getRepository(Case).findOneByOrFail({ id: request.caseId });
    const testimonies = await this.testimonyPart(m, request);
    const incidents = await this.incidentPart(m, request, testimonies);
    const attachments = await this.attachmentPart(m, request, testimonies, incidents.included);
    const withheld: WithheldItem[] = [...testimonies.withheld, ...incidents.withheld, ...attachments.withheld];
    const { profile } = request;
    const bagIds = new BagIdentifiers(profile.pseudonymousIds);
    const identities = request.selection.includeIdentities
      ? await this.identities(request, [...testimonies.labels.keys()])
      : null;
    const interviewers = await staffNames(
      m,
      testimonies.included.flatMap((t) => t.interviewerIds),
      bagIds,
    );
    const custody = await custodyEvents(m, [
      ...testimonies.included.map((t) => t.id),
      ...incidents.included.map((i) => i.id),
      ...attachments.files.map((f) => f.id),
    ]);
    const references = new Map(testimonies.all.map((t) => [t.id, t.reference]));
    return {
      case: {
        id: kase.id,
        reference: kase.reference,
        title: testimonies.redact(kase.title),
        description: testimonies.redact(kase.description),
        status: kase.status,
      },
      testimonies: exportedTestimonies(testimonies, {
        profile,
        terms: incidents.terms,
        attachments,
        identities,
        interviewers,
      }),
      incidents: incidents.included.map((incident) =>
        exportedIncident(incident, {
          sources: incidents.sources,
          references,
          includedTestimonyIds: testimonies.includedIds,
          labels: testimonies.labels,
          redact: testimonies.redact,
          terms: incidents.terms,
          profile,
        }),
      ),
      attachments: attachments.files,
      withheld,
      custody: custody.map((row) =>
        custodyEntry(row, { redacted: profile.redactSensitiveSpans || withheld.length > 0, ids: bagIds }),
      ),
      ids: bagIds,
      identityWitnessIds: identities
        ? [...identities].filter(([, identity]) => identity !== null).map(([witnessId]) => witnessId)
        : [],
    };
  }

  /**
   * The case's testimonies: which go out (consent, approval, the selection) and, for those, what
   * the bag shows of them. Reads run one after another: the snapshot is one connection.
   */
  private async testimonyPart(m: EntityManager, { caseId, profile, selection }: CollectRequest) {
    const all = await m.getRepository(Testimony).find({ where: { caseId }, order: { reference: 'ASC' } });
    const chosen = chooseById('testimonyIds', selection.testimonyIds, all);
    const witnesses = new Map((await m.getRepository(Witness).findBy({ caseId })).map((w) => [w.id, w]));
    const consents = await this.consent.effectiveFor(chosen, m);
    const includeUnapproved = selection.includeUnapproved === true;
    const { included, labels, withheld } = decideTestimonies(chosen, {
      witnesses,
      consents,
      profile,
      includeUnapproved,
    });
    const ids = included.map((t) => t.id);
    const annotations = ids.length
      ? await m.getRepository(TestimonyAnnotation).find({ where: { testimonyId: In(ids), withdrawnAt: IsNull() } })
      : [];
    const translations = ids.length
      ? await m.getRepository(TestimonyTranslation).find({ where: { testimonyId: In(ids) } })
      : [];
    const hashes = await currentRevisionHashes(m, ids);
    const caseWords = await sensitiveWords(
      m,
      all.map((t) => t.id),
    );
    // Every text of the bag that is not a testimony's own is hidden by the words of every sensitive span of the case.
    const caseText = new TestimonyRedactor([], profile.redactSensitiveSpans, caseWords);
    return {
      all,
      chosen,
      witnesses,
      consents,
      included,
      includedIds: new Set(ids),
      labels,
      withheld,
      annotations,
      translations,
      hashes,
      caseWords,
      redact: (text: string) => caseText.freeText(text),
      includeUnapproved,
    };
  }

  /** The case's incidents that go out with these testimonies, their sources, and the terms of both. */
  private async incidentPart(
    m: EntityManager,
    { caseId, profile, selection }: CollectRequest,
    testimonies: TestimonyPart,
  ) {
    const candidates = chooseById(
      'incidentIds',
      selection.incidentIds,
      await m.getRepository(Incident).find({ where: { caseId, withdrawnAt: IsNull() }, order: { reference: 'ASC' } }),
    );
    const allSources = candidates.length
      ? await m.getRepository(IncidentSource).find({
          where: { incidentId: In(candidates.map((i) => i.id)), removedAt: IsNull() },
          order: { createdAt: 'ASC' },
        })
      : [];
    const { included, withheld } = decideIncidents(candidates, {
      sources: allSources,
      includedTestimonyIds: testimonies.includedIds,
      profile,
      includeUnapproved: testimonies.includeUnapproved,
    });
    const tags = testimonies.annotations.filter((a) => a.kind === 'tag');
    const terms = new TermLookup(
      await m.getRepository(TaxonomyTermEntity).findBy({ id: In(TermLookup.idsOf([...tags, ...included])) }),
    );
    const sources = allSources.filter((s) => included.some((i) => i.id === s.incidentId));
    return { included, withheld, sources, terms };
  }

  /** The files that go out: those of the included records, the selected ones, the case's own when asked. */
  private async attachmentPart(
    m: EntityManager,
    { caseId, profile, selection }: CollectRequest,
    testimonies: TestimonyPart,
    incidents: Incident[],
  ) {
    const caseAttachments = await m
      .getRepository(Attachment)
      .find({ where: { caseId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
    return selectAttachments({
      all: caseAttachments,
      chosenIds: selection.attachmentIds,
      testimonies: testimonies.all,
      included: testimonies.includedIds,
      chosenTestimonies: new Set(testimonies.chosen.map((t) => t.id)),
      incidents: new Set(incidents.map((i) => i.id)),
      caseFiles: includesCaseFiles(selection),
      capturedLocation: await withCaptureLocation(m, caseAttachments),
      redact: testimonies.redact,
      profile,
    });
  }

  /** Each read goes through the vault, which checks witness.identity.read and audits it with the reason. */
  private async identities(request: CollectRequest, witnessIds: string[]) {
    const found = new Map<string, Record<string, unknown> | null>();
    for (const witnessId of witnessIds) {
      try {
        const view = await this.vault.read(request.actor, witnessId, request.identityReason ?? '');
        found.set(witnessId, view.identity as unknown as Record<string, unknown>);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== ErrorCode.NotFound) throw error;
        found.set(witnessId, null);
      }
    }
    return found;
  }
}

type TestimonyPart = Awaited<ReturnType<CaseFileCollector['testimonyPart']>>;

/** The included testimonies as the bag shows them, each with its witness as this profile names them. */
function exportedTestimonies(
  part: TestimonyPart,
  context: {
    profile: ExportProfile;
    terms: TermLookup;
    attachments: { files: ExportedAttachment[] };
    identities: Map<string, Record<string, unknown> | null> | null;
    interviewers: Map<string, string>;
  },
): ExportedTestimony[] {
  const { profile, terms, attachments, identities, interviewers } = context;
  return part.included.map((testimony) => {
    const witness: ExportedWitness = exportedWitness(
      part.witnesses.get(testimony.witnessId)!,
      part.labels.get(testimony.witnessId)!,
      profile,
    );
    if (identities) witness.identity = identities.get(testimony.witnessId) ?? null;
    return exportedTestimony(
      {
        testimony,
        witness,
        consent: part.consents.get(testimony.id)!,
        translations: part.translations.filter((tr) => tr.testimonyId === testimony.id),
        annotations: part.annotations.filter((a) => a.testimonyId === testimony.id),
        contentSha256: part.hashes.get(testimony.id) ?? null,
        attachments: attachments.files.filter((f) => f.owner.reference === testimony.reference).map((f) => f.path),
        caseWords: part.caseWords,
        interviewers: testimony.interviewerIds.map((id) => interviewers.get(id) ?? 'an account no longer known'),
      },
      profile,
      terms,
    );
  });
}

/**
 * Staff as a bag may name them: display name and role, or in a public bag (which must not be
 * linkable to staff accounts) role and per-bag pseudonym only.
 */
async function staffNames(m: EntityManager, userIds: string[], ids: BagIdentifiers): Promise<Map<string, string>> {
  if (!userIds.length) return new Map();
  const users = await m.getRepository(User).find({
    where: { id: In([...new Set(userIds)]) },
    select: { id: true, displayName: true, role: true },
  });
  return new Map(
    users.map((u) => [u.id, ids.pseudonymous ? `${u.role} ${ids.of(u.id)}` : `${u.displayName} (${u.role})`]),
  );
}

/** The rows named by `ids`, in their own order, or a 400 naming the field when one is not of this case. */
function chooseById<T extends { id: string }>(field: string, ids: string[] | undefined, rows: T[]): T[] {
  if (!ids) return rows;
  const known = new Set(rows.map((row) => row.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length)
    throw DomainError.validation([{ field, reason: `${unknown.join(', ')} is not in this case (or is withdrawn)` }]);
  const wanted = new Set(ids);
  return rows.filter((row) => wanted.has(row.id));
}

/** The words of every sensitive span of the case's testimonies (withdrawn spans no longer hide anything). */
async function sensitiveWords(m: EntityManager, testimonyIds: string[]): Promise<string[]> {
  if (!testimonyIds.length) return [];
  const spans = await m.getRepository(TestimonyAnnotation).find({
    where: { testimonyId: In(testimonyIds), kind: 'sensitive', withdrawnAt: IsNull() },
    select: { id: true, quote: true },
  });
  return [...new Set(spans.map((span) => span.quote?.trim() ?? '').filter((quote) => quote !== ''))];
}

/** Which of the files carry a capture location (read from their bytes at upload). */
async function withCaptureLocation(m: EntityManager, files: Attachment[]): Promise<Set<string>> {
  if (!files.length) return new Set();
  const rows = await m.getRepository(AttachmentCaptureMetadata).find({
    where: { attachmentId: In(files.map((f) => f.id)) },
    select: { attachmentId: true, gpsLatitude: true, gpsLongitude: true },
  });
  return new Set(rows.filter((r) => r.gpsLatitude !== null || r.gpsLongitude !== null).map((r) => r.attachmentId));
}

/** The case's own files go with a whole-case export, and with a selection only when asked for. */
function includesCaseFiles(selection: ExportSelection): boolean {
  if (selection.includeCaseAttachments !== undefined) return selection.includeCaseAttachments;
  return !selection.testimonyIds && !selection.incidentIds && !selection.attachmentIds;
}
