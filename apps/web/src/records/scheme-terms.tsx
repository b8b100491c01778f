import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { must } from '../api/problem';
import type { paths } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { termLabel, type Term } from '../testimony/terms';

type Node = Schemas['TermTreeNodeResponse'];
/** A vocabulary's name, as the API lists them. */
export type Scheme = paths['/taxonomy/{scheme}']['get']['parameters']['path']['scheme'];

function flatten(nodes: Node[], depth = 0): Array<{ term: Term; depth: number }> {
  return nodes.flatMap((node) => [{ term: node, depth }, ...flatten(node.children, depth + 1)]);
}

/** A vocabulary's live terms in tree order, each with its depth (for indented choices). */
export function useSchemeTerms(scheme: Scheme) {
  return useQuery({
    queryKey: ['scheme', scheme],
    staleTime: Infinity,
    queryFn: async () => flatten(await must(api.GET('/taxonomy/{scheme}', { params: { path: { scheme } } }))),
  });
}

/** A term's label in the UI language among the scheme's terms, or the id's start while they load. */
export function useTermLabel(scheme: Scheme) {
  const { locale } = useI18n();
  const terms = useSchemeTerms(scheme);
  return (id: string | null | undefined): string => {
    if (!id) return '—';
    const found = terms.data?.find((t) => t.term.id === id);
    return found ? termLabel(found.term, locale) : '…';
  };
}

/** One term of a scheme, or none: a labelled select whose value is the term id ('' for none). */
export function TermSelect({
  scheme,
  label,
  value,
  onChange,
}: {
  scheme: Scheme;
  label: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
}) {
  const { locale } = useI18n();
  const terms = useSchemeTerms(scheme);
  return (
    <label>
      {label}
      <select aria-label={label} value={value} onChange={onChange}>
        <option value="">—</option>
        {(terms.data ?? []).map(({ term, depth }) => (
          <option key={term.id} value={term.id}>
            {`${'\u00a0\u00a0'.repeat(depth)}${termLabel(term, locale)}`}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One record of the case (a testimony, an incident) by reference and title, as a required select. */
export function RecordSelect({
  label,
  records,
  value,
  onChange,
}: {
  label: string;
  records: Array<{ id: string; reference: string; title: string }>;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
}) {
  return (
    <label>
      {label}
      <select aria-label={label} required value={value} onChange={onChange}>
        <option value="">—</option>
        {records.map((r) => (
          <option key={r.id} value={r.id}>
            {r.reference} · {r.title}
          </option>
        ))}
      </select>
    </label>
  );
}
