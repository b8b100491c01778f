import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { ResetSummary } from './reset-summary';
import { useSession } from './session';

const RECENT_DAYS = 30;
/** Closed for the life of this page (nothing is kept in browser storage), so it shows once per sign-in. */
let closed = false;

/**
 * On the cases page: a confirmed reset of the last 30 days, once, so an owner who confirmed in a
 * hurry still sees who reset their account (issue 23). The unconfirmed case is ResetNotice's.
 */
export function RecentResetNote() {
  const { messages } = useI18n();
  const { me } = useSession();
  const [hidden, setHidden] = useState(closed);
  const reset = me?.lastReset;
  if (hidden || !reset?.confirmed) return null;
  if (Date.now() - new Date(reset.at).getTime() > RECENT_DAYS * 24 * 60 * 60 * 1000) return null;
  const close = () => {
    closed = true;
    setHidden(true);
  };
  return (
    <div className="notice recent-reset" role="status" data-testid="recent-reset">
      <p>
        <ResetSummary reset={reset} /> {messages.resetNotice.notYouAfter}
      </p>
      <button type="button" onClick={close}>
        {messages.common.close}
      </button>
    </div>
  );
}
