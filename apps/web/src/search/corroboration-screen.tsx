import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { must } from '../api/problem';
import type { operations } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { termLabel } from '../testimony/terms';
import { QueryView } from '../ui/states';

type Matrix = Schemas['CorroborationResponse'];
type Incident = Matrix['incidents'][number];
type Source = Incident['sources'][number];
type RuleQuery = NonNullable<operations['SearchController_corroboration']['parameters']['query']>;
type Level = NonNullable<RuleQuery['level']>;
const LEVELS: Level[] = ['corroborated', 'partly_corroborated', 'single_source', 'no_source'];
const DEFAULT_DIRECT = ['victim', 'eyewitness'];

/** The rule as the URL holds it (so a chosen rule is a link), as the API takes it. */
function ruleOf(params: URLSearchParams): RuleQuery {
  const level = params.get('level');
  return {
    minDirect: Number(params.get('minDirect') ?? 2) || 2,
    direct: (params.get('direct') ?? DEFAULT_DIRECT.join(',')).split(',').filter(Boolean),
    strict: params.get('strict') === 'true',
    ...(level && (LEVELS as string[]).includes(level) ? { level: level as Level } : {}),
  };
}

/** A vocabulary's codes and their names in the UI language (source connections, reliability). */
function useCodeNames(scheme: 'source-connection' | 'reliability') {
  const { locale } = useI18n();
  const tree = useQuery({
    queryKey: ['taxonomy', scheme],
    staleTime: Infinity,
    queryFn: () => must(api.GET('/taxonomy/{scheme}', { params: { path: { scheme } } })),
  });
  return useMemo(
    () => new Map((tree.data ?? []).map((term) => [term.code, termLabel(term as Schemas['TermResponse'], locale)])),
    [tree.data, locale],
  );
}

/**
 * The corroboration matrix of a case (issue 17): incidents × the witnesses who are their sources, each
 * cell saying how the witness knows (direct or not), how reliable, and whether date and place agree;
 * the level each incident reaches under the rule chosen on screen, and how many independent witnesses.
 */
