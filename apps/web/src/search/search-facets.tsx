import { useState, type FormEvent } from 'react';
import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { termLabel, useTerms, type Term } from '../testimony/terms';
import { statusName, useCasesById } from './search-names';
import type { SearchFilter, SearchState } from './search-url';

type Facets = Schemas['FacetsResponse'];
type FacetName = keyof Facets;
type FacetValue = Facets[FacetName][number];
type Messages = ReturnType<typeof useI18n>['messages'];

/** Each facet the API counts, in the order shown, with the URL (and API) filter it sets. */
const FACETS: Array<[FacetName, SearchFilter]> = [
  ['violation', 'violation'],
  ['act', 'act'],
  ['facility', 'facility'],
  ['agency', 'agency'],
  ['witnessSex', 'witnessSex'],
  ['witnessBirthDecade', 'birthDecade'],
  ['language', 'language'],
  ['forum', 'forum'],
  ['status', 'status'],
  ['sourceConnection', 'sourceConnection'],
  ['reliability', 'reliability'],
  ['kind', 'kind'],
  ['case', 'caseId'],
];
const TERM_FACETS = new Set<FacetName>(['violation', 'act', 'facility', 'agency', 'sourceConnection', 'reliability']);
const SHOWN = 8;

/**
 * The filters as facets: every value the API counted for the current hits, with its count ("n+" when
 * the API counted only the first hits), chosen and unchosen by click; the date range; and a facility
 * by any of its names or aliases.
 */
export function SearchFacets({
  state,
  facets,
  bounded,
  onChange,
}: {
  state: SearchState;
  facets: Facets;
  bounded: boolean;
  onChange(next: SearchState): void;
}) {
  const { messages } = useI18n();
  const termIds = FACETS.filter(([name]) => TERM_FACETS.has(name)).flatMap(([name, filter]) => [
    ...facets[name].map((v) => v.value),
    ...(state[filter] && /^[0-9a-f-]{36}$/.test(state[filter]) ? [state[filter]] : []),
  ]);
  const terms = useTerms(termIds);
  const cases = useCasesById();
  // Cases by reference in the URL (the API counts them by id, and takes either).
  const caseRef = (id: string) => cases.get(id)?.reference ?? id;
  const valuesOf = (name: FacetName) =>
    name === 'case' ? facets.case.map((v) => ({ ...v, value: caseRef(v.value) })) : facets[name];
  const chosenOf = (filter: SearchFilter) =>
    filter === 'caseId' && state.caseId ? caseRef(state.caseId) : state[filter];
  const active = FACETS.some(([, filter]) => state[filter]);
  return (
    <div className="facets">
      {active ? (
        <button type="button" onClick={() => onChange({ q: state.q })}>
          {messages.search.clear}
        </button>
      ) : null}
      <DateRange state={state} onChange={onChange} />
      <FacilityByName state={state} onChange={onChange} />
      {FACETS.map(([name, filter]) => (
        <Facet
          key={name}
          name={name}
          values={valuesOf(name)}
          chosen={chosenOf(filter)}
          bounded={bounded}
          terms={terms}
          onChoose={(value) => onChange({ ...state, [filter]: value })}
        />
      ))}
    </div>
  );
}

