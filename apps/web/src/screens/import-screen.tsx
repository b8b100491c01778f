import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { api, type Schemas } from '../api/client';
import { ApiProblem, must } from '../api/problem';
import { uploadWithProgress } from '../attachments/upload-with-progress';
import { useI18n } from '../i18n/i18n';
import { FormError, QueryView } from '../ui/states';

type ImportReport = Schemas['ImportReportResponse'];
type RecordType = ImportReport['type'];

/** In the order an archive is imported: later types refer to earlier ones by external id. */
const RECORD_TYPES: RecordType[] = ['witnesses', 'testimonies', 'tags', 'incidents'];

/** The record type a file's name says (witnesses.csv, archive-tags.jsonl), as `sillok import` guesses it. */
function typeOfFileName(name: string): RecordType | undefined {
  return RECORD_TYPES.find((type) => name.toLowerCase().includes(type));
}

type Step =
  | { kind: 'choose' }
  | { kind: 'uploading'; dryRun: boolean; progress: number }
  | { kind: 'checked'; report: ImportReport }
  | { kind: 'done'; report: ImportReport }
  | { kind: 'refused'; report: ImportReport | null; error: unknown };

/**
 * The import wizard (issue 17, administration): choose a case, a record type and a CSV or JSON
 * Lines file; the file is uploaded (with progress) as a dry run, and the report of every line is
 * shown before anything is written. Only then does "import" send it again for real, which the API
 * checks again (all or nothing), or with the invalid rows left out when the user chooses so.
 */
