import { type Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';

type Preview = Schemas['ExportPreviewResponse'];

/**
 * What an export with the chosen profile would include and withhold, and why, before anything is
 * written: the API's preview runs the same collection as the export. Reasons and warnings are the
 * server's own words (English), shown as given so nothing is lost in a paraphrase.
 */
export function ExportPreviewPanel({ preview }: { preview: Preview }) {
  const { messages, formatNumber } = useI18n();
  const t = messages.exports.preview;
  const included = preview.records.filter((r) => r.included).length;
  return (
    <section className="card" aria-labelledby="export-preview-title">
      <h2 id="export-preview-title">{t.title}</h2>
      <p>
        {t.summary
          .replace('{included}', formatNumber(included))
          .replace('{withheld}', formatNumber(preview.records.length - included))}
      </p>
      {preview.warnings.length > 0 && (
        <ul className="warnings" aria-label={t.warnings}>
          {preview.warnings.map((warning) => (
            <li key={warning} lang="en">
              {warning}
            </li>
          ))}
        </ul>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">{t.kind}</th>
            <th scope="col">{t.reference}</th>
            <th scope="col">{t.outcome}</th>
            <th scope="col">{t.reason}</th>
          </tr>
        </thead>
        <tbody>
          {preview.records.map((r) => (
            <tr key={`${r.kind}:${r.id}`}>
              <td>{t.kinds[r.kind]}</td>
              <td>{[r.reference, r.name].filter(Boolean).join(' · ')}</td>
              <td>{r.included ? t.included : t.withheld}</td>
              <td lang="en">{r.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
