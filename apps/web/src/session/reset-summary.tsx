import type { Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** "The password of this account was reset on …, asked by …, approved by …" (or break-glass). */
export function ResetSummary({ reset }: { reset: Schemas['ResetNoticeResponse'] }) {
  const { messages, format, formatDate } = useI18n();
  const text = messages.resetNotice;
  return (
    <>
      {format(text.what, { what: text.kind[reset.kind], date: formatDate(reset.at) })}{' '}
      {reset.via === 'break_glass'
        ? text.breakGlass
        : format(text.byWhom, {
            requestedBy: reset.requestedBy?.displayName ?? '—',
            approvedBy: reset.approvedBy?.displayName ?? '—',
          })}
    </>
  );
}
