import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n';

/** A sentence with a command to run in it, the command shown as code: "Run `sillok fixity:check` …". */
export function CommandHint({ template, command }: { template: string; command: string }) {
  const [before, after] = template.split('{command}');
  return (
    <p className="muted">
      {before}
      <code>{command}</code>
      {after}
    </p>
  );
}

/** A moment (ISO 8601) as date and time in the UI language, machine-readable in the markup. */
export function DateTime({ iso }: { iso: string }) {
  const { locale } = useI18n();
  const text = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso)),
    [locale, iso],
  );
  return <time dateTime={iso}>{text}</time>;
}
