import { DomainError } from '@sillok/core';
import type { ImportFormat, SourceRecord } from './formats/source-record.js';
import { FieldProblem, type ImportField } from './record-types/import-field.js';
import type { ImportRecordType } from './record-types/import-record-type.js';

export type ParsedRow =
  | { ok: true; line: number; values: Record<string, unknown> }
  | { ok: false; line: number; externalId: string | null; problems: Array<{ column: string; reason: string }> };

/**
 * Turns the records of one file into staged values (by staging column) or the problems of the
 * row, field by field, so the report can name every bad field of every bad row.
 */
export class RowParser {
  private readonly byName: Map<string, ImportField>;
  private headerChecked = false;

  constructor(
    private readonly recordType: ImportRecordType,
    private readonly format: ImportFormat,
  ) {
    const fields = recordType.fields.filter((f) => format === 'jsonl' || !f.jsonOnly);
    this.byName = new Map(fields.map((f) => [this.nameOf(f), f]));
  }

  /** The field as this file names it: its CSV column or its JSON key. */
  nameOf(field: ImportField | string): string {
    const f = typeof field === 'string' ? this.recordType.fields.find((x) => x.column === field) : field;
    if (!f) return String(field);
    return this.format === 'csv' ? f.column : f.key;
  }

  parse(record: SourceRecord): ParsedRow {
    if (this.format === 'csv' && !this.headerChecked && !record.problem) this.checkHeader(Object.keys(record.values));
    const externalId =
      typeof record.values[this.nameOf('external_id')] === 'string'
        ? (record.values[this.nameOf('external_id')] as string)
        : null;
    if (record.problem)
      return { ok: false, line: record.line, externalId, problems: [{ column: 'line', reason: record.problem }] };
    const problems: Array<{ column: string; reason: string }> = [];
    for (const name of Object.keys(record.values)) {
      if (!this.byName.has(name)) problems.push({ column: name, reason: 'is not a field of this template' });
    }
    const values: Record<string, unknown> = {};
    for (const [name, field] of this.byName) {
      try {
        values[field.column] = field.parse(record.values[name]);
        if (field.required && values[field.column] === null)
          problems.push({ column: field.column, reason: 'is required' });
      } catch (error) {
        if (!(error instanceof FieldProblem)) throw error;
        problems.push({ column: field.column, reason: error.message });
      }
    }
    if (!problems.length) problems.push(...(this.recordType.checkRow?.(values) ?? []));
    if (problems.length) return { ok: false, line: record.line, externalId, problems };
    Object.assign(values, this.recordType.derived?.compute(values));
    return { ok: true, line: record.line, values };
  }

  /** A CSV header with an unknown or a missing required column is a wrong template: refuse the file. */
  private checkHeader(columns: string[]): void {
    this.headerChecked = true;
    const unknown = columns.filter((c) => !this.byName.has(c));
    const missing = [...this.byName].filter(([name, f]) => f.required && !columns.includes(name)).map(([n]) => n);
    if (unknown.length || missing.length) {
      const reasons = [
        ...(unknown.length ? [`unknown column ${unknown.join(', ')}`] : []),
        ...(missing.length ? [`missing column ${missing.join(', ')}`] : []),
      ];
      throw DomainError.validation([
        {
          field: 'file',
          reason: `the header does not fit the ${this.recordType.name} template: ${reasons.join('; ')}`,
        },
      ]);
    }
  }
}
