// A cell starting with one of these is read as a formula by Excel, LibreOffice and Sheets
// (tab and carriage return too, by some), so a value like =HYPERLINK(...) from an imported
// archive would run when an investigator opens the rejects file.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell, quoted, with formula-like text neutralised by a leading apostrophe (OWASP's advice). */
export function csvCell(value: string | number | null): string {
  const text = String(value ?? '');
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}
