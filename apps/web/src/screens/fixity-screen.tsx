import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { must } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { QueryView } from '../ui/states';
import { CommandHint, DateTime } from '../ui/command-hint';

type FixityRun = Schemas['FixityRunSummaryResponse'];
type FixityFailure = Schemas['FixityStatusFailureResponse'];

/**
 * The evidence store's fixity status (issue 17, administration; administrators and auditors):
 * what the latest `sillok fixity:check` runs found, the attachments that failed, and how many were
 * never checked. The screen reads the recorded checks; it starts none.
 */
export function FixityScreen() {
  const { messages, format, formatNumber } = useI18n();
  const m = messages.administration.fixity;
  const status = useQuery({ queryKey: ['fixity'], queryFn: () => must(api.GET('/fixity')) });
  return (
    <section>
      <h1>{m.title}</h1>
      <p className="muted">{m.intro}</p>
      <QueryView query={status}>
        {(data) => (
          <>
            <dl className="facts" data-testid="fixity-store">
              <dt>{m.stored}</dt>
              <dd>{formatNumber(data.attachments)}</dd>
              <dt>{m.neverChecked}</dt>
              <dd>{formatNumber(data.neverChecked)}</dd>
            </dl>
            {data.latestRun === null ? (
              <div className="card" role="status" data-testid="fixity-no-run">
                <p>{m.noRun}</p>
                <CommandHint template={m.runHint} command="sillok fixity:check" />
              </div>
            ) : (
              <>
                <h2>{m.latest}</h2>
                <RunTable runs={[data.latestRun]} notChecked={data.latestRun.notChecked} />
                {data.latestRun.failures.length === 0 ? (
                  <p className="notice" data-testid="fixity-all-match">
                    {m.allMatch}
                  </p>
                ) : (
                  <>
                    <p className="error-text" role="alert">
                      {format(m.failed, {
                        count: formatNumber(data.latestRun.mismatched + data.latestRun.missing),
                      })}
                    </p>
                    <FailureTable failures={data.latestRun.failures} />
                  </>
                )}
                {data.earlierRuns.length ? (
                  <>
                    <h2>{m.earlier}</h2>
                    <RunTable runs={data.earlierRuns} />
                  </>
                ) : null}
              </>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}

function RunTable({ runs, notChecked }: { runs: FixityRun[]; notChecked?: number }) {
  const { messages, formatNumber } = useI18n();
  const m = messages.administration.fixity;
  return (
    <div className="table-wrap">
      <table data-testid="fixity-runs">
        <thead>
          <tr>
            <th scope="col">{m.started}</th>
            <th scope="col">{m.finished}</th>
            <th scope="col">{m.checked}</th>
            <th scope="col">{m.mismatched}</th>
            <th scope="col">{m.missing}</th>
            {notChecked !== undefined ? <th scope="col">{m.notChecked}</th> : null}
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.runId}>
              <td>
                <DateTime iso={run.startedAt} />
              </td>
              <td>
                <DateTime iso={run.finishedAt} />
              </td>
              <td>{formatNumber(run.checked)}</td>
              <td>{formatNumber(run.mismatched)}</td>
              <td>{formatNumber(run.missing)}</td>
              {notChecked !== undefined ? <td>{formatNumber(notChecked)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FailureTable({ failures }: { failures: FixityFailure[] }) {
  const { messages, format, formatNumber } = useI18n();
  const m = messages.administration.fixity;
  const found = (sha: string | null, size: number | null) =>
    sha === null ? '—' : `${sha.slice(0, 16)}… (${format(m.bytes, { size: formatNumber(size ?? 0) })})`;
  return (
    <div className="table-wrap">
      <table data-testid="fixity-failures">
        <caption>{m.failuresTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{m.attachment}</th>
            <th scope="col">{m.case}</th>
            <th scope="col">{m.problem}</th>
            <th scope="col">{m.expected}</th>
            <th scope="col">{m.observed}</th>
            <th scope="col">{m.checked}</th>
          </tr>
        </thead>
        <tbody>
          {failures.map((failure) => (
            <tr key={failure.attachmentId}>
              <td>
                <code>{failure.attachmentId}</code>
              </td>
              <td>{failure.caseReference ?? failure.caseId}</td>
              <td>{failure.missing ? m.gone : m.mismatch}</td>
              <td>
                <code title={failure.expectedSha256}>{found(failure.expectedSha256, failure.expectedSize)}</code>
              </td>
              <td>
                <code title={failure.observedSha256 ?? undefined}>
                  {found(failure.observedSha256, failure.observedSize)}
                </code>
              </td>
              <td>
                <DateTime iso={failure.checkedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