export function ImportScreen() {
  const { messages } = useI18n();
  const [params, setParams] = useSearchParams();
  const cases = useQuery({
    queryKey: ['cases'],
    queryFn: () => must(api.GET('/cases', { params: { query: { limit: 200 } } })),
  });
  const caseRef = params.get('case') ?? '';
  const type = (params.get('type') as RecordType | null) ?? 'witnesses';
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const choose = (next: { case?: string; type?: RecordType }) => {
    setParams({ case: next.case ?? caseRef, type: next.type ?? type }, { replace: true });
    setStep({ kind: 'choose' });
  };

  const send = async (options: { dryRun: boolean; skipInvalid?: boolean }) => {
    if (!file || !caseRef) return;
    setStep({ kind: 'uploading', dryRun: options.dryRun, progress: 0 });
    const query = new URLSearchParams({ type });
    if (options.dryRun) query.set('dryRun', 'true');
    if (options.skipInvalid) query.set('skipInvalid', 'true');
    try {
      const report = await uploadWithProgress<ImportReport>(
        `/cases/${encodeURIComponent(caseRef)}/imports?${query}`,
        {},
        file,
        (progress) => setStep({ kind: 'uploading', dryRun: options.dryRun, progress }),
      );
      setStep({ kind: options.dryRun ? 'checked' : 'done', report });
    } catch (error) {
      // A refused real import (400) carries the report of the lines that made it refuse.
      const report = error instanceof ApiProblem ? ((error.body as { report?: ImportReport })?.report ?? null) : null;
      setStep({ kind: 'refused', report, error });
    }
  };
  const check = (event: FormEvent) => {
    event.preventDefault();
    void send({ dryRun: true });
  };

  return (
    <section>
      <h1>{messages.administration.imports.title}</h1>
      <p className="muted">{messages.administration.imports.intro}</p>
      <QueryView query={cases}>
        {(page) => {
          const open = page.items.filter((c) => c.myCaseRole === 'lead' || c.myCaseRole === 'member');
          if (open.length === 0) return <p className="empty">{messages.administration.imports.noCases}</p>;
          return (
            <form className="card" onSubmit={check} aria-labelledby="import-choose">
              <h2 id="import-choose" className="visually-hidden">
                {messages.administration.imports.title}
              </h2>
              <div className="row">
                <div>
                  <label htmlFor="import-case">{messages.administration.imports.case}</label>
                  <select id="import-case" value={caseRef} onChange={(e) => choose({ case: e.target.value })} required>
                    <option value="">{messages.administration.imports.chooseCase}</option>
                    {open.map((c) => (
                      <option key={c.id} value={c.reference}>
                        {c.reference} · {c.title}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label htmlFor="import-type">{messages.administration.imports.type}</label>
                  <select
                    id="import-type"
                    value={type}
                    onChange={(e) => choose({ type: e.target.value as RecordType })}
                  >
                    {RECORD_TYPES.map((t) => (
                      <option key={t} value={t}>
                        {messages.administration.imports.types[t]}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label htmlFor="import-file">{messages.administration.imports.file}</label>
                  <input
                    id="import-file"
                    type="file"
                    accept=".csv,.jsonl,.ndjson,text/csv,application/x-ndjson"
                    required
                    onChange={(e) => {
                      const chosen = e.target.files?.[0] ?? null;
                      setFile(chosen);
                      const guessed = chosen ? typeOfFileName(chosen.name) : undefined;
                      choose({ type: guessed });
                    }}
                  />
                </div>
              </div>
              <p className="muted">{messages.administration.imports.templates}</p>
              <button type="submit" className="primary" disabled={!file || !caseRef || step.kind === 'uploading'}>
                {messages.administration.imports.check}
              </button>
            </form>
          );
        }}
      </QueryView>
      {step.kind === 'uploading' ? <UploadProgress step={step} name={file?.name ?? ''} /> : null}
      {step.kind === 'checked' ? (
        <ImportReportView report={step.report}>
          <p className="notice" data-testid="import-nothing-written">
            {messages.administration.imports.nothingWritten}
          </p>
          <ConfirmImport report={step.report} onImport={(skipInvalid) => void send({ dryRun: false, skipInvalid })} />
        </ImportReportView>
      ) : null}
      {step.kind === 'done' ? <ImportDone report={step.report} onAnother={() => setStep({ kind: 'choose' })} /> : null}
      {step.kind === 'refused' ? (
        <>
          <p role="alert" className="error-text">
            {messages.administration.imports.refused}
          </p>
          {step.report ? <ImportReportView report={step.report} /> : <FormError error={step.error} />}
        </>
      ) : null}
    </section>
  );
}

function UploadProgress({ step, name }: { step: { dryRun: boolean; progress: number }; name: string }) {
  const { messages, format } = useI18n();
  return (
    <div className="card" role="status">
      <p>{step.dryRun ? messages.administration.imports.checking : messages.administration.imports.importing}</p>
      <progress max={1} value={step.progress} aria-label={format(messages.administration.imports.progress, { name })} />
    </div>
  );
}

function ConfirmImport({ report, onImport }: { report: ImportReport; onImport(skipInvalid: boolean): void }) {
  const { messages, format, formatNumber } = useI18n();
  const valid = report.rows - report.rejected;
  if (report.rejected === 0) {
    return (
      <button type="button" className="primary" onClick={() => onImport(false)} disabled={valid === 0}>
        {format(messages.administration.imports.confirm, { count: formatNumber(valid) })}
      </button>
    );
  }
  return (
    <>
      <p className="warning">{messages.administration.imports.fix}</p>
      {valid > 0 ? (
        <button type="button" onClick={() => onImport(true)}>
          {format(messages.administration.imports.confirmValid, {
            valid: formatNumber(valid),
            invalid: formatNumber(report.rejected),
          })}
        </button>
      ) : null}
    </>
  );
}

function ImportDone({ report, onAnother }: { report: ImportReport; onAnother(): void }) {
  const { messages, format, formatNumber } = useI18n();
  return (
    <div className="card" role="status" data-testid="import-done">
      <p className="notice">
        {format(messages.administration.imports.done, {
          created: formatNumber(report.created),
          unchanged: formatNumber(report.unchanged),
          rejected: formatNumber(report.rejected),
        })}
      </p>
      <button type="button" onClick={onAnother}>
        {messages.administration.imports.another}
      </button>
    </div>
  );
}

/** The report of every line: counts, the invalid rows by line and field, and the names no term matched. */
function ImportReportView({ report, children }: { report: ImportReport; children?: ReactNode }) {
  const { messages, format, formatNumber } = useI18n();
  const m = messages.administration.imports;
  return (
    <div className="card" role="region" aria-labelledby="import-report" data-testid="import-report">
      <h2 id="import-report">{m.reportTitle}</h2>
      <p>
        {format(m.summary, {
          rows: formatNumber(report.rows),
          valid: formatNumber(report.rows - report.rejected),
          invalid: formatNumber(report.rejected),
        })}
      </p>
      {report.invalid.length ? (
        <div className="table-wrap">
          <table data-testid="import-invalid">
            <caption>{m.invalidTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{m.line}</th>
                <th scope="col">{m.externalId}</th>
                <th scope="col">{m.field}</th>
                <th scope="col">{m.reason}</th>
              </tr>
            </thead>
            <tbody>
              {report.invalid.map((row, i) => (
                <tr key={`${row.line}-${row.field}-${i}`}>
                  <td>{row.line}</td>
                  <td>{row.externalId ?? '—'}</td>
                  <td>
                    <code>{row.field}</code>
                  </td>
                  <td>{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {report.unmatchedNames.length ? (
        <div className="table-wrap">
          <table>
            <caption>{m.unmatchedTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{m.field}</th>
                <th scope="col">{m.scheme}</th>
                <th scope="col">{m.name}</th>
                <th scope="col">{m.rows}</th>
              </tr>
            </thead>
            <tbody>
              {report.unmatchedNames.map((name) => (
                <tr key={`${name.field}-${name.name}`}>
                  <td>
                    <code>{name.field}</code>
                  </td>
                  <td>{name.scheme}</td>
                  <td>{name.name}</td>
                  <td>{name.rows}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{m.unmatchedNote}</p>
        </div>
      ) : null}
      {children}
    </div>
  );
}
