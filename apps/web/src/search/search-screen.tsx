import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { can, useSession } from '../session/session';
import { Empty, ErrorState, Loading } from '../ui/states';
import { useDebounced } from '../ui/use-debounced';
import { SearchFacets } from './search-facets';
import { statusName, useCasesById } from './search-names';
import { searchHref, searchQueryOf, searchStateOf, type SearchState } from './search-url';
import { SnippetText } from './snippet';

type SearchResult = Schemas['SearchResultResponse'];
type Hit = SearchResult['items'][number];
/** A hit chosen for export: the export wizard takes testimony ids, one case at a time. */
interface Chosen {
  reference: string;
  caseId: string;
}

const PAGE_SIZE = 50;
const TYPING_PAUSE_MS = 300;

/**
 * Search (issue 17): one box for words and "quoted phrases" in Korean, English or Japanese, facets
 * with counts, hits with their snippets, and paging by the API's cursor. The query, the filters and
 * the cursor live in the URL, so a search is a link a colleague of the case can open.
 */
export function SearchScreen() {
  const { messages } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const state = useMemo(() => searchStateOf(params), [params]);
  const go = (next: SearchState, replace = false) => void navigate(searchHref(next), { replace });
  const result = useQuery({
    queryKey: ['search', state],
    queryFn: () => must(api.GET('/search', { params: { query: searchQueryOf(state, PAGE_SIZE) } })),
    placeholderData: keepPreviousData,
  });
  const [chosen, setChosen] = useState<Map<string, Chosen>>(new Map());
  return (
    <section>
      <h1>{messages.search.title}</h1>
      <SearchBox state={state} onSearch={(q, replace) => go({ ...state, q, after: undefined }, replace)} />
      <div className="search-layout">
        <aside aria-labelledby="search-filters">
          <h2 id="search-filters">{messages.search.filters}</h2>
          {result.data?.facets ? (
            <SearchFacets
              state={state}
              facets={result.data.facets}
              bounded={result.data.facetsRelation === 'gte'}
              onChange={(next) => go({ ...next, after: undefined })}
            />
          ) : null}
        </aside>
        <div className="search-results" aria-busy={result.isFetching}>
          <h2>{messages.search.results}</h2>
          {result.isPending ? (
            <Loading />
          ) : result.error ? (
            <ErrorState error={result.error} onRetry={() => void result.refetch()} />
          ) : (
            <Results
              result={result.data}
              state={state}
              chosen={chosen}
              onChoose={setChosen}
              onPage={(after) => go({ ...state, after })}
            />
          )}
        </div>
      </div>
    </section>
  );
}

/** The box: typing searches once the typing pauses (one history entry), Enter searches at once. */
function SearchBox({ state, onSearch }: { state: SearchState; onSearch(q: string, replace: boolean): void }) {
  const { messages } = useI18n();
  const [text, setText] = useState(state.q ?? '');
  const settled = useDebounced(text, TYPING_PAUSE_MS);
  // A new URL (back, a facet link) shows its own words.
  useEffect(() => setText(state.q ?? ''), [state.q]);
  useEffect(() => {
    if (settled.trim() !== (state.q ?? '').trim()) onSearch(settled.trim(), true);
    // Only a pause in typing searches (not the URL changing on its own): `settled` is the one dependency.
  }, [settled]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim(), false);
  };
  return (
    <form role="search" className="card search-box" onSubmit={submit}>
      <label>
        {messages.search.box}
        <input type="search" value={text} onChange={(event) => setText(event.target.value)} autoFocus />
      </label>
      <button type="submit" className="primary">
        {messages.search.submit}
      </button>
      <p className="muted">{messages.search.hint}</p>
    </form>
  );
}

