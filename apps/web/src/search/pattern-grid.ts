import type { Schemas } from '../api/client';

export type PatternRow = Schemas['PatternRowResponse'];
/** What a grid's rows are: violations (summed over facilities) or facilities (summed over violations). */
export type RowDimension = 'term' | 'facility';

export interface GridCell {
  tags: number;
  /** Of tags: dated circa, unknown, or by a range spanning years (README: "Date precision"). */
  approximate: number;
}

export interface GridRow {
  /** The term or facility id; null for tags without a facility. */
  id: string | null;
  code: string | null;
  label: string | null;
  total: number;
  /** By column index (see PatternGrid.years). */
  cells: Array<GridCell | undefined>;
}

export interface PatternGrid {
  /** Every year from the first to the last counted, then null ("no date") when some tag has none. */
  years: Array<number | null>;
  /** Most tags first. */
  rows: GridRow[];
  max: number;
}

/**
 * The API's term × facility × year counts as one grid of rows by years, each cell the sum over the
 * other dimension. Years run without gaps, so the heatmap and the time series show empty years as such.
 */
export function patternGrid(rows: PatternRow[], by: RowDimension): PatternGrid {
  const counted = rows.map((row) => row.year).filter((year): year is number => typeof year === 'number');
  const first = counted.length ? Math.min(...counted) : 0;
  const last = counted.length ? Math.max(...counted) : -1;
  const years: Array<number | null> = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  if (rows.some((row) => row.year === null || row.year === undefined)) years.push(null);
  const column = (year: number | null | undefined) =>
    year === null || year === undefined ? years.length - 1 : year - first;
  const byId = new Map<string | null, GridRow>();
  let max = 0;
  for (const row of rows) {
    const id = (by === 'term' ? row.termId : row.facilityId) ?? null;
    let gridRow = byId.get(id);
    if (!gridRow) {
      gridRow = {
        id,
        code: (by === 'term' ? row.termCode : row.facilityCode) ?? null,
        label: (by === 'term' ? row.termLabel : row.facilityLabel) ?? null,
        total: 0,
        cells: new Array<GridCell | undefined>(years.length),
      };
      byId.set(id, gridRow);
    }
    const at = column(row.year);
    const cell = (gridRow.cells[at] ??= { tags: 0, approximate: 0 });
    cell.tags += row.tags;
    cell.approximate += row.approximate;
    gridRow.total += row.tags;
    if (cell.tags > max) max = cell.tags;
  }
  const sorted = [...byId.values()].sort((a, b) => b.total - a.total || (a.code ?? '').localeCompare(b.code ?? ''));
  return { years, rows: sorted, max };
}
