import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, authFetch } from '../api/client';
import { must } from '../api/problem';
import type { operations } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { termLabel, useTerms } from '../testimony/terms';
import { saveResponse } from '../ui/save-file';
import { Empty, FormError, QueryView } from '../ui/states';
import { PatternHeatmap, PatternSeries, type ChartText } from './pattern-charts';
import { patternGrid, type PatternGrid, type RowDimension } from './pattern-grid';
import { useCasesById } from './search-names';
import { searchHref, yearRange, type SearchState } from './search-url';

type PatternsQuery = NonNullable<operations['SearchController_patterns']['parameters']['query']>;
type View = 'heatmap' | 'series' | 'table';
const VIEWS: View[] = ['heatmap', 'series', 'table'];
/** The CSV's table: every violation × facility × year cell, as the API writes it. */
const CSV_BY = ['term', 'facility', 'year'];

/** The API query of the screen's URL: the case, and "only" this violation or facility. */
function patternsQueryOf(params: URLSearchParams): PatternsQuery {
  const query: PatternsQuery = {};
  for (const key of ['caseId', 'violation', 'facility'] as const) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  return query;
}

/** The counts as JSON (the route answers CSV too, when asked for it). */
async function patternsJson(query: PatternsQuery) {
  const view = await must(api.GET('/search/patterns', { params: { query } }));
  if (typeof view === 'string') throw new Error('patterns: CSV where JSON was asked for');
  return view;
}

/** The same filters as a search: the testimonies behind a cell (or a whole row, year null). */
function cellSearch(query: PatternsQuery, rows: RowDimension, id: string | null, year: number | null): SearchState {
  const state: SearchState = { kind: 'testimony', ...query };
  if (id) state[rows === 'term' ? 'violation' : 'facility'] = id;
  return year === null ? state : { ...state, ...yearRange(year) };
}

/**
 * Patterns (issue 17): tagged violations by facility and year as a heatmap, as time series and as a
 * table (the charts' view for screen readers), approximate dates marked "~", a cell's testimonies one
 * click away in search, and the same counts as CSV. Loaded on its own (React.lazy): the chart library
 * is not part of the first screen's JavaScript.
 */
export default function PatternsScreen() {
  const { messages, locale, format } = useI18n();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const rows: RowDimension = params.get('rows') === 'facility' ? 'facility' : 'term';
  const view: View = (VIEWS as string[]).includes(params.get('view') ?? '') ? (params.get('view') as View) : 'heatmap';
  const query = useMemo(() => patternsQueryOf(params), [params]);
  const patterns = useQuery({
    // Only the two dimensions drawn (the API sums over the third): 50 facilities × 30 years × 40
    // violations is 60,000 cells as term × facility × year, and 1,200 as term × year.
    queryKey: ['patterns', query, rows],
    queryFn: () => patternsJson({ ...query, by: [rows, 'year'] }),
    placeholderData: keepPreviousData,
  });
  const grid = useMemo(() => patternGrid(patterns.data?.rows ?? [], rows), [patterns.data, rows]);
  const terms = useTerms(grid.rows.flatMap((row) => (row.id ? [row.id] : [])));
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  // The rows' names in the UI language; the chart text changes only when one of them does.
  const names = grid.rows.map((row) => {
    if (!row.id) return messages.search.patterns.noFacility;
    const term = terms.get(row.id);
    return term ? termLabel(term, locale) : (row.label ?? row.code ?? row.id);
  });
  const namesKey = names.join('\u0000');
  const text = useMemo<ChartText>(
    () => ({
      row: (index) => names[index] ?? '',
      year: (year) => (year === null ? messages.search.patterns.noYear : String(year)),
      cell: (tags, approximate) =>
        approximate > 0
          ? `${tags} (${format(messages.search.patterns.approximate, { count: approximate })})`
          : `${tags}`,
      label: format(messages.search.patterns.chartLabel, {
        rows: rows === 'term' ? messages.search.patterns.byViolation : messages.search.patterns.byFacility,
      }),
    }),
    // `names` is new on every render; its content is `namesKey`.
    [namesKey, messages, format, rows],
  );
  const openCell = (row: number, column: number) =>
    void navigate(searchHref(cellSearch(query, rows, grid.rows[row]?.id ?? null, grid.years[column] ?? null)));
  return (
    <section>
      <h1>{messages.search.patterns.title}</h1>
      <p className="muted">{messages.search.patterns.intro}</p>
      <PatternFilters query={query} rows={rows} onParam={setParam} />
      <div className="row actions">
        <div role="group" aria-label={messages.search.patterns.title} className="actions view-switch">
          {VIEWS.map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setParam('view', v)}>
              {messages.search.patterns[v === 'table' ? 'tableView' : v]}
            </button>
          ))}
        </div>
        <CsvDownload query={query} />
      </div>
      <QueryView query={patterns}>
        {() =>
          grid.rows.length === 0 ? (
            <Empty>{messages.search.patterns.empty}</Empty>
          ) : view === 'heatmap' ? (
            <>
              <p className="muted">{messages.search.patterns.cellHint}</p>
              <PatternHeatmap grid={grid} text={text} onCell={openCell} />
            </>
          ) : view === 'series' ? (
            <PatternSeries grid={grid} text={text} />
          ) : (
            <PatternTable
              grid={grid}
              text={text}
              cellHref={(row, column) => searchHref(cellSearch(query, rows, grid.rows[row].id, grid.years[column]))}
            />
          )
        }
      </QueryView>
    </section>
  );
}