function Results({
  result,
  state,
  chosen,
  onChoose,
  onPage,
}: {
  result: SearchResult;
  state: SearchState;
  chosen: Map<string, Chosen>;
  onChoose(next: Map<string, Chosen>): void;
  onPage(after: string | undefined): void;
}) {
  const { messages, format, formatNumber } = useI18n();
  const { me } = useSession();
  const cases = useCasesById();
  const exporting = can(me, 'export.create');
  const total =
    result.total.relation === 'gte' ? `${formatNumber(result.total.value)}+` : formatNumber(result.total.value);
  const toggle = (hit: Hit) => {
    const next = new Map(chosen);
    if (next.has(hit.id)) next.delete(hit.id);
    else next.set(hit.id, { reference: hit.reference, caseId: hit.caseId });
    onChoose(next);
  };
  return (
    <>
      <p role="status" data-testid="search-total">
        {format(messages.search.total, { count: total })}{' '}
        <span className="muted">· {messages.search.order[result.order as 'relevance' | 'newest']}</span>
      </p>
      {exporting && chosen.size > 0 ? <ExportChosen chosen={chosen} onClear={() => onChoose(new Map())} /> : null}
      {result.items.length === 0 ? (
        <Empty>{messages.search.empty}</Empty>
      ) : (
        <ol className="hits">
          {result.items.map((hit) => (
            <li key={hit.id} className="card hit" data-testid="search-hit">
              <div className="hit-head">
                {exporting && hit.kind === 'testimony' ? (
                  <input
                    type="checkbox"
                    aria-label={format(messages.search.select, { reference: hit.reference })}
                    checked={chosen.has(hit.id)}
                    onChange={() => toggle(hit)}
                  />
                ) : null}
                <h3 className="record-title">
                  <Link to={`/app/${hit.kind === 'testimony' ? 'testimonies' : 'incidents'}/${hit.reference}`}>
                    {hit.title}
                  </Link>
                </h3>
              </div>
              <p className="muted hit-meta">
                <code>{hit.reference}</code> · {messages.search.kind[hit.kind as 'testimony' | 'incident']} ·{' '}
                {statusName(messages, hit.status)}
                {hit.witnessPseudonym ? ` · ${messages.search.witness} ${hit.witnessPseudonym}` : ''}
                {cases.get(hit.caseId) ? ` · ${cases.get(hit.caseId)?.reference}` : ''}
              </p>
              {hit.snippet ? <SnippetText snippet={hit.snippet} /> : null}
            </li>
          ))}
        </ol>
      )}
      <nav className="row pager" aria-label={messages.search.results}>
        {state.after ? (
          <button type="button" onClick={() => onPage(undefined)}>
            {messages.search.firstPage}
          </button>
        ) : null}
        {result.next ? (
          <button type="button" onClick={() => onPage(result.next ?? undefined)}>
            {messages.search.nextPage}
          </button>
        ) : null}
      </nav>
    </>
  );
}

/** One link per case of the chosen hits: the export wizard of that case, the testimonies preselected. */
function ExportChosen({ chosen, onClear }: { chosen: Map<string, Chosen>; onClear(): void }) {
  const { messages, format } = useI18n();
  const cases = useCasesById();
  const byCase = new Map<string, Array<[string, Chosen]>>();
  for (const entry of chosen) byCase.set(entry[1].caseId, [...(byCase.get(entry[1].caseId) ?? []), entry]);
  return (
    <div className="card actions" data-testid="search-export">
      <span>{format(messages.search.selected, { count: chosen.size })}</span>
      {[...byCase].map(([caseId, entries]) => {
        const caseRef = cases.get(caseId)?.reference ?? caseId;
        return (
          <Link
            key={caseId}
            className="button primary"
            to={`/app/cases/${caseRef}/export?testimonies=${entries.map(([id]) => id).join(',')}`}
            state={{ references: Object.fromEntries(entries.map(([id, c]) => [id, c.reference])) }}
          >
            {format(messages.search.exportSelected, { count: entries.length, case: caseRef })}
          </Link>
        );
      })}
      <button type="button" onClick={onClear}>
        {messages.search.clearSelection}
      </button>
    </div>
  );
}