function Facet({
  name,
  values,
  chosen,
  bounded,
  terms,
  onChoose,
}: {
  name: FacetName;
  values: FacetValue[];
  chosen: string | undefined;
  bounded: boolean;
  terms: Map<string, Term>;
  onChoose(value: string | undefined): void;
}) {
  const { messages, format, formatNumber } = useI18n();
  const label = useFacetLabel(name, terms);
  const [all, setAll] = useState(false);
  // The chosen value stays listed (and can be removed) even when the API no longer counts it as such.
  const listed = chosen && !values.some((v) => v.value === chosen) ? [{ value: chosen, count: -1 }, ...values] : values;
  if (listed.length === 0) return null;
  const shown = all ? listed : listed.slice(0, SHOWN);
  const title = messages.search.facet[name];
  return (
    <fieldset className="facet" data-facet={name}>
      <legend>{title}</legend>
      <ul className="choices">
        {shown.map((v) => {
          const pressed = v.value === chosen;
          const text = label(v);
          return (
            <li key={v.value}>
              <button
                type="button"
                aria-pressed={pressed}
                aria-label={pressed ? format(messages.search.remove, { name: `${title}: ${text.name}` }) : undefined}
                onClick={() => onChoose(pressed ? undefined : v.value)}
              >
                <span>{text.name}</span>
                {v.count >= 0 ? (
                  <span className="count">{bounded ? `${formatNumber(v.count)}+` : formatNumber(v.count)}</span>
                ) : null}
              </button>
              {text.aliases ? (
                <span className="muted aliases">
                  {messages.search.aliases} {text.aliases}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      {!all && listed.length > SHOWN ? (
        <button type="button" className="link" onClick={() => setAll(true)}>
          {format(messages.search.more, { count: listed.length })}
        </button>
      ) : null}
    </fieldset>
  );
}

/** A facet value's name in the UI language (terms by their localised label, facilities with aliases). */
function useFacetLabel(name: FacetName, terms: Map<string, Term>) {
  const { messages, locale, format } = useI18n();
  const cases = useCasesById();
  return (v: { value: string; label?: string; code?: string }): { name: string; aliases?: string } => {
    if (TERM_FACETS.has(name)) {
      const term = terms.get(v.value);
      const named = term ? termLabel(term, locale) : (v.label ?? v.code ?? v.value);
      const aliases = name === 'facility' && term?.aliases.length ? term.aliases.slice(0, 4).join(', ') : undefined;
      return { name: named, aliases };
    }
    return { name: scalarName({ messages, format, cases }, name, v.value) };
  };
}

/** What names a facet value that is not a term: the UI's messages and the cases the user can see. */
interface ScalarNaming {
  messages: Messages;
  format: (template: string, values: Record<string, string>) => string;
  cases: Map<string, { reference: string; title: string }>;
}

function scalarName({ messages, format, cases }: ScalarNaming, name: FacetName, value: string): string {
  switch (name) {
    case 'kind':
      return messages.search.kind[value as 'testimony' | 'incident'] ?? value;
    case 'status':
      return statusName(messages, value);
    case 'forum':
      return (messages.forum as Record<string, string>)[value] ?? value;
    case 'witnessSex':
      return (messages.sex as Record<string, string>)[value] ?? value;
    case 'witnessBirthDecade':
      return format(messages.search.decade, { decade: value });
    case 'case':
      return /^CASE-/.test(value) ? value : (cases.get(value)?.reference ?? value.slice(0, 8));
    default:
      return value;
  }
}

/** The date range (overlap with any tag's dates; the API widens circa dates by a year). */
function DateRange({ state, onChange }: { state: SearchState; onChange(next: SearchState): void }) {
  const { messages } = useI18n();
  const [from, setFrom] = useState(state.dateFrom ?? '');
  const [to, setTo] = useState(state.dateTo ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...state, dateFrom: from || undefined, dateTo: to || undefined });
  };
  return (
    <form className="facet" onSubmit={submit} key={`${state.dateFrom}-${state.dateTo}`}>
      <label>
        {messages.search.dateFrom}
        <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        {messages.search.dateTo}
        <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <button type="submit">{messages.search.applyDates}</button>
    </form>
  );
}

/** A facility by any of its names: the API resolves labels, aliases and romanisations (요덕, Yodok, Camp 15). */
function FacilityByName({ state, onChange }: { state: SearchState; onChange(next: SearchState): void }) {
  const { messages } = useI18n();
  const typed = state.facility && !/^[0-9a-f-]{36}$/.test(state.facility) ? state.facility : '';
  const [name, setName] = useState(typed);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...state, facility: name.trim() || undefined });
  };
  return (
    <form className="facet" onSubmit={submit}>
      <label>
        {messages.search.facilityName}
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit">{messages.search.applyFacility}</button>
    </form>
  );
}