export function CorroborationScreen() {
  const { caseRef = '' } = useParams();
  const { messages, format } = useI18n();
  const [params, setParams] = useSearchParams();
  const rule = useMemo(() => ruleOf(params), [params]);
  const connections = useCodeNames('source-connection');
  const matrix = useQuery({
    queryKey: ['corroboration', caseRef, rule],
    queryFn: () => must(api.GET('/cases/{id}/corroboration', { params: { path: { id: caseRef }, query: rule } })),
    placeholderData: keepPreviousData,
  });
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  const toggleDirect = (code: string) => {
    const direct = new Set(rule.direct);
    if (direct.has(code)) direct.delete(code);
    else direct.add(code);
    if (direct.size > 0) set({ direct: [...direct].join(',') });
  };
  return (
    <section>
      <p className="eyebrow">
        <Link to={`/app/cases/${caseRef}`}>{caseRef}</Link>
      </p>
      <h1>{messages.search.corroboration.title}</h1>
      <p className="muted">{messages.search.corroboration.intro}</p>
      <form className="card" aria-labelledby="corroboration-rule" onSubmit={(e) => e.preventDefault()}>
        <h2 id="corroboration-rule">{messages.search.corroboration.rule}</h2>
        <div className="row">
          <label>
            {messages.search.corroboration.minDirect}
            <input
              type="number"
              min={1}
              max={20}
              value={rule.minDirect}
              onChange={(e) => set({ minDirect: e.target.value || undefined })}
            />
          </label>
          <label>
            {messages.search.corroboration.level}
            <select value={rule.level ?? ''} onChange={(e) => set({ level: e.target.value || undefined })}>
              <option value="">{messages.search.corroboration.allLevels}</option>
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {messages.search.corroboration.levels[level]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset>
          <legend>{messages.search.corroboration.direct}</legend>
          <div className="actions">
            {[...connections].map(([code, name]) => (
              <label key={code} className="check">
                <input type="checkbox" checked={rule.direct?.includes(code)} onChange={() => toggleDirect(code)} />
                {name}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="check">
          <input
            type="checkbox"
            checked={rule.strict}
            onChange={(e) => set({ strict: e.target.checked ? 'true' : undefined })}
          />
          {messages.search.corroboration.strict}
        </label>
      </form>
      <QueryView query={matrix}>
        {(data) => (
          <>
            <h2>{messages.search.corroboration.summary}</h2>
            <ul className="level-summary" data-testid="corroboration-summary">
              {LEVELS.map((level) => (
                <li key={level} className={`level level-${level}`}>
                  {messages.search.corroboration.levels[level]}: <strong>{data.summary[level] ?? 0}</strong>
                </li>
              ))}
            </ul>
            <h2>{messages.search.corroboration.matrix}</h2>
            {data.incidents.length === 0 ? (
              <p className="empty">{messages.search.corroboration.empty}</p>
            ) : (
              <MatrixTable data={data} connections={connections} />
            )}
            <p className="muted">
              {format(messages.search.corroboration.agreementCounts, { agree: '✓', conflict: '✗', unstated: '–' })}
            </p>
          </>
        )}
      </QueryView>
    </section>
  );
}

function MatrixTable({ data, connections }: { data: Matrix; connections: Map<string, string> }) {
  const { messages } = useI18n();
  const reliability = useCodeNames('reliability');
  // One column per witness across the case's incidents, in the order they first appear.
  const witnesses = [...new Map(data.incidents.flatMap((i) => i.sources.map((s) => [s.witnessId, s]))).values()];
  const direct = new Set(data.rule.directConnections);
  return (
    <div className="table-wrap">
      <table className="matrix" data-testid="corroboration-matrix">
        <caption className="visually-hidden">{messages.search.corroboration.matrix}</caption>
        <thead>
          <tr>
            <th scope="col">{messages.search.corroboration.incident}</th>
            <th scope="col">{messages.search.corroboration.levelColumn}</th>
            <th scope="col">{messages.search.corroboration.independent}</th>
            <th scope="col">{messages.search.corroboration.directCount}</th>
            <th scope="col">{messages.search.corroboration.indirectCount}</th>
            {witnesses.map((w) => (
              <th scope="col" key={w.witnessId}>
                {w.witnessPseudonym}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.incidents.map((incident) => (
            <tr key={incident.incidentId} data-testid="corroboration-incident">
              <th scope="row">
                <code>{incident.reference}</code> {incident.title}
              </th>
              <td>
                <span className={`level level-${incident.level}`}>
                  {messages.search.corroboration.levels[incident.level as Level]}
                </span>
              </td>
              <td>
                <strong>{incident.independentSources}</strong>
              </td>
              <td>
                {incident.direct}
                {incident.direct > 0 ? (
                  <span className="muted">
                    {' '}
                    ({messages.search.corroboration.agreeingDirect}: {incident.agreeingDirect})
                  </span>
                ) : null}
              </td>
              <td>{incident.indirect}</td>
              {witnesses.map((w) => (
                <td key={w.witnessId}>
                  {incident.sources
                    .filter((s) => s.witnessId === w.witnessId)
                    .map((s) => (
                      <SourceCell
                        key={s.testimonyId}
                        source={s}
                        direct={!!s.connection && direct.has(s.connection)}
                        connections={connections}
                        reliability={reliability}
                      />
                    ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const MARK = { agree: '✓', conflict: '✗', unstated: '–' } as const;

/** One source of an incident: its testimony, how its witness knows, how reliable, date and place agreement. */
function SourceCell({
  source,
  direct,
  connections,
  reliability,
}: {
  source: Source;
  direct: boolean;
  connections: Map<string, string>;
  reliability: Map<string, string>;
}) {
  const { messages } = useI18n();
  const agreement = messages.search.corroboration.agreement;
  const date = source.date as keyof typeof MARK;
  const place = source.place as keyof typeof MARK;
  return (
    <div className={`source ${direct ? 'source-direct' : 'source-indirect'}`}>
      <Link to={`/app/testimonies/${source.testimonyReference}`}>{source.testimonyReference}</Link>
      <div>
        {source.connection
          ? (connections.get(source.connection) ?? source.connection)
          : messages.search.corroboration.noConnection}
        {source.reliability ? ` · ${reliability.get(source.reliability) ?? source.reliability}` : ''}
      </div>
      <div className="muted">
        {messages.search.corroboration.dates} <span aria-hidden="true">{MARK[date]}</span>{' '}
        <span className="visually-hidden">{agreement[date]}</span> · {messages.search.corroboration.places}{' '}
        <span aria-hidden="true">{MARK[place]}</span>
        <span className="visually-hidden">{agreement[place]}</span>
      </div>
    </div>
  );
}
