import type { ExportPreviewResponse } from '@sillok/exports';

/**
 * `sillok export --dry-run` output: one line per record considered (INCLUDE or WITHHOLD with the
 * reason), then each warning, then a count; plain lines a clerk can read or grep.
 */
export function previewLines(preview: ExportPreviewResponse): string[] {
  const lines = preview.records.map((r) => {
    const what = [r.kind, r.reference || '-', r.witness, r.name, r.status].filter((part) => part !== '').join(' ');
    return r.included ? `INCLUDE ${what}` : `WITHHOLD ${what}: ${r.reason}`;
  });
  for (const warning of preview.warnings) lines.push(`WARNING ${warning}`);
  const included = preview.records.filter((r) => r.included).length;
  lines.push(
    `dry run (${preview.profile}): ${included} included, ${preview.records.length - included} withheld, ` +
      `${preview.warnings.length} warning(s); nothing was written`,
  );
  return lines;
}
