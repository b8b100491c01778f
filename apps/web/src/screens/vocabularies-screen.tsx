import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { can, useSession } from '../session/session';
import { termLabel } from '../testimony/terms';
import { Empty, FormError, QueryView } from '../ui/states';
import { useDraft } from '../ui/use-draft';

type Scheme = Schemas['SchemeResponse']['scheme'];
type TermNode = Schemas['TermTreeNodeResponse'];

/** Aliases as typed in one box: separated by commas or new lines, blanks dropped. */
export function parseAliases(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\n]/)
        .map((alias) => alias.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * The controlled vocabularies (issue 17, administration): each scheme as a tree with its terms'
 * names in the UI language, codes and aliases. Those who manage vocabularies add local terms (to the
 * schemes open to them, e.g. a newly identified facility with its spellings), edit aliases and
 * deprecate a term with a reason; nothing is deleted, and closed lists change by migration only.
 */
export function VocabulariesScreen() {
  const { messages, formatNumber } = useI18n();
  const schemeName = (scheme: Scheme) => messages.administration.schemes[scheme] ?? scheme;
  const [params, setParams] = useSearchParams();
  const schemes = useQuery({ queryKey: ['schemes'], queryFn: () => must(api.GET('/taxonomy')) });
  const selected = params.get('scheme') as Scheme | null;
  return (
    <section>
      <h1>{messages.vocabularies.title}</h1>
      <QueryView query={schemes}>
        {(list) => (
          <nav aria-label={messages.vocabularies.schemes} className="scheme-picker">
            {list.map((scheme) => (
              <button
                key={scheme.scheme}
                type="button"
                aria-pressed={scheme.scheme === selected}
                onClick={() => setParams({ scheme: scheme.scheme })}
                title={scheme.scheme}
              >
                {schemeName(scheme.scheme)} ({formatNumber(scheme.activeTermCount)})
              </button>
            ))}
          </nav>
        )}
      </QueryView>
      {selected ? (
        <SchemeTerms
          key={selected}
          scheme={selected}
          open={schemes.data?.find((s) => s.scheme === selected)?.localTerms ?? false}
        />
      ) : (
        <p className="muted">{messages.vocabularies.choose}</p>
      )}
    </section>
  );
}

function SchemeTerms({ scheme, open }: { scheme: Scheme; open: boolean }) {
  const { messages } = useI18n();
  const { me } = useSession();
  const manage = can(me, 'taxonomy.manage');
  const tree = useQuery({
    queryKey: ['scheme', scheme],
    // Deprecated terms too: records that use them stay readable, and here is where one sees why they went.
    queryFn: () =>
      must(api.GET('/taxonomy/{scheme}', { params: { path: { scheme }, query: { includeDeprecated: true } } })),
  });
  return (
    <>
      <h2>
        {messages.administration.schemes[scheme] ?? scheme} <code className="muted">{scheme}</code>
      </h2>
      {manage && open ? <AddTerm scheme={scheme} roots={tree.data ?? []} /> : null}
      {manage && !open ? <p className="muted">{messages.vocabularies.closed}</p> : null}
      <QueryView query={tree}>
        {(roots) =>
          roots.length === 0 ? (
            <Empty>{messages.common.none}</Empty>
          ) : (
            <ul className="term-tree">
              {roots.map((node) => (
                <TermItem key={node.id} node={node} scheme={scheme} manage={manage} />
              ))}
            </ul>
          )
        }
      </QueryView>
    </>
  );
}

function TermItem({ node, scheme, manage }: { node: TermNode; scheme: Scheme; manage: boolean }) {
  const { messages, locale } = useI18n();
  const deprecated = node.status === 'deprecated';
  return (
    <li data-testid="term">
      <span className={deprecated ? 'muted' : undefined}>
        <code>{node.code}</code> {termLabel(node, locale)}
        {deprecated ? ` (${messages.vocabularies.deprecated}: ${node.deprecatedReason ?? ''})` : null}
      </span>
      {node.aliases.length ? (
        <span className="muted">
          {' '}
          · {messages.vocabularies.aliases}: {node.aliases.join(', ')}
        </span>
      ) : null}
      {manage && !deprecated ? <TermActions node={node} scheme={scheme} /> : null}
      {node.children.length ? (
        <ul>
          {node.children.map((child) => (
            <TermItem key={child.id} node={child} scheme={scheme} manage={manage} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function TermActions({ node, scheme }: { node: TermNode; scheme: Scheme }) {
  const { messages, format, locale } = useI18n();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'aliases' | 'deprecate' | null>(null);
  const [aliases, setAliases] = useState(node.aliases.join(', '));
  const [reason, setReason] = useState('');
  const refresh = () => {
    setMode(null);
    void queryClient.invalidateQueries({ queryKey: ['scheme', scheme] });
    void queryClient.invalidateQueries({ queryKey: ['schemes'] });
  };
  const path = { params: { path: { id: node.id } } };
  const saveAliases = useMutation({
    mutationFn: () =>
      must(
        api.PATCH('/taxonomy/terms/{id}', { ...path, body: { aliases: parseAliases(aliases), version: node.version } }),
      ),
    onSuccess: refresh,
  });
  const deprecate = useMutation({
    mutationFn: () =>
      must(api.POST('/taxonomy/terms/{id}/deprecate', { ...path, body: { reason, version: node.version } })),
    onSuccess: refresh,
  });
  const name = termLabel(node, locale);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'aliases') saveAliases.mutate();
    else deprecate.mutate();
  };
  if (!mode) {
    return (
      <span className="term-actions">
        {' '}
        <button
          type="button"
          aria-label={format(messages.vocabularies.editAliases, { name })}
          onClick={() => setMode('aliases')}
        >
          {messages.vocabularies.editAliasesShort}
        </button>{' '}
        <button
          type="button"
          aria-label={format(messages.vocabularies.deprecate, { name })}
          onClick={() => setMode('deprecate')}
        >
          {messages.vocabularies.confirmDeprecate}
        </button>
      </span>
    );
  }
  const pending = saveAliases.isPending || deprecate.isPending;
  return (
    <form className="card" onSubmit={submit}>
      {mode === 'aliases' ? (
        <label>
          {format(messages.vocabularies.aliasesOf, { name })}
          <textarea value={aliases} onChange={(e) => setAliases(e.target.value)} rows={2} />
        </label>
      ) : (
        <label>
          {format(messages.vocabularies.reasonFor, { name })}
          <input required value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
      <FormError error={mode === 'aliases' ? saveAliases.error : deprecate.error} />
      <div className="row">
        <button type="submit" disabled={pending}>
          {mode === 'aliases' ? messages.common.save : messages.vocabularies.confirmDeprecate}
        </button>
        <button type="button" onClick={() => setMode(null)}>
          {messages.common.cancel}
        </button>
      </div>
    </form>
  );
}

/** Flattens the tree for the parent picker, indenting by depth. */
function flatten(nodes: TermNode[], depth = 0): Array<{ node: TermNode; depth: number }> {
  return nodes.flatMap((node) => [{ node, depth }, ...flatten(node.children, depth + 1)]);
}

function AddTerm({ scheme, roots }: { scheme: Scheme; roots: TermNode[] }) {
  const { messages, locale } = useI18n();
  const queryClient = useQueryClient();
  const empty = { code: '', labelEn: '', labelKo: '', labelJa: '', aliases: '', parentId: '' };
  const { draft, field, reset } = useDraft(empty);
  const create = useMutation({
    mutationFn: () =>
      must(
        api.POST('/taxonomy/{scheme}/terms', {
          params: { path: { scheme } },
          body: {
            code: draft.code,
            labelEn: draft.labelEn,
            labelKo: draft.labelKo || null,
            aliases: parseAliases(draft.aliases),
            parentId: draft.parentId || null,
            ...(draft.labelJa ? { attributes: { labelJa: draft.labelJa } as unknown as Record<string, never> } : {}),
          },
        }),
      ),
    onSuccess: () => {
      reset(empty);
      void queryClient.invalidateQueries({ queryKey: ['scheme', scheme] });
      void queryClient.invalidateQueries({ queryKey: ['schemes'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="add-term">
      <h3 id="add-term">{messages.vocabularies.add}</h3>
      <div className="row">
        <label>
          {messages.vocabularies.code}
          <input required {...field('code')} />
        </label>
        <label>
          {messages.vocabularies.labelEn}
          <input required {...field('labelEn')} />
        </label>
        <label>
          {messages.vocabularies.labelKo}
          <input lang="ko" {...field('labelKo')} />
        </label>
        <label>
          {messages.vocabularies.labelJa}
          <input lang="ja" {...field('labelJa')} />
        </label>
      </div>
      <div className="row">
        <label>
          {messages.vocabularies.aliasesHint}
          <textarea rows={2} {...field('aliases')} />
        </label>
        <label>
          {messages.vocabularies.parent}
          <select {...field('parentId')}>
            <option value="">—</option>
            {flatten(roots).map(({ node, depth }) => (
              <option key={node.id} value={node.id}>
                {'\u00a0'.repeat(depth * 2)}
                {node.code} {termLabel(node, locale)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FormError error={create.error} />
      <button type="submit" disabled={create.isPending}>
        {messages.common.add}
      </button>
    </form>
  );
}