/** Which case, what the rows are, and "only" one violation or facility (the API filters by it). */
function PatternFilters({
  query,
  rows,
  onParam,
}: {
  query: PatternsQuery;
  rows: RowDimension;
  onParam(key: string, value: string | undefined): void;
}) {
  const { messages, locale } = useI18n();
  const cases = useCasesById();
  const other = rows === 'term' ? 'facility' : 'violation';
  // The choices for "only": every facility (or violation) counted in the chosen case.
  const choices = useQuery({
    queryKey: ['patterns', 'choices', other, query.caseId],
    queryFn: () => patternsJson({ caseId: query.caseId, by: [other === 'violation' ? 'term' : 'facility'] }),
  });
  const ids = [
    ...new Set(
      (choices.data?.rows ?? []).flatMap((row) => {
        const id = other === 'violation' ? row.termId : row.facilityId;
        return id ? [id] : [];
      }),
    ),
  ];
  const terms = useTerms(ids);
  return (
    <div className="card row">
      <label>
        {messages.search.facet.case}
        <select value={query.caseId ?? ''} onChange={(e) => onParam('caseId', e.target.value || undefined)}>
          <option value="">{messages.search.patterns.all}</option>
          {[...cases.values()].map((c) => (
            <option key={c.id} value={c.id}>
              {c.reference} · {c.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        {messages.search.patterns.rows}
        <select
          value={rows}
          onChange={(e) => {
            onParam('rows', e.target.value === 'facility' ? 'facility' : undefined);
          }}
        >
          <option value="term">{messages.search.patterns.byViolation}</option>
          <option value="facility">{messages.search.patterns.byFacility}</option>
        </select>
      </label>
      <label>
        {messages.search.patterns.only}:{' '}
        {other === 'violation' ? messages.search.facet.violation : messages.search.facet.facility}
        <select value={query[other] ?? ''} onChange={(e) => onParam(other, e.target.value || undefined)}>
          <option value="">{messages.search.patterns.all}</option>
          {ids.map((id) => {
            const term = terms.get(id);
            return (
              <option key={id} value={id}>
                {term ? termLabel(term, locale) : id.slice(0, 8)}
              </option>
            );
          })}
        </select>
      </label>
    </div>
  );
}

/** The chart as a table (for screen readers, and to read exact figures): each count links to its testimonies. */
function PatternTable({
  grid,
  text,
  cellHref,
}: {
  grid: PatternGrid;
  text: ChartText;
  cellHref(row: number, column: number): string;
}) {
  const { messages, format } = useI18n();
  return (
    <div className="table-wrap">
      <table className="pattern-table" data-testid="pattern-table">
        <caption>{text.label}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{messages.search.patterns.rows}</span>
            </th>
            {grid.years.map((year) => (
              <th scope="col" key={year ?? 'none'}>
                {text.year(year)}
              </th>
            ))}
            <th scope="col">{messages.search.patterns.total}</th>
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row, r) => (
            <tr key={row.id ?? 'none'}>
              <th scope="row">{text.row(r)}</th>
              {grid.years.map((year, c) => {
                const cell = row.cells[c];
                return (
                  <td key={year ?? 'none'}>
                    {cell ? (
                      <Link
                        to={cellHref(r, c)}
                        aria-label={format(messages.search.patterns.openSearch, {
                          row: text.row(r),
                          year: text.year(year),
                        })}
                        title={text.cell(cell.tags, cell.approximate)}
                      >
                        {cell.approximate > 0 ? (
                          <>
                            {cell.tags}{' '}
                            <abbr title={format(messages.search.patterns.approximate, { count: cell.approximate })}>
                              {format(messages.search.patterns.approximateShort, { count: cell.approximate })}
                            </abbr>
                          </>
                        ) : (
                          cell.tags
                        )}
                      </Link>
                    ) : null}
                  </td>
                );
              })}
              <td>{row.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The same counts as the API's CSV (term, facility, year), for a spreadsheet. */
function CsvDownload({ query }: { query: PatternsQuery }) {
  const { messages } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setError(null);
    const url = new URL('/search/patterns', window.location.origin);
    for (const [key, value] of Object.entries(query)) if (value) url.searchParams.set(key, String(value));
    url.searchParams.set('by', CSV_BY.join(','));
    url.searchParams.set('format', 'csv');
    const response = await authFetch(new Request(url));
    if (!response.ok) return setError(new Error(`${response.status}`));
    await saveResponse(response, 'patterns.csv');
  };
  return (
    <>
      <button type="button" onClick={() => void download()}>
        {messages.search.patterns.csv}
      </button>
      <FormError error={error} />
    </>
  );
}
