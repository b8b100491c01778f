import type { CaseFile } from '../collect/case-file.js';
import type { ExportSelection } from '../case-export.entity.js';

/**
 * The case file with every internal id replaced by the name this bag gives it (unchanged
 * unless the profile asks for per-bag pseudonyms). The record of the export keeps the real ids.
 */
export function withBagIds(file: CaseFile): CaseFile {
  const { ids } = file;
  if (!ids.pseudonymous) return file;
  return {
    ...file,
    case: { ...file.case, id: ids.of(file.case.id) },
    testimonies: file.testimonies.map((t) => ({
      ...t,
      id: ids.of(t.id),
      tags: t.tags.map((tag) => ({ ...tag, id: ids.of(tag.id) })),
    })),
    incidents: file.incidents.map((i) => ({ ...i, id: ids.of(i.id) })),
    attachments: file.attachments.map((a) => ({ ...a, id: ids.of(a.id), originalId: ids.of(a.originalId) })),
    withheld: file.withheld.map((w) => ({ ...w, id: ids.of(w.id) })),
  };
}

/** The selection as the bag shows it: chosen ids by the bag's names for them. */
export function selectionInBag(selection: ExportSelection, file: CaseFile): ExportSelection {
  const of = (list?: string[]) => list?.map((id) => file.ids.of(id));
  return {
    ...selection,
    ...(selection.testimonyIds ? { testimonyIds: of(selection.testimonyIds) } : {}),
    ...(selection.incidentIds ? { incidentIds: of(selection.incidentIds) } : {}),
    ...(selection.attachmentIds ? { attachmentIds: of(selection.attachmentIds) } : {}),
  };
}
